"""Hook: files beside the pages: each case's JSON (cases/<id>.json, columns/<id>.json), CITATION.cff
and the Atom feed of the data's changes (feed.xml) at the site root, and the 全事例集 PDF
(downloads/all-cases.pdf) when ALL_CASES_PDF names one printed beforehand.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File

from macros.export.downloads import DOWNLOAD_DIR
from macros.export.linked_data import case_json_bytes, case_json_path
from macros.site.build import current
from macros.site.compendium import PDF_NAME, pdf_file
from macros.site.feed import FEED_PATH, atom_feed


def on_files(files, config):
    for case in current().dataset.cases:
        files.append(File.generated(config, case_json_path(case), content=case_json_bytes(case)))
    files.append(
        File.generated(
            config, "CITATION.cff", content=(Path(config.config_file_path).parent / "CITATION.cff").read_bytes()
        )
    )
    feed = atom_feed(current().dataset, config.extra, current().commits, config.site_url or "")
    files.append(File.generated(config, FEED_PATH, content=feed))
    try:
        pdf = pdf_file()
    except FileNotFoundError as exc:
        raise Abort(str(exc)) from None
    if pdf:
        files.append(File.generated(config, f"{DOWNLOAD_DIR}/{PDF_NAME}", abs_src_path=str(pdf.path.resolve())))
    return files
