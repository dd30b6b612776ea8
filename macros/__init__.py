"""mkdocs-macros entry point. Kept thin: the work is in the plain modules."""

from __future__ import annotations

from . import edit_views, exports, views
from .load import DataInvalid, load_dataset_cached
from .stash import defer, stash

BUILD_FAILED = "データの検証に失敗しました。サイトは書き出していません。"


def define_env(env):
    try:
        dataset = load_dataset_cached()
    except DataInvalid as exc:
        from mkdocs.exceptions import Abort  # only the MkDocs glue knows MkDocs

        raise Abort(f"{BUILD_FAILED}\n{exc}") from None
    env.variables["stats"] = views.home_stats(dataset)

    def page_url() -> str:
        return env.page.url if env.page else ""

    def _stashed(html: str) -> str:
        return stash(env.page.meta, html) if env.page else html

    @env.macro
    def case_index() -> str:
        return _stashed(views.case_index(dataset, page_url()))

    @env.macro
    def glossary() -> str:
        return _stashed(views.glossary(dataset, page_url()))

    @env.macro
    def chart(chart_id: str) -> str:
        return _stashed(views.chart(dataset, chart_id, page_url()))

    @env.macro
    def charts_of_kind(kind: str) -> str:
        return _stashed(views.charts_of_kind(dataset, kind, page_url()))

    @env.macro
    def compare_table() -> str:
        return _stashed(views.compare_table(dataset, page_url()))

    @env.macro
    def joint_orders_table() -> str:
        return _stashed(views.joint_orders_table(dataset, page_url()))

    @env.macro
    def money_table() -> str:
        return _stashed(views.money_table(dataset, page_url()))

    @env.macro
    def legal_forms_table() -> str:
        return _stashed(views.legal_forms_table(dataset, page_url()))

    @env.macro
    def case_map() -> str:
        return _stashed(views.case_map(dataset, page_url()))

    @env.macro
    def themes_overview() -> str:
        return _stashed(views.themes_overview(dataset, page_url()))

    @env.macro
    def policy_levers(part: str) -> str:
        return _stashed(views.policy_levers(dataset, part, page_url()))

    @env.macro
    def lessons_brief() -> str:
        return _stashed(views.lessons_brief(dataset, page_url()))

    @env.macro
    def downloads_page() -> str:
        # Made when the page is built (the last page), when the files rendered on the
        # second core are ready, instead of waiting for them while pages are converted.
        url, site_url = page_url(), env.conf.get("site_url") or ""
        render = lambda: exports.downloads_page(dataset, url, site_url)  # noqa: E731
        return defer(env.page.meta, render) if env.page else render()

    data_commits = edit_views.data_commits()  # one `git log` for the changelog page; [] outside a git checkout
    extra = env.conf.get("extra") or {}

    @env.macro
    def data_changelog() -> str:
        return _stashed(edit_views.data_changelog(dataset, page_url(), extra, data_commits))
