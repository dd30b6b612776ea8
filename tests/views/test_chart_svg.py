"""The build-time chart pictures draw exactly the figure's data, and all of their text fits."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from macros.views.chart_svg import NARROW_WIDTH, NODE_RADIUS, WIDTH, picture
from macros.views.charts import all_charts
from macros.views.plots import bar_figure
from macros.views.text_size import text_width

TICK_FONT = 11


def text_boxes(pic):
    """Estimated boxes (left, top, right, bottom) of every text of a picture, with its lines."""
    boxes = []
    for x, y, lines, anchor, css in pic.texts:
        size = TICK_FONT if css == "chart-svg-tick" else 12
        w = max(text_width(line, size) for line in lines)
        left = {"start": x, "middle": x - w / 2, "end": x - w}[anchor]
        top = y - size  # the first baseline is y; the last line's descent below it
        bottom = y + pic.line_height * (len(lines) - 1) + size * 0.3
        boxes.append(((left, top, left + w, bottom), lines, css))
    return boxes


def assert_text_fits(pic, what):
    boxes = text_boxes(pic)
    for (left, top, right, bottom), lines, _ in boxes:
        assert left >= 0 and right <= pic.width and top >= 0 and bottom <= pic.height, (what, lines, pic.width)
    for i, (a, lines_a, _) in enumerate(boxes):
        for b, lines_b, _ in boxes[i + 1 :]:
            overlap = a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5
            assert not overlap, (what, lines_a, lines_b)
    ticks = [lines for _, lines, css in boxes if css == "chart-svg-tick"]
    assert len(ticks) == len(set(ticks)) >= 2, (what, ticks)


@pytest.mark.parametrize("width", [WIDTH, NARROW_WIDTH])
def test_every_text_of_every_picture_fits_and_overlaps_no_other(dataset, width):
    for chart in all_charts(dataset).values():
        assert_text_fits(picture(chart.figure, width), (chart.id, width))


labels = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=60)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(labels, st.one_of(st.integers(0, 10**13), st.floats(0.001, 1e13))), min_size=1, max_size=12
    ).filter(lambda rows: len({r[0] for r in rows}) == len(rows)),
    st.booleans(),
)
def test_any_bars_draw_with_every_label_and_value_inside_the_picture(rows, log):
    values = [v for _, v in rows]
    if log and min(values) <= 0:
        values = [v or 1 for v in values]
    figure = bar_figure([r[0] for r in rows], values, [f"{v:,}件" for v in values], "件数", log=log)
    for width in (WIDTH, NARROW_WIDTH):
        pic = picture(figure, width)
        assert_text_fits(pic, width)
        assert len(pic.rects) == len(rows)


def test_every_value_that_matters_is_a_visible_bar(dataset):
    """A positive value drawn as a hairline is not shown: the public-support chart drew 50万円
    beside 5兆円 on a linear axis (issue 17)."""
    for chart in all_charts(dataset).values():
        for width in (WIDTH, NARROW_WIDTH):
            thin = [title for _, _, w, _, _, title in picture(chart.figure, width).rects if w < 4]
            values = {y: x for t in chart.figure["data"] if t["type"] == "bar" for x, y in zip(t["x"], t["y"])}
            assert not [t for t in thin if values[t.split(": ")[0]] > 0], (chart.id, width, thin)


def test_graph_nodes_link_to_their_pages_and_arrows_stop_at_their_edge(dataset):
    chart = all_charts(dataset)["relations"]
    pic = picture(chart.figure)
    pages = {f"{'cases' if c.kind == 'case' else 'columns'}/{c.id}/" for c in dataset.cases}
    assert {href for *_, href in pic.nodes} == pages
    centres = [(x, y) for x, y, *_ in pic.nodes]
    for x1, y1, x2, y2 in pic.arrows:
        for cx, cy in centres:
            assert math.hypot(x2 - cx, y2 - cy) > NODE_RADIUS and math.hypot(x1 - cx, y1 - cy) > NODE_RADIUS


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
    shown = ["".join(t[2]) for t in picture(chart.figure).texts]
    for trace in chart.figure["data"]:
        for text in trace["text"]:
            assert text in shown


def test_graph_picture_has_an_arrow_per_relation(dataset):
    chart = all_charts(dataset)["relations"]
    assert len(picture(chart.figure).arrows) == len(chart.rows)


def test_chart_pages_show_pictures_and_load_plotly_only_on_request(built_site):
    page = (built_site / "charts" / "index.html").read_text(encoding="utf-8")
    assert page.count('<svg class="chart-svg chart-svg--wide"') == page.count('data-chart="')
    assert page.count('<svg class="chart-svg chart-svg--narrow"') == page.count('data-chart="')
    assert "plotly-basic.min.js" in page  # named for the on-demand loader...
    assert not re.search(r'<script[^>]+src="[^"]*plotly', page)  # ...but never loaded by a script tag


def test_pictures_show_the_rows_in_the_interactive_charts_order(dataset):
    """plotly draws a category axis from the bottom up; the picture must not be its mirror image."""
    for chart in all_charts(dataset).values():
        order = chart.figure["layout"]["yaxis"].get("categoryarray")
        if not order:
            continue
        pic = picture(chart.figure)
        labels = sorted((y, "".join(lines)) for x, y, lines, anchor, css in pic.texts if css == "chart-svg-label")
        assert [text for _, text in labels] == order[::-1], chart.id
