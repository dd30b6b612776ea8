"""The header's search box on the real site in Chromium: names first, phrases, paste and IME,
keyboard, and no index bytes before the box is used (docs/assets/javascripts/search.js driving
search-engine.js, on the index of macros/search/). The engine alone, on the examples it shares
with the index builder's tests, is tested in test_search_engine.py.

Quality over a larger set of queries, latency and bytes are measured by benchmarks/search_quality.py.
"""

from __future__ import annotations

import json
import unicodedata
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import expect

from .conftest import open_page
from .test_accessibility import format_violations, run_axe

BOX = "input.md-search__input"
RESULT_LINKS = ".md-search-result__item > a.md-search-result__link"
STATUS = ".md-search-result__meta"


def _open_search(page) -> None:
    opener = page.locator("label.md-header__button[for='__search']")  # shown on narrow screens only
    if opener.is_visible():
        opener.click()
    page.locator(BOX).click()


def _search(page, site_url: str, query: str, *, how: str = "type") -> list[str]:
    """Result pages in order (paths relative to the site), after the search has answered."""
    _open_search(page)
    box = page.locator(BOX)
    box.fill("")
    if how == "type":
        page.keyboard.type(query, delay=20)
    elif how == "insert":  # what a paste or an IME commit does: text arrives without key events
        page.keyboard.insert_text(query)
    expect(page.locator("[data-site-search]")).to_have_attribute("data-searched", query, timeout=5_000)
    hrefs = page.eval_on_selector_all(RESULT_LINKS, "links => links.map(a => a.href)")
    root = urlsplit(site_url).path
    pages: list[str] = []
    for href in hrefs:
        path = urlsplit(href).path.removeprefix(root)
        if path not in pages:
            pages.append(path)
    return pages


def _full_width(text: str) -> str:
    """ＴＡＭＡ協会 from TAMA協会: the ASCII letters and digits as typed in a Japanese IME."""
    return "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalnum() else c for c in text)


def _case_names(dataset):
    for case in dataset.cases:
        url = f"{'cases' if case.kind == 'case' else 'columns'}/{case.id}/"
        yield case.name.short, url
        yield case.name.ja, url


def test_every_case_and_column_is_first_for_its_names(browser_page, site_url, dataset):
    """The name the site shows (short) and the official name put the page first."""
    page, log = browser_page
    open_page(page, log, site_url, settle=False)
    wrong = {}
    for name, url in _case_names(dataset):
        found = _search(page, site_url, name, how="insert")
        if not found or found[0] != url:
            wrong[name] = found[:3]
    assert not wrong, wrong


def test_full_width_and_spaced_variants_find_the_case_in_the_top_three(browser_page, site_url, dataset):
    page, log = browser_page
    open_page(page, log, site_url, settle=False)
    variants = {}
    for case in dataset.cases:
        url = f"{'cases' if case.kind == 'case' else 'columns'}/{case.id}/"
        short = case.name.short
        if _full_width(short) != short:
            variants[_full_width(short)] = url
        if short.lower() != short:
            variants[short.lower()] = url
    assert len(variants) >= 5  # the data has names with Latin letters and digits (TAMA協会, ロダン21)
    wrong = {}
    for query, url in variants.items():
        found = _search(page, site_url, query, how="insert")
        if url not in found[:3]:
            wrong[query] = found[:3]
    assert not wrong, wrong


@pytest.mark.parametrize(
    "query,expected",
    [
        ("共同受注の仕組み", "compare/joint-orders/"),  # a nav title with の
        ("会議用の要約", "lessons/brief/"),
        ("アドック 神戸", "cases/adock-kobe/"),  # a space where the name has none
        ("用語集", "glossary/"),
    ],
)
def test_titles_with_particles_and_spaces_come_first(browser_page, site_url, query, expected):
    page, log = browser_page
    open_page(page, log, site_url, settle=False)
    found = _search(page, site_url, query)
    assert found[:1] == [expected], found[:5]


@pytest.mark.parametrize("query", ["北九州", "産学官", "中小企業家", "幹事会社"])
def test_every_result_shown_holds_the_whole_query_and_marks_it_whole(browser_page, site_url, query):
    """No result on one shared character (北九州 is not 北海道), and the highlight is the query."""
    page, log = browser_page
    open_page(page, log, site_url, settle=False)
    found = _search(page, site_url, query)
    assert len(found) >= 2, found
    items = page.locator(".md-search-result__item")
    for i in range(items.count()):
        marks = items.nth(i).locator("mark").all_inner_texts()
        assert marks, f"result {i + 1} ({found[i] if i < len(found) else '?'}) marks nothing"
        assert {unicodedata.normalize("NFKC", m) for m in marks} == {query}, marks


def test_snippets_are_short_readable_lines(browser_page, site_url):
    page, log = browser_page
    open_page(page, log, site_url, settle=False)
    _search(page, site_url, "共同受注")
    snippets = page.locator(".md-search-result__article p:not(.site-search__where)").all_inner_texts()
    assert snippets
    assert max(len(s) for s in snippets) <= 110, max(snippets, key=len)


def test_a_phrase_not_in_the_text_falls_back_to_its_words(browser_page, site_url):
    """公的支援の期限 is nowhere verbatim; pages with both 公的支援 and 期限 are found."""
    page, log = browser_page
    open_page(page, log, site_url, settle=False)
    found = _search(page, site_url, "公的支援の期限")
    assert found
    first = page.locator(".md-search-result__item").first
    assert {"公的支援", "期限"} <= set(first.locator("mark").all_inner_texts())


