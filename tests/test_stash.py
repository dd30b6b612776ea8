"""Rendered parts kept out of Markdown's way, and parts made only when the page is built."""

from __future__ import annotations

import markdown

from macros.stash import defer, fill_deferred, has_deferred, stash, unstash


def _through_markdown(text: str) -> str:
    return markdown.markdown(text)


def test_stashed_html_comes_back_unchanged_and_unwrapped():
    meta: dict = {}
    html = "<table><tr><td>*not emphasis*</td></tr></table>"
    page = _through_markdown("# 見出し\n" + stash(meta, html) + "本文")
    assert unstash(meta, page) == "<h1>見出し</h1>\n" + html + "\n<p>本文</p>"


def test_a_deferred_part_is_made_only_when_filled():
    meta: dict = {}
    calls = []

    def render() -> str:
        calls.append(1)
        return "<p>サイズ 12 KB</p>"

    page = _through_markdown("前\n" + defer(meta, render) + "後")
    assert has_deferred(meta) and calls == []
    assert unstash(meta, page) == page  # the rendered parts' step leaves it alone
    filled = fill_deferred(meta, page)
    assert calls == [1]
    assert filled == "<p>前</p>\n<p>サイズ 12 KB</p>\n<p>後</p>"
    assert not has_deferred(meta) and fill_deferred(meta, filled) == filled


def test_pages_without_parts_pass_through():
    assert unstash({}, "<p>x</p>") == "<p>x</p>"
    assert fill_deferred({}, "<p>x</p>") == "<p>x</p>"
