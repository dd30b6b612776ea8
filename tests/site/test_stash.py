"""Rendered parts kept out of Markdown's way."""

from __future__ import annotations

import markdown

from macros.site.stash import stash, unstash


def _through_markdown(text: str) -> str:
    return markdown.markdown(text)


def test_stashed_html_comes_back_unchanged_and_unwrapped():
    meta: dict = {}
    html = "<table><tr><td>*not emphasis*</td></tr></table>"
    page = _through_markdown("# 見出し\n" + stash(meta, html) + "本文")
    assert unstash(meta, page) == "<h1>見出し</h1>\n" + html + "\n<p>本文</p>"


def test_two_parts_come_back_in_their_places():
    meta: dict = {}
    page = _through_markdown("前\n" + stash(meta, "<div>一</div>") + "中\n" + stash(meta, "<div>二</div>") + "後")
    assert unstash(meta, page) == "<p>前</p>\n<div>一</div>\n<p>中</p>\n<div>二</div>\n<p>後</p>"


def test_pages_without_parts_pass_through():
    assert unstash({}, "<p>x</p>") == "<p>x</p>"
