"""The readable text of a rendered page, line by line, for the search index.

A line is what a reader sees as one unit: a paragraph, a list item, a heading,
a table row (its cells joined with 「／」). Each line remembers the section it
is in (the last h2/h3 with an id before it), so a search result can link to
the place on the page and show a sentence, not a screen of flattened text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape

# Elements whose text is not searched: scripts, charts drawn as SVG, buttons that only drive
# the page, and the page title (h1), which the index holds as the page's name.
_SKIPPED = {"script", "style", "svg", "template", "button", "noscript", "h1"}
# Elements that end a line.
_BLOCKS = {
    "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "dt", "dd", "caption", "figcaption",
    "div", "section", "blockquote", "pre", "table", "ul", "ol", "dl", "details", "summary", "br", "hr",
}  # fmt: skip
_HEADINGS = {"h2", "h3"}
_VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col", "area", "base", "embed", "track"}
CELL_SEPARATOR = " ／ "
_SPACE = re.compile(r"\s+")
# A comment, a tag (end mark, name, attributes), or text. MkDocs writes well-formed HTML, and a
# regular expression reads it several times faster than html.parser (1,000 case pages: seconds).
_TOKEN = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>|([^<]+)|(<)", re.S)
_ATTRIBUTE = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_RAW_TEXT = {"script", "style"}  # their content is not HTML: skipped to the end tag
_EMPTY_CELLS = re.compile(r"／(?: ／)+")


@dataclass(frozen=True)
class Line:
    anchor: str  # the id of the section heading the line is under ("" before the first)
    heading: str  # that heading's text
    text: str


def is_not_content(tag: str, attributes: dict[str, str]) -> bool:
    """An element whose text is not the page's content: skipped by the search index and the tables' CSV."""
    return (
        tag in _SKIPPED
        or "data-search-exclude" in attributes
        or "headerlink" in (attributes.get("class") or "").split()
    )


def _attributes(text: str) -> dict[str, str]:
    return {
        m.group(1).lower(): unescape(m.group(2) or m.group(3) or m.group(4) or "") for m in _ATTRIBUTE.finditer(text)
    }


class ContentWalker:
    """Reads HTML token by token, keeping the open elements and whether their text is content.

    A subclass sees each start tag before the element is entered (`in_content` is the state around
    it), each end tag after the element is left, and text with `in_content` telling whether the
    reader sees it as content (is_not_content). The search index and the tables' CSV read pages so.
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
            position = match.end()
            end_mark, tag, attributes, text, lone = match.groups()
            if text is not None or lone is not None:
                self.handle_data(unescape(text) if text is not None else lone)
            elif tag is None:
                continue  # a comment
            elif end_mark:
                self._leave(tag.lower())
            elif tag.lower() in _RAW_TEXT:
                close = re.compile(rf"</{tag}\s*>", re.I).search(html, position)
                position = close.end() if close else len(html)
            else:
                self._enter(tag.lower(), _attributes(attributes) if attributes.strip() else {})

    def _enter(self, tag: str, attributes: dict[str, str]) -> None:
        self.handle_starttag(tag, attributes)
        if tag in _VOID:
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
