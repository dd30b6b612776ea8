"""The macros that the hand-written pages call ({{ case_index() }}), registered with mkdocs-macros.

Each is a view of the data set: view(dataset, *arguments, page_url) -> HTML (with the
tables of data it shows, as views.render.Rendered, where it shows any).
The HTML is stashed past Markdown (stash.py); glossary terms are linked in it
by the glossary hook, as on every page.
"""

from __future__ import annotations

from collections.abc import Callable

from ..export.downloads import downloads_page, size_text
from ..views import parts
from ..views.facts import data_time_scope
from ..views.formatting import as_of_text
from ..views.render import Rendered
from . import changelog, edit_links
from .build import Build, current
from .compendium import all_cases, all_cases_pdf
from .stash import stash


def _views(env, build: Build) -> dict[str, Callable[..., str | Rendered]]:
    extra = env.conf.get("extra") or {}
    site_url = env.conf.get("site_url") or ""
    return {
        "case_index": parts.case_index,
        "glossary": parts.glossary,
        "chart": lambda dataset, chart_id, url: parts.chart(dataset, build.charts, chart_id, url, site_url),
        "charts_of_kind": lambda dataset, kind, url: parts.charts_of_kind(dataset, build.charts, kind, url, site_url),
        "compare_table": parts.compare_table,
        "joint_orders_table": parts.joint_orders_table,
        "money_table": parts.money_table,
        "legal_forms_table": parts.legal_forms_table,
        "side_by_side": parts.side_by_side,
        "case_map": parts.case_map,
        "source_about": parts.source_about,
        "themes_overview": parts.themes_overview,
        "policy_levers": parts.policy_levers,
        "lessons_brief": parts.lessons_brief,
        "all_cases": lambda dataset, url: all_cases(dataset, url, site_url),
        "all_cases_pdf": lambda dataset, url: all_cases_pdf(url, size_text),
        "downloads_page": lambda dataset, url: downloads_page(dataset, build.downloads, url, site_url),
        "contributing_links": lambda dataset, url: edit_links.contributing_links(extra),
        "data_changelog": lambda dataset, url: changelog.data_changelog(
            dataset, url, extra, build.commits, diffs=build.changelog_diffs
        ),
    }


def define(env) -> None:
    build = current()
    dataset = build.dataset
    env.variables["stats"] = parts.home_stats(dataset)
    env.variables["data_as_of"] = as_of_text(data_time_scope(dataset))  # the hand-written pages' time notes
    feedback = build.feedback
    env.variables["readers_can_tell"] = feedback.tell() is not None  # the about page names the case pages' link
    env.variables["readers_can_mail"] = feedback.contact is not None
    for name, view in _views(env, build).items():
        env.macro(_macro(env, dataset, view, name), name)


def _macro(env, dataset, view: Callable[..., str | Rendered], name: str) -> Callable[..., str]:
    def macro(*args) -> str:
        page = env.page
        result = view(dataset, *args, page.url if page else "")
        # A view that shows tables of data gives them with its HTML; their CSV files go beside the page.
        rendered = result if isinstance(result, Rendered) else Rendered(result)
        if not page:
            return rendered.html
        edit_links.record_sources(page.meta, name)  # the edit links at the foot of the page (hooks/edit_links.py)
        return stash(page.meta, rendered.html, rendered.tables)

    return macro
