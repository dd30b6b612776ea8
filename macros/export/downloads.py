"""Open-data downloads: the files (CSV per table, XLSX, JSON, datapackage.json)
and the data page that lists them.

`render_downloads` makes every file's bytes once per loaded data set; the
build publishes those bytes and the data page shows their sizes and row
counts from the same render, so the page cannot disagree with the files.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..views.data_table import LINE_BREAK, Code, Column, DataTable, Link, Row, Span, joined
from ..views.facts import data_time_scope
from ..views.formatting import as_of_text, plain_number
from ..views.render import Rendered, base_for, render, script_json
from .linked_data import site_root, source_json_ld
from .tables import build_tables, empty_tables
from .writers import (
    CONVENTIONS,
    JSON_NAME,
    LICENSE,
    PACKAGE_NAME,
    TITLE,
    TYPE_LABELS,
    XLSX_NAME,
    csv_bytes,
    datapackage_bytes,
    description,
    json_bytes,
    version,
    xlsx_bytes,
)

DOWNLOAD_DIR = "downloads"  # folder of the files in the built site


@dataclass(frozen=True)
class Downloads:
    """Every download file of a data set, rendered once (a build keeps it: macros/site/build.py)."""

    files: dict[str, bytes]  # name -> bytes, in the order the page lists them
    rows: dict[str, int]  # CSV name -> row count


def render_downloads(dataset) -> Downloads:
    tables = build_tables(dataset)
    files = {t.filename: csv_bytes(t) for t in tables.values()}
    files[XLSX_NAME] = xlsx_bytes(dataset, tables)
    files[JSON_NAME] = json_bytes(dataset)
    files[PACKAGE_NAME] = datapackage_bytes(dataset, tables, files)
    return Downloads(files, {t.filename: len(t.rows) for t in tables.values()})


_FORMATS = {
    XLSX_NAME: ("Excel", "すべての表を1つのファイルに（最初のシート「説明」に各表と列の説明）"),
    JSON_NAME: ("JSON", "すべてのデータをスキーマどおりの入れ子の形で（CSV の ' の付加なし）"),
    PACKAGE_NAME: ("Frictionless Data Package", "CSV の列の型・説明・ライセンスを機械が読める形で"),
}


def download_info(rendered: Downloads) -> list[dict]:
    """Per file: name, format, bytes, rows and columns (None where not a table)."""
    tables = {t.filename: t for t in empty_tables().values()}
    info = []
    for name, data in rendered.files.items():
        table = tables.get(name)
        fmt, description = ("CSV", table.description_ja) if table else _FORMATS[name]
        info.append(
            {
                "name": name,
                "format": fmt,
                "description": description,
                "bytes": len(data),
                "rows": rendered.rows[name] if table else None,
                "columns": table.column_names if table else None,
            }
        )
    return info


def size_text(size: int) -> str:
    return f"{size / 1024:,.1f} KB" if size >= 1024 else f"{size:,} バイト"


def json_ld(dataset, info: list[dict], page_url: str, site_url: str = "") -> dict:
    """schema.org Dataset description (absolute URLs when the site URL is known, else relative to the page)."""
    root = site_root(page_url, site_url)
    ld = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": TITLE,
        "description": description(dataset),
        "version": version(),
        "license": LICENSE["path"],
        "inLanguage": "ja",
        "isAccessibleForFree": True,
        "temporalCoverage": "2003/2004",
        "spatialCoverage": {"@type": "Place", "name": "日本"},
        "creator": {"@type": "Organization", "name": f"{TITLE} 編集部"},
        "isBasedOn": [source_json_ld(s) for s in dataset.sources],
        "keywords": [t.title for t in dataset.themes],
        "variableMeasured": [m.label for m in dataset.metrics],
        "distribution": [
            {
                "@type": "DataDownload",
                "name": item["name"],
                "encodingFormat": _MEDIA_TYPES[item["format"]],
                "contentSize": f"{item['bytes']} B",
                "contentUrl": f"{root}{DOWNLOAD_DIR}/{item['name']}",
            }
            for item in info
        ],
    }
    ld["url"] = root + page_url.lstrip("/")
    return ld


_MEDIA_TYPES = {
    "CSV": "text/csv",
    "Excel": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "JSON": "application/json",
    "Frictionless Data Package": "application/json",
}


def files_table(info: list[dict], folder: str) -> DataTable:
    """The download files with their format, rows, columns and size (download_info); folder: where they are."""
    columns = (
        Column("file", "ファイル"),
        Column("format", "形式"),
        Column("description", "内容"),
        Column("rows", "行数"),
        Column("columns", "列数"),
        Column("size", "大きさ"),
    )
    rows = [
        Row(
            {
                "file": Link(f["name"], folder + f["name"], download=True),
                "format": f["format"],
                "description": f["description"],
                "rows": plain_number(f["rows"]) if f["rows"] is not None else "",
                "columns": len(f["columns"]) if f["columns"] is not None else None,
                "size": size_text(f["bytes"]),
            },
            item=f,
        )
        for f in info
    ]
    return DataTable("files", "ダウンロードできるファイル", columns, tuple(rows))


def _values(column) -> tuple:
    """値：the allowed values of a column, each with its Japanese label where the vocabulary has one."""
    if column.labels:
        values = joined(((Code(v), f"（{label}）" if label else "") for v, label in column.labels.items()), "、")
    else:
        values = ("、".join(str(v) for v in column.enum),)
    return (LINE_BREAK, Span("breakdown", ("値：", *values)))


def columns_table(table) -> DataTable:
    """The column dictionary of one download table: each column's name, type and description."""
    columns = (Column("name", "列名"), Column("type", "型"), Column("description", "説明"))
    rows = [
        Row(
            {
                "name": Code(c.name),
                "type": TYPE_LABELS[c.type],
                "description": (c.description_ja, *(_values(c) if c.enum else ())),
            },
        )
        for c in table.columns
    ]
    return DataTable(f"columns-{table.name}", f"{table.filename} の列", columns, tuple(rows))


def downloads_page(dataset, rendered: Downloads, page_url: str, site_url: str = "") -> Rendered:
    """HTML of the data page: files, column dictionary, licence, citation, JSON-LD."""
    info = download_info(rendered)
    files = files_table(info, base_for(page_url) + DOWNLOAD_DIR + "/")
    tables = [(t, columns_table(t)) for t in empty_tables().values()]
    html = render(
        "downloads.html",
        files=files,
        tables=tables,
        row_counts=rendered.rows,
        conventions=CONVENTIONS,
        license=LICENSE,
        title=TITLE,
        version=version(),
        as_of=as_of_text(data_time_scope(dataset)),
        base=base_for(page_url),
        json_ld=script_json(json_ld(dataset, info, page_url, site_url)),
    )
    return Rendered(html, (files, *(columns for _, columns in tables)))
