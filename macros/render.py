"""Render data into HTML with the Jinja templates in overrides/partials/data/.

The environment autoescapes everything, so text from the data can never become
markup, and its output is never fed back into a template: Jinja syntax inside
the data is shown as text.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from . import facts, formatting, vocab

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "overrides" / "partials" / "data"


_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_json(value) -> Markup:
    """JSON to place inside <script>: no character of it can end the script element."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escape in _SCRIPT_ESCAPES.items():
        text = text.replace(char, escape)
    return Markup(text)


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATE_DIR),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters.update(formatting.FILTERS, script_json=script_json)
    env.globals.update(vocab=vocab, facts=facts)
    return env


def stop_checking_for_edits() -> None:
    """For a one-off build: use each template as first loaded, without checking its file
    for edits on every use (a tenth of rendering a page's parts). `mkdocs serve` keeps
    checking, so an edited template shows on the next rebuild."""
    environment().auto_reload = False


def render(template: str, **context) -> str:
    html = environment().get_template(template).render(**context)
    # Python-Markdown ends a raw HTML block at a blank line; keep blocks whole.
    return "\n".join(line for line in html.splitlines() if line.strip())
