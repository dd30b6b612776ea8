"""Plotly figures for the charts, as the plain JSON plotly.js reads.

Built as dicts rather than plotly.graph_objects, which validates every
property and costs ~50 ms a figure (a minute for a thousand cases); the tests
check every figure against plotly's own validators instead.
Colours are the Okabe–Ito palette (distinguishable with colour-vision
deficiencies); every bar carries its value as text so colour is never the
only carrier of meaning. The figures hold the data's strings as they are (the
build-time SVG escapes them as any HTML); for_plotly escapes them for plotly.js.
"""

from __future__ import annotations

import math

from .axis import Axis, linear_axis, log_axis
from .text_size import text_width, wrap

PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]
FONT = "Hiragino Kaku Gothic ProN, Hiragino Sans, BIZ UDPGothic, Meiryo, Yu Gothic, Noto Sans CJK JP, sans-serif"
FONT_SIZE = 13
LABEL_WIDTH = 260  # px: longer category labels go onto more lines
SYMBOLS = ["circle", "square", "diamond", "triangle-up", "star", "cross", "x", "hexagon"]


def _layout(height: int, **extra) -> dict:
    layout = {
        "font": {"family": FONT, "size": FONT_SIZE, "color": "#1f2937"},
        "margin": {"l": 10, "r": 30, "t": 10, "b": 40},
        "height": height,
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        # Above the plot: below it, the legend covered the x axis's title.
        "legend": {"orientation": "h", "x": 0, "y": 1.02, "xanchor": "left", "yanchor": "bottom"},
    }
    layout.update(extra)
    return layout


def _x_axis(axis: Axis, title: str) -> dict:
    """The x axis with the ticks of axis.py (the build-time picture draws the same ones), so
    plotly shows 1億 and 10万 rather than its own 100M and 2T."""
    span = [axis.low, axis.high]
    return {
        "title": {"text": title},
        "type": "log" if axis.log else "linear",
        "range": [round(math.log10(v), 9) for v in span] if axis.log else span,
        "tickmode": "array",
        "tickvals": list(axis.ticks),
        "ticktext": list(axis.labels),
        "gridcolor": "#e5e7eb",
        "zeroline": False,
    }


def _category_axis(order: list) -> dict:
    """Category labels, long ones broken onto lines as in the build-time picture."""
    return {
        "automargin": True,
        "categoryorder": "array",
        "categoryarray": order,
        "tickmode": "array",
        "tickvals": order,
        "ticktext": ["<br>".join(wrap(label, LABEL_WIDTH, FONT_SIZE)) for label in order],
    }


def _row_height(label: str) -> int:
    return max(34, 18 * len(wrap(label, LABEL_WIDTH, FONT_SIZE)) + 10)


def bar_figure(labels, values, texts, x_title, groups=None, log=False, reverse=False) -> dict:
    """Horizontal bars, one trace per group so the legend explains the colours."""
    groups = groups or [""] * len(labels)
    data = []
    for index, group in enumerate(dict.fromkeys(groups)):
        picked = [i for i, g in enumerate(groups) if g == group]
        data.append(
            {
                "type": "bar",
                "orientation": "h",
                "name": group or x_title,
                "showlegend": bool(group),
                "y": [labels[i] for i in picked],
                "x": [values[i] for i in picked],
                "text": [texts[i] for i in picked],
                "textposition": "outside",
                "cliponaxis": False,
                "hovertemplate": "%{y}: %{text}<extra></extra>",
                "marker": {"color": PALETTE[index % len(PALETTE)]},
            }
        )
    order = list(dict.fromkeys(labels))
    axis = log_axis(values) if log else linear_axis(values, integer=all(float(v).is_integer() for v in values))
    # Values are written past the end of their bars (cliponaxis off): the right margin holds
    # the longest, so the longest bar's text is not cut at the edge.
    right = max(30, round(max((text_width(t, FONT_SIZE) for t in texts), default=0)) + 16)
    return {
        "data": data,
        "layout": _layout(
            max(260, sum(_row_height(label) for label in order) + 90),
            margin={"l": 10, "r": right, "t": 10, "b": 40},
            xaxis=_x_axis(axis, x_title),
            yaxis=_category_axis(order[::-1] if reverse else order),
        ),
    }


