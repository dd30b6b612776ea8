"""A page's tables of data as CSV files: the rows the page shows, written as every download is."""

from __future__ import annotations

import pytest

from macros.export.table_csv import DuplicateTableName, table_csv_files
from macros.views.data_table import LINE_BREAK, Column, DataTable, Link, Row


def _table(name: str, rows) -> DataTable:
    columns = (Column("label", "項目"), Column("value", "値"))
    return DataTable(name, "表", columns, tuple(Row(r) for r in rows))


def test_each_table_becomes_its_named_file_with_bom_crlf_and_formulas_neutralised():
    rows = [
        {"label": Link("HIT", "../hit/"), "value": ("17社", LINE_BREAK, "内訳：A 1")},
        {"label": "=1+2", "value": -122.17},
    ]
    files = table_csv_files([_table("figures", rows), _table("people", [])])
    assert list(files) == ["figures.csv", "people.csv"]
    assert files["figures.csv"] == "\ufeff項目,値\r\nHIT,17社 内訳：A 1\r\n'=1+2,-122.17\r\n".encode()
    assert files["people.csv"] == "\ufeff項目,値\r\n".encode()


def test_two_tables_of_one_page_may_not_share_a_name():
    with pytest.raises(DuplicateTableName, match="figures.csv"):
        table_csv_files([_table("figures", []), _table("figures", [])])
