"""The documented command prints the 全事例集 to an A4 PDF in which each case and column starts a new page.

The PDF (and PNGs of its first pages when poppler's pdftoppm is installed) stay in pytest's temporary
directory, printed with -s, for a person to look at.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess

import pytest

from macros.views.facts import report_order
from tests.conftest import ROOT


def _script():
    spec = importlib.util.spec_from_file_location("all_cases_pdf", ROOT / "scripts" / "all_cases_pdf.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler's pdftotext")
def test_the_pdf_starts_each_case_on_a_new_a4_page_in_report_order(browser, built_site, tmp_path, dataset):
    out = tmp_path / "all-cases.pdf"
    # the documented command's printing, in the suite's browser (one Playwright per process)
    assert _script().print_pdf(built_site, out, browser=browser) == out.stat().st_size > 100_000
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert re.search(r"Page size:\s+59[45]\.\d+ x 84[12]\.\d+ pts \(A4\)", info), info
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True).stdout
    pages = text.split("\f")
    starts = []
    for number, page in enumerate(pages, 1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        match = re.match(r"(事例|コラム)(\d+)\s", lines[0]) if lines else None
        if match:
            starts.append((number, f"{'case' if match.group(1) == '事例' else 'column'}{match.group(2)}"))
    assert [s for _, s in starts] == [f"{c.kind}{c.number}" for c in report_order(dataset)]
    assert starts[0][0] == 2  # the table of contents fills the first page
    assert "目次" in pages[0]
    assert "この数値を引用" not in text and "引用文をコピー" not in text  # screen-only controls are not printed
    if shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "3", str(out), str(tmp_path / "page")], check=True
        )
    print(f"\n全事例集 PDF for a person to look at: {out} ({len(pages) - 1} pages)")
