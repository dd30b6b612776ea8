"""The lighter HTML given to the search indexer yields the same index."""

from __future__ import annotations

import json
import re

import pytest
from material.plugins.search.plugin import Parser

from macros.search_copy import search_copy

ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)


def _sections(html: str) -> list[tuple]:
    parser = Parser()
    parser.feed(html)
    parser.close()
    # Runs of spaces are the one allowed difference; lunr splits on them anyway.
    return [(s.id, "".join(s.title).strip(), " ".join("".join(s.text).split())) for s in parser.data]


def _articles(site):
    for path in sorted(site.rglob("*.html")):
        match = ARTICLE.search(path.read_text(encoding="utf-8"))
        if match:
            yield path.relative_to(site).as_posix(), match.group(1)


def test_index_is_the_same_on_every_page(built_site):
    checked = 0
    for name, article in _articles(built_site):
        lighter = search_copy(article)
        assert _sections(lighter) == _sections(article), name
        checked += 1
    assert checked > 40


def test_the_copy_drops_most_tags_of_a_case_page(built_site):
    article = dict(_articles(built_site))["cases/tama/index.html"]
    lighter = search_copy(article)
    assert lighter.count("<") < article.count("<") / 3
    assert '<h2 id="figures">' in lighter  # headings keep their ids: results link to sections


@pytest.mark.parametrize(
    "html",
    [
        '<h2 id="x">見出し<a class="headerlink" href="#x">¶</a></h2><p>本文</p>',
        "<table><tr><td>会員</td><td>38社</td></tr></table>",
        '<section><h3 id="a">A</h3><p>一</p></section><p>後</p>',
        "<svg><title>図</title><text>ラベル</text></svg><p>説明</p>",
        "<pre><code><span>a</span>\n  <span>b</span></code></pre>",
    ],
)
def test_small_cases(html):
    assert _sections(search_copy(html)) == _sections(html)


def test_excluded_elements_are_left_for_the_indexer():
    html = '<p>見える</p><span data-search-exclude="">隠す</span>'
    assert search_copy(html) == html
    assert "隠す" not in json.dumps(_sections(html), ensure_ascii=False)


def test_the_built_index_has_case_table_text(built_site, dataset):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    figures = next(d for d in index["docs"] if d["location"] == "cases/tama/#figures")
    tama = dataset.case_by_id["tama"]
    assert tama.figures[0].label in figures["text"]
