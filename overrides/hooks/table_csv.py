"""Hook: a CSV of each table of data, beside its page (cases/hit/figures.csv).

The views that draw a page's tables hand over the tables themselves (macros/views/data_table.py),
kept with the page's rendered parts (macros/site/stash.py); each is written from the same rows
the page shows (macros/export/table_csv.py), under the name its box links to.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from mkdocs.exceptions import PluginError

from macros.export.table_csv import DuplicateTableName, table_csv_files
from macros.site.stash import page_tables


# After the page is rendered, as MkDocs writes it: the files go beside it.
def on_post_page(output, page, config):
    tables = page_tables(page.meta)
    if not tables:
        return output
    try:
        files = table_csv_files(tables)
    except DuplicateTableName as exc:
        raise PluginError(f"{page.file.src_uri}: {exc}") from None
    folder = Path(config.site_dir, PurePosixPath(page.file.dest_uri).parent)
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return output
