"""Hook: a CSV of exactly each table of data, beside its page (cases/hit/figures.csv).

The file is read from the rendered table (macros/export/html_tables.py), so it has the
columns and text the reader sees; the table's box names the file (the table_box macro).
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from mkdocs.exceptions import PluginError

from macros.export.cells import csv_bytes
from macros.export.html_tables import csv_tables


def on_page_content(html, page, config, files):
    if "data-csv=" not in html:  # most pages have no table of data: no need to read them
        return html
    folder = PurePosixPath(page.file.dest_uri).parent
    written = set()
    for table in csv_tables(html):
        if table.filename in written:
            raise PluginError(f"{page.file.src_uri}: 表のCSVの名前 {table.filename} がこのページで重複しています")
        written.add(table.filename)
        target = Path(config.site_dir, folder, table.filename)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(csv_bytes(table.header, table.rows))
    return html
