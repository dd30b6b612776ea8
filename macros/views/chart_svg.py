"""A static SVG picture of a chart, drawn at build time from its plotly figure.

Pages show this picture first, so they load no chart library; plotly is
fetched only when a reader asks for the interactive chart. It covers what the
site's figures use: horizontal bars (linear or log axis) and scatter traces
(lines, markers, text) on a numeric x axis against category or numeric y.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

WIDTH = 760
LABEL_SPACE = 190  # left margin for category labels
RIGHT_SPACE = 170  # room for the value text after the longest bar
TOP, BOTTOM = 12, 56
CHAR = 7.0  # rough width of a half-width character at 12px (wide characters count twice)


def text_width(text: str) -> float:
    return sum(CHAR * (2 if ord(ch) > 0x2E7F else 1) for ch in str(text))


@dataclass
class Picture:
    width: int
    height: int
    rects: list = field(default_factory=list)  # (x, y, w, h, colour, title)
    lines: list = field(default_factory=list)  # (x1, y1, x2, y2, colour, width)
    dots: list = field(default_factory=list)  # (x, y, colour, title, radius)
    arrows: list = field(default_factory=list)  # (x1, y1, x2, y2) ending at a node
    texts: list = field(default_factory=list)  # (x, y, text, anchor, css class)
    legend: list = field(default_factory=list)  # (colour, name)


class _Axis:
    def __init__(self, low: float, high: float, start: float, end: float, log: bool = False):
        self.log = log
        if log:
            low, high = math.log10(max(low, 1e-9)), math.log10(max(high, 1e-9))
        if high <= low:
            high = low + 1
        self.low, self.high, self.start, self.end = low, high, start, end

    def __call__(self, value: float) -> float:
        v = math.log10(max(value, 1e-9)) if self.log else value
        return round(self.start + (v - self.low) / (self.high - self.low) * (self.end - self.start), 1)

    def ticks(self) -> list[float]:
        if self.log:
            return [10**e for e in range(math.floor(self.low), math.ceil(self.high) + 1)]
        span = self.high - self.low
        step = 10 ** math.floor(math.log10(span / 4)) if span > 0 else 1
        for factor in (1, 2, 5, 10):
            if span / (step * factor) <= 6:
                step *= factor
                break
        first = math.ceil(self.low / step) * step
        return [first + i * step for i in range(int((self.high - first) / step) + 1)]


def _tick_label(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 1 or value == 0 else f"{value:g}"


def _categories(figure) -> list:
    order = figure["layout"].get("yaxis", {}).get("categoryarray")
    if order:
        return list(order)
    seen = []
    for trace in figure["data"]:
        for y in trace.get("y", []):
            if y not in seen:
                seen.append(y)
    return seen


def _colour(trace, default="#0072B2") -> str:
    colour = (trace.get("marker") or {}).get("color") or (trace.get("line") or {}).get("color")
    return colour if isinstance(colour, str) else default


def picture(figure: dict) -> Picture:
    layout = figure["layout"]
    traces = figure["data"]
    bars = all(t["type"] == "bar" for t in traces)
    categorical = bars or any(isinstance(y, str) for t in traces for y in t.get("y", []))
    categories = _categories(figure) if categorical else []
    row = 30
    height = TOP + BOTTOM + (row * len(categories) if categorical else 420)
    pic = Picture(WIDTH, height)
    xs = [x for t in traces for x in t.get("x", []) if isinstance(x, (int, float))]
    log = layout.get("xaxis", {}).get("type") == "log"
    low = 0 if bars and not log else min(xs, default=0)
    high = max(xs, default=1)
    if not bars:  # room around points
        pad = (high - low) * 0.04 or 1
        low, high = low - pad, high + pad
    left = LABEL_SPACE if categorical else 50
    x = _Axis(min(xs) if log else low, high, left, WIDTH - (RIGHT_SPACE if bars else 40), log)
    plot_bottom = height - BOTTOM
    if categorical:
        y_of = {c: TOP + row * i + row / 2 for i, c in enumerate(categories)}
        for c, y in y_of.items():
            pic.texts.append((LABEL_SPACE - 8, y + 4, c, "end", "chart-svg-label"))
    else:
        ys = [y for t in traces for y in t.get("y", [])]
        y_axis = _Axis(min(ys), max(ys), plot_bottom - 20, TOP + 20)
    xaxis = layout.get("xaxis", {})
    if xaxis.get("ticktext"):  # named columns (the relations graph)
        ticks = list(zip(xaxis["tickvals"], xaxis["ticktext"]))
    else:
        years = "dtick" in xaxis  # the timeline: years read without a thousands comma
        ticks = [(t, f"{t:g}" if years else _tick_label(t)) for t in x.ticks()]
    for tick, label in ticks:
        if x.start - 1 <= x(tick) <= x.end + 1:
            pic.lines.append((x(tick), TOP, x(tick), plot_bottom, "#e5e7eb", 1))
            pic.texts.append((x(tick), plot_bottom + 16, label, "middle", "chart-svg-tick"))
    title = xaxis.get("title", {}).get("text", "")
    pic.texts.append(((x.start + x.end) / 2, plot_bottom + 36, title, "middle", "chart-svg-axis"))
    for trace in traces:
        colour = _colour(trace)
        if trace.get("showlegend", True) and trace.get("name"):
            pic.legend.append((colour, trace["name"]))
        texts = trace.get("text") or [""] * len(trace.get("x", []))
        if trace["type"] == "bar":
            for value, category, label in zip(trace["x"], trace["y"], texts):
                y = y_of[category]
                left = x(x.low if not log else 10**x.low)
                right = x(value) if value > 0 else left
                pic.rects.append(
                    (left, y - row * 0.32, max(right - left, 1), row * 0.64, colour, f"{category}: {label}")
                )
                pic.texts.append((right + 4, y + 4, label, "start", "chart-svg-value"))
            continue
        points = [(x(px), y_of[py] if categorical else y_axis(py)) for px, py in zip(trace["x"], trace["y"])]
        mode = trace.get("mode", "markers")
        if "lines" in mode and layout.get("annotations"):
            continue  # graph edges are drawn once, as arrows
        if "lines" in mode:
            for (x1, y1), (x2, y2) in zip(points, points[1:]):
                pic.lines.append((x1, y1, x2, y2, colour, 2))
        size = (trace.get("marker") or {}).get("size", 11)
        names = trace.get("customdata") or texts
        if "markers" in mode:
            for (px, py), label, name in zip(points, texts, names):
                pic.dots.append((px, py, colour, f"{label} {name}" if name != label else label, size / 2))
        if "text" in mode:  # a label inside a big marker, else above a small one
            inside = size >= 20
            for (px, py), label in zip(points, texts):
                pic.texts.append(
                    (
                        px,
                        py + 4 if inside else py - 10,
                        label,
                        "middle",
                        "chart-svg-node" if inside else "chart-svg-label",
                    )
                )
    for note in layout.get("annotations", []):  # arrows of the relations graph, stopping at the node's edge
        x1, y1, x2, y2 = x(note["ax"]), y_axis(note["ay"]), x(note["x"]), y_axis(note["y"])
        length = math.hypot(x2 - x1, y2 - y1) or 1
        pic.arrows.append((x1, y1, round(x2 - (x2 - x1) * 14 / length, 1), round(y2 - (y2 - y1) * 14 / length, 1)))
    return pic
