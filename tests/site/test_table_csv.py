"""Every table of data on a page has its CSV beside the page, and every CSV beside a page is one of its tables."""

from __future__ import annotations

import re


def test_the_csv_files_beside_each_page_are_exactly_those_its_tables_name(built_site):
    pages = 0
    for page in built_site.rglob("index.html"):
        folder = page.parent
        if folder.name in ("downloads", "search") or folder.parent.name == "charts" and folder.name == "data":
            continue
        named = re.findall(r'data-csv="([^"]+)"', page.read_text(encoding="utf-8"))
        assert len(named) == len(set(named)), page
        beside = sorted(p.name for p in folder.glob("*.csv"))
        assert beside == sorted(named), folder.relative_to(built_site)
        pages += bool(named)
    assert pages > 25, pages


def test_a_table_csv_is_read_by_excel_as_utf_8_with_crlf_line_ends(built_site):
    raw = (built_site / "cases" / "hit" / "figures.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert raw.decode("utf-8-sig").splitlines()[0] == "項目,値,時点・期間,算定の基礎・注記,出典"
