"""The data templates' environment: escaping, and Jinja in the data never run."""

from __future__ import annotations

from macros.views import render


def test_data_text_is_escaped_and_never_run_as_jinja():
    html = render.environment().from_string("<p>{{ text }}</p>").render(text="<b>{{ 7 * 7 }}</b>")
    assert html == "<p>&lt;b&gt;{{ 7 * 7 }}&lt;/b&gt;</p>"
