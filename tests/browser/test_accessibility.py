"""Accessibility in Chromium: axe-core (vendored, tests/vendor/axe.min.js) on every page.

The rules run are axe's WCAG 2.0 and 2.1 level A and AA rules. Fixes live in overrides/main.html
and docs/assets/a11y.css.
"""

from __future__ import annotations

from .conftest import AXE_TAGS, activate_chart, format_violations, open_page, run_axe


def test_axe_finds_no_wcag_a_or_aa_violations_on_any_page(site_visits):
    failing = {path or "/": visit.axe for path, visit in site_visits.items() if visit.axe}
    assert not failing, f"axe-core {AXE_TAGS} violations:\n" + "\n".join(
        f"{path}:\n{format_violations(violations)}" for path, violations in failing.items()
    )


def test_axe_finds_no_violations_on_the_404_page(browser_page, site_url):
    page, log = browser_page
    open_page(page, log, site_url + "404.html")
    violations = run_axe(page)
    assert not violations, format_violations(violations)


def test_axe_finds_no_violations_in_an_interactive_chart(browser_page, site_url, chart_page):
    """Switching a chart to plotly puts buttons (its mode bar) into the page: still no violations."""
    page, log = browser_page
    open_page(page, log, site_url + chart_page)
    activate_chart(page, log, site_url + chart_page)
    violations = run_axe(page)
    assert not violations, format_violations(violations)


def test_search_dialog_has_an_accessible_name(browser_page, site_url):
    """axe's aria-dialog-name is a best-practice rule (not in the WCAG run): partials/site-search.html."""
    page, log = browser_page
    open_page(page, log, site_url, settle=False)
    violations = run_axe(page, {"type": "rule", "values": ["aria-dialog-name"]})
    assert not violations, format_violations(violations)
    assert page.get_attribute(".md-search[role=dialog]", "aria-label") == "サイト内検索"


def test_axe_can_fail(browser_page, site_url):
    """The gate is live: a nameless search box and an image without alt text are reported."""
    page, log = browser_page
    open_page(page, log, site_url + "about/", settle=False)
    page.evaluate(
        """() => {
            const box = document.querySelector('input.md-search__input');
            box.removeAttribute('aria-label');
            box.removeAttribute('placeholder');
            const img = document.createElement('img');
            img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
            document.querySelector('.md-content').append(img);
        }"""
    )
    ids = {v["id"] for v in run_axe(page)}
    assert {"image-alt", "label"} <= ids, ids


def test_every_page_is_in_japanese(site_visits):
    wrong = {path or "/": visit.lang for path, visit in site_visits.items() if visit.lang != "ja"}
    assert not wrong, wrong
