"""CSV bytes the way Excel on Japanese Windows opens them, safe against formulas."""

from __future__ import annotations

import csv
import io

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Numbers stay numbers; text that a spreadsheet would run as a formula gets a leading '."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_bytes(columns: list[str], rows: list[list]) -> bytes:
    """UTF-8 with BOM, CRLF line ends, a header row, every cell neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_cell(c) for c in columns])
    writer.writerows([[safe_cell(v) for v in row] for row in rows])
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")