def timeline_figure(events, x_title) -> dict:
    """events: (case label, decimal year, form, hover text), joined per case by a line."""
    cases = list(dict.fromkeys(e[0] for e in events))
    data = []
    for case in cases:
        points = [e for e in events if e[0] == case]
        data.append(
            {
                "type": "scatter",
                "mode": "lines",
                "x": [p[1] for p in points],
                "y": [case] * len(points),
                "line": {"color": "#9ca3af", "width": 2},
                "hoverinfo": "skip",
                "showlegend": False,
            }
        )
    for index, form in enumerate(dict.fromkeys(e[2] for e in events)):
        points = [e for e in events if e[2] == form]
        data.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": form,
                "x": [p[1] for p in points],
                "y": [p[0] for p in points],
                "text": [p[3] for p in points],
                "marker": {"size": 11, "symbol": SYMBOLS[index % len(SYMBOLS)], "color": PALETTE[index % len(PALETTE)]},
                "hovertemplate": "%{text}<extra></extra>",
            }
        )
    return {
        "data": data,
        "layout": _layout(
            34 * len(cases) + 120,
            xaxis=_x_axis(linear_axis([e[1] for e in events], zero=False, years=True), x_title),
            yaxis=_category_axis(cases[::-1]),
        ),
    }


def graph_figure(nodes, edges, column_titles) -> dict:
    """A node-link diagram: nodes ((x, y), label, name, path of its page), edges ((x0, y0), (x1, y1), text).

    charts.js opens a node's page when it is clicked; the build-time picture links it.
    """
    data = [
        {
            "type": "scatter",
            "mode": "lines",
            "x": [x0, x1],
            "y": [y0, y1],
            "hoverinfo": "skip",
            "showlegend": False,
            "line": {"color": "#6b7280", "width": 1.5},
        }
        for (x0, y0), (x1, y1), _ in edges
    ]
    data.append(
        {
            "type": "scatter",
            "mode": "markers+text",
            "x": [n[0][0] for n in nodes],
            "y": [n[0][1] for n in nodes],
            "text": [n[1] for n in nodes],
            "customdata": [[n[2], n[3]] for n in nodes],
            "textposition": "middle center",
            "textfont": {"color": "white", "size": 11},
            "marker": {"size": 24, "color": PALETTE[0]},
            "hovertemplate": "%{text} %{customdata[0]}（押すとページを開く）<extra></extra>",
            "showlegend": False,
        }
    )
    arrows = [
        {
            "x": x1,
            "y": y1,
            "ax": x0,
            "ay": y0,
            "xref": "x",
            "yref": "y",
            "axref": "x",
            "ayref": "y",
            "showarrow": True,
            "arrowhead": 3,
            "arrowsize": 1.2,
            "arrowcolor": "#6b7280",
            # Start and end at the marker's edge (24 px across), not on the number inside it.
            "standoff": 14,
            "startstandoff": 14,
            "text": "",
        }
        for (x0, y0), (x1, y1), _ in edges
    ]
    return {
        "data": data,
        "layout": _layout(
            560,
            annotations=arrows,
            xaxis={
                "tickvals": list(range(len(column_titles))),
                "ticktext": column_titles,
                "showgrid": False,
                "zeroline": False,
                "range": [-0.6, len(column_titles) - 0.4],
            },
            yaxis={"visible": False},
        ),
    }


# plotly.js draws every string it is given (labels, hover text, legend, titles, annotations) through
# its own small HTML reader: <a href>, <b>, <span style> and <br> become links and styles, and
# entities are decoded afterwards. With & < > escaped, a string from the data shows as itself.
_PLOTLY_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
# Written in this module, never from the data: %{y} and <extra> are plotly's own template syntax.
_OWN_TEMPLATES = frozenset({"hovertemplate"})


def for_plotly(value, key: str = ""):
    """A figure as handed to plotly.js: every string escaped, except the templates written above."""
    if isinstance(value, str):
        return value if key in _OWN_TEMPLATES else value.translate(_PLOTLY_ESCAPES)
    if isinstance(value, dict):
        return {k: for_plotly(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [for_plotly(v, key) for v in value]
    return value
