"""A table of data: one row source for the table on the page and for the CSV beside it.

A view builds the table (its columns and its rows of cells) from the data; the page's
template draws it (overrides/partials/data/_macros.html: `show` draws a cell) and the
build writes the same rows as the table's CSV (macros/export/table_csv.py). A cell is
text, a number, or a few pieces: text with what the template needs to draw it (a link,
a citation, a line break, a span of a kind). What a reader sees in a cell is the text
of its pieces, so the CSV holds the table as shown, and the template cannot show a cell
the CSV does not have. Anything else a template puts in a table (a permalink, a
citation box, a checkbox) is not content: it is left out of copies, the search and CSVs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import ClassVar

from .citation import OTHER_SOURCE, from_report, short_citation_text


@dataclass(frozen=True)
class Link:
    """Content shown as a link: to another page (href, relative to this page) or to an anchor of this page."""

    kind: ClassVar[str] = "link"
    content: Content
    href: str = ""
    anchor: str = ""  # an id on the same page; the template adds the page's id prefix
    download: bool = False  # a file to save rather than open


@dataclass(frozen=True)
class Cite:
    """Where a value comes from, drawn by the cite macro; text: what the reader sees of it."""

    kind: ClassVar[str] = "cite"
    ref: object
    text: str


@dataclass(frozen=True)
class Span:
    """Content set apart by its kind (a breakdown, an editor's derivation, links to notes)."""

    kind: ClassVar[str] = "span"
    style: str
    content: Content


@dataclass(frozen=True)
class Code:
    """A name as written in the files (a column name, a code value)."""

    kind: ClassVar[str] = "code"
    text: str


@dataclass(frozen=True)
class Paragraph:
    kind: ClassVar[str] = "paragraph"
    content: Content


@dataclass(frozen=True)
class LineBreak:
    """A new line within a cell; it reads as a space in the CSV."""

    kind: ClassVar[str] = "break"


LINE_BREAK = LineBreak()

# What a cell (or a heading) holds: text, a number, a piece, or several of them in a row.
Content = str | int | float | None | Link | Cite | Span | Code | Paragraph | LineBreak | tuple["Content", ...]


@dataclass(frozen=True)
class Column:
    key: str  # how the template names the column's cells (row.cells.<key>)
    heading: Content
    sort: str = ""  # how the table's script sorts it: "number", "none" (not sortable); text when ""
    label: str = ""  # a shorter name beside each cell where rows are shown as cards (data-label); the heading if ""
    item: object = None  # what the column stands for, where the template needs it (a case of the matrix)


@dataclass(frozen=True)
class Row:
    cells: dict[str, Content]
    item: object = None  # what the row shows, for what the template draws besides its cells (a citation box)
    anchor: str = ""  # the row's id on the page (figure-…), without the page's id prefix
    kind: str = ""  # which kind of item the row shows, where a table mixes kinds (the money table)
    facets: dict[str, list[str]] = field(default_factory=dict)  # the row's values for the table's filters


@dataclass(frozen=True)
class DataTable:
    name: str  # its CSV file beside the page is <name>.csv; unique on the page
    title: str  # what the table is: its box's label and, mostly, its caption
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]

    @property
    def filename(self) -> str:
        return f"{self.name}.csv"

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.columns)

    @property
    def labels(self) -> dict[str, str]:
        """Each column's name beside its cells where rows are shown as cards."""
        return {c.key: c.label or text(c.heading) for c in self.columns}

    @property
    def header(self) -> list:
        return [plain(c.heading) for c in self.columns]

    def values(self) -> list[list]:
        """The rows as the CSV has them: each cell's text, or its number."""
        return [[plain(row.cells[c.key]) for c in self.columns] for row in self.rows]

    def renamed(self, prefix: str) -> DataTable:
        """The table published under a prefixed name (the 全事例集 holds every case's tables)."""
        return replace(self, name=prefix + self.name)


_SPACE = re.compile(r"\s+")


def number_text(value: int | float) -> str:
    """A number as a cell shows it: whole numbers without ".0" (as the CSV writes them)."""
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _text(content: Content) -> str:
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, int | float):
        return number_text(content)
    if isinstance(content, tuple):
        return "".join(_text(part) for part in content)
    if isinstance(content, LineBreak):
        return " "
    if isinstance(content, Cite | Code):
        return content.text
    return _text(content.content)


def text(content: Content) -> str:
    """What a reader sees of a cell, on one line (as the browser shows it: runs of spaces are one)."""
    return _SPACE.sub(" ", _text(content)).strip()


def plain(content: Content):
    """A cell's value for the CSV: a number stays a number, anything else is its text."""
    if isinstance(content, int | float) and not isinstance(content, bool):
        return content
    return text(content)


def cite(ref, source_by_id: dict) -> Cite:
    """A citation cell: the place in the report, or the other source marked as such (cite in _macros.html)."""
    shown = ref if from_report(ref) else f"{OTHER_SOURCE} {short_citation_text(ref, source_by_id)}"
    return Cite(ref, shown)


def joined(items, separator: Content) -> tuple:
    """Items with a separator between them (、, a line break)."""
    out: list = []
    for item in items:
        if out:
            out.append(separator)
        out.append(item)
    return tuple(out)
