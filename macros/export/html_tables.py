"""The tables of a rendered page as CSV: exactly the columns and the text a reader sees.

A table offers a CSV when the box around it names the file (`data-csv="figures.csv"`,
written by the `table_box` macro). Reading the rendered table, not the data, keeps the
file equal to the table on the page by construction: the same header, the same cells,
the same order. The page is read with the rule of what is content (views/content.py), so
citation boxes, permalinks and buttons are left out as the search index leaves them out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..views.content import ContentWalker

_SPACE = re.compile(r"\s+")


@dataclass
class HtmlTable:
    filename: str
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


class _TableReader(ContentWalker):
    def __init__(self) -> None:
        super().__init__()
        self.tables: list[HtmlTable] = []
        self._box: tuple[str, int] | None = None  # (file name, depth) of the box being read
        self._table_depth = 0  # tables open inside the box (a nested table's text joins its cell)
        self._in_head = False
        self._row: list[str] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attributes):
        if "data-csv" in attributes and self._box is None:
            self._box = (attributes["data-csv"], self.depth)
        if self._box is None:
            return
        if tag == "table":
            self._table_depth += 1
            if self._table_depth == 1:
                self.tables.append(HtmlTable(self._box[0]))
        elif self._table_depth == 1 and self.in_content:
            if tag == "thead":
                self._in_head = True
            elif tag == "tr":
                self._row = []
            elif tag in ("td", "th") and self._row is not None:
                self._cell = []
            elif tag == "br" and self._cell is not None:
                self._cell.append(" ")

    def handle_endtag(self, tag):
        if self._box is None:
            return
        if self.depth <= self._box[1]:
            self._box = None
        elif tag == "table":
            self._table_depth -= 1
        elif self._table_depth != 1:
            return
        elif tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append(_SPACE.sub(" ", "".join(self._cell)).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if self._in_head:
                self.tables[-1].header = self._row
            elif self._row:
                self.tables[-1].rows.append(self._row)
            self._row = None
        elif tag == "thead":
            self._in_head = False

    def handle_data(self, data):
        if self._cell is not None and self.in_content:
            self._cell.append(data)


def csv_tables(html: str) -> list[HtmlTable]:
    """Every table inside a box that names a CSV file, in page order."""
    reader = _TableReader()
    reader.feed(html)
    return reader.tables
