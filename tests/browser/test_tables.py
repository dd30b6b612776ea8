"""Tables of data in Chromium: the case index's filters (address, reload, counts), sorting from the
keyboard kept in the address, and CSVs equal to what the table shows (issue 20)."""

from __future__ import annotations

import csv
import io
import re
import urllib.request
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import expect

from macros.export.cells import neutralise
from macros.views.compare import compare_rows
from macros.views.content import NOT_CONTENT_SELECTOR

from .conftest import open_page, page_paths

INDEX_ROWS = "table.case-index tbody tr"


def _csv(raw: bytes) -> list[list[str]]:
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with the BOM
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


def _shown_names(page) -> list[str]:
    return page.locator(f"{INDEX_ROWS}:visible td:nth-child(2)").all_inner_texts()


def _download(page, button: str) -> list[list[str]]:
    with page.expect_download() as info:
        page.click(button)
    return _csv(open(info.value.path(), "rb").read())


def test_case_index_filters_from_the_address_survive_a_reload(browser_page, site_url, dataset):
    page, log = browser_page
    rows = compare_rows(dataset, dataset.cases)
    expected = [r.case.name.short for r in rows if "自治体" in r.base_kinds and r.supported == "記載あり"]
    assert 0 < len(expected) < len(rows)
    open_page(page, log, site_url + "cases/?base=自治体&support=記載あり")
    assert _shown_names(page) == expected
    expect(page.locator(".case-index-view [data-status]")).to_have_text(f"{len(rows)}件中 {len(expected)}件を表示")
    page.reload()
    assert _shown_names(page) == expected
    expect(page.locator("select[name=base]")).to_have_value("自治体")


def test_choosing_a_filter_writes_the_address_and_options_count_what_they_would_leave(browser_page, site_url, dataset):
    page, log = browser_page
    rows = compare_rows(dataset, dataset.cases)
    open_page(page, log, site_url + "cases/")
    page.select_option("select[name=region]", "九州")
    in_kyushu = [r for r in rows if r.region == "九州"]
    assert _shown_names(page) == [r.case.name.short for r in in_kyushu]
    assert parse_qs(urlparse(page.url).query) == {"region": ["九州"]}
    # Given 九州, each legal form says how many of those rows it would leave.
    for form in {r.legal_form for r in rows}:
        count = sum(r.legal_form == form for r in in_kyushu)
        expect(page.locator("select[name=legal_form] option", has_text=re.compile(f"^{form}（"))).to_have_text(
            f"{form}（{count}）"
        )
    page.click(".case-index-view [data-reset]")
    assert len(_shown_names(page)) == len(rows) and urlparse(page.url).query == ""


def test_csv_of_the_view_is_exactly_the_rows_shown_in_their_order(browser_page, site_url):
    page, log = browser_page
    open_page(page, log, site_url + "cases/?activity=共同受注&sort-case-index=7-desc")
    shown = [
        [c.strip() for c in row]
        for row in page.locator(f"{INDEX_ROWS}:visible").evaluate_all(
            "rows => rows.map(r => [...r.cells].map(c => c.innerText.replace(/\\s+/g, ' ')))"
        )
    ]
    table = _download(page, ".case-index-view [data-download-view]")
    header = page.locator("table.case-index thead th").all_inner_texts()
    assert table[0] == [h.strip() for h in header]
    assert table[1:] == shown and 0 < len(shown) < 18


def test_unfiltered_view_csv_equals_the_published_csv(browser_page, site_url):
    """Two readings of one table (the build's, in Python, and the browser's) give the same file:
    tables.js reads the build's rule of what is not content from its script tag."""
    page, log = browser_page
    open_page(page, log, site_url + "compare/")
    rule = page.locator("script[data-not-content]").get_attribute("data-not-content")
    assert rule == NOT_CONTENT_SELECTOR
    viewed = _download(page, ".compare [data-download-view]")
    published = _csv(urllib.request.urlopen(site_url + "compare/comparison.csv").read())
    assert viewed == published and len(published) == 17


