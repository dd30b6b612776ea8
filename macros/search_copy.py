"""A lighter copy of a page's HTML for the search indexer.

Material's search plugin feeds each page through Python's HTMLParser and keeps
only the text, the headings (with their ids) and a few block tags (p, li, …).
On a case page most tags are table cells, inline spans and links, and on the
chart pages the shapes of the SVG pictures: the index drops their markup, yet
parsing them was the largest single cost of a build. Removing those tags first
(a C-speed regex) leaves the index text the same apart from runs of spaces
(tests/test_search_copy.py compares the indexer's output on every page of the
real site) and makes indexing about five times faster.

Only tags that can never hold a heading are removed; sections, divs and lists
stay, because the indexer uses their nesting to end a heading's section.
"""

from __future__ import annotations

import re

# The permalink "¶" inside each heading: the indexer leaves it out of titles.
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
_INLINE = "a|abbr|b|br|button|data|em|i|img|input|label|mark|small|span|strong|time|wbr"
_TABLE = "caption|col|colgroup|table|tbody|td|tfoot|th|thead|tr"
_SVG = "circle|defs|desc|ellipse|g|line|path|polygon|polyline|rect|svg|text|title|tspan|use"
_DROPPED_TAGS = re.compile(rf"</?(?:{_INLINE}|{_TABLE}|{_SVG})\b[^>]*>")


def search_copy(html: str) -> str:
    """The page's HTML without the tags whose markup the search index drops."""
    if "data-search-exclude" in html:  # the indexer must see the element that carries it
        return html
    return _DROPPED_TAGS.sub("", _HEADERLINK.sub("", html))
