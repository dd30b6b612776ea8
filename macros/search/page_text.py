"""The readable text of a rendered page, line by line, for the search index.

A line is what a reader sees as one unit: a paragraph, a list item, a heading,
a table row (its cells joined with 「／」). Each line remembers the section it
is in (the last h2/h3 with an id before it), so a search result can link to
the place on the page and show a sentence, not a screen of flattened text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..views.content import ContentWalker

# Elements that end a line.
_BLOCKS = {
    "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "dt", "dd", "caption", "figcaption",
    "div", "section", "blockquote", "pre", "table", "ul", "ol", "dl", "details", "summary", "br", "hr",
}  # fmt: skip
_HEADINGS = {"h2", "h3"}
CELL_SEPARATOR = " ／ "
_SPACE = re.compile(r"\s+")
_EMPTY_CELLS = re.compile(r"／(?: ／)+")


@dataclass(frozen=True)
class Line:
    anchor: str  # the id of the section heading the line is under ("" before the first)
    heading: str  # that heading's text
    text: str


class _TextParser(ContentWalker):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[Line] = []
        self.anchor = ""
        self.heading = ""
        self._parts: list[str] = []
        self._cells = 0  # cells seen in the current table row
        self._heading_id: str | None = None

    def handle_starttag(self, tag, attributes):
        if tag in _BLOCKS:
            self._flush()
        if tag == "tr":
            self._cells = 0
        elif tag in ("td", "th") and self.in_content:
            if self._cells:
                self._parts.append(CELL_SEPARATOR)
            self._cells += 1
        elif tag in _HEADINGS and attributes.get("id"):
            self._heading_id = attributes["id"]

    def handle_endtag(self, tag):
        if tag in _HEADINGS and self._heading_id is not None:
            self.anchor, self.heading = self._heading_id, self._text()
            self._heading_id = None
        if tag in _BLOCKS:
            self._flush()

    def handle_data(self, data):
        if self.in_content:
            self._parts.append(data)

    def _text(self) -> str:
        text = _EMPTY_CELLS.sub("／", _SPACE.sub(" ", "".join(self._parts)))
        return text.strip().strip("／").strip()

    def _flush(self) -> None:
        text = self._text()
        self._parts.clear()
        if text:
            self.lines.append(Line(self.anchor, self.heading, text))

    def close(self):
        self._flush()


def page_lines(html: str) -> list[Line]:
    """The lines of text of a page's content HTML, in reading order."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    return parser.lines
