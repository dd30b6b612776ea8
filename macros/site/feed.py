"""An Atom feed of the data's changes (feed.xml at the site root), from the same commits as the changelog page.

Each entry is a commit that changed data/: its subject, its date, the pages whose
data it changed, and a link to the commit when the repository is known. Written
with ElementTree, so every text from git is escaped. Ids are UUIDs derived from
the commit, so they stay the same whatever address the site is published at.
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET

from ..history.commits import Commit
from ..views.citation import SITE_TITLE
from .changelog import changelog_entries

FEED_PATH = "feed.xml"
FEED_TITLE = f"{SITE_TITLE}：データの更新履歴"
ATOM = "http://www.w3.org/2005/Atom"
_NO_HISTORY_DATE = "2004-01-01T00:00:00Z"  # the report's year: a fixed date when there is no history


def _timestamp(date: str) -> str:
    return f"{date}T00:00:00Z"  # git's short committer date (YYYY-MM-DD)


def _id(name: str) -> str:
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


def atom_feed(dataset, extra, commits: list[Commit], site_url: str = "") -> bytes:
    """The feed; links are absolute with the site's address, else relative to the feed (the site root)."""
    root = site_url.rstrip("/") + "/" if site_url else ""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "ja"})
    _sub(feed, "id", _id(f"{SITE_TITLE}/{FEED_PATH}"))
    _sub(feed, "title", FEED_TITLE)
    _sub(feed, "subtitle", "データ（data/ の YAML）を変えたコミット。新しい順。")
    _sub(feed, "updated", _timestamp(commits[0].date) if commits else _NO_HISTORY_DATE)
    _sub(feed, "link", rel="self", type="application/atom+xml", href=root + FEED_PATH)
    _sub(feed, "link", rel="alternate", type="text/html", href=root + "changelog/")
    author = _sub(feed, "author")
    _sub(author, "name", f"{SITE_TITLE} 編集部")
    _sub(feed, "rights", "データと文章は CC BY 4.0")
    for entry in changelog_entries(dataset, extra, commits):
        item = _sub(feed, "entry")
        _sub(item, "id", _id(f"commit:{entry.commit.sha}"))
        _sub(item, "title", entry.commit.subject)
        _sub(item, "updated", _timestamp(entry.commit.date))
        _sub(item, "link", rel="alternate", type="text/html", href=entry.url or root + "changelog/")
        for file in entry.files:
            if file.page:
                _sub(item, "link", rel="related", type="text/html", href=root + file.page, title=file.label)
        changed = "、".join(f"{f.label}（{f.path}）" for f in entry.files)
        _sub(item, "summary", f"変更したデータ：{changed}" if changed else entry.commit.subject)
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"
