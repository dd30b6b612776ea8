"""Pages generated from the data: one per case, column and theme.

A generated page holds only headings and part markers (HTML comments); when
MkDocs hands the page over (on_page_markdown) each marker is replaced with
the part rendered through autoescaping templates (render_macros is off for
these pages, so no Jinja is compiled for them). No text from the data is
written into the Markdown itself, so nothing in the data is ever read as
Markdown or Jinja.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..data import vocab
from ..data.models import Case
from ..views import parts
from ..views.citation import Feedback
from ..views.render import Rendered
from .stash import stash

# (anchor, heading, part, has-content test) in page order.
CASE_SECTIONS = [
    ("overview", "概要", "infobox", lambda c: True),
    ("after", "その後", "status", lambda c: c.status is not None),
    ("story", "経緯と特徴", "narrative", lambda c: bool(c.narrative)),
    ("organisation", "組織と会員", "organisation", lambda c: bool(c.legal_forms or c.members or c.bases)),
    ("members", "会員の一覧", "member-list", lambda c: bool(c.member_companies)),
    ("activities", "主な活動", "activities", lambda c: bool(c.activities)),
    ("joint-orders", "共同受注の仕組み", "joint-orders", lambda c: c.joint_orders is not None),
    ("products", "製品・プロジェクト", "products", lambda c: bool(c.products)),
    ("figures", "主な数値", "figures", lambda c: bool(c.figures)),
    ("support", "公的支援", "support", lambda c: bool(c.support)),
    ("timeline", "沿革", "timeline", lambda c: bool(c.timeline or c.legal_forms or c.founded)),
    ("lessons", "北九州への示唆", "lessons", lambda c: bool(c.lessons)),
    ("related", "関連する事例", "relations", None),  # decided with the whole data set
    ("people", "登場する人物", "people", lambda c: bool(c.people)),
    ("notes", "データに関する注記", "notes", lambda c: bool(c.data_notes or c.unstated)),
    ("sources", "出典", "sources", lambda c: True),
]


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    content: str
    meta: dict  # the front matter of content, as MkDocs will read it


def case_folder(case: Case) -> str:
    """The folder of a case's page, named like its data folder (cases/, columns/)."""
    return vocab.FOLDERS[case.kind]


def case_src_uri(case: Case) -> str:
    return f"{case_folder(case)}/{case.id}.md"


PART_MARKER = re.compile(r"<!--part:([a-z-]+)-->")


def _marker(part: str) -> str:
    return f"<!--part:{part}-->"


# The front matter key that marks a generated page, and so its kind; written first.
CASE_KEY, THEME_KEY = "case_id", "theme_id"


def is_generated(meta: dict) -> bool:
    """Whether a page's front matter is that of a generated page."""
    return CASE_KEY in meta or THEME_KEY in meta


def case_markdown(case: Case, has_relations: bool) -> str:
    lines = [
        "---",
        f"{CASE_KEY}: {case.id}",
        "render_macros: false",
        "---",
        "",
        _marker("header"),
        "",
    ]
    for anchor, heading, part, test in CASE_SECTIONS:
        present = has_relations if test is None else test(case)
        if present:
            lines += [f"## {heading} {{ #{anchor} }}", "", _marker(part), ""]
    # the file's edit links and its last change close the page: under the summary that date read as the facts'
    return "\n".join(lines + [_marker("edit"), ""])


def theme_markdown(theme_id: str) -> str:
    return "\n".join(["---", f"{THEME_KEY}: {theme_id}", "render_macros: false", "---", "", _marker("theme"), ""])


def generated_pages(dataset) -> list[GeneratedPage]:
    related_ids = {c.id for c in dataset.cases if c.relations} | {r.target for c in dataset.cases for r in c.relations}
    pages = [
        GeneratedPage(case_src_uri(c), case_markdown(c, c.id in related_ids), {CASE_KEY: c.id, "render_macros": False})
        for c in dataset.cases
    ]
    pages += [
        GeneratedPage(f"lessons/{t.id}.md", theme_markdown(t.id), {THEME_KEY: t.id, "render_macros": False})
        for t in dataset.themes
    ]
    return pages


def fill_generated_page(
    markdown: str,
    meta: dict,
    dataset,
    page_url: str,
    edit_part: Callable[[str], str],
    site_url: str = "",
    feedback: Feedback | None = None,
) -> str:
    """Swap each part marker of a generated page for its rendered part, stashed past Markdown.

    edit_part(case_id) renders the edit link and date (it needs the git history).
    """

    def part(match: re.Match) -> str:
        name = match.group(1)
        if name == "theme":
            rendered = parts.theme_page(dataset, meta[THEME_KEY], page_url, site_url)
        elif name == "edit":
            rendered = Rendered(edit_part(meta[CASE_KEY]))
        else:
            rendered = parts.case_part(dataset, meta[CASE_KEY], name, page_url, site_url, feedback)
        return stash(meta, rendered.html, rendered.tables)

    return PART_MARKER.sub(part, markdown)


_TITLE_SAFE = str.maketrans({"<": "＜", ">": "＞", "&": "＆", '"': "＂", "'": "＇", "{": "｛", "}": "｝"})


def theme_safe_title(text: str) -> str:
    """A page title as the theme may print it.

    MkDocs' theme templates print titles without escaping (in <title>, the
    navigation and the breadcrumbs), and mkdocs-macros renders a title that
    looks like Jinja; so in a data-derived title the HTML-special characters
    and braces are swapped for their full-width forms. The page body prints
    the exact text, escaped.
    """
    return text.translate(_TITLE_SAFE)


def page_names(dataset, meta: dict) -> list[str]:
    """The names a generated case or column page goes by besides its title, for search."""
    case = dataset.case_by_id.get(meta.get(CASE_KEY))
    if case is None:
        return []
    return [name for name in (case.name.ja, case.name.short, case.name.en, case.name.kana) if name]
