"""What a citation of a figure, a chart or a page is made of.

The text itself is written by the templates (overrides/partials/data/_macros.html:
cite_box); this gives them the parts that come from the data and the build: who
the figure belongs to, the report it comes from, and the page's address.
The day the reader reads the page is filled in by cite.js in the browser.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..data import vocab
from ..data.models import citation_source_id, is_report_place
from ..data.periods import period_label

SITE_TITLE = "中小企業ネットワーク事例データベース"


@dataclass(frozen=True)
class CiteContext:
    subject: str  # whose figure: 「アドック神戸（事例1）」, or a theme's title; "" for charts
    report: str  # the cited sources with their year
    address: str  # the page's address: absolute with SITE_URL, else the path from the site root


def page_address(page_url: str, site_url: str = "") -> str:
    """The page's address as a citation prints it (cite.js puts the address the reader sees in place)."""
    return (site_url.rstrip("/") + "/" if site_url else "/") + page_url.lstrip("/")


def source_year(source) -> str:
    """2004年, 2021年3月: when a source appeared (a web page without a date: when it was read)."""
    if source.published:
        return period_label(source.published)
    return f"{period_label(source.accessed)}閲覧" if source.accessed else ""


def source_text(source) -> str:
    """『題名』（発行者、2021年3月）: a source as a citation names it."""
    who = source.author or source.publisher
    when = source_year(source)
    inside = "、".join(part for part in (who, when) if part)
    return f"『{source.title}』" + (f"（{inside}）" if inside else "")


def _report(sources) -> str:
    return "、".join(source_text(s) for s in sources)


def from_report(citation) -> bool:
    """Whether a fact comes from the 2004 report (事例5（2）) rather than a later or other source."""
    return is_report_place(citation)


def citation_text(citation, source_by_id: dict) -> str:
    """事例5（2）, or 『題名』（発行者、2010年）p. 45 for a fact from another source."""
    if is_report_place(citation):
        return citation
    source = source_by_id.get(citation_source_id(citation))
    return f"{source_text(source)}{citation.at}" if source else f"{citation.id} {citation.at}"


def citation_year(citation, source_by_id: dict) -> str:
    """When the cited source appeared: 2004年 for the report, 2010年 for a book of 2010."""
    source = source_by_id.get(citation_source_id(citation))
    return source_year(source) if source else ""


def case_context(dataset, case, address: str) -> CiteContext:
    by_id = {s.id: s for s in dataset.sources}
    subject = f"{case.name.ja}（{vocab.KINDS[case.kind]}{case.number}）"
    return CiteContext(subject, _report(by_id[s] for s in case.sources if s in by_id), address)


def site_context(dataset, subject: str, address: str) -> CiteContext:
    """For figures and charts that draw on the whole data set (themes, chart pages)."""
    return CiteContext(subject, _report(dataset.sources), address)
