"""Render data into HTML with the Jinja templates in overrides/partials/data/.

The environment autoescapes everything, so text from the data can never become
markup, and its output is never fed back into a template: Jinja syntax inside
the data is shown as text.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from . import facts, formatting, vocab

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "overrides" / "partials" / "data"


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
    env.filters.update(formatting.FILTERS)
    env.globals.update(vocab=vocab, facts=facts)
    return env


def render(template: str, **context) -> str:
    html = environment().get_template(template).render(**context)
    # Python-Markdown ends a raw HTML block at a blank line; keep blocks whole.
    return "\n".join(line for line in html.splitlines() if line.strip())
