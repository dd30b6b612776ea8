"""The data templates' environment: escaping, and checking templates for edits only where it helps."""

from __future__ import annotations

from macros import render


def test_data_text_is_escaped_and_never_run_as_jinja():
    html = render.environment().from_string("<p>{{ text }}</p>").render(text="<b>{{ 7 * 7 }}</b>")
    assert html == "<p>&lt;b&gt;{{ 7 * 7 }}&lt;/b&gt;</p>"


def test_templates_are_checked_for_edits_until_a_build_says_not_to(monkeypatch):
    env = render.environment()
    monkeypatch.setattr(env, "auto_reload", env.auto_reload)  # put back after the test
    assert env.auto_reload  # `mkdocs serve` shows an edited template on the next rebuild
    render.stop_checking_for_edits()
    assert not env.auto_reload
