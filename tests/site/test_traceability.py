"""Traceability on the built site: notes linked from what they concern, derived values, cited figures, the source.

Reads the real build (one per test session) and the real data, so each check
follows the data: a note that names a figure must be linked from that figure's
row, a note that concerns a part from the section that shows the part.
"""

from __future__ import annotations

import csv
import io
import re

import pytest

from macros.data import vocab
from macros.site.pages import CASE_SECTIONS, case_src_uri
from macros.views.parts import PARTS_SHOWING

HEADER = "header"  # the part above the first section: title and summary
ANCHOR_OF_PART = {part: anchor for anchor, _, part, _ in CASE_SECTIONS}


def _page(built_site, case) -> str:
    return (built_site / case_src_uri(case).removesuffix(".md") / "index.html").read_text(encoding="utf-8")


def _sections(html: str) -> dict[str, str]:
    """The case page cut at its section headings: anchor -> HTML ("header" for what comes before)."""
    pieces = re.split(r'<h2 id="([a-z-]+)"', html)
    sections = {HEADER: pieces[0]}
    sections.update(zip(pieces[1::2], pieces[2::2]))
    return sections


def _row(html: str, row_id: str) -> str:
    match = re.search(rf'<tr id="{re.escape(row_id)}">(.*?)</tr>', html, re.S)
    assert match, f"行 {row_id} がありません"
    return match.group(1)


def test_every_part_a_note_can_concern_is_shown_somewhere():
    assert set(PARTS_SHOWING) == set(vocab.NOTE_CONCERNS)
    for parts in PARTS_SHOWING.values():
        assert set(parts) <= set(ANCHOR_OF_PART) | {HEADER}


def test_a_note_is_linked_from_the_figures_and_parts_it_concerns(built_site, dataset):
    checked = 0
    for case in dataset.cases:
        if not case.data_notes:
            continue
        html = _page(built_site, case)
        sections = _sections(html)
        for note in case.data_notes:
            link = f'href="#note-{note.id}"'
            assert f'id="note-{note.id}"' in sections["notes"]
            figures = {f.id for f in case.figures}
            for ref in note.refers_to:
                row_id = f"figure-{ref}" if ref in figures else f"count-{ref}"
                assert link in _row(html, row_id), f"{case.id}: {row_id} から注記 {note.id} へのリンクがありません"
                assert f'href="#{row_id}"' in sections["notes"], f"{case.id}: 注記 {note.id} から {row_id} へ戻れません"
                checked += 1
            for concern in note.concerns:
                for part in PARTS_SHOWING[concern]:
                    where = HEADER if part == HEADER else ANCHOR_OF_PART[part]
                    if where not in sections:  # a part with nothing to show has no section
                        continue
                    assert link in sections[where], f"{case.id}: {where} から注記 {note.id} へのリンクがありません"
                    checked += 1
    assert checked > 50


def test_hope_summary_and_timeline_link_the_founding_conflict(built_site, dataset):
    """The issue's first example, read as an official would: the summary and the timeline lead to the note."""
    sections = _sections(_page(built_site, dataset.case_by_id["hope"]))
    for where in (HEADER, "timeline", "related"):
        assert 'href="#note-founder-before-founding"' in sections[where]
    note = re.sub(r"<[^>]+>", "", sections["notes"])
    assert "2001年7月" in note and "2001年6月" in note


def test_a_derived_value_says_so_on_its_row(built_site, dataset):
    case = dataset.case_by_id["higashiosaka-city"]
    row = _row(_page(built_site, case), "figure-groups-organised")
    assert "編集部による値" in row and "かがやきネット" in row


def test_the_report_s_internet_statistics_are_published(built_site, dataset):
    theme = dataset.theme_by_id["internet-mobile"]
    assert len(theme.figures) == 8
    html = (built_site / "lessons" / "internet-mobile" / "index.html").read_text(encoding="utf-8")
    for figure in theme.figures:
        row = _row(html, f"figure-{figure.id}")
        assert "3．（6）" in row and vocab.UNITS[figure.unit] in row
    rows = list(csv.DictReader(io.StringIO((built_site / "downloads" / "theme_metrics.csv").read_text("utf-8-sig"))))
    ours = {r["figure_id"]: r for r in rows if r["theme_id"] == "internet-mobile"}
    assert set(ours) == {f.id for f in theme.figures}
    assert ours["mobile-contracts-fy2002"]["value"] == "75650000"
    assert ours["mobile-contracts-fy2002"]["unit"] == "contracts"
    assert ours["internet-users-2002"]["period"] == "2002-12"


def test_the_joint_order_comparison_shows_the_promised_response_time(built_site):
    html = (built_site / "compare" / "joint-orders" / "index.html").read_text(encoding="utf-8")
    assert "回答までの時間" in html
    assert re.search(r'href="[./]*cases/kyoto-shisaku-net/#figure-response-time">2時間以内</a>', html)


@pytest.mark.parametrize("page", ["about", "data"])
def test_the_source_is_described_where_readers_look(built_site, dataset, page):
    html = (built_site / page / "index.html").read_text(encoding="utf-8")
    assert 'id="source"' in html
    text = re.sub(r"<[^>]+>", "", html)
    report = dataset.sources[0]
    for mark in report.page_marks:
        assert f'<td class="num">{mark.page}</td><td>{mark.ref}</td>' in html
    assert "分からないこと" in text and "報告書全体の表題" in text
    assert "2004年1月19日" in text  # the newest date in the text, the evidence for when it was written


def test_a_case_page_gives_the_page_numbers_inside_it(built_site, dataset):
    html = _page(built_site, dataset.case_by_id["adock-kobe"])
    assert "12ページは事例1（2）で終わる" in re.sub(r"<[^>]+>", "", html)
    other = _page(built_site, dataset.case_by_id["hit"])
    assert "ページは事例" not in re.sub(r"<[^>]+>", "", other)
