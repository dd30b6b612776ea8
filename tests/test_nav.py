"""The generated nav: report sections, and long sections split into numbered runs."""

from __future__ import annotations

import re
from types import SimpleNamespace

from benchmarks.synthetic_data import write_synthetic
from macros import vocab
from macros.nav import NAV_CHUNK, extend_nav, nav_entries
from tests.conftest import ROOT, build_site, copy_project


def _case(number: int, section: str):
    name = SimpleNamespace(short=f"会{number}")
    return SimpleNamespace(number=number, section=section, name=name, id=f"c{number}", kind="case")


def _dataset(cases):
    return SimpleNamespace(numbered_cases=lambda: cases, columns=lambda: [], themes=[])


def _leaves(entries):
    for entry in entries:
        for value in entry.values():
            if isinstance(value, list):
                yield from _leaves(value)
            else:
                yield value


def test_real_sections_stay_flat(dataset):
    sections = nav_entries(dataset)["cases/index.md"]
    assert [next(iter(s)) for s in sections] == list(dict.fromkeys(vocab.SECTIONS[c.section] for c in dataset.numbered_cases()))
    for section in sections:
        for entry in next(iter(section.values())):
            assert isinstance(next(iter(entry.values())), str)  # a page, not a sub-heading
    assert len(list(_leaves(sections))) == len(dataset.numbered_cases())


def test_long_section_is_split_into_numbered_runs():
    section = next(iter(vocab.SECTIONS))
    cases = [_case(n, section) for n in range(1, 2 * NAV_CHUNK + 6)]
    (only,) = nav_entries(_dataset(cases))["cases/index.md"]
    runs = only[vocab.SECTIONS[section]]
    assert [next(iter(r)) for r in runs] == [f"事例 1–{NAV_CHUNK}", f"事例 {NAV_CHUNK + 1}–{2 * NAV_CHUNK}",
                                             f"事例 {2 * NAV_CHUNK + 1}–{2 * NAV_CHUNK + 5}"]
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


def _collapsed(html: str) -> str:
    return re.sub(r"\s+", " ", html)


def test_lean_nav_partial_draws_what_materials_draws(tmp_path):
    """overrides/partials/nav-item.html only takes shortcuts: every page is the same as with Material's own,
    whitespace apart, on a data set large enough for pruned runs of cases."""
    data = write_synthetic(NAV_CHUNK * len(vocab.SECTIONS) + 10, tmp_path / "data")  # runs in every section
    ours, materials = tmp_path / "ours", tmp_path / "materials"
    project = copy_project(tmp_path / "project")
    (project / "overrides" / "partials" / "nav-item.html").unlink()
    for root, site in ((ROOT, ours), (project, materials)):
        result = build_site(site, data, root=root)
        assert result.returncode == 0, result.stdout + result.stderr
    pages = sorted(p.relative_to(ours) for p in ours.rglob("*.html"))
    assert len(pages) > 150
    assert any("md-nav__item--pruned" in (ours / p).read_text(encoding="utf-8") for p in pages)
    different = [str(p) for p in pages
                 if _collapsed((ours / p).read_text(encoding="utf-8")) != _collapsed((materials / p).read_text(encoding="utf-8"))]
    assert different == []
