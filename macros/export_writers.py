"""Bytes of each download file: CSV, XLSX, JSON and the Frictionless datapackage.json.

Everything here is a pure function of the data, so two builds give the same
bytes: rows in a defined order, no timestamps (the XLSX workbook dates and the
zip entry dates are fixed to 2004-01-01, the year of the report).
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import zipfile

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

from . import tabular
from .export_tables import LIST_SEPARATOR, Table
from .tabular import FORMULA_STARTS as NEUTRALISED_STARTS  # noqa: F401 - documented on the data page
from .tabular import LINE_TERMINATOR, cell_value

# The version of the published data. Raise it with each data release and add a
# line to the changelog in docs/data.md; CITATION.cff and LICENSE-DATA.md must
# say the same (tests/test_exports.py checks all three).
DATA_VERSION = "0.1.0"
FIXED_DATE = datetime.datetime(2004, 1, 1)

TITLE = "中小企業ネットワーク事例データベース"
DESCRIPTION = (
    "北九州市のためにまとめられた調査報告書（2004年）第Ⅲ章「全国のネットワークグループの現状と課題」の"
    "16事例・2コラム・北九州への示唆を構造化したデータ。数値は2003〜2004年時点で、単位・時点・報告書内の出典つき。"
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
        "表計算ソフトが数式として読まないよう、= + - @ タブ 改行（CR）で始まる文字列の先頭には ' を付けています"
        "（JSON ファイルには付けていません）。"
    ),
]


def version() -> str:
    return DATA_VERSION


def csv_bytes(table: Table) -> bytes:
    return tabular.csv_bytes(table.column_names, [[row[name] for name in table.column_names] for row in table.rows])


# -------------------------------------------------------------------- XLSX


def _explanation_sheet(ws, tables: dict[str, Table]) -> None:
    for letter, width in zip("ABCDE", (22, 24, 16, 70, 40)):  # set before rows in write-only mode
        ws.column_dimensions[letter].width = width
    ws.append([f"{TITLE}（データ版 {version()}）"])
    ws.append([DESCRIPTION])
    ws.append([f"ライセンス：{LICENSE['title']}（CC BY 4.0） {LICENSE['path']}"])
    for line in CONVENTIONS:
        ws.append([line])
    ws.append([])
    ws.append(["表の一覧"])
    ws.append(["シート名", "CSV ファイル", "行数", "説明"])
    for table in tables.values():
        ws.append([table.name, table.filename, len(table.rows), table.description_ja])
    ws.append([])
    ws.append(["列の説明"])
    ws.append(["シート名", "列名", "型", "説明", "取りうる値"])
    for table in tables.values():
        for column in table.columns:
            values = "、".join(f"{k}（{v}）" if v else k for k, v in column.labels.items()) or "、".join(column.enum)
            ws.append([table.name, column.name, TYPE_LABELS[column.type], column.description_ja, values or None])


def _fixed_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed entry dates so that its bytes do not depend on the clock."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_DATE.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


def xlsx_bytes(tables: dict[str, Table]) -> bytes:
    """A first sheet 「説明」, then one sheet per table with typed cells.

    Write-only mode streams the rows (several times faster on large data)."""
    wb = Workbook(write_only=True)
    explanation = wb.create_sheet("説明")
    _explanation_sheet(explanation, tables)
    for table in tables.values():
        ws = wb.create_sheet(table.name)
        ws.freeze_panes = "A2"
        ws.append(table.column_names)
        for row in table.rows:
            ws.append([cell_value(row[name]) for name in table.column_names])
    wb.properties.creator = TITLE
    wb.properties.title = TITLE
    buffer = io.BytesIO()
    archive = zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)
    # openpyxl's save_workbook stamps "modified" with the clock; its writer does not.
    wb.properties.created = wb.properties.modified = FIXED_DATE
    ExcelWriter(wb, archive).save()
    return _fixed_zip(buffer.getvalue())


# -------------------------------------------------------------------- JSON


def about() -> dict:
    return {"title": TITLE, "version": version(), "license": LICENSE["name"], "license_url": LICENSE["path"],
            "description": DESCRIPTION}


def json_bytes(dataset) -> bytes:
    """All the data, lossless: the models as pydantic dumps them (no apostrophes added)."""
    from .export_tables import case_order

    data = {
        "about": about(),
        "cases": [c.model_dump(mode="json") for c in sorted(dataset.cases, key=case_order)],
        "themes": [t.model_dump(mode="json") for t in dataset.themes],
        "terms": [t.model_dump(mode="json") for t in dataset.terms],
        "metrics": [m.model_dump(mode="json") for m in dataset.metrics],
        "sources": [s.model_dump(mode="json") for s in dataset.sources],
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# ------------------------------------------------------------ datapackage


def _field(column) -> dict:
    spec = {"name": column.name, "type": "string" if column.type == "period" else column.type,
            "description": column.description_ja}
    constraints = {}
    if column.enum:
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
        "dialect": {"delimiter": ",", "lineTerminator": LINE_TERMINATOR, "quoteChar": '"',
                    "doubleQuote": True, "header": True},
        "schema": schema,
    }


def datapackage_bytes(tables: dict[str, Table], files: dict[str, bytes]) -> bytes:
    package = {
        "profile": "tabular-data-package",
        "name": NAME,
        "title": TITLE,
        "description": DESCRIPTION,
        "version": version(),
        "licenses": [LICENSE],
        "sources": [{"title": "全国のネットワークグループの現状と課題（調査報告書第Ⅲ章、2004年）"}],
        "keywords": ["中小企業", "ネットワーク", "共同受注", "産学官連携", "北九州"],
        "resources": [_resource(t, files[t.filename]) for t in tables.values()],
    }
    return (json.dumps(package, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
