"""全事例集: every case and column on one page, in the report's order, to read through or print.

Each case is shown with the same parts as its own page (parts.case_part), rendered
with the case's id as the prefix of every id, same-page link and CSV name, so the
18 cases' anchors (figure-…, note-…) stay unique and the links between figures and
notes still land inside the same case; and with their headings one level lower,
under the case's own heading and its sections'.
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from ..data import vocab
from ..history.commits import japanese_date
from ..views import facts, parts
from ..views.render import Rendered, base_for, render
from .pages import CASE_SECTIONS

PDF_ENV = "ALL_CASES_PDF"  # a PDF printed by scripts/all_cases_pdf.py, published when set
PDF_NAME = "all-cases.pdf"  # its name in the site's downloads/
PDF_COMMAND = "python scripts/all_cases_pdf.py"


@dataclass(frozen=True)
class Section:
    anchor: str
    heading: str
    html: Markup


@dataclass(frozen=True)
class Entry:
    case: object
    anchor: str
    label: str
    page: str  # the case's own page, relative to the site root
    header: Markup
    sections: list[Section]


def id_prefix(case) -> str:
    """What the ids, same-page links and CSV names of one case start with on the combined page."""
    return f"{case.id}--"


def _entry(dataset, case, related_ids: set[str], page_url: str, site_url: str) -> tuple[Entry, tuple]:
    """One case's entry, and the tables of data it shows."""
    prefix = id_prefix(case)

    def part(name: str) -> Rendered:
        # The case's sections are h3 under its h2: its parts' headings one level lower than on its own page.
        return parts.case_part(
            dataset, case.id, name, page_url, site_url, id_prefix=prefix, heading_offset=1, with_title=False
        )

    header = part("header")
    shown = [
        (anchor, heading, part(name))
        for anchor, heading, name, test in CASE_SECTIONS
        if (case.id in related_ids if test is None else test(case))
    ]
    sections = [Section(f"{prefix}{anchor}", heading, Markup(r.html)) for anchor, heading, r in shown]
    label = f"{vocab.KINDS[case.kind]}{case.number}"
    entry = Entry(case, case.id, label, f"{vocab.FOLDERS[case.kind]}/{case.id}/", Markup(header.html), sections)
    return entry, header.tables + tuple(t for _, _, r in shown for t in r.tables)


def all_cases(dataset, page_url: str, site_url: str = "") -> Rendered:
    related_ids = {c.id for c in dataset.cases if c.relations} | {r.target for c in dataset.cases for r in c.relations}
    done = [_entry(dataset, case, related_ids, page_url, site_url) for case in facts.report_order(dataset)]
    html = render("compendium.html", entries=[entry for entry, _ in done], base=base_for(page_url))
    return Rendered(html, tuple(t for _, tables in done for t in tables))


@dataclass(frozen=True)
class PdfFile:
    path: Path
    size: int
    made: str  # YYYY-MM-DD, the day the file was written


def pdf_file() -> PdfFile | None:
    """The 全事例集 PDF this build publishes (ALL_CASES_PDF), or None: the build never prints one itself."""
    value = os.environ.get(PDF_ENV, "").strip()
    if not value:
        return None
    path = Path(value)
    if not path.is_file():
        raise FileNotFoundError(f"{PDF_ENV} に指定された PDF がありません: {value}（{PDF_COMMAND} で作ります）")
    stat = path.stat()
    made = datetime.datetime.fromtimestamp(stat.st_mtime, datetime.UTC).date().isoformat()
    return PdfFile(path, stat.st_size, made)


def all_cases_pdf(page_url: str, size_text) -> str:
    """The data page's entry for the PDF: its link, size and date, or why this build has none."""
    pdf = pdf_file()
    return render(
        "all-cases-pdf.html",
        pdf=pdf,
        made_label=japanese_date(pdf.made) if pdf else "",
        size_label=size_text(pdf.size) if pdf else "",
        name=PDF_NAME,
        command=PDF_COMMAND,
        env=PDF_ENV,
        base=base_for(page_url),
    )
