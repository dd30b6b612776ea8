"""全事例集: every case and column on one page in the report's order, with a table of contents and unique anchors."""

from __future__ import annotations

import html
import json
import re
from collections import Counter

import pytest

from macros.site.compendium import PDF_ENV, pdf_file, scoped
from macros.views.facts import report_order


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


def test_scoping_prefixes_ids_links_and_citation_anchors_only():
    html = '<tr id="figure-a"><a href="#note-b">x</a><a href="../x/#y">z</a><span data-cite-url="figure-a"></span></tr>'
    assert scoped(html, "hit") == (
        '<tr id="hit--figure-a"><a href="#hit--note-b">x</a><a href="../x/#y">z</a>'
        '<span data-cite-url="hit--figure-a"></span></tr>'
    )


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
