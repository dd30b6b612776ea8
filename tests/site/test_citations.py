"""Every figure, member count and chart has a visible permalink and a citation; every page a page citation."""

from __future__ import annotations

import html
import re
from collections import Counter

from macros.data.periods import period_label
from macros.views.charts import all_charts
from macros.views.formatting import figure_text, member_text
from tests.site.conftest import SITE_URL, site_pages


def _case_url(case) -> str:
    return f"{'cases' if case.kind == 'case' else 'columns'}/{case.id}/"


def _row(page: str, anchor: str) -> str:
    match = re.search(rf'<tr id="{anchor}">(.*?)</tr>', page, re.DOTALL)
    assert match, anchor
    return match.group(1)


def _citation(fragment: str) -> str:
    match = re.search(r'<p class="cite-box__text">(.*?)</p>', fragment, re.DOTALL)
    assert match, fragment[:200]
    return html.unescape(re.sub(r"<[^>]+>", "", match.group(1)))


def _rows(case):
    """(anchor, label, value text, as-of, source) of each figure and member count of a case."""
    for f in case.figures:
        yield f"figure-{f.id}", f.label, figure_text(f), period_label(f.period), f.source
    for m in case.members:
        yield f"count-{m.id}", f"会員数：{m.scope}", member_text(m), period_label(m.as_of), m.source


def test_every_figure_anchor_is_unique_and_linked_and_cited(built_site, dataset):
    pages = site_pages(built_site)
    checked = 0
    for case in dataset.cases:
        url = _case_url(case)
        page = pages[url]
        ids = Counter(re.findall(r'\bid="([^"]+)"', page))
        for anchor, label, value, as_of, source in _rows(case):
            assert ids[anchor] == 1, (url, anchor)
            row = _row(page, anchor)
            assert f'<a class="permalink" href="#{anchor}"' in row, (url, anchor)
            text = _citation(row)
            for part in (case.name.ja, f"「{label}」", value, f"時期：{as_of}", f"報告書の該当箇所：{source}"):
                assert part in text, (url, anchor, part)
            assert f"/{url}#{anchor}（閲覧日閲覧）" in text, text
            checked += 1
    assert checked > 100


def test_with_site_url_a_citation_gives_the_absolute_address(site_with_url, dataset):
    site, _ = site_with_url
    pages = site_pages(site)
    case = dataset.case_by_id["tama"]
    anchor = f"figure-{case.figures[0].id}"
    assert f"{SITE_URL}{_case_url(case)}#{anchor}（" in _citation(_row(pages[_case_url(case)], anchor))


def test_every_chart_has_a_permalink_its_csv_and_a_citation(built_site, dataset):
    charts = all_charts(dataset)
    seen = set()
    for url, page in site_pages(built_site).items():
        for chart_id, body in re.findall(
            r'<figure class="chart" id="chart-([a-z0-9-]+)"(.*?)</figure>', page, re.DOTALL
        ):
            chart = charts[chart_id]
            assert f'<a class="permalink" href="#chart-{chart_id}"' in body
            assert f"charts/data/{chart_id}.csv" in body
            text = _citation(body)
            for part in (f"「{chart.title}」", chart.unit, f"時期：{chart.as_of}", f"#chart-{chart_id}"):
                assert part in text, (url, chart_id, part)
            seen.add(chart_id)
    assert seen == set(charts)


def test_every_page_but_home_can_be_cited(built_site, dataset):
    pages = site_pages(built_site)
    for url, page in pages.items():
        cited = '<details class="cite-box cite-box--page">' in page
        assert cited == (url != ""), url
    case = dataset.case_by_id["adock-kobe"]
    text = _citation(pages[_case_url(case)].split('cite-box--page">', 1)[1])
    assert text.startswith(f"「{case.name.ja}」") and f"/{_case_url(case)}（" in text
    assert f"事例{case.number}" in text and "CC BY 4.0" in text
