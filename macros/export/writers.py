"""Bytes of each download file: CSV, XLSX, JSON and the Frictionless datapackage.json.

Everything here is a pure function of the data, so two builds give the same
bytes: rows in a defined order, no timestamps (the XLSX workbook's creation
date is fixed to 2004-01-01, the year of the report; XlsxWriter dates every
zip entry 1980-01-01).
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import re

import xlsxwriter

from ..views.citation import SITE_TITLE, source_text
from ..views.facts import data_time_scope
from ..views.formatting import as_of_text
from . import cells
from .cells import LINE_TERMINATOR, cell_value
from .tables import LIST_SEPARATOR, Table, case_order

# The version of the published data. Raise it with each data release and add a
# line to the changelog in docs/data.md; CITATION.cff and LICENSE-DATA.md must
# say the same (tests/export/test_downloads.py checks all three).
DATA_VERSION = "1.0.0"
FIXED_DATE = datetime.datetime(2004, 1, 1)

TITLE = SITE_TITLE


def description(dataset) -> str:
    """What the data set is; its time note comes from the sources the data cites (report only, or later ones too)."""
    return (
        "北九州市のためにまとめられた調査報告書（2004年）第Ⅲ章「全国のネットワークグループの現状と課題」の"
        f"事例・コラムと北九州への示唆を構造化したデータ。数値は{as_of_text(data_time_scope(dataset))}で、"
        "単位・時点・出典つき。"
    )


LICENSE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0 International",
}
NAME = "sme-networks"
XLSX_NAME = f"{NAME}.xlsx"
JSON_NAME = f"{NAME}.json"
PACKAGE_NAME = "datapackage.json"
PERIOD_PATTERN = r"(FY|FP)?[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?(/(FY|FP)?[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?)?"
TYPE_LABELS = {
    "string": "文字列",
    "integer": "整数",
    "number": "数値",
    "boolean": "真偽値（true / false）",
    "period": "時点・期間（文字列。例 1999, 2003-11, FY2002, FP2003-02, 2003/2004）",
}
CONVENTIONS = [
    "CSV ファイルは UTF-8（BOM つき）、改行は CRLF（\\r\\n）で、1行目は列名です。",
    "空欄は「報告書に記載がない」か「その行には当てはまらない」ことを示します。",
    f"1つのセルに複数の値があるときは {LIST_SEPARATOR} で区切っています。",
    "数値は桁区切りなしで、整数は小数点なしで書いています。金額は円の整数、単位は別の列です。",
    "時点は 1999（年）, 2003-11（年月）, FY2002（年度）, FP2003-02（2月期）, 2003/2004（期間・調査時点）の形です。",
    (
        "CSV ファイルでは、表計算ソフトが数式として読まないよう、= + - @ タブ 改行（CR）で始まる文字列の先頭には ' を付けています"
        "（XLSX ファイルのセルは文字列として書いているので数式にはならず、' は付けていません。JSON ファイルにも付けていません）。"
    ),
]


def version() -> str:
    return DATA_VERSION


def csv_bytes(table: Table) -> bytes:
    names = table.column_names
    return cells.csv_bytes(names, [[row[name] for name in names] for row in table.rows])


# -------------------------------------------------------------------- XLSX

# Every cell is written with its own type: no text is ever read as a formula,
# a number or a link, whatever it starts with (so strings keep their exact text).
_XLSX_OPTIONS = {
    "in_memory": True,  # no temporary files (XlsxWriter's constant_memory mode needs them, and was slower here)
    "strings_to_formulas": False,
    "strings_to_numbers": False,
    "strings_to_urls": False,
}


def _write_row(ws, row_index: int, values: list) -> None:
    for col, value in enumerate(values):
        value = cell_value(value)
        if value is None:
            continue
        if isinstance(value, bool):
            ws.write_boolean(row_index, col, value)
        elif isinstance(value, (int, float)):
            ws.write_number(row_index, col, value)
        else:
            ws.write_string(row_index, col, str(value))


def _explanation_rows(dataset, tables: dict[str, Table]) -> list[list]:
    rows: list[list] = [
        [f"{TITLE}（データ版 {version()}）"],
        [description(dataset)],
        [f"ライセンス：{LICENSE['title']}（CC BY 4.0） {LICENSE['path']}"],
        *[[line] for line in CONVENTIONS],
        [],
        ["表の一覧"],
        ["シート名", "CSV ファイル", "行数", "説明"],
        *[[t.name, t.filename, len(t.rows), t.description_ja] for t in tables.values()],
        [],
        ["列の説明"],
        ["シート名", "列名", "型", "説明", "取りうる値"],
    ]
    for table in tables.values():
        for column in table.columns:
            values = "、".join(f"{k}（{v}）" if v else k for k, v in column.labels.items()) or "、".join(column.enum)
            rows.append([table.name, column.name, TYPE_LABELS[column.type], column.description_ja, values or None])
    return rows


def xlsx_bytes(dataset, tables: dict[str, Table]) -> bytes:
    """A first sheet 「説明」, then one sheet per table with typed cells."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, _XLSX_OPTIONS)
    book.set_properties({"title": TITLE, "author": TITLE, "created": FIXED_DATE})
    explanation = book.add_worksheet("説明")
    for col, width in enumerate((22, 24, 16, 70, 40)):
        explanation.set_column(col, col, width)
    for index, row in enumerate(_explanation_rows(dataset, tables)):
        _write_row(explanation, index, row)
    for table in tables.values():
        ws = book.add_worksheet(table.name)
        ws.freeze_panes(1, 0)
        _write_row(ws, 0, table.column_names)
        names = table.column_names
        for index, record in enumerate(table.rows, start=1):
            _write_row(ws, index, [record[name] for name in names])
    book.close()
    return buffer.getvalue()


