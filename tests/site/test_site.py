"""Build the real site once and check what a reader sees on the generated pages."""

from __future__ import annotations

import html
import re

from macros.data.periods import period_label
from macros.views import facts
from macros.views.formatting import figure_text, member_text


def _page(site, case) -> str:
    folder = "cases" if case.kind == "case" else "columns"
    return (site / folder / case.id / "index.html").read_text(encoding="utf-8")


def _section(page: str, anchor: str) -> str:
    start = page.index(f'<h2 id="{anchor}"')
    end = page.find("<h2 ", start + 10)
    return page[start : end if end != -1 else len(page)]


def _text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def test_every_case_and_column_has_a_page(built_site, dataset):
    for case in dataset.cases:
        page = _page(built_site, case)
        assert f'<h1 id="title">{html.escape(case.name.ja, quote=False)}</h1>' in page
        assert "2003〜2004年時点" in page  # the as-of warning on every case page


def test_infobox_shows_founding_legal_form_and_members(built_site, dataset):
    for case in dataset.numbered_cases():
        box = _text(_section(_page(built_site, case), "overview"))
        if case.founded:
            assert period_label(case.founded.date) in box
        form = facts.current_legal_form(case)
        if form:
            assert form.form in box
        latest = facts.latest_members(case)
        if latest:
            assert member_text(latest) in box


def test_every_figure_shows_value_period_and_source(built_site, dataset):
    checked = 0
    for case in dataset.cases:
        page = _page(built_site, case)
        for figure in case.figures:
            row = re.search(rf'<tr id="figure-{figure.id}">(.*?)</tr>', page, re.DOTALL)
            assert row, (case.id, figure.id)
            text = _text(row.group(1))
            assert figure_text(figure) in text
            assert period_label(figure.period) in text
            assert figure.source in text
            checked += 1
    assert checked > 100


def test_lessons_are_on_the_case_page_with_their_themes(built_site, dataset):
    for case in dataset.cases:
        lessons = _text(_section(_page(built_site, case), "lessons"))
        for lesson in case.lessons:
            assert lesson.text[:20] in lessons
            for theme_id in lesson.themes:
                assert dataset.theme_by_id[theme_id].title in lessons


def test_theme_pages_list_exactly_the_cases_that_cite_them(built_site, dataset):
    for theme in dataset.themes:
        page = (built_site / "lessons" / theme.id / "index.html").read_text(encoding="utf-8")
        evidence = page[page.index('id="evidence"') :]
        linked = set(re.findall(r'href="\.\./\.\./(?:cases|columns)/([a-z0-9-]+)/"', evidence))
        expected = {c.id for c in dataset.cases if any(theme.id in lesson.themes for lesson in c.lessons)}
        assert linked == expected, theme.id


def test_case_index_lists_every_case(built_site, dataset):
    page = (built_site / "cases" / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r'<a href="\.\./(?:cases|columns)/([a-z0-9-]+)/">', page[page.index("case-index") :])
    assert rows == [c.id for c in dataset.cases]


def test_nav_groups_cases_by_report_section(built_site):
    page = (built_site / "cases" / "adock-kobe" / "index.html").read_text(encoding="utf-8")
    assert "基盤ありのグループ" in page and "1. アドック神戸" in page


def test_glossary_terms_link_to_their_definition(built_site, dataset):
    page = _page(built_site, dataset.case_by_id["adock-kobe"])
    links = re.findall(r'<a class="glossary-term" href="\.\./\.\./glossary/#([a-z0-9-]+)" title="([^"]+)">', page)
    assert links
    terms = {t.id: t for t in dataset.terms}
    for term_id, title in links:
        assert html.unescape(title).startswith(terms[term_id].term)
    glossary = (built_site / "glossary" / "index.html").read_text(encoding="utf-8")
    for term_id, _ in links:
        assert f'id="{term_id}"' in glossary


LOADED_FROM_ELSEWHERE = re.compile(
    r"<(?:script|link|img|iframe|source|video|audio|embed|object)\b[^>]*\b(?:src|href|data)=[\"']?(?:https?:)?//",
    re.IGNORECASE,
)


def test_no_page_loads_anything_from_another_host(built_site):
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 30
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert not LOADED_FROM_ELSEWHERE.search(text), page
        assert "@import url(http" not in text
    for sheet in built_site.rglob("*.css"):
        assert not re.search(r"url\((['\"]?)(https?:)?//", sheet.read_text(encoding="utf-8")), sheet


def test_no_script_file_blocks_rendering(built_site):
    """Every script file is deferred (Lighthouse counts a plain <script src> as render-blocking)."""
    checked = 0
    for path in built_site.rglob("*.html"):
        for tag in re.findall(r"<script\b[^>]*\bsrc=[^>]*>", path.read_text(encoding="utf-8")):
            assert re.search(r"\s(defer|async)\b", tag), (path.relative_to(built_site), tag)
            checked += 1
    assert checked > 40


CDN_OR_FONT_HOSTS = re.compile(
    r"cdn\.plot\.ly|cdn\.jsdelivr|unpkg\.com|cdnjs\.|fonts\.googleapis|fonts\.gstatic|use\.typekit|ajax\.googleapis",
    re.IGNORECASE,
)


# Material's own bundle keeps two loaders it uses only when needed: a ResizeObserver polyfill
# (every browser the site supports has ResizeObserver) and mermaid (no page has a diagram).
URL = re.compile(r"""https?://[^\s"')]+""")
MATERIAL_FALLBACKS = {"https://unpkg.com/resize-observer-polyfill", "https://unpkg.com/mermaid@11/dist/mermaid.min.js"}


def test_no_served_file_names_a_cdn_or_web_font_host(built_site):
    """Not even as a default buried in a vendored bundle (docs/assets/vendor/VENDORED.txt)."""
    texts = [p for p in built_site.rglob("*") if p.suffix in (".html", ".js", ".css", ".json", ".svg")]
    assert len(texts) > 50
    named = {}
    for path in texts:
        text = path.read_text(encoding="utf-8", errors="replace")
        if CDN_OR_FONT_HOSTS.search(text):
            named[path.relative_to(built_site).as_posix()] = set(URL.findall(text))
    (bundle,) = [name for name in named if re.fullmatch(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js", name)]
    assert {url for url in named.pop(bundle) if CDN_OR_FONT_HOSTS.search(url)} == MATERIAL_FALLBACKS
    assert named == {}
