"""mkdocs-macros entry point. Kept thin: the work is in the plain modules."""

from __future__ import annotations

from . import edit_views, exports, views
from .load import DataInvalid, load_dataset_cached

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

    @env.macro
    def case_part(case_id: str, part: str) -> str:
        return views.case_part(dataset, case_id, part, page_url())

    @env.macro
    def case_index() -> str:
        return views.case_index(dataset, page_url())

    @env.macro
    def theme_page(theme_id: str) -> str:
        return views.theme_page(dataset, theme_id, page_url())

    @env.macro
    def glossary() -> str:
        return views.glossary(dataset, page_url())

    @env.macro
    def chart(chart_id: str) -> str:
        return views.chart(dataset, chart_id, page_url())

    @env.macro
    def charts_of_kind(kind: str) -> str:
        return views.charts_of_kind(dataset, kind, page_url())

    @env.macro
    def compare_table() -> str:
        return views.compare_table(dataset, page_url())

    @env.macro
    def joint_orders_table() -> str:
        return views.joint_orders_table(dataset, page_url())

    @env.macro
    def money_table() -> str:
        return views.money_table(dataset, page_url())

    @env.macro
    def legal_forms_table() -> str:
        return views.legal_forms_table(dataset, page_url())

    @env.macro
    def case_map() -> str:
        return views.case_map(dataset, page_url())

    @env.macro
    def themes_overview() -> str:
        return views.themes_overview(dataset, page_url())

    @env.macro
    def policy_levers(part: str) -> str:
        return views.policy_levers(dataset, part, page_url())

    @env.macro
    def lessons_brief() -> str:
        return views.lessons_brief(dataset, page_url())

    @env.macro
    def downloads_page() -> str:
        return exports.downloads_page(dataset, page_url(), env.conf.get("site_url") or "")

    data_commits = edit_views.data_commits()  # one `git log` per build; [] outside a git checkout
    extra = env.conf.get("extra") or {}

    @env.macro
    def case_edit(case_id: str) -> str:
        return edit_views.case_edit(dataset, case_id, page_url(), extra, data_commits)

    @env.macro
    def data_changelog() -> str:
        return edit_views.data_changelog(dataset, page_url(), extra, data_commits)
