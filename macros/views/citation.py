"""What a citation of a figure, a chart or a page is made of.

The text itself is written by the templates (overrides/partials/data/_macros.html:
cite_box); this gives them the parts that come from the data and the build: who
the figure belongs to, the report it comes from, and the page's address.
The day the reader reads the page is filled in by cite.js in the browser.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from ..data import vocab
from ..data.models import citation_source_id, is_report_place
from ..data.periods import period_label

SITE_TITLE = "中小企業ネットワーク事例データベース"
OTHER_SOURCE = "報告書以外"  # the mark of a fact that another source than the 2004 report gives


@dataclass(frozen=True)
class Tell:
    """Where a reader tells the editors what became of a case or what is wrong (either may be None)."""

    label: str
    issue_url: str | None
    mail_url: str | None


@dataclass(frozen=True)
class Feedback:
    """The site's channels for readers: a GitHub issue form and a contact address; each optional."""

    issue_form: str | None = None  # https://github.com/<owner>/<repo>/issues/new?template=…
    contact: str | None = None  # an e-mail address

    def tell(self, case=None) -> Tell | None:
        """The prefilled links for one case (or for the site); None when there is nowhere to tell."""
        if not (self.issue_form or self.contact):
            return None
        what = f"{case.name.ja}（{case_label(case)}、{case.id}）" if case else ""
        label = "この事例のその後・誤りを知らせる" if case else "データの誤り・その後を知らせる"
        title = f"その後・誤り：{case.name.ja}" if case else "その後・誤り："
        issue_url = None
        if self.issue_form:
            fields = {"title": title, "case": what} if case else {"title": title}
            issue_url = f"{self.issue_form}&{urlencode(fields, quote_via=quote)}"
        mail_url = None
        if self.contact:
            body = f"事例：{what}\n知っていること：\n出典（資料名と日付、または URL）：\n"
            mail_url = f"mailto:{self.contact}?{urlencode({'subject': title, 'body': body}, quote_via=quote)}"
        return Tell(label, issue_url, mail_url)


@dataclass(frozen=True)
class CiteContext:
    subject: str  # whose figure: 「アドック神戸（事例1）」, or a theme's title; "" for charts
    sources: str  # every source the page cites, with its date (a chart's or a page's citation)
    report: str  # the report as a source, for a fact cited by a place in it
    address: str  # the page's address: absolute with SITE_URL, else the path from the site root
    tell: Tell | None = None  # where to tell the editors what became of the case


def case_label(case) -> str:
    """事例5, コラム1, 追加事例1."""
    return f"{vocab.KINDS[case.kind]}{case.number}"


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


def short_citation_text(citation, source_by_id: dict) -> str:
    """事例5（2）, or 『題名』（2010年）p. 45 where space is short (a table's source column); the full
    reference is in the page's list of sources."""
    if is_report_place(citation):
        return citation
    source = source_by_id.get(citation_source_id(citation))
    if source is None:
        return f"{citation.id} {citation.at}"
    when = source_year(source)
    return f"『{source.title}』" + (f"（{when}）" if when else "") + citation.at


def marked_citation_text(citation, source_by_id: dict) -> str:
    """A citation as plain text that says when it is not the report (a chart's table and CSV, a search snippet)."""
    text = citation_text(citation, source_by_id)
    return text if is_report_place(citation) else f"{OTHER_SOURCE}：{text}"


def citation_year(citation, source_by_id: dict) -> str:
    """When the cited source appeared: 2004年 for the report, 2010年 for a book of 2010."""
    source = source_by_id.get(citation_source_id(citation))
    return source_year(source) if source else ""


def _report_text(dataset) -> str:
    report = dataset.source_by_id.get(vocab.REPORT_SOURCE)
    return source_text(report) if report else ""


def case_context(dataset, case, address: str, feedback: Feedback | None = None) -> CiteContext:
    by_id = dataset.source_by_id
    subject = f"{case.name.ja}（{case_label(case)}）"
    cited = _report(by_id[s] for s in case.sources if s in by_id)
    return CiteContext(subject, cited, _report_text(dataset), address, feedback.tell(case) if feedback else None)


def site_context(dataset, subject: str, address: str, feedback: Feedback | None = None) -> CiteContext:
    """For figures and charts that draw on the whole data set (themes, chart pages)."""
    tell = feedback.tell() if feedback else None
    return CiteContext(subject, _report(dataset.sources), _report_text(dataset), address, tell)
