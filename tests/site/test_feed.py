"""The Atom feed of data changes: parses, holds the changelog's commits, its links resolve, every page links it."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from urllib.parse import urljoin

from macros.history.commits import Commit
from macros.site.changelog import CHANGELOG_LIMIT, data_commits
from macros.site.feed import FEED_PATH, atom_feed
from tests.site.conftest import SITE_URL, site_pages

A = "{http://www.w3.org/2005/Atom}"
EXTRA = {"repository": "https://github.com/example/sme", "branch": "main"}


def _parse(data: bytes) -> ET.Element:
    feed = ET.fromstring(data)
    assert feed.tag == f"{A}feed"
    for element in [feed, *feed.findall(f"{A}entry")]:  # what RFC 4287 requires of each
        assert element.findtext(f"{A}id").startswith("urn:uuid:")
        assert element.findtext(f"{A}title")
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", element.findtext(f"{A}updated"))
    return feed


def test_the_built_feed_lists_the_data_commits_newest_first(built_site):
    feed = _parse((built_site / FEED_PATH).read_bytes())
    commits = data_commits()[:CHANGELOG_LIMIT]
    entries = feed.findall(f"{A}entry")
    assert [e.findtext(f"{A}title") for e in entries] == [c.subject for c in commits]
    assert len({e.findtext(f"{A}id") for e in entries}) == len(entries)
    if commits:
        assert feed.findtext(f"{A}updated") == f"{commits[0].date}T00:00:00Z"


def test_the_feed_s_site_links_resolve_and_every_page_links_the_feed(built_site):
    feed = _parse((built_site / FEED_PATH).read_bytes())
    hrefs = [link.get("href") for link in feed.iter(f"{A}link")]
    local = [h for h in hrefs if not h.startswith("http")]
    assert "changelog/" in local and FEED_PATH in local
    for href in local:
        target = built_site / href
        assert (target / "index.html" if href.endswith("/") else target).is_file(), href
    for url, page in site_pages(built_site).items():
        link = re.search(r'<link rel="alternate" type="application/atom\+xml"[^>]* href="([^"]+)"', page)
        assert link, url
        assert urljoin("http://x.invalid/" + url, link.group(1)) == "http://x.invalid/" + FEED_PATH, url


def test_with_site_url_the_feed_s_links_are_absolute(site_with_url):
    site, _ = site_with_url
    feed = _parse((site / FEED_PATH).read_bytes())
    for link in feed.iter(f"{A}link"):
        assert link.get("href").startswith(("https://", "http://")), link.get("href")
    assert feed.find(f"{A}link[@rel='self']").get("href") == SITE_URL + FEED_PATH


def test_text_from_git_stays_text_and_an_empty_history_is_still_a_feed(dataset):
    hostile = Commit("a" * 40, "2026-01-02", "<script>alert(1)</script> & ]]> 事例5", ("data/cases/hit.yaml",))
    feed = _parse(atom_feed(dataset, EXTRA, [hostile]))
    (entry,) = feed.findall(f"{A}entry")
    assert entry.findtext(f"{A}title") == hostile.subject
    assert entry.find(f"{A}link[@rel='alternate']").get("href") == f"{EXTRA['repository']}/commit/{'a' * 40}"
    empty = _parse(atom_feed(dataset, {}, []))
    assert empty.findall(f"{A}entry") == []