def _put_in_box(page, value: str, *events: str) -> None:
    """Set the box's value as a browser does for a paste or an IME, then fire the events (JS expressions)."""
    page.evaluate(
        f"""() => {{
            const box = document.querySelector('{BOX}');
            box.value = {json.dumps(value)};
            for (const event of [{", ".join(events)}]) box.dispatchEvent(event);
        }}"""
    )


def test_pasting_with_the_mouse_searches(browser_page, site_url):
    """A paste from the context menu fires only an input event (no key events)."""
    page, log = browser_page
    open_page(page, log, site_url, settle=False)
    _open_search(page)
    _put_in_box(page, "ガマダス", "new InputEvent('input', {inputType: 'insertFromPaste', bubbles: true})")
    expect(page.locator(RESULT_LINKS).first).to_have_attribute("href", f"{site_url}cases/gamadas/")


def test_an_ime_composition_searches_when_it_ends_not_before(browser_page, site_url):
    page, log = browser_page
    open_page(page, log, site_url, settle=False)
    _open_search(page)
    _put_in_box(
        page,
        "てんめいつ",
        "new CompositionEvent('compositionstart', {data: ''})",
        "new InputEvent('input', {isComposing: true, bubbles: true})",
    )
    page.wait_for_timeout(400)
    assert page.locator(".md-search-result__item").count() == 0  # nothing while the IME is composing
    _put_in_box(page, "テンメイツ", "new CompositionEvent('compositionend', {data: 'テンメイツ'})")
    expect(page.locator(RESULT_LINKS).first).to_have_attribute("href", f"{site_url}cases/tenmates/")


def test_nothing_is_fetched_for_search_until_the_box_is_used(browser_page, site_url):
    page, log = browser_page
    open_page(page, log, site_url + "cases/hit/")
    assert not [u for u in log.requests if "/search/" in u], log.requests
    _open_search(page)
    page.wait_for_timeout(300)
    assert [u for u in log.requests if u.endswith("/search/meta.json")], log.requests
    assert not log.problems(), log.problems()


def test_results_link_to_the_section_and_highlight_the_text_there(browser_page, site_url):
    page, log = browser_page
    open_page(page, log, site_url, settle=False)
    _search(page, site_url, "カタライザー")
    href = page.locator(".md-search-result__item a").first.get_attribute("href")
    path, _, fragment = href.partition("#")
    assert urlsplit(path).path.endswith("/cases/higashiosaka-city/"), href
    directive = unquote(fragment.partition(":~:text=")[2])
    assert "カタライザー" in directive.split(","), href  # with the words around it: prefix-,text or text,-suffix
    # A section's link scrolls to the snippet's line, not to the first カタライザー on the page (the title).
    section_link = page.locator(".md-search-result__item a[href*='#']:not([href*='#:~:'])").first
    section_link.click()
    page.wait_for_timeout(500)
    assert page.evaluate("window.scrollY") > 100


def test_keyboard_moves_through_results_opens_one_and_escape_closes(browser_page, site_url):
    page, log = browser_page
    open_page(page, log, site_url + "cases/", settle=False)
    page.keyboard.press("/")
    expect(page.locator(BOX)).to_be_focused()
    page.keyboard.type("ギアテック", delay=20)
    # The answer to the whole word, not to 「ギアテ」 typed on the way (a busy machine lags behind).
    expect(page.locator("[data-site-search]")).to_have_attribute("data-searched", "ギアテック")
    expect(page.locator(RESULT_LINKS).first).to_be_visible()
    page.keyboard.press("ArrowDown")
    first = page.locator(".md-search-result__list a").first
    expect(first).to_be_focused()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    expect(first).to_be_focused()
    page.keyboard.press("ArrowUp")
    expect(page.locator(BOX)).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator("#__search")).not_to_be_checked()  # Material's CSS hides the panel
    page.keyboard.press("s")
    expect(page.locator(BOX)).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site_url}cases/geartec/")


def test_nonsense_finds_nothing_and_says_so(browser_page, site_url):
    page, log = browser_page
    open_page(page, log, site_url, settle=False)
    _open_search(page)
    page.keyboard.type("ぬゑゐゞ")
    expect(page.locator(STATUS)).to_contain_text("見つかりませんでした", timeout=5_000)
    assert page.locator(".md-search-result__item").count() == 0


@pytest.mark.parametrize("width", [1280, 390])
def test_open_search_with_results_passes_axe(browser_page, site_url, width):
    page, log = browser_page
    page.set_viewport_size({"width": width, "height": 800})
    open_page(page, log, site_url + "cases/tama/", settle=False)
    _search(page, site_url, "TAMA協会")
    violations = run_axe(page)
    assert not violations, format_violations(violations)
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, f"page {scroll} px wide at {width} px"


def test_text_from_the_index_is_shown_as_text_never_as_markup(browser_page, site_url):
    """Whatever a chunk of the index holds is put on the page as text nodes."""
    page, log = browser_page
    hostile = '<img src=x onerror="window.__pwned=1">ガマダス<b>太字</b>'

    def chunk(route):
        route.fulfill(
            status=200,
            content_type="application/json",
            body=json.dumps({"sections": [["overview", "<i>見出し</i>"]], "lines": [[0, hostile]]}),
        )

    page.route("**/search/c/*.json", chunk)
    open_page(page, log, site_url, settle=False)
    _search(page, site_url, "ガマダス")
    results = page.locator(".md-search-result__list")
    assert results.locator("img, b, i").count() == 0
    shown = results.inner_text()
    assert 'onerror="window.__pwned=1">ガマダス<b>太字</b>' in shown and "<i>見出し</i>" in shown, shown
    assert page.evaluate("window.__pwned") is None