# -------------------------------------------------------------------- JSON


def about(dataset) -> dict:
    return {
        "title": TITLE,
        "version": version(),
        "license": LICENSE["name"],
        "license_url": LICENSE["path"],
        "description": description(dataset),
    }


def json_bytes(dataset) -> bytes:
    """All the data, lossless: the models as pydantic dumps them (no apostrophes added)."""
    data = {
        "about": about(dataset),
        "cases": [c.model_dump(mode="json") for c in sorted(dataset.cases, key=case_order)],
        "themes": [t.model_dump(mode="json") for t in dataset.themes],
        "terms": [t.model_dump(mode="json") for t in dataset.terms],
        "metrics": [m.model_dump(mode="json") for m in dataset.metrics],
        "sources": [s.model_dump(mode="json") for s in dataset.sources],
        "regions": [r.model_dump(mode="json") for r in dataset.regions],
    }
    return json_text(data)


def json_text(data) -> bytes:
    """Indented UTF-8 JSON with a final newline."""
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# ------------------------------------------------------------ datapackage


def _field(column) -> dict:
    spec = {
        "name": column.name,
        "type": "string" if column.type == "period" else column.type,
        "description": column.description_ja,
    }
    constraints: dict[str, object] = {}
    if column.enum and column.joined:  # each of the joined values is one of the vocabulary
        one = "|".join(re.escape(value) for value in column.enum)
        constraints["pattern"] = f"({one})({re.escape(LIST_SEPARATOR)}({one}))*"
    elif column.enum:
        constraints["enum"] = list(column.enum)
    if column.type == "period":
        constraints["pattern"] = PERIOD_PATTERN
    if column.type == "boolean":
        spec.update(trueValues=["true"], falseValues=["false"])
    if constraints:
        spec["constraints"] = constraints
    return spec


def _resource(table: Table, data: bytes) -> dict:
    schema = {"fields": [_field(c) for c in table.columns], "missingValues": [""]}
    if table.primary_key:
        schema["primaryKey"] = list(table.primary_key)
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": [own], "reference": {"resource": other, "fields": [theirs]}}
            for own, other, theirs in table.foreign_keys
        ]
    return {
        "name": table.name,
        "path": table.filename,
        "profile": "tabular-data-resource",
        "title": table.name,
        "description": table.description_ja,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8-sig",
        "bytes": len(data),
        "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
        "dialect": {
            "delimiter": ",",
            "lineTerminator": LINE_TERMINATOR,
            "quoteChar": '"',
            "doubleQuote": True,
            "header": True,
        },
        "schema": schema,
    }


def package_sources(dataset) -> list[dict]:
    """The data's sources (data/sources.yaml) as a Data Package lists them: a title, and the address where there is one."""
    return [{"title": source_text(s), **({"path": s.url} if s.url else {})} for s in dataset.sources]


def datapackage_bytes(dataset, tables: dict[str, Table], files: dict[str, bytes]) -> bytes:
    package = {
        "profile": "tabular-data-package",
        "name": NAME,
        "title": TITLE,
        "description": description(dataset),
        "version": version(),
        "licenses": [LICENSE],
        "sources": package_sources(dataset),
        "keywords": ["中小企業", "ネットワーク", "共同受注", "産学官連携", "北九州"],
        "resources": [_resource(t, files[t.filename]) for t in tables.values()],
    }
    return json_text(package)
