"""End to end in Chromium: every page loads cleanly and locally; tooltips and keyboard work (search: test_search.py)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from playwright.sync_api import expect

from macros.views.charts import all_charts
from macros.views.map_svg import markers, places

from .conftest import activate_chart, open_page


def test_every_page_loads_without_errors_and_only_from_127_0_0_1(site_visits):
    problems = {path or "/": visit.problems for path, visit in site_visits.items() if visit.problems}
    assert not problems, "\n".join(f"{p}:\n  " + "\n  ".join(msgs) for p, msgs in problems.items())
    silent = [path or "/" for path, visit in site_visits.items() if not visit.requests]
    assert not silent, f"no request recorded (is the request log working?): {silent}"


def test_404_page_loads_without_errors(browser_page, site_url):
    page, log = browser_page
    open_page(page, log, site_url + "404.html")
    assert page.locator("h1").first.inner_text().strip() == "404 - Not found"
    assert not log.problems(), log.problems()


def test_the_request_log_sees_local_requests_and_blocks_other_hosts(browser_page, site_url):
    """The gate above is only worth something if it sees the site's requests and foreign requests."""
    page, log = browser_page
    open_page(page, log, site_url)
    paths = {urlsplit(u).path for u in log.requests}
    assert {"/assets/javascripts/search-engine.js", "/assets/javascripts/search.js"} <= paths, sorted(paths)
    log.clear()
    page.evaluate("fetch('https://example.com/x.js').catch(() => null)")
    page.wait_for_timeout(200)
    assert log.foreign == ["https://example.com/x.js"]
    assert any("example.com" in p for p in log.problems())


def test_glossary_term_shows_a_tooltip_on_hover_and_focus(browser_page, site_url):
    page, log = browser_page
    open_page(page, log, site_url + "cases/adock-kobe/")
    terms = page.locator(".md-content a.glossary-term")
    assert terms.count() > 0
    term = terms.first
    title = term.get_attribute("title") or ""
    assert title.startswith(term.inner_text().strip() + "："), title
    # On hover, content.tooltips moves the title into a tooltip element the link is described by.
    term.hover()
    expect(term).to_have_attribute("aria-describedby", re.compile(r"\S"))
    tooltip = page.locator(f"[id='{term.get_attribute('aria-describedby')}']")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_have_text(title)
    page.mouse.move(0, 0)
    expect(tooltip).to_be_hidden()
    term.focus()  # keyboard users get the same tooltip
    expect(term).to_be_focused()
    expect(tooltip).to_be_visible()


def test_tab_reaches_search_then_the_first_nav_link(browser_page, site_url):
    page, log = browser_page
    open_page(page, log, site_url)
    reached: list[str] = []
    for _ in range(15):
        page.keyboard.press("Tab")
        reached.append(
            page.evaluate(
                """() => {
                    const e = document.activeElement;
                    if (e.matches('input.md-search__input')) return 'search';
                    if (e.matches('.md-sidebar--primary a.md-nav__link')) return 'nav:' + e.textContent.trim();
                    return e.tagName.toLowerCase();
                }"""
            )
        )
    assert "search" in reached, reached
    first_nav = next((i for i, r in enumerate(reached) if r.startswith("nav:")), None)
    assert first_nav is not None and reached.index("search") < first_nav, reached
    assert reached[first_nav] == "nav:ホーム", reached


def test_data_tables_have_column_headers(site_visits):
    problems = [
        f"{path or '/'}: table.{t['cls'].replace(' ', '.')}: {t['scoped_cols']} th[scope=col], "
        f"{t['unscoped_head']} header cells in <thead> without scope=col"
        for path, visit in site_visits.items()
        for t in visit.tables
        if t["scoped_cols"] == 0 or t["unscoped_head"]
    ]
    assert sum(len(v.tables) for v in site_visits.values()) > 16  # every case page has several
    assert not problems, "\n".join(problems)


def test_interactive_chart_loads_plotly_from_this_site_and_draws(browser_page, site_url, chart_page):
    page, log = browser_page
    open_page(page, log, site_url + chart_page)
    assert not any("plotly" in u for u in log.requests), "plotly loaded before the reader asked for it"
    chart_id = activate_chart(page, log, site_url + chart_page)
    container = page.locator(f'[data-chart="{chart_id}"]')
    expect(container.locator(".main-svg").first).to_be_visible()
    assert any("plotly" in u for u in log.requests), log.requests
    assert not log.problems(), log.problems()


