"""MkDocs hooks: validate the data, add the generated pages and their nav.

The logic lives in the plain modules under macros/; this file only connects
them to MkDocs events.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # MkDocs loads hooks by path, not as a package
    sys.path.insert(0, str(ROOT))

from macros import BUILD_FAILED, atomic_output, build_date, edit_views
from macros.charts import all_charts
from macros.exports import DOWNLOAD_DIR, render_in_background, write_downloads
from macros.glossary_links import link_terms
from macros.load import DataInvalid, load_dataset_cached
from macros.nav import extend_nav, nav_entries
from macros.nav_memo import install as install_nav_memo
from macros.pages import generated_pages, is_generated
from macros.prerender import PageJob, render_pages
from macros.render import render, stop_checking_for_edits
from macros.search_copy import search_copy
from macros.stash import fill_deferred, has_deferred, unstash
from macros.tabular import csv_bytes
from macros.views import base_for, fill_generated_page

_state: dict = {}
DOWNLOAD_PAGE = "data.md"


def on_startup(command, dirty):
    # `mkdocs serve` builds into its own temporary folder; only real builds are staged.
    building = command in ("build", "gh-deploy")
    _state["atomic"] = building and not dirty
    # No second process under `mkdocs serve`: forking beside its server threads is not safe.
    _state["background"] = building
    if building:
        stop_checking_for_edits()
    build_date.pin_build_date()


def on_config(config):
    try:  # mkdocs-macros has loaded it already; this reuses that load
        _state["dataset"] = load_dataset_cached()
    except DataInvalid as exc:
        # Abort prints the message without a traceback and exits non-zero.
        raise Abort(f"{BUILD_FAILED}\n{exc}") from None
    _state["commits"] = edit_views.data_commits()  # one `git log` per build, for the edit dates
    if _state.get("background"):  # the downloads are written on the second core while MkDocs builds
        render_in_background(_state["dataset"])
        # The data lives until the process ends: move it out of the garbage collector's
        # way (about 10 % of a 1,000-case build). Not under `serve`, whose rebuilds replace it.
        gc.freeze()
    if _state.get("atomic"):
        final = Path(config.site_dir)
        _state["final_site_dir"] = final
        config.site_dir = str(atomic_output.prepare(final))
    return config


def on_post_build(config):
    # The downloads are written before the site is published, as part of it.
    write_downloads(_state["dataset"], Path(config.site_dir) / DOWNLOAD_DIR)
    if _state.get("final_site_dir"):
        atomic_output.publish(Path(config.site_dir), _state.pop("final_site_dir"))


def on_build_error(error):
    final = _state.pop("final_site_dir", None)
    if final is not None:  # the previous site stays as it was
        atomic_output.discard(atomic_output.staging_dir(final))


def on_files(files, config):
    dataset = _state["dataset"]
    jobs = []
    for page in generated_pages(dataset):
        file = File.generated(config, page.src_uri, content=page.content)
        files.append(file)
        jobs.append(PageJob(page.src_uri, page.content, page.meta, file.url))
    _state["parts"] = render_pages(jobs, dataset, _edit_part(config))  # half on the second core
    for chart in all_charts(dataset).values():  # a CSV of exactly each chart's data
        files.append(File.generated(config, f"charts/data/{chart.id}.csv", content=csv_bytes(chart.columns, chart.rows)))
    if config.nav:
        extend_nav(config.nav, nav_entries(dataset))
    # Pages are built in file order: the download page, which lists the files'
    # sizes, goes last to give the background render the most time.
    downloads = files.get_file_from_path(DOWNLOAD_PAGE)
    if downloads is not None:
        files.remove(downloads)
        files.append(downloads)
    return files


@event_priority(100)  # before page_split takes the second process's pages out of `files`
def on_env(env, config, files):
    install_nav_memo(env, [f.url for f in files.documentation_pages()])
    return env


def _edit_part(config):
    dataset, commits = _state["dataset"], _state["commits"]

    def edit_part(case_id: str, page_url: str) -> str:
        return edit_views.case_edit(dataset, case_id, page_url, config.extra, commits)

    return edit_part


def on_page_markdown(markdown, page, config, files):
    """Fill the generated case, column and theme pages (mkdocs-macros skips them)."""
    if not is_generated(page.meta):
        return markdown
    return fill_generated_page(markdown, page.meta, _state["parts"].pop(page.file.src_uri))  # rendered in on_files


def on_page_content(html, page, config, files):
    html = unstash(page.meta, html)
    if is_generated(page.meta) or page.file.src_uri == "glossary.md":  # generated parts come linked
        return html
    if has_deferred(page.meta):  # linked once whole, when built (each term is linked once a page)
        return html
    return _linked(html, page)


def _linked(html: str, page) -> str:
    return link_terms(html, _state["dataset"].terms, base_for(page.url) + "glossary/")


@event_priority(60)  # before the page is indexed or drawn
def _fill_deferred_parts(context, page, config, nav):
    if has_deferred(page.meta):
        page.content = _linked(fill_deferred(page.meta, page.content), page)
    return context


@event_priority(50)  # before the search plugin indexes the page
def _index_lighter_copy(context, page, config, nav):
    _state["full_content"] = page.content
    page.content = search_copy(page.content)
    return context


@event_priority(-50)  # after it: the page is rendered from its full HTML
def _restore_full_copy(context, page, config, nav):
    page.content = _state.pop("full_content")
    return context


on_page_context = CombinedEvent(_fill_deferred_parts, _index_lighter_copy, _restore_full_copy)


def on_post_page(output, page, config):
    """Load chart and table code only on the pages that have charts or tables to drive."""
    charts, compare = "data-chart=" in output, "data-compare" in output
    if not (charts or compare):
        return output
    scripts = render("page-scripts.html", base=base_for(page.url), charts=charts, compare=compare)
    return output.replace("</body>", scripts + "\n</body>", 1)
