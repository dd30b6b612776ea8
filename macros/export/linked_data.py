"""Machine-readable views of a case: its JSON file (the download's schema) and its JSON-LD.

A case's JSON is exactly the case object of the download's JSON file (the model
as pydantic dumps it), so it validates against data/schema/case.schema.json.
URLs are absolute when the site's address is known, and otherwise relative to
the page that holds them (JSON-LD resolves relative IRIs against the page), so
they resolve either way. A cited source's own address (a web page) is its own.
"""

from __future__ import annotations

import re

from ..data import vocab
from ..data.models import Case
from ..data.periods import parse_period
from ..views.citation import source_text
from ..views.render import base_for
from .writers import LICENSE, TITLE, json_text, version

_ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")

# The schema.org type of each kind of source (vocab.SOURCE_KINDS).
WORK_TYPES = {
    "report": "Report",
    "book": "Book",
    "article": "Article",
    "web": "WebPage",
    "statistics": "Dataset",
    "official": "Report",  # white papers, minutes, gazettes: schema.org has no closer type
}


def source_json_ld(source) -> dict:
    """A source of data/sources.yaml as a schema.org work: name, author, publisher, date and address where known."""
    work: dict = {"@type": WORK_TYPES[source.kind], "name": source.title}
    if source.author:  # a name alone: the data does not say whether it is a person or a body
        work["author"] = source.author
    if source.publisher:
        work["publisher"] = {"@type": "Organization", "name": source.publisher}
    if source.published and _ISO_DATE.fullmatch(source.published):  # FY2020 is no ISO 8601 date
        work["datePublished"] = source.published
    if source.url:
        work["url"] = source.url
    return work


def case_json_path(case: Case) -> str:
    """Where a case's JSON lives in the built site: next to its page's folder (cases/x.json)."""
    return f"{vocab.FOLDERS[case.kind]}/{case.id}.json"


def case_json_bytes(case: Case) -> bytes:
    return json_text(case.model_dump(mode="json"))


def site_root(page_url: str, site_url: str = "") -> str:
    """The site root as seen from a page: absolute with the site's address, else relative."""
    return site_url.rstrip("/") + "/" if site_url else base_for(page_url)


def _coverage(case: Case) -> str | None:
    """2003/2004: from the earliest to the latest year that the case's figures, member counts and status are of."""
    periods = [parse_period(p) for p in [f.period for f in case.figures] + [m.as_of for m in case.members]]
    periods += [parse_period(case.status.as_of)] if case.status else []
    if not periods:
        return None
    first, last = min(p.start.year for p in periods), max((p.end or p.start).last_key()[0] for p in periods)
    return f"{first}/{last}" if first != last else str(first)


def case_json_ld(dataset, case: Case, page_url: str, site_url: str = "") -> dict:
    """schema.org Dataset for one case's data, about the organisation (or, for a column, the topic).

    isBasedOn lists every source the case cites (its `sources`), not only the report.
    """
    root = site_root(page_url, site_url)
    organisation = case.kind != "column"  # a column is about a topic; a case or an added case is a network
    about: dict = {"@type": "Organization" if organisation else "Thing", "name": case.name.ja}
    alternate = [n for n in dict.fromkeys((case.name.short, case.name.en)) if n and n != case.name.ja]
    if alternate:
        about["alternateName"] = alternate
    if organisation and case.founded and _ISO_DATE.fullmatch(case.founded.date):
        about["foundingDate"] = case.founded.date
    if case.place and case.place.prefecture:
        address = {
            "@type": "PostalAddress",
            "addressCountry": case.place.country,
            "addressRegion": case.place.prefecture,
        }
        if case.place.municipality:
            address["addressLocality"] = case.place.municipality
        about["address"] = address
    label = f"{vocab.KINDS[case.kind]}{case.number}"
    sources = [dataset.source_by_id[s] for s in case.sources]
    # A case or column of the report is itself a place in it (事例2); an added case is not.
    place = label if case.kind in vocab.REPORT_KINDS else ""
    ld = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": f"{case.name.ja}（{label}）のデータ",
        "description": case.summary,
        "url": root + page_url.lstrip("/"),
        "inLanguage": "ja",
        "license": LICENSE["path"],
        "isAccessibleForFree": True,
        "version": version(),
        "about": about,
        "isPartOf": {"@type": "Dataset", "name": TITLE, "url": root + "data/"},
        "isBasedOn": [source_json_ld(s) for s in sources],
        "citation": [source_text(s) + (place if s.id == vocab.REPORT_SOURCE else "") for s in sources],
        "distribution": [
            {
                "@type": "DataDownload",
                "name": case_json_path(case).rsplit("/", 1)[-1],
                "encodingFormat": "application/json",
                "contentUrl": root + case_json_path(case),
            }
        ],
    }
    coverage = _coverage(case)
    if coverage:
        ld["temporalCoverage"] = coverage
    return ld
