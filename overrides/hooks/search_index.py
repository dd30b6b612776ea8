"""Hook: the search index (search/), from the text of every rendered page.

Each page's content is read once it is rendered (glossary links and all); the
index is written with the site after the last page. See macros/search/.
"""

from __future__ import annotations

from pathlib import Path

from macros.search.index import SearchPage, build_search_index
from macros.search.page_text import page_lines
from macros.site.build import current
from macros.site.pages import page_names


def on_page_content(html, page, config, files):
    if (page.meta.get("search") or {}).get("exclude"):  # 全事例集 repeats every case page
        return html
    section = page.parent.title if page.parent else ""
    names = page_names(current().dataset, page.meta)
    current().search_pages[page.url] = SearchPage(page.url, page.title, section, names, page_lines(html))
    return html


def on_post_build(config):
    found = current().search_pages
    pages = [found[url] for url in sorted(found)]
    root = Path(config.site_dir, "search")
    made: set[Path] = set()  # some ten thousand files in three folders: each folder made once
    for path, content in build_search_index(pages).items():
        target = root / path
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        target.write_bytes(content)
