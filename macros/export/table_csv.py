"""The CSV files of a page's tables of data: the same rows the page shows (macros/views/data_table.py).

Each table is written as every download is (cells.csv_bytes: UTF-8 with BOM, CRLF,
formulas neutralised), under the name its box links to; two tables of one page may
not share a name.
"""

from __future__ import annotations

from .cells import csv_bytes


class DuplicateTableName(ValueError):
    pass


def table_csv_files(tables) -> dict[str, bytes]:
    """File name -> CSV bytes for each table of a page, in page order."""
    files: dict[str, bytes] = {}
    for table in tables:
        if table.filename in files:
            raise DuplicateTableName(f"表のCSVの名前 {table.filename} がこのページで重複しています")
        files[table.filename] = csv_bytes(table.header, table.values())
    return files
