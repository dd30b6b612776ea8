"""What a page says about itself to search engines, link previews and tools.

The page's own description (a case's summary, a theme's summary, or the
`description` in a hand-written page's front matter), and the notice printed
when the build does not know the site's address (`site_url`, from SITE_URL).
"""

from __future__ import annotations

from markupsafe import Markup, escape

from ..data import vocab
from ..views import citation
from .pages import CASE_KEY, THEME_KEY

DESCRIPTION_LIMIT = 160  # characters: about what search results and link previews show

SITE_URL_MISSING = (
    "SITE_URL（サイトの公開アドレス）が設定されていないため、次を省きました："
    "sitemap.xml の URL、各ページの canonical リンクと og:url、"
    "JSON-LD とフィードの絶対 URL（サイト内の相対 URL で書いています）。"
    "公開するビルドでは SITE_URL=https://… を設定してください。"
)


def short_description(text: str, limit: int = DESCRIPTION_LIMIT) -> str:
    """One line of at most `limit` characters (whitespace folded; cut text ends with …)."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def page_description(dataset, meta: dict) -> Markup | None:
    """The page's own description, escaped for the theme (which prints meta values as they are)."""
    text = None
    if CASE_KEY in meta and meta[CASE_KEY] in dataset.case_by_id:
        text = dataset.case_by_id[meta[CASE_KEY]].summary
    elif THEME_KEY in meta and meta[THEME_KEY] in dataset.theme_by_id:
        text = dataset.theme_by_id[meta[THEME_KEY]].summary
    elif isinstance(meta.get("description"), str):
        text = meta["description"]
    return Markup(escape(short_description(text))) if text else None


def case_source(dataset, case) -> str:
    """Where a case page's content comes from, for its page citation: the report and the case's number,
    and the other sources the case cites (an added case has only those)."""
    others = [dataset.source_by_id[s] for s in case.sources if s != vocab.REPORT_SOURCE and s in dataset.source_by_id]
    listed = "、".join(citation.source_text(s) for s in others)
    if case.kind not in vocab.REPORT_KINDS:
        return listed
    context = citation.case_context(dataset, case, "")
    in_report = f"{context.report}の{citation.case_label(case)}"
    return f"{in_report}、および{listed}" if listed else in_report
