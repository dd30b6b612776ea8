"""Every page reads right at 390 and 1280 px and on paper (issue 17), checked on every page.

The measurements come from `site_visits` (conftest.py), which lays each page out at both
widths and in print emulation once.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .conftest import LAYOUT_WIDTHS, activate_chart, new_logged_page, open_page, wait_for_requests


def _found(site_visits, key: str, widths=LAYOUT_WIDTHS) -> dict:
    missing = [path or "/" for path, visit in site_visits.items() if set(visit.layout) != set(LAYOUT_WIDTHS)]
    assert not missing, f"not laid out at {LAYOUT_WIDTHS}: {missing}"
    return {
        f"{path or '/'} at {width}px": visit.layout[width][key]
        for path, visit in site_visits.items()
        for width in widths
        if visit.layout[width][key]
    }


def _report(found: dict) -> str:
    return "\n".join(f"{where}:\n  " + "\n  ".join(items[:10]) for where, items in found.items())


def test_no_page_scrolls_sideways(site_visits):
    wide = {
        f"{path or '/'} at {width}px": (visit.layout[width]["scroll"], visit.layout[width]["wide"])
        for path, visit in site_visits.items()
        for width in LAYOUT_WIDTHS
        if visit.layout.get(width, {}).get("scroll", 1) > 0
    }
    assert not wide, "wider than the window by (px), and what sticks out: " + repr(wide)


def test_chart_text_stays_inside_its_picture_overlaps_no_other_and_ticks_differ(site_visits):
    found = _found(site_visits, "svg")
    assert not found, _report(found)


def test_no_table_column_is_narrower_than_a_word(site_visits):
    found = _found(site_visits, "narrow")
    assert not found, _report(found)


def test_tables_wider_than_the_page_scroll_inside_their_own_box(site_visits):
    found = _found(site_visits, "hidden_columns")
    assert not found, _report(found)


def test_every_table_shows_all_its_columns_at_1280(site_visits):
    """The comparison table was 1500 px in a 1188 px box, the lessons matrix hid six cases."""
    found = _found(site_visits, "wider", widths=(1280,))
    assert not found, _report(found)


def test_the_side_bar_shows_every_main_section_at_1280(site_visits):
    """With the cases or the lessons listed in full, ダウンロード, 用語集 and このサイトについて fell below the fold."""
    tall = {where: px for where, px in _found(site_visits, "nav", widths=(1280,)).items() if px > 0}
    assert not tall, "the side bar is taller than the window by (px): " + repr(tall)


def test_print_leaves_out_what_is_for_the_screen(site_visits):
    found = {path or "/": visit.printed_screen_only for path, visit in site_visits.items() if visit.printed_screen_only}
    assert not found, _report(found)


@pytest.mark.parametrize("width", LAYOUT_WIDTHS)
def test_relation_graph_nodes_open_their_case_in_the_picture_and_in_plotly(browser, site_url, dataset, width):
    context = browser.new_context(locale="ja-JP", viewport={"width": width, "height": 900})
    try:
        page, log = new_logged_page(context)
        open_page(page, log, site_url + "charts/")
        target = dataset.case_by_id["hit"]
        node = page.locator(f'#chart-relations svg.chart-svg a[href$="cases/{target.id}/"]').locator("visible=true")
        expect(node).to_have_count(1)
        node.click()
        page.wait_for_url(f"**/cases/{target.id}/")
        wait_for_requests(page, log, "the case page")
        open_page(page, log, site_url + "charts/")
        activate_chart(page, log, site_url + "charts/", "relations")
        # plotly draws each node as a path in the markers' layer; click the one for "2" (HIT).
        point = page.locator('[data-chart="relations"] .scatterlayer .trace:last-child .point').nth(
            [c.id for c in dataset.cases].index(target.id)
        )
        point.click(force=True)
        page.wait_for_url(f"**/cases/{target.id}/")
        wait_for_requests(page, log, "the case page")
        assert not log.problems(), log.problems()
    finally:
        context.close()
