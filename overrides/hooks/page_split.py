"""MkDocs hooks: a forked child converts and builds about half of the generated pages.

Converting the generated pages' Markdown and turning every page into HTML
through the theme (navigation, table of contents, search indexing) is most
of a big build, and MkDocs does it one page at a time. Here a child forked
once the navigation exists takes a share of the generated pages (case,
column and theme pages) through MkDocs' own steps, and this process skips
the work for them:

1. on_nav: the child is forked. Here the share's Markdown is read as empty
   (the child converts it).
2. on_env (every page converted): the child sends its pages' anchors, so that
   links to them are still checked here; this process sends the titles of
   the other pages, which the child's navigation shows.
3. The child builds and writes its pages and checks their links; this
   process leaves them out of its own loop.
4. on_post_build: the child's search entries are merged in page order and
   its warnings logged here, before the search index is written.

The site is the same, byte for byte, as a one-process build
(tests/test_reproducible.py). Only in a clean `mkdocs build` with enough
generated pages to pay for the fork, and only where macros/forking.py allows
a fork; `mkdocs serve` builds in one process.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.commands.build import _build_page, _populate_page  # MkDocs' own per-page steps
from mkdocs.plugins import event_priority
from mkdocs.structure.files import InclusionLevel

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # MkDocs loads hooks by path, not as a package
    sys.path.insert(0, str(ROOT))

from macros import forking
from macros.nav_memo import install as install_nav_memo
from macros.pages import is_generated_source

log = logging.getLogger("mkdocs.hooks.page_split")
MIN_PAGES = 64  # below this the fork costs more than it saves
# The child's share of the generated pages: a little over half, because this
# process also has the pages drawn from the whole data set.
CHILD_SHARE = 0.55
SEARCH_PLUGIN = "material/search"
_state: dict = {}


def on_startup(command, dirty):
    _state.clear()
    _state["allowed"] = command in ("build", "gh-deploy") and not dirty


def on_nav(nav, config, files):
    if not _state.get("allowed"):
        return nav
    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
    generated = [f for f in doc_files if f.generated_by is not None and is_generated_source(f.content_string)]
    if len(generated) < MIN_PAGES:
        return nav
    share = generated[len(generated) - int(len(generated) * CHILD_SHARE):]
    shared_uris = {f.src_uri for f in share}
    _state["child"] = dict(pages=[f.page for f in share], others=[f.page for f in doc_files if f.src_uri not in shared_uris],
                           config=config, files=files, doc_files=doc_files, nav=nav)
    partner = forking.partner(_child)
    del _state["child"]
    if partner is not None:
        _state.update(partner=partner, share=share, files=files, shared_uris=shared_uris,
                      page_order={f.page.url: i for i, f in enumerate(doc_files)})
    return nav


@event_priority(100)  # first: nothing is converted for a page the child converts
def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri in _state.get("shared_uris", ()):
        return ""
    return markdown


def on_env(env, config, files):
    partner = _state.get("partner")
    if partner is None:
        return env
    anchors = partner.receive()  # the child has converted its pages
    for file in _state["share"]:
        file.page.present_anchor_ids = anchors[file.src_uri]
    shared = _state["shared_uris"]
    partner.send({f.src_uri: f.page.title for f in files.documentation_pages() if f.src_uri not in shared})
    for file in _state["share"]:  # built by the child; this process's loop skips them
        files.remove(file)
    log.debug(f"Building {len(shared)} pages in a second process")
    return env


def _child(link) -> None:
    """In the child: convert the share, swap anchors for titles, build the share, report."""
    child = _state["child"]
    config, files = child["config"], child["files"]
    warnings: list[tuple[str, int, str]] = []
    logging.getLogger("mkdocs").handlers = [_Capture(warnings)]  # the parent prints them, once
    for page in child["pages"]:
        _populate_page(page, config, files)
    link.send({page.file.src_uri: page.present_anchor_ids for page in child["pages"]})
    titles = link.receive()
    for page in child["others"]:  # converted in the parent; the navigation shows their titles
        page.read_source(config)
        page.title = titles[page.file.src_uri]
    # The theme's environment as MkDocs makes it, with what data_pages' on_env adds (on_env
    # has not run yet; a difference would show in tests/test_reproducible.py).
    env = config.theme.get_env()
    install_nav_memo(env, [f.url for f in files.documentation_pages()])
    for page in child["pages"]:
        _build_page(page, config, child["doc_files"], child["nav"], env)
    for page in child["pages"]:
        page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
    search = config.plugins.get(SEARCH_PLUGIN)
    link.send({"entries": search.search_index.entries if search is not None else [], "warnings": warnings})


class _Capture(logging.Handler):
    def __init__(self, into: list):
        super().__init__(logging.WARNING)
        self.into = into

    def emit(self, record):
        self.into.append((record.name, record.levelno, record.getMessage()))


@event_priority(100)  # before the search plugin writes its index and the site is published
def on_post_build(config):
    partner = _state.pop("partner", None)
    if partner is None:
        return
    result = partner.receive()  # raises what the child raised
    partner.close()
    for name, level, message in result["warnings"]:
        logging.getLogger(name).log(level, message)  # counted here, so --strict still fails
    search = config.plugins.get(SEARCH_PLUGIN)
    if search is not None:
        order = _state["page_order"]
        entries = search.search_index.entries + result["entries"]
        entries.sort(key=lambda entry: order[entry["location"].partition("#")[0]])
        search.search_index.entries = entries
    for file in _state.pop("share"):  # the file list is whole again for anything after the build
        _state["files"].append(file)


def on_build_error(error):
    partner = _state.pop("partner", None)
    if partner is not None:
        partner.close()
