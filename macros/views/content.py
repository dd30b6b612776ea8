"""What on a rendered page is content, and what is not: one rule for every reader of a page.

Not content: scripts and styles, charts drawn as SVG (their data is in tables and CSV files),
buttons that only drive the page, templates and noscript fallbacks, the page title (h1: the
search index holds it as the page's name), the headings' ¶ links, and whatever a template
marks with data-search-exclude (citation boxes, permalinks, the 「知らせる」 links). The text of
these is not searched (macros/search/page_text.py), not written to the CSV of the rows a reader has in view
(docs/assets/javascripts/tables.js reads NOT_CONTENT_SELECTOR from its script tag; the build writes a
table's own CSV from its rows, macros/views/data_table.py) and never gets a glossary link (glossary_links.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape

NOT_CONTENT_TAGS = frozenset({"script", "style", "svg", "template", "button", "noscript", "h1"})
NOT_CONTENT_ATTRIBUTE = "data-search-exclude"  # set by the templates (overrides/partials/data/)
NOT_CONTENT_CLASS = "headerlink"  # the ¶ link the toc extension puts in each heading
# The same rule as a CSS selector, for the browser.
NOT_CONTENT_SELECTOR = ", ".join([*sorted(NOT_CONTENT_TAGS), f"[{NOT_CONTENT_ATTRIBUTE}]", f".{NOT_CONTENT_CLASS}"])

# Elements with no content and no end tag.
VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col", "area", "base", "embed", "track"})
_RAW_TEXT = {"script", "style"}  # their content is not HTML: skipped to the end tag
# A tag's attributes (quoted values may hold ">"), written as runs so the engine does not step char by char.
_ATTRIBUTES = r"""([^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*)"""
# A comment, a tag (end mark, name, attributes), or text. MkDocs writes well-formed HTML, and a
# regular expression reads it several times faster than html.parser (1,000 case pages: seconds).
_TOKEN = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9]*)" + _ATTRIBUTES + r">|([^<]+)|(<)", re.S)
_START_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)" + _ATTRIBUTES + r">")
_ATTRIBUTE = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
# Where an element that is not content may start: a comment (its text is not content either and
# may hold anything), a tag of NOT_CONTENT_TAGS, or a tag whose attributes mention the attribute
# or the class (is_not_content decides). Each pattern begins with a literal, which the regular
# expression engine finds quickly; tags in lower case only (Markdown and our templates write them so).
_STARTS = re.compile(r"<(?:!--|(?:" + "|".join(sorted(NOT_CONTENT_TAGS)) + r")(?=[\s/>]))")
_MARKS = [re.compile(re.escape(mark)) for mark in (NOT_CONTENT_ATTRIBUTE, NOT_CONTENT_CLASS)]


def is_not_content(tag: str, attributes: dict[str, str]) -> bool:
    """An element (tag in lower case) whose text is not the page's content."""
    return (
        tag in NOT_CONTENT_TAGS
        or NOT_CONTENT_ATTRIBUTE in attributes
        or NOT_CONTENT_CLASS in (attributes.get("class") or "").split()
    )


def attributes_of(text: str) -> dict[str, str]:
    """The attributes of a start tag (the text after its name), names in lower case, values unescaped."""
    if not text.strip():
        return {}
    return {name.lower(): unescape(a or b or c) for name, a, b, c in _ATTRIBUTE.findall(text)}


def _end_of_element(html: str, tag: str, position: int) -> int:
    """Where the element whose start tag ends at `position` ends: after its matching end tag
    (elements of the same name inside it counted), or at the end of the HTML if it is left open."""
    if tag in _RAW_TEXT:
        close = re.compile(rf"</{tag}\s*>", re.I).search(html, position)
        return close.end() if close else len(html)
    depth = 1
    for match in re.compile(rf"<(/?){tag}(?=[\s/>])" + _ATTRIBUTES + ">").finditer(html, position):
        if match.group(1):
            depth -= 1
        elif not match.group(2).endswith("/"):
            depth += 1
        if not depth:
            return match.end()
    return len(html)


def _candidates(html: str) -> list[int]:
    """Where a comment or an element that is not content may start, in order."""
    starts = {match.start() for match in _STARTS.finditer(html)}
    for mark in _MARKS:
        starts.update(html.rfind("<", 0, match.start()) for match in mark.finditer(html))  # its tag
    starts.discard(-1)  # a mark in text before any tag
    return sorted(starts)


def not_content_spans(html: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each comment and each outermost element that is not content, in order.

    The start tag is read whole only where such an element may start (_STARTS, _MARKS); a void
    element holds no text and is not a span. An element runs to its matching end tag.
    """
    position = 0
    for start in _candidates(html):
        if start < position:
            continue  # inside the last span
        if html.startswith("<!--", start):
            close = html.find("-->", start + 4)
            position = len(html) if close < 0 else close + 3
            yield start, position
            continue
        tag = _START_TAG.match(html, start)
        if tag is None:
            continue
        name = tag.group(1).lower()
        if name in VOID or not (name in NOT_CONTENT_TAGS or is_not_content(name, attributes_of(tag.group(2)))):
            continue
        position = tag.end() if tag.group(2).endswith("/") else _end_of_element(html, name, tag.end())
        yield start, position


class ContentWalker:
    """Reads HTML token by token, keeping the open elements and whether their text is content.

    A subclass sees each start tag before the element is entered (`in_content` is the state around
    it), each end tag after the element is left, and text with `in_content` telling whether the
    reader sees it as content (is_not_content). The tables' CSV reads pages so.
    """

    def __init__(self) -> None:
        self._stack: list[tuple[str, bool]] = []  # (tag, skipped) of open elements
        self._skip_depth = 0  # > 0 inside an element whose text is skipped

    @property
    def in_content(self) -> bool:
        return not self._skip_depth

    @property
    def depth(self) -> int:
        """How many elements are open."""
        return len(self._stack)

    def feed(self, html: str) -> None:
        position = 0
        while position < len(html):
            match = _TOKEN.match(html, position)
            assert match is not None  # _TOKEN ends with a one-character alternative: it matches anywhere
            position = match.end()
            end_mark, tag, attributes, text, lone = match.groups()
            if text is not None or lone is not None:
                self.handle_data(unescape(text) if text is not None else lone)
            elif tag is None:
                continue  # a comment
            elif end_mark:
                self._leave(tag.lower())
            elif tag.lower() in _RAW_TEXT:
                position = _end_of_element(html, tag.lower(), position)
            else:
                self._enter(tag.lower(), attributes_of(attributes))

    def _enter(self, tag: str, attributes: dict[str, str]) -> None:
        self.handle_starttag(tag, attributes)
        if tag in VOID:
            return
        skipped = is_not_content(tag, attributes)
        self._stack.append((tag, skipped))
        self._skip_depth += skipped

    def _leave(self, tag: str) -> None:
        # Close up to the matching open element (HTML lets some end tags be left out).
        while self._stack:
            open_tag, skipped = self._stack.pop()
            self._skip_depth -= skipped
            if open_tag == tag:
                break
        self.handle_endtag(tag)

    def handle_starttag(self, tag: str, attributes: dict[str, str]) -> None:
        pass

    def handle_endtag(self, tag: str) -> None:
        pass

    def handle_data(self, data: str) -> None:
        pass
