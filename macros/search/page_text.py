"""The readable text of a rendered page, line by line, for the search index.

A line is what a reader sees as one unit: a paragraph, a list item, a heading,
a table row (its cells joined with 「／」). Each line remembers the section it
is in (the last h2/h3 with an id before it), so a search result can link to
the place on the page and show a sentence, not a screen of flattened text.
What is not content (views/content.py: charts, buttons, citation boxes, the
page title) is left out.

The page is read by a few regular expressions over the whole HTML, not tag by
tag: 1,000 case pages hold some three million tags, and reading them one by one
in Python took about ten seconds. MkDocs writes well-formed HTML with tags in
lower case, which is what these passes expect.
"""

from __future__ import annotations

import re
from html import unescape
from typing import NamedTuple

from ..views.content import attributes_of, not_content_spans

# Elements that end a line.
_BLOCKS = [
    "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "dt", "dd", "caption", "figcaption",
    "div", "section", "blockquote", "pre", "table", "ul", "ol", "dl", "details", "summary", "br", "hr",
]  # fmt: skip
CELL_SEPARATOR = " ／ "
# Marks put into the text between the passes: control characters that are not white space (so
# folding the white space keeps them) and that no page's text holds (the data refuses them; any
# in the HTML are dropped first).
_END = "\x03"  # a line ends
_SECTION = "\x02"  # a section heading's line starts
_CELL = "\x01"  # a table cell starts
_ATTRIBUTES = r"""[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*"""  # quoted values may hold ">"
_BLOCK_START = re.compile(r"</?(?:" + "|".join(_BLOCKS) + r")(?=[\s/>])")
_BLOCK_TAG = re.compile(r"</?(?:" + "|".join(_BLOCKS) + r")(?=[\s/>])" + _ATTRIBUTES + ">")
_SECTION_HEADING = re.compile(r"<h[23](?=[\s/>])(" + _ATTRIBUTES + ")>")
_CELL_TAG = re.compile(r"<t[dh](?=[\s/>])" + _ATTRIBUTES + ">")
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*" + _ATTRIBUTES + ">")
_EMPTY_LINES = re.compile("\x03(?: ?\x03)+")
_EMPTY_CELLS = re.compile(r"／(?: ／)+")
_RAW = ("<!--", "<script", "<style")  # their text is not HTML


class Line(NamedTuple):
    anchor: str  # the id of the section heading the line is under ("" before the first)
    heading: str  # that heading's text
    text: str


def _content(html: str) -> str:
    """The HTML without what is not content; where that held a block, the line ends there."""
    parts, position = [], 0
    for start, end in not_content_spans(html):
        parts.append(html[position:start])
        if not html.startswith(_RAW, start) and _BLOCK_START.search(html, start, end):
            parts.append(_END)
        position = end
    parts.append(html[position:])
    return "".join(parts)


def page_lines(html: str) -> list[Line]:
    """The lines of text of a page's content HTML, in reading order."""
    for mark in (_END, _SECTION, _CELL):
        html = html.replace(mark, "")
    anchors: list[str] = []

    def section(match: re.Match) -> str:
        anchor = attributes_of(match.group(1)).get("id")
        if not anchor:
            return _END
        anchors.append(anchor)
        return _END + _SECTION

    text = _SECTION_HEADING.sub(section, _content(html))
    text = _TAG.sub("", _CELL_TAG.sub(_CELL, _BLOCK_TAG.sub(_END, text)))
    if "&" in text:
        text = unescape(text)
    text = _EMPTY_CELLS.sub("／", " ".join(text.replace(_CELL, CELL_SEPARATOR).split()))  # white space folded
    lines: list[Line] = []
    anchor = heading = ""
    sections = iter(anchors)
    for part in _EMPTY_LINES.sub(_END, text).split(_END):
        if part.startswith(_SECTION):
            anchor, heading = next(sections), part[1:].strip().strip("／").strip()
            part = heading
        else:
            part = part.strip().strip("／").strip()
        if part:
            lines.append(Line(anchor, heading, part))
    return lines
