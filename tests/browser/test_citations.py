"""Citations in the browser: cite.js puts in the address the reader is at and today's date, and copies the text."""

from __future__ import annotations

import datetime

from playwright.sync_api import expect

from .conftest import open_page


def test_a_figure_citation_gets_the_reader_s_address_and_date_and_copies(browser_page, site_url, dataset):
    page, log = browser_page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    case = dataset.case_by_id["adock-kobe"]
    anchor = f"figure-{case.figures[0].id}"
    open_page(page, log, f"{site_url}cases/{case.id}/#{anchor}")
    row = page.locator(f"#{anchor}")
    # the targeted row is highlighted
    assert row.locator("td").first.evaluate("td => getComputedStyle(td).backgroundColor") != "rgba(0, 0, 0, 0)"
    row.locator("summary").click()
    text = row.locator(".cite-box__text")
    expect(text).to_be_visible()
    today = datetime.date.today()
    expect(text).to_contain_text(
        f"{site_url}cases/{case.id}/#{anchor}（{today.year}年{today.month}月{today.day}日閲覧）"
    )
    row.locator(".cite-box__copy").click()
    expect(row.locator(".cite-box__copy")).to_have_text("コピーしました")
    assert page.evaluate("navigator.clipboard.readText()") == text.inner_text()
    assert not log.problems(), log.problems()


def test_without_javascript_the_citation_is_there_with_the_path_and_a_blank_for_the_date(browser, site_url, dataset):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site_url}cases/tama/")
        box = page.locator(".cite-box--page")
        box.locator("summary").click()
        expect(box.locator(".cite-box__text")).to_contain_text("/cases/tama/（閲覧日閲覧）")
        expect(box.locator(".cite-box__copy")).to_be_hidden()
    finally:
        context.close()
