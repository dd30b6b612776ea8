"""Hook: the open-data files (downloads/) and a CSV of exactly each chart's data (charts/data/).

They are added to MkDocs' file list as generated files, so MkDocs writes them
with the site; the data page lists them from the same render.
"""

from __future__ import annotations

from mkdocs.structure.files import File

from macros.export.cells import csv_bytes
from macros.export.downloads import DOWNLOAD_DIR, render_downloads
from macros.site.build import dataset_for_build
from macros.views.charts import all_charts


def on_files(files, config):
    dataset = dataset_for_build()
    for name, data in render_downloads(dataset).items():
        files.append(File.generated(config, f"{DOWNLOAD_DIR}/{name}", content=data))
    for chart in all_charts(dataset).values():
        files.append(
            File.generated(config, f"charts/data/{chart.id}.csv", content=csv_bytes(chart.columns, chart.rows))
        )
    return files
