"""Each chart shows exactly the data files' values, and ships them as a CSV."""

from __future__ import annotations

import csv
import io
import json
import re

from macros.views import facts
from macros.views.charts import all_charts


def _csv_rows(path):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), path
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


def _bar_values(chart):
    return {label: value for trace in chart.figure["data"] for label, value in zip(trace["y"], trace["x"])}


def test_members_chart_equals_latest_member_counts(dataset):
    chart = all_charts(dataset)["members-size"]
    expected = {c.name.short: facts.latest_members(c).count for c in dataset.numbered_cases() if c.members}
    assert _bar_values(chart) == expected
    assert {r[0]: r[1] for r in chart.rows} == expected


def test_support_chart_equals_support_amounts(dataset):
    chart = all_charts(dataset)["public-support"]
    expected = sorted(s.amount_jpy for c in dataset.cases for s in c.support if s.amount_jpy is not None)
    assert sorted(v for t in chart.figure["data"] for v in t["x"]) == expected


def test_composition_charts_keep_the_reports_own_totals(dataset):
    charts = all_charts(dataset)
    tama = dataset.case_by_id["tama"]
    for member in tama.members:
        if not member.breakdown:
            continue
        chart = charts[f"composition-tama-{member.id}"]
        values = _bar_values(chart)
        assert values["報告書が記す合計"] == member.count
        assert sum(v for k, v in values.items() if k != "報告書が記す合計") == sum(b.value for b in member.breakdown)
        if sum(b.value for b in member.breakdown) != member.count:
            assert chart.notes and "一致しません" in chart.notes[0]


def test_funnel_values_come_from_the_case_figures(dataset):
    chart = all_charts(dataset)["funnel-rodan21"]
    figures = {f.label: f.value for f in dataset.case_by_id["rodan21"].figures}
    for label, value in _bar_values(chart).items():
        assert figures[label] == value


def test_relations_graph_has_one_row_per_relation(dataset):
    chart = all_charts(dataset)["relations"]
    assert len(chart.rows) == sum(len(c.relations) for c in dataset.cases)


def test_every_chart_has_title_unit_time_sources_and_rows(dataset):
    for chart in all_charts(dataset).values():
        assert chart.title and chart.unit and chart.as_of and chart.sources and chart.rows, chart.id
        assert all(len(row) == len(chart.columns) for row in chart.rows), chart.id


def test_chart_csvs_exist_parse_and_equal_the_table(built_site, dataset):
    for chart in all_charts(dataset).values():
        rows = _csv_rows(built_site / "charts" / "data" / f"{chart.id}.csv")
        assert rows[0] == chart.columns
        assert len(rows) - 1 == len(chart.rows)
        for written, row in zip(rows[1:], chart.rows):
            assert written == [str(int(v)) if isinstance(v, float) and v.is_integer() else str(v) for v in row]


def test_chart_pages_embed_safe_json_and_link_their_csv(built_site):
    page = (built_site / "charts" / "index.html").read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="application/json" id="chart-data-([a-z0-9-]+)">(.*?)</script>', page, re.DOTALL)
    assert blocks
    for chart_id, text in blocks:
        assert "<" not in text
        json.loads(text)
        assert f'href="../charts/data/{chart_id}.csv"' in page
    assert "assets/javascripts/charts.js" in page


def test_pages_without_charts_load_no_chart_code(built_site):
    for page in ["index.html", "cases/adock-kobe/index.html", "about/index.html", "compare/index.html"]:
        text = (built_site / page).read_text(encoding="utf-8")
        assert "charts.js" not in text and "plotly" not in text, page


def test_every_figure_is_valid_plotly(dataset):
    import plotly.graph_objects as go

    for chart in all_charts(dataset).values():
        go.Figure(chart.figure)  # raises on any property plotly.js would not understand
