"""A static SVG picture of a chart, drawn at build time from its plotly figure.

Pages show this picture first, so they load no chart library; plotly is
fetched only when a reader asks for the interactive chart. It covers what the
site's figures use: horizontal bars (linear or log axis), scatter traces on a
category axis (the timeline) and the relations graph (nodes linked to their
pages, arrows between them).

Room for text is measured (text_size): category labels wrap onto more lines
rather than run off the left edge, the right margin fits the longest value
text, and an axis gets only as many ticks as their labels have room for. A
page shows a wide picture and, on phones, a narrow one drawn the same way.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .text_size import text_width, wrap

WIDTH = 760  # the picture beside the side bars on a desk
NARROW_WIDTH = 400  # the picture on a phone: about the page's width, so text stays near 12 px
FONT = 12  # px: labels and values (ticks are 11)
LINE = 15  # between the lines of a wrapped label
TOP, BOTTOM = 12, 56  # above the first row; below the last (ticks and the axis title)
GAP = 8  # between a label and the plot, a bar and its value
NODE_RADIUS = 12


@dataclass
class Picture:
    width: int
    height: int
    rects: list = field(default_factory=list)  # (x, y, w, h, colour, title)
    lines: list = field(default_factory=list)  # (x1, y1, x2, y2, colour, width)
    dots: list = field(default_factory=list)  # (x, y, colour, title, radius)
    nodes: list = field(default_factory=list)  # (x, y, radius, colour, label, title, href): linked graph nodes
    arrows: list = field(default_factory=list)  # (x1, y1, x2, y2) ending at a node's edge
    texts: list = field(default_factory=list)  # (x, y, lines, anchor, css class); lines LINE apart
    legend: list = field(default_factory=list)  # (colour, name)
    line_height: int = LINE


class _Scale:
    """Data to picture coordinates (log10 of the data on a log axis)."""

    def __init__(self, low: float, high: float, start: float, end: float, log: bool = False):
        self.log = log
        self.low, self.high = (math.log10(low), math.log10(high)) if log else (low, high)
        if self.high <= self.low:
            self.high = self.low + 1
        self.start, self.end = start, end

    def __call__(self, value: float) -> float:
        v = math.log10(max(value, 1e-300)) if self.log else value
        return round(self.start + (v - self.low) / (self.high - self.low) * (self.end - self.start), 1)


def _categories(figure) -> list:
    """Categories from the top row down. plotly lays a category axis out from the bottom up,
    so the picture reverses its order to show the rows as the interactive chart does."""
    order = figure["layout"].get("yaxis", {}).get("categoryarray")
    if not order:
        order = list(dict.fromkeys(y for trace in figure["data"] for y in trace.get("y", [])))
    return list(order)[::-1]


def _colour(trace, default="#0072B2") -> str:
    colour = (trace.get("marker") or {}).get("color") or (trace.get("line") or {}).get("color")
    return colour if isinstance(colour, str) else default


def _ticks(figure) -> tuple[float, float, list, list, bool]:
    """The x axis as plots.py set it on the figure: range, tick values and labels, log or not."""
    xaxis = figure["layout"]["xaxis"]
    log = xaxis.get("type") == "log"
    low, high = (10**v for v in xaxis["range"]) if log else xaxis["range"]
    return low, high, list(xaxis["tickvals"]), list(xaxis["ticktext"]), log


def _thinned(ticks: list, labels: list, scale, room: float) -> list:
    """Every k-th tick (from the first), k the smallest that leaves `room` between their centres."""
    for k in range(1, len(ticks) + 1):
        kept = list(zip(ticks, labels))[::k]
        if len(kept) < 2 or all(scale(b[0]) - scale(a[0]) >= room for a, b in zip(kept, kept[1:])):
            return kept
    return kept


def picture(figure: dict, width: int = WIDTH) -> Picture:
    """The figure drawn `width` wide. Narrower than WIDTH, category labels go above their bars
    (a phone has no room beside them)."""
    if figure["layout"].get("yaxis", {}).get("visible") is False:
        return _graph_picture(figure, width)
    return _category_picture(figure, width, stacked=width < WIDTH)


def _category_picture(figure: dict, width: int, stacked: bool) -> Picture:
    """Bars or markers, one row per category, values along the x axis; labels on the left
    of their row or, stacked, above it."""
    layout, traces = figure["layout"], figure["data"]
    categories = _categories(figure)
    labels = {c: wrap(c, width - 2 * GAP if stacked else width * 0.36, FONT) for c in categories}
    label_room = max((text_width(line, FONT) for lines in labels.values() for line in lines), default=0)
    left = GAP if stacked else round(label_room + 2 * GAP)
    low, high, ticks, tick_labels, log = _ticks(figure)
    value_texts = [text for t in traces if t["type"] == "bar" for text in t.get("text") or []]
    right = max([text_width(text, FONT) + 2 * GAP for text in value_texts] or [GAP * 3])
    # The first and last tick labels are centred on the plot's edges: half of each must fit.
    widest_tick = max(text_width(label, 11) for label in tick_labels)
    right = max(right, widest_tick / 2 + GAP)
    left = max(left, round(text_width(tick_labels[0], 11) / 2 + GAP))
    # A plot narrower than a third of the picture would hide the bars' proportions: the
    # picture grows instead (drawn smaller, but nothing is cut).
    width = max(width, round(left + right + width / 3))

    label_y: dict[str, float] = {}
    mark_y: dict[str, float] = {}
    y = TOP
    for category in categories:
        lines = len(labels[category])
        if stacked:  # label lines, then the bar
            label_y[category] = y + 12
            mark_y[category] = y + LINE * lines + 15
            y += LINE * lines + 30
        else:  # label lines centred on the bar
            h = max(30, LINE * (lines - 1) + 26)
            mark_y[category] = y + h / 2
            label_y[category] = mark_y[category] + 4 - LINE * (lines - 1) / 2
            y += h
    plot_bottom = y
    pic = Picture(width, plot_bottom + BOTTOM)
    x = _Scale(low, high, left, width - right, log)
    for category in categories:
        anchor_x, anchor = (GAP, "start") if stacked else (left - GAP, "end")
        pic.texts.append((anchor_x, round(label_y[category], 1), tuple(labels[category]), anchor, "chart-svg-label"))
    for tick, label in _thinned(ticks, tick_labels, x, widest_tick + GAP):
        pic.lines.append((x(tick), TOP, x(tick), plot_bottom, "#e5e7eb", 1))
        pic.texts.append((x(tick), plot_bottom + 16, (label,), "middle", "chart-svg-tick"))
    title = layout.get("xaxis", {}).get("title", {}).get("text", "")
    pic.texts.append(((x.start + x.end) / 2, plot_bottom + 38, (title,), "middle", "chart-svg-axis"))
    for trace in traces:
        colour = _colour(trace)
        if trace.get("showlegend", True) and trace.get("name"):
            pic.legend.append((colour, trace["name"]))
        texts = trace.get("text") or [""] * len(trace.get("x", []))
        if trace["type"] == "bar":
            for value, category, text in zip(trace["x"], trace["y"], texts):
                row = mark_y[category]
                start = x(low)
                end = max(x(value), start) if value > 0 else start
                pic.rects.append((start, row - 9.5, max(end - start, 1), 19, colour, f"{category}: {text}"))
                pic.texts.append((end + 4, row + 4, (text,), "start", "chart-svg-value"))
            continue
        points = [(x(px), mark_y[py]) for px, py in zip(trace["x"], trace["y"])]
        if "lines" in trace.get("mode", "markers"):
            for (x1, y1), (x2, y2) in zip(points, points[1:]):
                pic.lines.append((x1, y1, x2, y2, colour, 2))
        if "markers" in trace.get("mode", "markers"):
            size = (trace.get("marker") or {}).get("size", 11)
            for (px, py), text in zip(points, texts):
                pic.dots.append((px, py, colour, text, size / 2))
    return pic


def _graph_picture(figure: dict, width: int) -> Picture:
    """The relations graph: columns named by the x axis's tick texts, nodes that link to their page."""
    layout, traces = figure["layout"], figure["data"]
    xaxis = layout["xaxis"]
    height = 420
    plot_bottom = height - BOTTOM
    low, high = xaxis.get("range", [min(xaxis["tickvals"]) - 0.6, max(xaxis["tickvals"]) + 0.6])
    x = _Scale(low, high, GAP, width - GAP)
    ys = [y for t in traces for y in t.get("y", [])]
    y = _Scale(min(ys), max(ys), plot_bottom - 20, TOP + 20)
    pic = Picture(width, height)
    for tick, label in zip(xaxis["tickvals"], xaxis["ticktext"]):
        pic.lines.append((x(tick), TOP, x(tick), plot_bottom, "#e5e7eb", 1))
        pic.texts.append(
            (x(tick), plot_bottom + 20, tuple(wrap(label, x(1) - x(0) - GAP, 11)), "middle", "chart-svg-tick")
        )
    for trace in traces:
        if "text" not in trace.get("mode", ""):
            continue  # edges: drawn once, as arrows
        colour = _colour(trace)
        for px, py, label, (name, href) in zip(trace["x"], trace["y"], trace["text"], trace["customdata"]):
            pic.nodes.append((x(px), y(py), NODE_RADIUS, colour, label, f"{label} {name}", href))
    for note in layout.get("annotations", []):  # arrows stop short of the node they point at
        x1, y1, x2, y2 = x(note["ax"]), y(note["ay"]), x(note["x"]), y(note["y"])
        length = math.hypot(x2 - x1, y2 - y1) or 1
        short = NODE_RADIUS + 2
        pic.arrows.append(
            (
                round(x1 + (x2 - x1) * short / length, 1),
                round(y1 + (y2 - y1) * short / length, 1),
                round(x2 - (x2 - x1) * short / length, 1),
                round(y2 - (y2 - y1) * short / length, 1),
            )
        )
    return pic
