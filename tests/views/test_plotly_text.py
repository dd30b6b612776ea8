"""Every string handed to plotly.js is text: a label from the data never becomes a link or a style.

plotly.js reads <a href>, <b>, <span style> and <br> in labels, hover text, legend entries and
titles, and decodes entities afterwards; for_plotly escapes & < > in every string but its own
hover templates. The build-time SVG and the tables escape as HTML and keep the data's text.
"""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from macros.data.load import load_dataset
from macros.data.models import BreakdownItem
from macros.views import charts, parts
from macros.views.plots import bar_figure, for_plotly, graph_figure, timeline_figure
from tests.conftest import FIXTURES

HOSTILE = '<a href="https://example.com/x">リンク</a><b>太字</b><span style="color:red">赤</span>&amp;<br>'


def _strings(value, key=""):
    """(key, string) of every string in a figure."""
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v, key)


def _hostile_dataset():
    """The minimal data set with every label a chart shows replaced by HOSTILE (and a variant of it)."""
    base = load_dataset(FIXTURES / "minimal")
    cases = []
    for index, case in enumerate(base.cases):
        name = case.name.model_copy(update={"short": f"{HOSTILE}{index}"})
        members = [
            m.model_copy(update={"scope": HOSTILE, "breakdown": [BreakdownItem(label=HOSTILE, value=m.count)]})
            for m in case.members
        ]
        figures = [f.model_copy(update={"label": HOSTILE}) for f in case.figures]
        support = [s.model_copy(update={"provider": HOSTILE}) for s in case.support]
        legal = [lf.model_copy(update={"entity": HOSTILE}) for lf in case.legal_forms]
        cases.append(
            case.model_copy(
                update={"name": name, "members": members, "figures": figures, "support": support, "legal_forms": legal}
            )
        )
    return dataclasses.replace(base, cases=cases)


def test_every_string_of_every_chart_reaches_plotly_escaped():
    dataset = _hostile_dataset()
    built = charts._build_all(dataset)
    assert any(HOSTILE in s for chart in built.values() for _, s in _strings(chart.figure))  # the data is in there
    templates = set()
    for chart in built.values():
        for key, text in _strings(for_plotly(chart.figure)):
            if key == "hovertemplate":
                templates.add(text)
                continue
            assert "<" not in text and ">" not in text, (chart.id, key, text)
    # the only strings left as they are: this module's own templates, which hold no data
    assert templates == {
        "%{y}: %{text}<extra></extra>",
        "%{text}<extra></extra>",
        "%{text} %{customdata[0]}（押すとページを開く）<extra></extra>",
    }


def test_the_page_hands_plotly_the_escaped_figure_and_the_picture_the_text():
    dataset = _hostile_dataset()
    chart = next(c for c in charts._build_all(dataset).values() if c.kind == "size")
    out = parts._chart_html(dataset, chart, "charts/", "")
    assert '<a href="https://example.com' not in out and "<b>" not in out and "<span style" not in out
    # JSON for plotly: escaped once for plotly (&lt;), then made safe inside <script> (\u0026lt;)
    assert '\\u0026lt;a href=\\"https://example.com/x\\"\\u0026gt;' in out
    # SVG and table: escaped once, as HTML, so a reader sees the text as written
    assert "&lt;a href=&#34;https://example.com/x&#34;&gt;リンク&lt;/a&gt;" in out
    assert "&amp;lt;a href" not in out


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=40))
def test_escaping_reverses_exactly_under_plotlys_entity_decoding(text):
    figure = bar_figure([text], [1], [text], x_title=text, groups=[text])
    escaped = for_plotly(figure)
    for (key, before), (_, after) in zip(_strings(figure), _strings(escaped)):
        if key == "hovertemplate":
            assert after == before
            continue
        assert "<" not in after and ">" not in after
        # plotly decodes &amp; &lt; &gt; (and numeric entities) once: the reader sees the text as written
        assert after.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") == before


def test_every_figure_builder_is_covered():
    """Bars, the timeline and the relations graph all carry data strings; each is escaped."""
    figures = [
        bar_figure([HOSTILE], [1], [HOSTILE], x_title=HOSTILE, groups=[HOSTILE]),
        timeline_figure([(HOSTILE, 2000.0, HOSTILE, HOSTILE)], x_title=HOSTILE),
        graph_figure([((0, 0), HOSTILE, HOSTILE, "cases/x/")], [((0, 0), (1, 1), HOSTILE)], [HOSTILE]),
    ]
    for figure in figures:
        strings = [s for k, s in _strings(for_plotly(figure)) if k != "hovertemplate"]
        assert any("&lt;a href" in s for s in strings)
        assert not any("<" in s for s in strings)
