"""Hook: the open-data files (downloads/) and a CSV of exactly each chart's data (charts/data/).

They are added to MkDocs' file list as generated files, so MkDocs writes them
with the site; the data page lists them from the same render.
"""

from __future__ import annotations

from mkdocs.structure.files import File

from macros.export.cells import csv_bytes
from macros.export.downloads import DOWNLOAD_DIR
from macros.site.build import current


def on_files(files, config):
    build = current()
    for name, data in build.downloads.files.items():
        files.append(File.generated(config, f"{DOWNLOAD_DIR}/{name}", content=data))
    for chart in build.charts.values():
        files.append(
            File.generated(config, f"charts/data/{chart.id}.csv", content=csv_bytes(chart.columns, chart.rows))
        )
    return files
