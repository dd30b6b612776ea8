"""The generated nav: report sections, and long sections split into numbered runs."""

from __future__ import annotations

from types import SimpleNamespace

from macros.data import vocab
from macros.site.nav import NAV_CHUNK, extend_nav, nav_entries


def _case(number: int, section: str):
    name = SimpleNamespace(short=f"会{number}")
    return SimpleNamespace(number=number, section=section, name=name, id=f"c{number}", kind="case")


def _dataset(cases):
    return SimpleNamespace(numbered_cases=lambda: cases, columns=lambda: [], added_cases=lambda: [], themes=[])


def _leaves(entries):
    for entry in entries:
        for value in entry.values():
            if isinstance(value, list):
                yield from _leaves(value)
            else:
                yield value


def test_real_sections_stay_flat(dataset):
    sections = nav_entries(dataset)["cases/index.md"]
    assert [next(iter(s)) for s in sections] == list(
        dict.fromkeys(vocab.SECTIONS[c.section] for c in dataset.numbered_cases())
    )
    for section in sections:
        for entry in next(iter(section.values())):
            assert isinstance(next(iter(entry.values())), str)  # a page, not a sub-heading
    assert len(list(_leaves(sections))) == len(dataset.numbered_cases())


def test_long_section_is_split_into_numbered_runs():
    section = next(iter(vocab.SECTIONS))
    cases = [_case(n, section) for n in range(1, 2 * NAV_CHUNK + 6)]
    (only,) = nav_entries(_dataset(cases))["cases/index.md"]
    runs = only[vocab.SECTIONS[section]]
    assert [next(iter(r)) for r in runs] == [
        f"事例 1–{NAV_CHUNK}",
        f"事例 {NAV_CHUNK + 1}–{2 * NAV_CHUNK}",
        f"事例 {2 * NAV_CHUNK + 1}–{2 * NAV_CHUNK + 5}",
    ]
    assert all(len(next(iter(r.values()))) <= NAV_CHUNK for r in runs)
    assert list(_leaves(runs)) == [f"cases/c{n}.md" for n in range(1, 2 * NAV_CHUNK + 6)]


def test_entries_join_the_section_of_their_index_page():
    nav = [{"ホーム": "index.md"}, {"事例": ["cases/index.md"]}, {"比較": ["compare/index.md"]}]
    extend_nav(nav, {"cases/index.md": [{"1. 会": "cases/c1.md"}]})
    assert nav[1]["事例"] == ["cases/index.md", {"1. 会": "cases/c1.md"}]
    assert nav[2]["比較"] == ["compare/index.md"]


def test_split_sections_in_the_nav_are_left_alone():
    runs = [{"事例 1–30": [{"1. 会": "cases/c1.md"}]}]
    nav = [{"事例": ["cases/index.md"]}]
    extend_nav(nav, {"cases/index.md": [{"基盤": runs}]})
    assert nav[0]["事例"][1] == {"基盤": runs}


def test_theme_pages_are_grouped_by_origin_so_the_lessons_section_stays_short(dataset):
    """Material folds a nested group until one of its pages is open: the lessons section
    then takes a line per group instead of a line per theme (issue 17)."""
    groups = nav_entries(dataset)["lessons/index.md"]
    assert [next(iter(g)) for g in groups] == list(dict.fromkeys(vocab.THEME_ORIGINS[t.origin] for t in dataset.themes))
    assert all(isinstance(next(iter(g.values())), list) for g in groups)
    assert list(_leaves(groups)) == [f"lessons/{t.id}.md" for t in dataset.themes]
