"""Hook: the pages generated from the data (one per case, column and theme) and their nav entries."""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.structure.files import File

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # MkDocs loads hooks by path, not as a package

from macros.site import changelog, edit_links
from macros.site.build import dataset_for_build
from macros.site.feedback import feedback_from
from macros.site.nav import extend_nav, nav_entries
from macros.site.pages import fill_generated_page, generated_pages, is_generated


def on_files(files, config):
    dataset = dataset_for_build()
    for page in generated_pages(dataset):
        files.append(File.generated(config, page.src_uri, content=page.content))
    if config.nav:
        extend_nav(config.nav, nav_entries(dataset))
    return files


def on_page_markdown(markdown, page, config, files):
    """Fill a generated page's part markers (mkdocs-macros leaves these pages alone)."""
    if not is_generated(page.meta):
        return markdown
    dataset = dataset_for_build()
    commits = changelog.data_commits()

    def edit_part(case_id: str) -> str:
        return edit_links.case_edit(dataset, case_id, page.url, config.extra, commits)

    feedback = feedback_from(config.extra)
    return fill_generated_page(markdown, page.meta, dataset, page.url, edit_part, config.site_url or "", feedback)
