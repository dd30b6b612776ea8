"""plotly.js, in the browser, shows a label from the data as text: no link, no bold, no colour.

A control plot of the same figure without escaping shows what plotly does with such a label
(a link and a style), so the test can see the danger it guards against.
"""

from __future__ import annotations

from pathlib import Path

from macros.views.plots import bar_figure, for_plotly

PLOTLY = Path(__file__).resolve().parents[2] / "docs" / "assets" / "vendor" / "plotly-basic.min.js"
LABEL = '<a href="https://example.com/x">リンク</a><b>太字</b><span style="color:red">赤</span>'


def test_plotly_draws_an_escaped_label_as_the_text_written(browser):
    figure = bar_figure([LABEL], [3], [LABEL], x_title=LABEL, groups=[LABEL])
    context = browser.new_context()
    try:
        page = context.new_page()
        box = 'style="width:700px;height:300px"'
        page.set_content(f'<div id="raw" {box}></div><div id="safe" {box}></div>')
        page.add_script_tag(path=str(PLOTLY))
        page.evaluate(
            """([raw, safe]) => Promise.all([
                Plotly.newPlot('raw', raw.data, raw.layout, {displayModeBar: false}),
                Plotly.newPlot('safe', safe.data, safe.layout, {displayModeBar: false}),
            ])""",
            [figure, for_plotly(figure)],
        )
        # without escaping, plotly turns the label into a link (SVG <a xlink:href>) and a colour
        assert page.locator("#raw svg a").count() > 0
        assert page.locator("#raw [style*='red']").count() > 0
        # escaped: no link, no bold, no colour; the characters as written, in the axis, bar text and legend
        assert page.locator("#safe svg a").count() == 0
        assert page.locator("#safe [style*='red']").count() == 0
        assert page.locator("#safe tspan[style*='bold']").count() == 0
        assert page.locator("#safe").text_content().count(LABEL) >= 3
    finally:
        context.close()
