"""全事例集: every case and column on one page, in the report's order, to read through or print.

Each case is shown with the same parts as its own page (parts.case_part), under
headings one level lower; every id and same-page link inside a case is prefixed
with the case's id, so the 18 cases' anchors (figure-…, note-…) stay unique and
the links between figures and notes still land inside the same case.
"""

from __future__ import annotations

import datetime
import os
import re
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from ..data import vocab
from ..views import facts, parts
from ..views.render import Rendered, base_for, render
from .git_history import japanese_date
from .pages import CASE_SECTIONS

PDF_ENV = "ALL_CASES_PDF"  # a PDF printed by scripts/all_cases_pdf.py, published when set
PDF_NAME = "all-cases.pdf"  # its name in the site's downloads/
PDF_COMMAND = "python scripts/all_cases_pdf.py"

_ID_ATTRS = re.compile(r'\b(id|for|aria-labelledby|aria-describedby|aria-controls|data-cite-url|data-csv)="([^"]+)"')
_SAME_PAGE = re.compile(r'href="#([^"]+)"')
_TABLE_CSV = re.compile(r'href="([\w.-]+\.csv)"')  # a table's CSV, written beside the page
_PAGE_TITLE = re.compile(r"<h1\b[^>]*>.*?</h1>", re.DOTALL)
_HEADING = re.compile(r"<(/?)h([1-5])\b")


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


def scoped(html: str, prefix: str) -> str:
    """Ids and same-page links of one case's HTML, prefixed so they stay unique on the combined page."""
    html = _ID_ATTRS.sub(lambda m: f'{m.group(1)}="{prefix}--{m.group(2)}"' if m.group(2) else m.group(0), html)
    html = _TABLE_CSV.sub(lambda m: f'href="{prefix}--{m.group(1)}"', html)
    return _SAME_PAGE.sub(lambda m: f'href="#{prefix}--{m.group(1)}"', html)


def _demoted(html: str) -> str:
    """Headings two levels lower (a case's h3 under the case's h2 and the section's h3 becomes h5)."""
    return _HEADING.sub(lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + 2, 6)}", html)


def _entry(dataset, case, related_ids: set[str], page_url: str, site_url: str) -> tuple[Entry, tuple]:
    """One case's entry, and the tables of data it shows (published under the same prefix as its ids)."""
    shown = []

    def part(name: str) -> str:
        rendered = parts.case_part(dataset, case.id, name, page_url, site_url)
        shown.extend(t.renamed(f"{case.id}--") for t in rendered.tables)
        return rendered.html

    header = Markup(scoped(_PAGE_TITLE.sub("", part("header"), 1), case.id))
    sections = [
        Section(f"{case.id}--{anchor}", heading, Markup(_demoted(scoped(part(name), case.id))))
        for anchor, heading, name, test in CASE_SECTIONS
        if (case.id in related_ids if test is None else test(case))
    ]
    label = f"{vocab.KINDS[case.kind]}{case.number}"
    return Entry(case, case.id, label, f"{vocab.FOLDERS[case.kind]}/{case.id}/", header, sections), tuple(shown)


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
