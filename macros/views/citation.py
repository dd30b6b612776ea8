"""What a citation of a figure, a chart or a page is made of.

The text itself is written by the templates (overrides/partials/data/_macros.html:
cite_box); this gives them the parts that come from the data and the build: who
the figure belongs to, the report it comes from, and the page's address.
The day the reader reads the page is filled in by cite.js in the browser.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..data import vocab

SITE_TITLE = "中小企業ネットワーク事例データベース"


@dataclass(frozen=True)
class CiteContext:
    subject: str  # whose figure: 「アドック神戸（事例1）」, or a theme's title; "" for charts
    report: str  # the cited sources with their year
    address: str  # the page's address: absolute with SITE_URL, else the path from the site root


def page_address(page_url: str, site_url: str = "") -> str:
    """The page's address as a citation prints it (cite.js puts the address the reader sees in place)."""
    return (site_url.rstrip("/") + "/" if site_url else "/") + page_url.lstrip("/")


def _report(sources) -> str:
    return "、".join(f"『{s.title}』（{s.year}年）" if s.year else f"『{s.title}』" for s in sources)


def case_context(dataset, case, address: str) -> CiteContext:
    by_id = {s.id: s for s in dataset.sources}
    subject = f"{case.name.ja}（{vocab.KINDS[case.kind]}{case.number}）"
    return CiteContext(subject, _report(by_id[s] for s in case.sources if s in by_id), address)


def site_context(dataset, subject: str, address: str) -> CiteContext:
    """For figures and charts that draw on the whole data set (themes, chart pages)."""
    return CiteContext(subject, _report(dataset.sources), address)