def test_every_chart_is_drawn(site_visits, dataset):
    """Every chart of the data set is on some page, drawn at a readable size with its data marks."""
    drawn = {chart["id"]: (path or "/", chart) for path, visit in site_visits.items() for chart in visit.charts}
    assert set(drawn) == set(all_charts(dataset))
    undrawn = [
        f"{path} {c['id']}: {c['width']:.0f}x{c['height']:.0f} px, {c['marks']} marks"
        for path, c in drawn.values()
        if c["width"] < 300 or c["height"] < 100 or c["marks"] == 0
    ]
    assert not undrawn, "\n".join(undrawn)


# The interactive chart's mode bar: only these buttons, with Japanese tooltips (charts.js).
MODE_BAR = {"範囲を選んで拡大", "移動", "拡大", "縮小", "元の表示に戻す"}

MODE_BAR_JS = """id => {
    const chart = document.querySelector(`[data-chart="${id}"]`);
    const button = document.querySelector(`button[data-activate="${id}"]`);
    return {
        titles: [...chart.querySelectorAll('.modebar-btn')].map(b => b.getAttribute('data-title')),
        links: [...chart.querySelectorAll('.modebar a[href]')].map(a => a.href).filter(h => !h.startsWith(location.origin)),
        text: chart.querySelector('.modebar')?.textContent || '',
        button_shown: button.getClientRects().length > 0,
    };
}"""


def test_every_chart_switches_to_its_interactive_version(browser_page, site_url, site_visits):
    """…from this site only, the loading button gone, and a mode bar in Japanese without plotly's
    Share (it posts the chart to plotly's cloud) or any link to another host."""
    page, log = browser_page
    switched, wrong = [], []
    for path, visit in site_visits.items():
        if not visit.charts:
            continue
        open_page(page, log, site_url + path)
        for chart_id in (chart["id"] for chart in visit.charts):
            activate_chart(page, log, site_url + path, chart_id)
            expect(page.locator(f'[data-chart="{chart_id}"] .main-svg').first).to_be_visible()
            bar = page.evaluate(MODE_BAR_JS, chart_id)
            if bar["button_shown"] or bar["links"] or "Share" in bar["text"] or not set(bar["titles"]) <= MODE_BAR:
                wrong.append(f"{path} {chart_id}: {bar}")
            switched.append(chart_id)
        assert not log.problems(), (path, log.problems())
    assert len(switched) == sum(len(v.charts) for v in site_visits.values()) > 0
    assert not wrong, "\n".join(wrong)


def test_the_map_has_a_marker_per_case_that_opens_the_case(browser_page, site_url, dataset):
    page, log = browser_page
    open_page(page, log, site_url + "map/")
    _, abroad = places(dataset)
    drawn = markers(dataset)
    svg = page.locator("svg.map-svg")
    expect(svg).to_be_visible()
    box = svg.bounding_box()
    assert box["width"] > 300 and box["height"] > 300
    assert svg.locator("a.map-place circle").count() == len(drawn) > 0
    listed = len(drawn) + sum(len(p.cases) for p in abroad)
    assert (
        page.locator("figure.case-map table tbody tr").count() == listed == len([c for c in dataset.cases if c.place])
    )
    target = dataset.case_by_id[drawn[0].case_id]
    page.locator(f'a.map-place[data-case="{target.id}"]').click()
    page.wait_for_url(f"**/{target.id}/")
    assert target.name.short in page.locator("h1").inner_text()
    assert not log.problems(), log.problems()


def test_the_root_class_is_js_from_the_start_and_stays_no_js_without_javascript(browser, site_url):
    """overrides/main.html swaps no-js for js in the head, before Material's script runs: with
    JavaScript the search box is laid out from the first paint; without it the class stays
    no-js, so Material's no-JS styles still hide the search box that cannot work."""
    with_js = browser.new_context()
    page = with_js.new_page()
    # readyState turns "interactive" when parsing ends, before deferred scripts (the bundle) run.
    page.add_init_script(
        "document.addEventListener('readystatechange', () => { if (document.readyState === 'interactive')"
        " window.classBeforeBundle = document.documentElement.className });"
    )
    page.goto(site_url + "cases/")
    assert page.evaluate("window.classBeforeBundle").split() == ["js", "js-focus-visible"]
    assert page.evaluate("document.documentElement.className").split() == ["js", "js-focus-visible"]
    expect(page.locator(".md-search")).to_be_visible()
    with_js.close()

    without_js = browser.new_context(java_script_enabled=False)
    page = without_js.new_page()
    page.goto(site_url + "cases/")
    assert page.locator("html").get_attribute("class") == "no-js"
    expect(page.locator(".md-search")).to_be_hidden()
    without_js.close()
