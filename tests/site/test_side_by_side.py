"""事例を並べて比べる in the built site: in the nav under 比較, every case page links to it with its
own case chosen, and every case and column has its column (the browser tests drive the page)."""

from __future__ import annotations

import re

from macros.views.facts import page_path


def test_the_page_is_in_the_nav_under_compare(built_site):
    page = (built_site / "compare" / "index.html").read_text(encoding="utf-8")
    nav = page[page.index('class="md-nav md-nav--primary"') :]
    assert re.search(r'href="side-by-side/"[^>]*>\s*<span[^>]*>\s*事例を並べて比べる', nav)


def test_every_case_page_links_to_it_with_its_own_case_chosen(built_site, dataset):
    for case in dataset.cases:
        page = (built_site / page_path(case) / "index.html").read_text(encoding="utf-8")
        link = f'href="../../compare/side-by-side/?cases={case.id}">この事例を他の事例と並べて比べる</a>'
        assert link in page, case.id


def test_every_case_and_column_has_a_column_in_the_page(built_site, dataset):
    page = (built_site / "compare" / "side-by-side" / "index.html").read_text(encoding="utf-8")
    headers = re.findall(r'<th scope="col" data-case="([^"]+)">', page)
    assert sorted(headers) == sorted(c.id for c in dataset.cases) and len(headers) >= 18
    assert 'src="../../assets/javascripts/side-by-side.js"' in page
    other = (built_site / "compare" / "index.html").read_text(encoding="utf-8")
    assert "side-by-side.js" not in other  # loaded only where it has work
