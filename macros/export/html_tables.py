"""The tables of a rendered page as CSV: exactly the columns and the text a reader sees.

A table offers a CSV when the box around it names the file (`data-csv="figures.csv"`,
written by the `table_box` macro). Reading the rendered table, not the data, keeps the
file equal to the table on the page by construction: the same header, the same cells,
the same order. Text that is not content (citation boxes, permalinks, buttons) is left
out by the same rule as the search index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from .page_text import is_not_content

_SPACE = re.compile(r"\s+")
_VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col"}


@dataclass
class HtmlTable:
    filename: str
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


class _TableReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[HtmlTable] = []
        self._filename: str | None = None  # inside a box that names a CSV file
        self._table_depth = 0
        self._in_head = False
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._stack: list[tuple[str, bool]] = []
        self._skip_depth = 0

    def handle_starttag(self, tag, attrs):
        attributes = {k: v or "" for k, v in attrs}
        if "data-csv" in attributes and self._filename is None:
            self._filename = attributes["data-csv"]
        if tag == "table" and self._filename is not None:
            self._table_depth += 1
            if self._table_depth == 1:
                self.tables.append(HtmlTable(self._filename))
        elif self._table_depth == 1 and not self._skip_depth:
            if tag == "thead":
                self._in_head = True
            elif tag == "tr":
                self._row = []
            elif tag in ("td", "th") and self._row is not None:
                self._cell = []
            elif tag == "br" and self._cell is not None:
                self._cell.append(" ")
        if tag in _VOID:
            return
        skipped = is_not_content(tag, attributes)
        self._stack.append((tag, skipped, "data-csv" in attributes))
        self._skip_depth += skipped

    def handle_endtag(self, tag):
        while self._stack:
            open_tag, skipped, names_csv = self._stack.pop()
            self._skip_depth -= skipped
            if names_csv:
                self._filename = None
            if open_tag == tag:
                break
        if self._table_depth != 1 and tag != "table":
            return
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append(_SPACE.sub(" ", "".join(self._cell)).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            table = self.tables[-1]
            if self._in_head:
                table.header = self._row
            elif self._row:
                table.rows.append(self._row)
            self._row = None
        elif tag == "thead":
            self._in_head = False
        elif tag == "table" and self._table_depth:
            self._table_depth -= 1

    def handle_data(self, data):
        if self._cell is not None and not self._skip_depth:
            self._cell.append(data)


def csv_tables(html: str) -> list[HtmlTable]:
    """Every table inside a box that names a CSV file, in page order."""
    reader = _TableReader()
    reader.feed(html)
    reader.close()
    return reader.tables
