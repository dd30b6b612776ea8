"""Hook: the pages generated from the data (one per case, column and theme) and their nav entries."""

from __future__ import annotations

from mkdocs.structure.files import File

from macros.site import edit_links
from macros.site.build import current
from macros.site.nav import extend_nav, nav_entries
from macros.site.pages import fill_generated_page, generated_pages, is_generated


def on_files(files, config):
    dataset = current().dataset
    for page in generated_pages(dataset):
        files.append(File.generated(config, page.src_uri, content=page.content))
    if config.nav:
        extend_nav(config.nav, nav_entries(dataset))
    return files


def on_page_markdown(markdown, page, config, files):
    """Fill a generated page's part markers (mkdocs-macros leaves these pages alone)."""
    if not is_generated(page.meta):
        return markdown
    dataset = current().dataset
    commits = current().commits

    def edit_part(case_id: str) -> str:
        return edit_links.case_edit(dataset, case_id, page.url, config.extra, commits)

    feedback = current().feedback
    return fill_generated_page(markdown, page.meta, dataset, page.url, edit_part, config.site_url or "", feedback)
