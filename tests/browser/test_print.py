"""Printing: pages fit the A4 printable width, and Chromium makes a legible A4 PDF.

The PDFs (and a PNG of their first page when poppler's pdftoppm is installed) are kept in
pytest's temporary directory, printed with -s, for a person to look at.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from .conftest import PRINT_OVERFLOW_JS, PRINT_WIDTH, open_page


def test_no_page_is_wider_than_the_a4_printable_area(site_visits):
    wide = {path or "/": visit.print_overflow for path, visit in site_visits.items() if visit.print_overflow}
    assert not wide, f"wider than {PRINT_WIDTH}px (A4 minus margins) in print:\n" + "\n".join(
        f"{path}:\n  " + "\n  ".join(found) for path, found in wide.items()
    )


@pytest.fixture(scope="module")
def pdf_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("print")


A4_PORTRAIT, A4_LANDSCAPE = "portrait", "landscape"

# The smallest type of the printed text (chart pictures excepted: they scale with the page).
SMALLEST_TEXT_JS = """() => Math.min(...[...document.querySelectorAll(
    '.md-content :is(p, li, td, th, caption, dt, dd, figcaption)')]
    .filter(el => el.getClientRects().length && el.textContent.trim())
    .map(el => parseFloat(getComputedStyle(el).fontSize)))"""
HEADINGS_JS = """() => [...document.querySelectorAll('.md-content :is(h2, h3, h4, caption)')]
    .filter(el => el.getClientRects().length).map(el => el.innerText.replace(/\\s+/g, ''))"""


def stranded_headings(pdf, pages: int, headings: list[str]) -> list[str]:
    """Headings that end a page (alone, or with only a table's header row after them)."""
    found = []
    for number in range(1, pages):  # the last page may end with anything
        text = subprocess.run(
            ["pdftotext", "-layout", "-f", str(number), "-l", str(number), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        ).stdout
        lines = [re.sub(r"\s+", "", line) for line in text.splitlines() if line.strip()]
        if any(line in headings for line in lines[-2:]):
            found.append(f"page {number}: {lines[-2:]}")
    return found


WITHOUT_TABLES = {"lessons/brief/"}  # the brief is headed sections and lists


@pytest.mark.parametrize(
    "path,min_pages,orientation",
    [
        ("cases/tama/", 3, A4_PORTRAIT),  # a case with wide tables
        ("cases/", 2, A4_LANDSCAPE),  # the index of all cases: eleven columns, turned like the comparison
        ("compare/", 2, A4_LANDSCAPE),  # a dozen columns: extra.css turns its pages
        ("lessons/brief/", 1, A4_PORTRAIT),  # the brief for meetings
        ("cases/naniwa-yumekobo/", 3, A4_PORTRAIT),  # left 主な活動 and 登場する人物 at page bottoms
        ("lessons/levers/", 3, A4_PORTRAIT),  # long tables of the levers
    ],
)
def test_page_prints_to_a4_pdf_within_the_margins(browser_page, site_url, pdf_dir, path, min_pages, orientation):
    page, log = browser_page
    page.set_viewport_size({"width": PRINT_WIDTH, "height": 1000})
    page.emulate_media(media="print")
    open_page(page, log, site_url + path)

    chrome = page.evaluate(
        """() => ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-footer']
            .filter(s => document.querySelector(s) && getComputedStyle(document.querySelector(s)).display !== 'none')"""
    )
    assert not chrome, f"site chrome still printed: {chrome}"
    tables = page.evaluate(
        """() => [...document.querySelectorAll('.md-content table')]
            .filter(t => t.scrollWidth > t.clientWidth + 1 || t.getBoundingClientRect().right >
                         document.querySelector('.md-content').getBoundingClientRect().right + 1)
            .map(t => `${t.className}: ${t.scrollWidth}px`)"""
    )
    assert page.locator(".md-content table").count() > 0 or path in WITHOUT_TABLES  # the check above saw tables
    assert not tables, tables
    assert not page.evaluate(PRINT_OVERFLOW_JS)

    name = path.strip("/").replace("/", "-") or "home"
    pdf = pdf_dir / f"{name}.pdf"
    # As a browser's print dialog does: A4 unless the page's CSS asks for another @page size.
    page.pdf(path=str(pdf), format="A4", print_background=True, prefer_css_page_size=True)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))
    assert pages >= min_pages, pages
    sizes = {tuple(round(float(n)) for n in box.split()[2:]) for box in re.findall(rb"/MediaBox\s*\[([^\]]*)\]", data)}
    assert sizes == {(842, 595) if orientation == A4_LANDSCAPE else (595, 842)}, sizes  # A4 in points
    assert not log.problems(), log.problems()
    smallest = page.evaluate(SMALLEST_TEXT_JS)
    assert smallest >= 8 / 72 * 96 - 0.05, f"text printed at {smallest * 72 / 96:.1f} pt"
    if shutil.which("pdftotext"):
        headings = page.evaluate(HEADINGS_JS)
        stranded = stranded_headings(pdf, pages, headings)
        assert not stranded, f"headings at the foot of a page, apart from what follows: {stranded}"
    if shutil.which("pdftoppm"):  # an image of page 1 for a person to judge legibility
        subprocess.run(
            ["pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1", str(pdf), str(pdf.with_suffix(""))],
            check=True,
            timeout=60,
        )
    print(f"\n{path}: {pages} A4 pages -> {pdf}")
