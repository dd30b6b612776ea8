"""What on a page is content (macros/views/content.py): one rule for the search index, the
tables' CSV (build and browser) and the glossary links."""

from __future__ import annotations

import pytest

from macros.views.content import (
    NOT_CONTENT_ATTRIBUTE,
    NOT_CONTENT_CLASS,
    NOT_CONTENT_SELECTOR,
    NOT_CONTENT_TAGS,
    is_not_content,
    not_content_spans,
)


def _spans(html: str) -> list[str]:
    return [html[start:end] for start, end in not_content_spans(html)]


def test_the_selector_for_the_browser_names_every_part_of_the_rule():
    parts = set(NOT_CONTENT_SELECTOR.split(", "))
    assert parts == {*NOT_CONTENT_TAGS, f"[{NOT_CONTENT_ATTRIBUTE}]", f".{NOT_CONTENT_CLASS}"}


@pytest.mark.parametrize(
    "tag,attributes,expected",
    [
        ("svg", {}, True),
        ("h1", {"id": "x"}, True),
        ("p", {NOT_CONTENT_ATTRIBUTE: ""}, True),
        ("a", {"class": f"x {NOT_CONTENT_CLASS}"}, True),
        ("a", {"class": "glossary-term", "href": "#headerlink"}, False),
        ("h2", {"id": "x"}, False),
        ("td", {}, False),
    ],
)
def test_is_not_content(tag, attributes, expected):
    assert is_not_content(tag, attributes) is expected


def test_spans_are_whole_outermost_elements_and_comments():
    html = (
        "<p>本文<!-- <svg> 注記 --></p><div data-search-exclude><div>入れ子</div><svg></svg></div>"
        '<p>後<a class="headerlink" href="#x">¶</a></p><button>押す</button>'
    )
    assert _spans(html) == [
        "<!-- <svg> 注記 -->",
        "<div data-search-exclude><div>入れ子</div><svg></svg></div>",
        '<a class="headerlink" href="#x">¶</a>',
        "<button>押す</button>",
    ]


def test_an_attribute_value_or_text_that_only_mentions_the_rule_is_content():
    html = '<p title="data-search-exclude">本文</p><a href="#headerlink">リンク</a>'
    assert _spans(html) == []
    assert _spans("headerlink data-search-exclude <p>本文</p>") == []


def test_a_void_element_holds_no_text_and_an_open_one_runs_to_the_end():
    assert _spans("<p>a<img data-search-exclude src=x>b</p>") == []
    assert _spans("<p>a</p><svg><text>b</text>") == ["<svg><text>b</text>"]
    assert _spans("<script>if (a < b) document.write('<svg>')</script><p>c</p>") == [
        "<script>if (a < b) document.write('<svg>')</script>"
    ]
