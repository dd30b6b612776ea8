"""事例を並べて比べる in Chromium: the ?cases= contract, choosing by keyboard, the CSV of the view,
phones, axe, print, and the page without JavaScript."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from macros.views.side_by_side import FIELDS, side_columns

from .conftest import VIEWPORT, layout_at, open_page, run_axe

PAGE = "compare/side-by-side/"
SHOWN_HEADERS = ".sbs-table thead th[data-chosen]"


def _shown(page) -> list[str]:
    return [h.get_attribute("data-case") for h in page.locator(SHOWN_HEADERS).all() if h.is_visible()]


def _query(page) -> dict:
    # location, not page.url: Playwright learns of a replaceState only a moment later
    return parse_qs(page.evaluate("location.search").lstrip("?"))


def _chosen_in_url(page) -> list[str]:
    return _query(page).get("cases", [""])[0].split(",")


def test_the_url_chooses_the_columns_in_its_order_and_a_reload_keeps_them(browser_page, site_url):
    page, log = browser_page
    open_page(page, log, site_url + PAGE + "?cases=tama,hit,rodan21")
    assert _shown(page) == ["tama", "hit", "rodan21"]
    visible_cells = page.locator(".sbs-table tbody tr[data-field=place] td:visible")
    assert visible_cells.count() == 3  # no other case's cell shows
    for case_id in ("tama", "hit", "rodan21"):
        expect(page.locator(f"input[name=case][value={case_id}]")).to_be_checked()
    page.reload(wait_until="load")
    assert _shown(page) == ["tama", "hit", "rodan21"]
    assert not log.problems(), log.problems()


def test_choosing_by_keyboard_updates_the_url_and_the_columns(browser_page, site_url):
    page, log = browser_page
    open_page(page, log, site_url + PAGE + "?cases=hit")
    page.focus("input[name=case][value=hit]")
    page.keyboard.press("Tab")
    next_id = page.evaluate("document.activeElement.value")
    assert next_id and next_id != "hit"
    page.keyboard.press("Space")
    assert _chosen_in_url(page) == ["hit", next_id]
    assert _shown(page) == ["hit", next_id]
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Space")  # HIT off: the other stays
    assert _chosen_in_url(page) == [next_id] and _shown(page) == [next_id]
    page.click("[data-sbs-clear]")
    assert "cases" not in _query(page)
    expect(page.locator(".sbs-table")).to_be_hidden()
    expect(page.locator("[data-sbs-download]")).to_be_disabled()


def test_no_more_than_four_can_be_chosen(browser_page, site_url):
    page, log = browser_page
    open_page(page, log, site_url + PAGE + "?cases=hit,tama,rodan21,gamadas,geartec,hope")
    assert _shown(page) == ["hit", "tama", "rodan21", "gamadas"]
    expect(page.locator("[data-sbs-messages] .sbs-notice")).to_contain_text("最初の4件")
    expect(page.locator("input[name=case][value=geartec]")).to_be_disabled()
    page.uncheck("input[name=case][value=tama]")
    page.check("input[name=case][value=geartec]")
    assert _chosen_in_url(page) == ["hit", "rodan21", "gamadas", "geartec"]


def test_an_unknown_id_is_left_out_with_a_message_in_japanese(browser_page, site_url):
    page, log = browser_page
    open_page(page, log, site_url + PAGE + "?cases=no-such-case,hit,%3Cb%3Ex%3C%2Fb%3E")
    assert _shown(page) == ["hit"]
    notice = page.locator("[data-sbs-messages] .sbs-notice")
    expect(notice).to_contain_text("見つからない")
    expect(notice).to_contain_text("no-such-case")
    expect(notice).to_contain_text("<b>x</b>")  # an id from the address is text, never markup
    assert page.locator("[data-sbs-messages] b").count() == 0
    assert not log.problems(), log.problems()


def _cell_lines(cell) -> str:
    """A cell as a reader sees it: each value of its list on a line of its own."""
    items = cell.locator("li")
    texts = items.all_inner_texts() if items.count() else [cell.inner_text()]
    return "\n".join(re.sub(r"\s+", " ", t).strip() for t in texts)


def test_the_csv_is_exactly_the_table_in_view(browser_page, site_url, dataset):
    page, log = browser_page
    chosen = ["rodan21", "hit", "leader-conditions"]
    open_page(page, log, site_url + PAGE + "?cases=" + ",".join(chosen))
    with page.expect_download() as info:
        page.click("[data-sbs-download]")
    raw = open(info.value.path(), "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert raw.count(b"\r\n") == len(table)  # CRLF ends each record; a cell's own line breaks are bare
    shown = []
    for row in page.locator(".sbs-table tr").all():
        cells = [row.locator("th, td").first, *row.locator("[data-chosen]").all()]
        assert all(c.is_visible() for c in cells)
        shown.append([_cell_lines(c) for c in cells])
    assert table == shown
    # ... and the cells are the view's data: each value with the place in the report it comes from.
    assert [row[0] for row in table[1:]] == [heading for _, heading in FIELDS]
    columns = {c.case.id: c for c in side_columns(dataset)}
    for index, case_id in enumerate(chosen, start=1):
        col = columns[case_id]
        assert table[0][index] == f"{col.label} {col.case.name.short}"
        for (field, _), row in zip(FIELDS, table[1:], strict=True):
            expected = [f"{e.text} {e.source}" if e.source else e.text for e in col.cells[field]] or ["記載なし"]
            assert row[index].split("\n") == [re.sub(r"\s+", " ", t) for t in expected], (case_id, field)


def test_a_cell_starting_like_a_formula_is_defused_in_the_csv(browser_page, site_url):
    page, log = browser_page
    open_page(page, log, site_url + PAGE + "?cases=hit")
    page.evaluate(
        "document.querySelector('.sbs-table tr[data-field=section] td[data-case=hit] li').textContent = '=1+1'"
    )
    with page.expect_download() as info:
        page.click("[data-sbs-download]")
    table = list(csv.reader(io.StringIO(open(info.value.path(), encoding="utf-8-sig").read())))
    assert table[1][1] == "'=1+1"


@pytest.mark.parametrize("width", [390, 1280])
def test_no_sideways_page_scroll_and_axe_is_clean_with_four_cases(browser_page, site_url, width):
    page, log = browser_page
    open_page(page, log, site_url + PAGE + "?cases=tama,hit,rodan21,leader-conditions")
    layout = layout_at(page, width)
    assert layout["scroll"] <= 0, layout["wide"]
    assert not layout["hidden_columns"] and not layout["narrow"], layout
    page.set_viewport_size({"width": width, "height": VIEWPORT["height"]})
    box = page.locator(".side-by-side .data-table-wrap")
    assert box.get_attribute("tabindex") == "0" and box.get_attribute("role") == "region"
    if width == 390:  # four cases do not fit a phone: the table scrolls in its own box
        assert page.evaluate("el => el.scrollWidth > el.clientWidth", box.element_handle())
    violations = run_axe(page)
    assert not violations, violations


def test_a_case_page_links_to_the_page_with_its_case_chosen(browser_page, site_url):
    page, log = browser_page
    open_page(page, log, site_url + "cases/gamadas/")
    page.click("text=この事例を他の事例と並べて比べる")
    page.wait_for_load_state("load")
    assert urlparse(page.url).path.endswith("/" + PAGE)
    assert _shown(page) == ["gamadas"]
    expect(page.locator("[data-sbs-messages]")).to_contain_text("もう1件以上")


def test_without_javascript_every_case_is_in_view_and_the_chooser_is_not(browser, site_url, dataset):
    context = browser.new_context(locale="ja-JP", viewport=VIEWPORT, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + PAGE + "?cases=hit")
        headers = page.locator(".sbs-table thead th[data-case]")
        assert headers.count() == len(side_columns(dataset)) >= 18
        assert all(h.is_visible() for h in headers.all())
        expect(page.locator(".sbs-chooser")).to_be_hidden()
        expect(page.locator(".sbs-noscript")).to_be_visible()
    finally:
        context.close()


def test_print_shows_only_the_chosen_columns_on_landscape_a4(browser_page, site_url, tmp_path):
    page, log = browser_page
    chosen = ["hit", "tama", "rodan21", "adock-kobe"]
    open_page(page, log, site_url + PAGE + "?cases=" + ",".join(chosen))
    page.emulate_media(media="print")
    assert _shown(page) == chosen
    assert page.locator(".sbs-table td:visible").count() == len(chosen) * len(FIELDS)
    expect(page.locator(".sbs-chooser")).to_be_hidden()
    smallest = page.evaluate(
        """() => Math.min(...[...document.querySelectorAll('.sbs-table :is(th, td, li, caption, .cite)')]
            .filter(el => el.getClientRects().length && el.textContent.trim())
            .map(el => parseFloat(getComputedStyle(el).fontSize)))"""
    )
    assert smallest >= 8 / 72 * 96 - 0.05, f"text printed at {smallest * 72 / 96:.1f} pt"
    pdf = tmp_path / "side-by-side.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True, prefer_css_page_size=True)
    data = pdf.read_bytes()
    sizes = {tuple(round(float(n)) for n in box.split()[2:]) for box in re.findall(rb"/MediaBox\s*\[([^\]]*)\]", data)}
    assert sizes == {(842, 595)}, sizes  # landscape A4 in points
    if shutil.which("pdftotext"):
        text = re.sub(r"\s+", "", subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout)
        assert "ロダン21" in text and "ガマダス" not in text
