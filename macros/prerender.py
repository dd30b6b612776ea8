"""Render the generated pages' parts before MkDocs asks for them, half in a second process.

Each case, column and theme page is a fixed skeleton of headings and part
markers (pages.py); the parts are a pure function of the data, the page's
address and the git history. On a large data set rendering them, and linking
the glossary terms in them, is a good share of a build: here it is done for
every generated page at once, with forking.split_map sending half of the
pages to the second core. The hooks then only drop the parts into place.

Glossary terms are linked over the page's parts joined in order. That is the
same as linking the finished page: what lies between the parts is headings,
where terms are never linked.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import forking
from .glossary_links import link_terms
from .views import base_for, generated_parts

_SEPARATOR = "<!--next-part-->"  # a comment: link_terms passes over it


@dataclass(frozen=True)
class PageJob:
    src_uri: str
    markdown: str
    meta: dict
    url: str


_context: dict = {}  # what the jobs need; a forked child inherits it


def render_page(job: PageJob) -> list[str]:
    """The page's parts, rendered and with the glossary terms linked."""
    dataset, edit_part = _context["dataset"], _context["edit_part"]
    parts = generated_parts(job.markdown, job.meta, dataset, job.url, lambda case_id: edit_part(case_id, job.url))
    linked = link_terms(_SEPARATOR.join(parts), dataset.terms, base_for(job.url) + "glossary/")
    return linked.split(_SEPARATOR)


def render_pages(jobs: list[PageJob], dataset, edit_part) -> dict[str, list[str]]:
    """src_uri -> parts for every job. edit_part(case_id, page_url) renders the edit link."""
    _context.update(dataset=dataset, edit_part=edit_part)
    try:
        return {job.src_uri: parts for job, parts in zip(jobs, forking.split_map(render_page, jobs))}
    finally:
        _context.clear()
