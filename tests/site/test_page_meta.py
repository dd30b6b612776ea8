"""Each page describes itself (og:, Twitter, description); with SITE_URL the sitemap and canonical links are complete."""

from __future__ import annotations

import html
import logging
import re

from macros.site.page_meta import SITE_URL_MISSING, short_description
from tests.site.conftest import SITE_URL, site_pages


def _meta(page: str, attr: str, name: str) -> str | None:
    match = re.search(rf'<meta {attr}="{re.escape(name)}" content="([^"]*)"', page)
    return html.unescape(match.group(1)) if match else None


def test_case_pages_describe_themselves_with_their_summary(built_site, dataset):
    pages = site_pages(built_site)
    seen = set()
    for case in dataset.cases:
        page = pages[f"{'cases' if case.kind == 'case' else 'columns'}/{case.id}/"]
        expected = short_description(case.summary)
        assert _meta(page, "name", "description") == expected
        assert _meta(page, "property", "og:description") == expected
        assert _meta(page, "name", "twitter:description") == expected
        assert case.name.short in _meta(page, "property", "og:title")
        seen.add(expected)
    assert len(seen) == len(dataset.cases)


def test_every_page_has_its_own_title_and_description(built_site):
    descriptions = {}
    for url, page in site_pages(built_site).items():
        title = _meta(page, "property", "og:title")
        assert title and _meta(page, "name", "twitter:title") == title, url
        description = _meta(page, "property", "og:description")
        assert description, url
        descriptions.setdefault(description, []).append(url)
    shared = {d: urls for d, urls in descriptions.items() if len(urls) > 1}
    assert not shared


def test_without_site_url_nothing_absolute_and_the_build_says_so(built_site, caplog):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>" not in sitemap
    assert 'rel="canonical"' not in (built_site / "index.html").read_text(encoding="utf-8")
    from overrides.hooks import page_meta

    with caplog.at_level(logging.INFO, logger="mkdocs.hooks.page_meta"):
        page_meta.on_config(type("Config", (), {"site_url": None})())
    assert SITE_URL_MISSING in caplog.text
    assert "sitemap.xml" in SITE_URL_MISSING


def test_with_site_url_the_sitemap_lists_every_page_and_each_has_its_canonical(site_with_url):
    site, output = site_with_url
    assert SITE_URL_MISSING not in output
    listed = re.findall(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))
    pages = site_pages(site)
    assert sorted(listed) == sorted(SITE_URL + url for url in pages)
    for url, page in pages.items():
        assert f'<link rel="canonical" href="{SITE_URL}{url}">' in page, url
        assert _meta(page, "property", "og:url") == SITE_URL + url
