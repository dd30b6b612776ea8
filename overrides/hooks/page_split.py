"""MkDocs hooks: build half of the generated pages' HTML on the second core.

Turning a page into HTML through the theme (navigation, table of contents,
search indexing) is the largest part of a big build, and MkDocs does it one
page at a time. Once every page's Markdown is converted (on_env), a forked
child builds every second generated page with MkDocs' own page builder and
writes it; this process leaves those pages out of its own loop. The child
sends back the search entries of its pages and any warnings, which are merged
here in page order before the search index is written, so the site is the
same, byte for byte, as a one-process build (tests/test_reproducible.py).

Only in a clean `mkdocs build` with enough pages to pay for the fork, and only
where macros/forking.py allows a fork; `mkdocs serve` builds in one process.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.commands.build import _build_page  # the exact builder the main loop uses
from mkdocs.plugins import event_priority
from mkdocs.structure.files import InclusionLevel

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # MkDocs loads hooks by path, not as a package
    sys.path.insert(0, str(ROOT))

from macros import forking

log = logging.getLogger("mkdocs.hooks.page_split")
MIN_PAGES = 64  # below this the fork costs more than it saves
SEARCH_PLUGIN = "material/search"
_state: dict = {}


def on_startup(command, dirty):
    _state.clear()
    _state["allowed"] = command in ("build", "gh-deploy") and not dirty


def on_env(env, config, files):
    if not _state.get("allowed"):
        return env
    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
    generated = [f for f in doc_files if "case_id" in f.page.meta or "theme_id" in f.page.meta]
    share = generated[1::2]
    if len(generated) < MIN_PAGES or not share:
        return env
    _state["child"] = dict(pages=[f.page for f in share], config=config, doc_files=doc_files, env=env,
                           nav=_state["nav"], files=files)
    job = forking.in_background(_build_share)
    _state.pop("child")
    if job is None:
        return env
    for file in share:  # built by the child; this process's loop skips them
        files.remove(file)
    log.debug(f"Building {len(share)} of {len(doc_files)} pages in a second process")
    _state.update(job=job, share=share, files=files, page_order={f.page.url: i for i, f in enumerate(doc_files)})
    return env


def on_nav(nav, config, files):
    _state["nav"] = nav  # on_env is not given the navigation; the child needs it
    return nav


def _build_share() -> dict:
    """In the child: build the pages, check their anchors; return search entries and warnings."""
    child = _state["child"]
    config = child["config"]
    warnings: list[tuple[str, int, str]] = []
    logger = logging.getLogger("mkdocs")
    logger.handlers = [_Capture(warnings)]  # the parent prints them, once
    search = config.plugins.get(SEARCH_PLUGIN)
    for page in child["pages"]:
        _build_page(page, config, child["doc_files"], child["nav"], child["env"])
    for page in child["pages"]:
        page.validate_anchor_links(files=child["files"], log_level=config.validation.links.anchors)
    entries = search.search_index.entries if search is not None else []
    return {"entries": entries, "warnings": warnings}


class _Capture(logging.Handler):
    def __init__(self, into: list):
        super().__init__(logging.WARNING)
        self.into = into

    def emit(self, record):
        self.into.append((record.name, record.levelno, record.getMessage()))


@event_priority(100)  # before the search plugin writes its index and the site is published
def on_post_build(config):
    job = _state.pop("job", None)
    if job is None:
        return
    result = job.result()  # raises what the child raised
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