def test_sort_by_keyboard_is_kept_in_the_address_and_restored(browser_page, site_url):
    page, log = browser_page
    open_page(page, log, site_url + "cases/hit/")
    header = page.locator("table.figures thead th").nth(2)  # 時点・期間
    header.focus()
    page.keyboard.press("Enter")
    expect(header).to_have_attribute("aria-sort", "ascending")
    page.keyboard.press("Enter")
    expect(header).to_have_attribute("aria-sort", "descending")
    assert parse_qs(urlparse(page.url).query) == {"sort-figures": ["3-desc"]}
    order = page.locator("table.figures tbody tr").evaluate_all("rows => rows.map(r => r.id)")
    page.reload()
    expect(page.locator("table.figures thead th").nth(2)).to_have_attribute("aria-sort", "descending")
    assert page.locator("table.figures tbody tr").evaluate_all("rows => rows.map(r => r.id)") == order


# A table's rows as a reader sees them: each cell's text on one line, without what is not content
# (citation boxes, permalinks, buttons), as tables.js reads them for its CSV of the rows in view.
_SHOWN_ROWS = """table => [...table.rows].map(row => [...row.cells].map(cell => {
  const copy = cell.cloneNode(true);
  copy.querySelectorAll("script, style, svg, template, button, noscript, h1, [data-search-exclude], .headerlink")
    .forEach(e => e.remove());
  copy.querySelectorAll("br").forEach(e => e.replaceWith(" "));
  return copy.textContent.replace(/\\s+/g, " ").trim();
}))"""


def test_every_table_of_data_links_a_csv_of_exactly_what_it_shows(browser_page, site_url, built_site):
    """Generic over the site: each table box names a CSV that exists, with the table's header and cells as shown
    (a cell a spreadsheet would run as a formula starts with ' in the CSV)."""
    page, log = browser_page
    checked = 0
    for path in page_paths(built_site):
        html = (built_site / path / "index.html").read_text(encoding="utf-8")
        if "data-csv=" not in html:
            continue
        open_page(page, log, site_url + path, settle=False)
        for box in page.locator(".data-table-wrap[data-csv]").all():
            name = box.get_attribute("data-csv")
            link = box.locator("xpath=following-sibling::p[1]/a")
            assert link.get_attribute("href") == name, (path, name)
            table = _csv((built_site / path / name).read_bytes())
            shown = box.locator("table").first.evaluate(_SHOWN_ROWS)
            assert [len(row) for row in table] == [len(row) for row in shown], (path, name)
            for row, row_shown in zip(table, shown):
                for cell, cell_shown in zip(row, row_shown):
                    assert cell in (cell_shown, neutralise(cell_shown)), (path, name, cell, cell_shown)
            checked += 1
    assert checked > 200, checked


def test_cases_ticked_in_the_index_open_side_by_side_in_the_order_ticked(browser_page, site_url):
    page, log = browser_page
    open_page(page, log, site_url + "cases/?region=近畿")
    link = page.locator("[data-choose-link]")
    boxes = page.locator(f"{INDEX_ROWS}:visible input.choose-case")
    boxes.nth(2).check()
    expect(link).to_have_attribute("href", "../compare/side-by-side/")  # one is not a comparison
    boxes.nth(0).check()
    boxes.nth(4).check()
    boxes.nth(3).check()
    expect(boxes.nth(5)).to_be_disabled()  # four at most
    boxes.nth(3).uncheck()
    expect(boxes.nth(5)).to_be_enabled()
    ids = [boxes.nth(i).get_attribute("value") for i in (2, 0, 4)]
    expect(link).to_have_attribute("href", "../compare/side-by-side/?cases=" + ",".join(ids))
    expect(page.locator("[data-choose-status]")).to_have_text("3件を選んでいます（2〜4件）")
    link.click()
    page.wait_for_url("**/compare/side-by-side/**")
    shown = page.locator(".sbs-table thead th[data-chosen]").evaluate_all("cells => cells.map(c => c.dataset.case)")
    assert shown == ids
