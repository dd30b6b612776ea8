"""Cells and CSV bytes the way Excel on Japanese Windows opens them, safe against formulas.

One place for the rules every download follows (the data tables, the XLSX
workbook and each chart's CSV): UTF-8 with BOM, CRLF line ends, whole numbers
without ".0". In a CSV, text that a spreadsheet would run as a formula (starting
with = + - @, a tab or CR) is prefixed with an apostrophe (OWASP's advice: a CSV
has no types). An XLSX cell is written with its type, so a string can never be
a formula and keeps its exact text: no apostrophe is added there.
"""

from __future__ import annotations

import csv
import io

BOM = b"\xef\xbb\xbf"
LINE_TERMINATOR = "\r\n"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def cell_value(value):
    """The typed value of an XLSX cell: whole numbers as int, strings exactly as they are, None kept."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def cell_text(value) -> str:
    """The CSV text of a cell: formula starts neutralised."""
    if isinstance(value, str):
        return neutralise(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(cell_value(value))


def csv_bytes(columns: list[str], rows: list[list]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator=LINE_TERMINATOR)
    writer.writerow([cell_text(c) for c in columns])
    writer.writerows([[cell_text(v) for v in row] for row in rows])
    return BOM + buffer.getvalue().encode("utf-8")
