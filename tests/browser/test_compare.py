"""The comparison table in Chromium: filters (kept in the URL), sorting, and the CSV of the view."""

from __future__ import annotations

import csv
import io
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import expect

from macros.views.compare import compare_rows

from .conftest import open_page

ROWS = "table.compare-table tbody tr"


def _visible_names(page) -> list[str]:
    return page.locator(f"{ROWS}:visible td:nth-child(2)").all_inner_texts()


def test_filter_from_the_url_shows_exactly_the_matching_cases(browser_page, site_url, dataset):
    page, log = browser_page
    open_page(page, log, site_url + "compare/?legal_form=株式会社")
    expected = [r.case.name.short for r in compare_rows(dataset) if r.legal_form == "株式会社"]
    assert expected and _visible_names(page) == expected
    expect(page.locator("select[name=legal_form]")).to_have_value("株式会社")
    expect(page.locator("[data-status]")).to_have_text(f"16件中 {len(expected)}件を表示")


def test_changing_a_filter_updates_the_url_and_reset_clears_it(browser_page, site_url, dataset):
    page, log = browser_page
    open_page(page, log, site_url + "compare/")
    page.select_option("select[name=region]", "九州")
    expected = [r.case.name.short for r in compare_rows(dataset) if r.region == "九州"]
    assert _visible_names(page) == expected
    assert parse_qs(urlparse(page.url).query) == {"region": ["九州"]}
    page.select_option("select[name=activity]", "共同受注")
    both = [r.case.name.short for r in compare_rows(dataset) if r.region == "九州" and "共同受注" in r.activities]
    assert _visible_names(page) == both
    page.click("[data-reset]")
    assert len(_visible_names(page)) == 16 and urlparse(page.url).query == ""


def test_headers_sort_the_table(browser_page, site_url, dataset):
    page, log = browser_page
    open_page(page, log, site_url + "compare/")
    members = page.locator("table.compare-table thead th", has_text="会員数")
    members.click()
    rows = compare_rows(dataset)
    with_counts = sorted((r.members_sort, r.case.name.short) for r in rows if r.members_sort is not None)
    names = _visible_names(page)
    shown_with_counts = [n for n in names if n in {name for _, name in with_counts}]
    ordered = [name for _, name in with_counts]
    assert shown_with_counts in (ordered, ordered[::-1])
    assert members.get_attribute("aria-sort") in ("ascending", "descending")
    direction = members.get_attribute("aria-sort")
    members.click()  # the second click turns the order round
    assert members.get_attribute("aria-sort") != direction
    again = [n for n in _visible_names(page) if n in set(ordered)]
    assert again == shown_with_counts[::-1]


def test_headers_are_reached_with_tab_and_sort_with_enter(browser_page, site_url):
    """Keyboard only: from the filters, Tab reaches the column headers and Enter sorts."""
    page, log = browser_page
    open_page(page, log, site_url + "compare/")
    page.focus("[data-reset]")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('table.compare-table thead th')"):
            break
    else:
        raise AssertionError("Tab never reached a column header of the comparison table")
    header = page.locator("table.compare-table thead th:focus")
    before = header.get_attribute("aria-sort")  # the first column is the default order
    page.keyboard.press("Enter")
    direction = header.get_attribute("aria-sort")
    assert direction in ("ascending", "descending") and direction != before
    page.keyboard.press("Enter")
    assert header.get_attribute("aria-sort") in ("ascending", "descending")
    assert header.get_attribute("aria-sort") != direction


def test_download_gives_exactly_the_rows_in_view(browser_page, site_url, dataset):
    page, log = browser_page
    open_page(page, log, site_url + "compare/?section=基盤ありのグループ")
    with page.expect_download() as info:
        page.click("[data-download-view]")
    raw = open(info.value.path(), "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    expected = [r.case.name.short for r in compare_rows(dataset) if r.section == "基盤ありのグループ"]
    assert [row[1] for row in table[1:]] == expected
    assert table[0][0] == "No." and len(table[0]) == 12
