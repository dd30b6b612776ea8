"""The build-time chart pictures draw exactly the figure's data."""

from __future__ import annotations

import re

from macros.views.chart_svg import picture
from macros.views.charts import all_charts


def test_bar_pictures_have_one_bar_per_value_in_order(dataset):
    for chart in all_charts(dataset).values():
        bars = [t for t in chart.figure["data"] if t["type"] == "bar"]
        if not bars:
            continue
        pic = picture(chart.figure)
        assert len(pic.rects) == sum(len(t["x"]) for t in bars), chart.id
        widths = {title.split(": ")[0]: width for _, _, width, _, _, title in pic.rects}
        values = {y: x for t in bars for x, y in zip(t["x"], t["y"])}
        if chart.figure["layout"]["xaxis"]["type"] == "linear":  # bar length is proportional to the value
            biggest = max(values, key=values.get)
            for label, value in values.items():
                assert abs(widths[label] / widths[biggest] - value / values[biggest]) < 0.02, (chart.id, label)


def test_every_bar_carries_its_value_as_text(dataset):
    chart = all_charts(dataset)["members-size"]
    shown = [t[2] for t in picture(chart.figure).texts]
    for trace in chart.figure["data"]:
        for text in trace["text"]:
            assert text in shown


def test_graph_picture_has_an_arrow_per_relation(dataset):
    chart = all_charts(dataset)["relations"]
    assert len(picture(chart.figure).arrows) == len(chart.rows)


def test_chart_pages_show_pictures_and_load_plotly_only_on_request(built_site):
    page = (built_site / "charts" / "index.html").read_text(encoding="utf-8")
    assert page.count('<svg class="chart-svg"') == page.count('data-chart="')
    assert "plotly-basic.min.js" in page  # named for the on-demand loader...
    assert not re.search(r'<script[^>]+src="[^"]*plotly', page)  # ...but never loaded by a script tag
