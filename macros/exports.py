"""Open-data downloads: the files (CSV per table, XLSX, JSON, datapackage.json)
and the data page that lists them.

`render_downloads` is the one pure function that makes every file's bytes; the
build writes them (`write_downloads`) and the page shows their sizes and row
counts (`downloads_page`) from the same render, so the page cannot disagree
with the files. The render also counts each table's rows, so the page never
builds the tables again.
"""

from __future__ import annotations

from pathlib import Path

from . import forking
from .export_tables import LIST_SEPARATOR, Column, Table, build_tables, empty_tables, table_columns  # noqa: F401
from .export_writers import (
    CONVENTIONS,
    DESCRIPTION,
    JSON_NAME,
    LICENSE,
    PACKAGE_NAME,
    TITLE,
    TYPE_LABELS,
    XLSX_NAME,
    csv_bytes,
    datapackage_bytes,
    json_bytes,
    version,
    xlsx_bytes,
)
from .render import render, script_json
from .views import base_for

DOWNLOAD_DIR = "downloads"  # folder of the files in the built site

_memo: dict = {}  # id(dataset) -> (dataset, render or its Background): one render per build


def _rendered(dataset) -> dict:
    """{"files": name -> bytes, "rows": CSV name -> row count}, rendered once per data set."""
    cached = _memo.get(id(dataset))
    if cached and cached[0] is dataset:  # the page and the writer share one render
        rendered = cached[1]
        if isinstance(rendered, forking.Background):
            rendered = rendered.result()
            _memo[id(dataset)] = (dataset, rendered)
        return rendered
    rendered = _render(dataset)
    _memo.clear()
    _memo[id(dataset)] = (dataset, rendered)
    return rendered


def render_downloads(dataset) -> dict[str, bytes]:
    """Every download file, name -> bytes, in the order the page lists them."""
    return dict(_rendered(dataset)["files"])


def render_in_background(dataset) -> bool:
    """Start rendering the files in a second process while the pages are built.

    The files take several seconds on a large data set; with a second core
    they then cost nothing. The child is forked, so it inherits the loaded data
    instead of pickling it. Returns whether it started; otherwise (see
    forking.can_fork) the files are rendered in this process when first needed.
    """
    _inherited[:] = [dataset]
    future = forking.in_background(_render_inherited)
    if future is None:
        return False
    _memo.clear()
    _memo[id(dataset)] = (dataset, future)
    return True


_inherited: list = []  # the dataset, as the forked child sees it


def _render_inherited() -> dict:
    return _render(_inherited[0])


def _render(dataset) -> dict:
    tables = build_tables(dataset)
    files = {t.filename: csv_bytes(t) for t in tables.values()}
    files[XLSX_NAME] = xlsx_bytes(tables)
    files[JSON_NAME] = json_bytes(dataset)
    files[PACKAGE_NAME] = datapackage_bytes(tables, files)
    return {"files": files, "rows": {t.filename: len(t.rows) for t in tables.values()}}


_FORMATS = {
    XLSX_NAME: ("Excel", "すべての表を1つのファイルに（最初のシート「説明」に各表と列の説明）"),
    JSON_NAME: ("JSON", "すべてのデータをスキーマどおりの入れ子の形で（CSV の ' の付加なし）"),
    PACKAGE_NAME: ("Frictionless Data Package", "CSV の列の型・説明・ライセンスを機械が読める形で"),
}


def download_info(dataset) -> list[dict]:
    """Per file: name, format, bytes, rows and columns (None where not a table)."""
    rendered = _rendered(dataset)
    tables = {t.filename: t for t in empty_tables().values()}
    info = []
    for name, data in rendered["files"].items():
        table = tables.get(name)
        fmt, description = ("CSV", table.description_ja) if table else _FORMATS[name]
        info.append({
            "name": name,
            "format": fmt,
            "description": description,
            "bytes": len(data),
            "rows": rendered["rows"][name] if table else None,
            "columns": table.column_names if table else None,
        })
    return info


def write_downloads(dataset, out_dir: Path) -> list[dict]:
    """Write every file into out_dir; return the per-file info with its path."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    files = _rendered(dataset)["files"]
    info = download_info(dataset)
    for item in info:
        path = out_dir / item["name"]
        path.write_bytes(files[item["name"]])
        item["path"] = path
    return info


def size_text(size: int) -> str:
    return f"{size / 1024:,.1f} KB" if size >= 1024 else f"{size:,} バイト"


def json_ld(dataset, info: list[dict], page_url: str, site_url: str = "") -> dict:
    """schema.org Dataset description (absolute URLs when the site URL is known)."""
    root = site_url.rstrip("/") + "/" if site_url else ""
    ld = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": TITLE,
        "description": DESCRIPTION,
        "version": version(),
        "license": LICENSE["path"],
        "inLanguage": "ja",
        "isAccessibleForFree": True,
        "temporalCoverage": "2003/2004",
        "spatialCoverage": {"@type": "Place", "name": "日本"},
        "creator": {"@type": "Organization", "name": f"{TITLE} 編集部"},
        "isBasedOn": {"@type": "Report", "name": "全国のネットワークグループの現状と課題（調査報告書第Ⅲ章）",
                      "datePublished": "2004"},
        "keywords": [t.title for t in dataset.themes],
        "variableMeasured": [m.label for m in dataset.metrics],
        "distribution": [
            {"@type": "DataDownload", "name": item["name"], "encodingFormat": _MEDIA_TYPES[item["format"]],
             "contentSize": f"{item['bytes']} B", "contentUrl": f"{root}{DOWNLOAD_DIR}/{item['name']}"}
            for item in info
        ],
    }
    if root:
        ld["url"] = root + page_url.lstrip("/")
    return ld


_MEDIA_TYPES = {
    "CSV": "text/csv",
    "Excel": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "JSON": "application/json",
    "Frictionless Data Package": "application/json",
}


def downloads_page(dataset, page_url: str, site_url: str = "") -> str:
    """HTML of the data page: files, column dictionary, licence, citation, JSON-LD."""
    info = download_info(dataset)
    return render(
        "downloads.html",
        files=info,
        tables=list(empty_tables().values()),
        row_counts=_rendered(dataset)["rows"],
        conventions=CONVENTIONS,
        type_labels=TYPE_LABELS,
        license=LICENSE,
        title=TITLE,
        version=version(),
        size_text=size_text,
        folder=base_for(page_url) + DOWNLOAD_DIR + "/",
        json_ld=script_json(json_ld(dataset, info, page_url, site_url)),
    )
