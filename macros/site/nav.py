"""Navigation entries for the generated pages.

Cases are grouped by the report's own sections (基盤あり・基盤なし・自治体…).
Theme pages are grouped by origin (the report's eight points, the editors'
additions): Material shows a nested group folded until one of its pages is
open, so the lessons section stays a few lines long and the sections after
it (ダウンロード, 用語集, このサイトについて) stay in view.
A section that grows past NAV_CHUNK cases is split into numbered runs
("事例 17–46"), so the side bar stays short enough to scan and every page
renders a nav of bounded size: Material draws each page's whole active
section, so one flat list of n cases costs n entries on each of n pages.
"""

from __future__ import annotations

from ..data import vocab
from .pages import case_src_uri, theme_safe_title

NAV_CHUNK = 30  # at most this many cases under one nav heading


def _chunked(pages: list[tuple[int, dict]]) -> list:
    """Pages as they are, or split into numbered runs of NAV_CHUNK."""
    if len(pages) <= NAV_CHUNK:
        return [entry for _, entry in pages]
    runs = []
    for start in range(0, len(pages), NAV_CHUNK):
        run = pages[start : start + NAV_CHUNK]
        runs.append({f"事例 {run[0][0]}–{run[-1][0]}": [entry for _, entry in run]})
    return runs


def nav_entries(dataset) -> dict[str, list]:
    """Nav entries for the generated pages, keyed by the index page of the nav section they join."""
    by_section: dict[str, list[tuple[int, dict]]] = {}
    for case in dataset.numbered_cases():
        label = vocab.SECTIONS[case.section]
        title = theme_safe_title(f"{case.number}. {case.name.short}")
        by_section.setdefault(label, []).append((case.number, {title: case_src_uri(case)}))
    added = [
        (c.number, {theme_safe_title(f"追加{c.number}. {c.name.short}"): case_src_uri(c)})
        for c in dataset.added_cases()
    ]
    if added:  # apart from the report's sections: they are not the report's cases
        by_section[f"{vocab.KINDS['added']}（報告書以外の出典）"] = added
    return {
        "cases/index.md": [{label: _chunked(pages)} for label, pages in by_section.items()],
        "columns/index.md": [
            {theme_safe_title(f"コラム{c.number} {c.name.short}"): case_src_uri(c)} for c in dataset.columns()
        ],
        "lessons/index.md": _themes_by_origin(dataset.themes),
    }


def _themes_by_origin(themes) -> list[dict]:
    groups: dict[str, list] = {}
    for theme in themes:
        groups.setdefault(vocab.THEME_ORIGINS[theme.origin], []).append(
            {theme_safe_title(theme.title): f"lessons/{theme.id}.md"}
        )
    return [{label: entries} for label, entries in groups.items()]


def extend_nav(items: list, entries: dict[str, list]) -> None:
    """Append generated entries to the nav section whose first page is one of the index pages."""
    for item in items:
        if not isinstance(item, dict):
            continue
        for children in item.values():
            if isinstance(children, list) and children:
                first = children[0]
                first_path = first if isinstance(first, str) else next(iter(first.values()), None)
                if isinstance(first_path, str) and first_path in entries:
                    children.extend(entries[first_path])
                else:
                    extend_nav(children, entries)
