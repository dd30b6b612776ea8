"""Hook: the search index (search/), from the text of every rendered page.

Each page's content is read once it is rendered (glossary links and all); the
index is written with the site after the last page. See macros/search/.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # MkDocs loads hooks by path, not as a package

from macros.search.index import SearchPage, build_search_index
from macros.search.page_text import page_lines
from macros.site.build import dataset_for_build
from macros.site.pages import page_names

_pages: dict[str, SearchPage] = {}


def on_pre_build(config):
    _pages.clear()  # `mkdocs serve` builds again in the same process


def on_page_content(html, page, config, files):
    if (page.meta.get("search") or {}).get("exclude"):  # 全事例集 repeats every case page
        return html
    section = page.parent.title if page.parent else ""
    names = page_names(dataset_for_build(), page.meta)
    _pages[page.url] = SearchPage(page.url, page.title, section, names, page_lines(html))
    return html


def on_post_build(config):
    pages = [_pages[url] for url in sorted(_pages)]
    root = Path(config.site_dir, "search")
    made: set[Path] = set()  # some ten thousand files in three folders: each folder made once
    for path, content in build_search_index(pages).items():
        target = root / path
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        target.write_bytes(content)
