"""Glossary terms in running text link to their definition, once per page."""

from __future__ import annotations

import re

from macros.data.models import Term
from macros.views.glossary_links import link_terms

KIJUN = Term(id="base", term="基盤", definition="母体となる組織。")
KANJI = Term(id="lead", term="幹事会社", aliases=["幹事企業"], definition="受注をまとめる会社。")
KANJI_HOSHIKI = Term(id="lead-model", term="幹事会社方式", definition="幹事会社が受注する方式。")
PLAIN = Term(id="now", term="現在", definition="調査時点。", autolink=False)
TERMS = [KIJUN, KANJI, KANJI_HOSHIKI, PLAIN]


def _linked(html: str) -> list[str]:
    return re.findall(r'<a class="glossary-term" href="g/#([a-z-]+)"', link_terms(html, TERMS, "g/"))


def test_first_occurrence_only():
    out = link_terms("<p>基盤と基盤</p><p>基盤</p>", TERMS, "g/")
    assert out.count("glossary-term") == 1
    assert out.startswith('<p><a class="glossary-term" href="g/#base" title="基盤：母体となる組織。">基盤</a>と基盤')


def test_longest_surface_wins_and_aliases_link():
    assert _linked("<p>幹事会社方式をとる。</p>") == ["lead-model"]
    assert _linked("<p>幹事企業がまとめる。</p>") == ["lead"]


def test_terms_marked_not_to_link_stay_plain():
    assert _linked("<p>現在の会員</p>") == []


def test_skipped_places():
    skipped = [
        "<h2>基盤</h2>",
        "<table><tr><td>基盤</td></tr></table>",
        '<a href="x">基盤</a>',
        "<!-- 基盤 -->",
        "<caption>基盤</caption>",
        "<pre><code>基盤</code></pre>",
        "<svg><text>基盤</text></svg>",
    ]
    for html in skipped:
        assert _linked(html) == [], html


def test_text_after_a_skipped_place_is_linked():
    assert _linked("<table><tr><td>基盤</td></tr></table><p>基盤</p>") == ["base"]


def test_attributes_are_never_touched():
    html = '<p><span title="基盤">説明</span>と基盤</p>'
    out = link_terms(html, TERMS, "g/")
    assert '<span title="基盤">' in out and out.count("glossary-term") == 1


def test_definition_is_escaped_in_the_title():
    odd = Term(id="odd", term="連携", definition='"引用"と<b>')
    out = link_terms("<p>連携</p>", [odd], "g/")
    assert 'title="連携：&#34;引用&#34;と&lt;b&gt;"' in out or 'title="連携：&quot;引用&quot;と&lt;b&gt;"' in out


def test_what_is_not_content_is_never_linked():
    """The rule of views/content.py: a citation box, a permalink or a chart is not running text."""
    skipped = [
        '<details class="cite-box" data-search-exclude><p>基盤</p></details>',
        "<p data-search-exclude>基盤</p>",
        "<button>基盤</button>",
        "<h1>基盤</h1>",
        "<noscript><p>基盤</p></noscript>",
    ]
    for html in skipped:
        assert _linked(html) == [], html
    assert _linked("<details data-search-exclude><p>基盤</p></details><p>基盤</p>") == ["base"]
