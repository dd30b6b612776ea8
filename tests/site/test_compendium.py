"""全事例集: every case and column on one page in the report's order, with a table of contents and unique anchors."""

from __future__ import annotations

import html
import json
import re
from collections import Counter

import pytest

from macros.site.compendium import PDF_ENV, pdf_file
from macros.site.pages import CASE_SECTIONS
from macros.views.facts import report_order
from macros.views.parts import case_part


@pytest.fixture(scope="module")
def page(built_site) -> str:
    return (built_site / "all-cases" / "index.html").read_text(encoding="utf-8")


def test_the_report_order_puts_each_column_after_its_case(dataset):
    order = [f"{c.kind}{c.number}" for c in report_order(dataset)]
    assert len(order) == len(dataset.cases) == 18
    assert order.index("column1") == order.index("case10") + 1  # 報告書では事例10のあと
    assert order[-1] == "column2"  # 事例16のあと、３．の前
    assert [o for o in order if o.startswith("case")] == [f"case{n}" for n in range(1, 17)]


def test_the_page_holds_every_case_in_report_order_with_a_table_of_contents(page, dataset):
    sections = re.findall(r'<section class="compendium-case" id="([a-z0-9-]+)"', page)
    assert sections == [c.id for c in report_order(dataset)]
    toc = page[page.index('class="compendium-toc"') : page.index("</nav>", page.index('class="compendium-toc"'))]
    assert re.findall(r'href="#([a-z0-9-]+)"', toc) == sections
    for case in dataset.cases:
        body = page[page.index(f'id="{case.id}"') :]
        assert case.summary[:20] in html.unescape(re.sub(r"<[^>]+>", "", body))
        for figure in case.figures:
            assert f'id="{case.id}--figure-{figure.id}"' in body


def test_every_anchor_on_the_page_is_unique_and_every_same_page_link_lands(page):
    ids = Counter(re.findall(r'\sid="([^"]+)"', page))
    assert [i for i, n in ids.items() if n > 1] == []
    targets = set(re.findall(r'href="#([^"]+)"', page))
    assert targets <= set(ids), targets - set(ids)


# Every attribute that names an id of the page, and the CSV a table box links to.
_REFERENCES = re.compile(r'\s(id|for|aria-labelledby|aria-describedby|aria-controls|data-cite-url|data-csv)="([^"]*)"')


@pytest.mark.parametrize("case_id", ["hit", "tama", "leader-conditions"])
def test_a_case_rendered_with_a_prefix_prefixes_every_id_same_page_link_and_csv_name(dataset, case_id):
    case = dataset.case_by_id[case_id]
    parts = ["header"] + [part for _, _, part, present in CASE_SECTIONS if present is None or present(case)]
    for part in parts:
        rendered = case_part(dataset, case_id, part, "all-cases/", id_prefix="x--", heading_offset=1, with_title=False)
        for name, value in _REFERENCES.findall(rendered.html):
            assert all(v.startswith("x--") for v in value.split()), (part, name, value)
        for target in re.findall(r'href="([^"]*)"', rendered.html):
            assert not target.startswith("#") or target.startswith("#x--"), (part, target)
            assert not target.endswith(".csv") or target.startswith("x--"), (part, target)
        assert all(t.filename.startswith("x--") for t in rendered.tables), part
        assert "<h1" not in rendered.html and "<h3" not in rendered.html, part  # the case's h3 are h4 here


def test_the_page_is_left_out_of_the_search_index(built_site):
    meta = json.loads((built_site / "search" / "meta.json").read_text(encoding="utf-8"))
    assert "all-cases/" not in json.dumps(meta["pages"], ensure_ascii=False)
    assert "cases/tama/" in json.dumps(meta["pages"], ensure_ascii=False)


def test_without_a_pdf_the_download_page_says_how_to_make_one(built_site):
    data = (built_site / "data" / "index.html").read_text(encoding="utf-8")
    section = data[data.index('id="all-cases-pdf"') :]
    assert "scripts/all_cases_pdf.py" in section and PDF_ENV in section
    assert not (built_site / "downloads" / "all-cases.pdf").exists()


def test_a_named_pdf_that_is_missing_stops_with_a_clear_message(monkeypatch, tmp_path):
    monkeypatch.setenv(PDF_ENV, str(tmp_path / "none.pdf"))
    with pytest.raises(FileNotFoundError, match="ALL_CASES_PDF に指定された PDF がありません"):
        pdf_file()
    (tmp_path / "made.pdf").write_bytes(b"%PDF-1.4\n")
    monkeypatch.setenv(PDF_ENV, str(tmp_path / "made.pdf"))
    assert pdf_file().size == 9
