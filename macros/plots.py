"""Plotly figures for the charts (built with the plotly package, shipped as JSON).

Colours are the Okabe–Ito palette (distinguishable with colour-vision
deficiencies); every bar carries its value as text so colour is never the
only carrier of meaning.
"""

from __future__ import annotations

import json

import plotly.graph_objects as go

PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]
FONT = "Hiragino Kaku Gothic ProN, Hiragino Sans, BIZ UDPGothic, Meiryo, Yu Gothic, Noto Sans CJK JP, sans-serif"


def _layout(height: int, **extra) -> dict:
    return dict(
        font=dict(family=FONT, size=13, color="#1f2937"),
        margin=dict(l=10, r=30, t=10, b=40),
        height=height,
        paper_bgcolor="white",
        plot_bgcolor="white",
        legend=dict(orientation="h", y=-0.15),
        **extra,
    )


def _as_json(fig: go.Figure) -> dict:
    return json.loads(fig.to_json())


def bar_figure(labels, values, texts, x_title, groups=None, log=False, reverse=False) -> dict:
    """Horizontal bars, one trace per group so the legend explains the colours."""
    groups = groups or [""] * len(labels)
    fig = go.Figure()
    for index, group in enumerate(dict.fromkeys(groups)):
        picked = [i for i, g in enumerate(groups) if g == group]
        fig.add_bar(
            orientation="h", name=group or x_title, showlegend=bool(group),
            y=[labels[i] for i in picked], x=[values[i] for i in picked],
            text=[texts[i] for i in picked], textposition="outside", cliponaxis=False,
            hovertemplate="%{y}: %{text}<extra></extra>", marker_color=PALETTE[index % len(PALETTE)],
        )
    fig.update_layout(**_layout(max(260, 34 * len(labels) + 90)))
    fig.update_xaxes(title_text=x_title, type="log" if log else "linear", gridcolor="#e5e7eb", automargin=True)
    fig.update_yaxes(
        automargin=True, categoryorder="array",
        categoryarray=list(dict.fromkeys(labels))[::-1] if reverse else list(dict.fromkeys(labels)),
    )
    return _as_json(fig)


def timeline_figure(events, x_title) -> dict:
    """events: (case label, decimal year, form, hover text), joined per case by a line."""
    fig = go.Figure()
    cases = list(dict.fromkeys(e[0] for e in events))
    forms = list(dict.fromkeys(e[2] for e in events))
    for case in cases:
        points = [e for e in events if e[0] == case]
        fig.add_scatter(x=[p[1] for p in points], y=[case] * len(points), mode="lines",
                        line=dict(color="#9ca3af", width=2), hoverinfo="skip", showlegend=False)
    symbols = ["circle", "square", "diamond", "triangle-up", "star", "cross", "x", "hexagon"]
    for index, form in enumerate(forms):
        points = [e for e in events if e[2] == form]
        fig.add_scatter(
            x=[p[1] for p in points], y=[p[0] for p in points], mode="markers", name=form,
            marker=dict(size=11, symbol=symbols[index % len(symbols)], color=PALETTE[index % len(PALETTE)]),
            text=[p[3] for p in points], hovertemplate="%{text}<extra></extra>",
        )
    fig.update_layout(**_layout(34 * len(cases) + 120))
    fig.update_xaxes(title_text=x_title, gridcolor="#e5e7eb", dtick=2)
    fig.update_yaxes(automargin=True, categoryorder="array", categoryarray=cases[::-1])
    return _as_json(fig)


def graph_figure(nodes, edges, column_titles) -> dict:
    """A node-link diagram: nodes ((x, y), label), edges ((x0, y0), (x1, y1), text)."""
    fig = go.Figure()
    for (x0, y0), (x1, y1), text in edges:
        fig.add_scatter(x=[x0, x1], y=[y0, y1], mode="lines", line=dict(color="#6b7280", width=1.5),
                        hoverinfo="skip", showlegend=False)
        fig.add_annotation(x=x1, y=y1, ax=x0, ay=y0, xref="x", yref="y", axref="x", ayref="y",
                           showarrow=True, arrowhead=3, arrowsize=1.2, arrowcolor="#6b7280", text="")
    fig.add_scatter(
        x=[n[0][0] for n in nodes], y=[n[0][1] for n in nodes], mode="markers+text",
        text=[n[1] for n in nodes], textposition="top center", marker=dict(size=14, color=PALETTE[0]),
        hovertemplate="%{text}<extra></extra>", showlegend=False,
    )
    fig.update_layout(**_layout(560))
    fig.update_xaxes(tickvals=list(range(len(column_titles))), ticktext=column_titles, showgrid=False,
                     zeroline=False, range=[-0.6, len(column_titles) - 0.4])
    fig.update_yaxes(visible=False)
    return _as_json(fig)
