"""Render data into HTML with the Jinja templates in overrides/partials/data/.

The environment autoescapes everything, so text from the data can never become
markup, and its output is never fed back into a template: Jinja syntax inside
the data is shown as text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from ..data import vocab
from . import citation, facts, formatting
from .data_table import DataTable, number_text
from .map_svg import case_number

TEMPLATE_DIR = Path(__file__).resolve().parents[2] / "overrides" / "partials" / "data"
# Compiled templates kept between processes (about a second of every build went to compiling them):
# Jinja keys each by the template's name and a checksum of its source, so an edited template compiles
# again; the folder is safe to delete and ignored by git (.cache/).
BYTECODE_DIR = Path(__file__).resolve().parents[2] / ".cache" / "jinja"


_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_json(value) -> Markup:
    """JSON to place inside <script>: no character of it can end the script element."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escape in _SCRIPT_ESCAPES.items():
        text = text.replace(char, escape)
    return Markup(text)


def base_for(page_url: str) -> str:
    """The relative prefix from a page to the site root ("cases/x/" -> "../../")."""
    depth = len([part for part in page_url.split("/") if part])
    if page_url and not page_url.endswith("/"):
        depth -= 1  # a file URL such as 404.html
    return "../" * max(depth, 0)


def _bytecode_cache() -> FileSystemBytecodeCache | None:
    try:
        BYTECODE_DIR.mkdir(parents=True, exist_ok=True)
    except OSError:  # a read-only checkout builds as before, compiling each template once per process
        return None
    return FileSystemBytecodeCache(str(BYTECODE_DIR))


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATE_DIR),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        bytecode_cache=_bytecode_cache(),
    )
    env.filters.update(formatting.FILTERS, script_json=script_json)
    env.globals.update(
        vocab=vocab,
        facts=facts,
        citation_site=citation.SITE_TITLE,
        from_report=citation.from_report,
        citation_text=citation.citation_text,
        short_citation_text=citation.short_citation_text,
        case_label_text=citation.case_label,
        case_number=case_number,
        number_text=number_text,
        other_source=citation.OTHER_SOURCE,
        # Where a page holds a part more than once (the 全事例集 holds every case), the part is rendered with
        # a prefix for every id, id reference, same-page link and CSV name, and its headings that many levels lower.
        id_prefix="",
        heading_offset=0,
    )
    return env


@dataclass(frozen=True)
class Rendered:
    """A rendered part of a page and the tables of data it shows (each is published as a CSV beside the page)."""

    html: str
    tables: tuple[DataTable, ...] = ()


def render(template: str, **context) -> str:
    html = environment().get_template(template).render(**context)
    # Python-Markdown ends a raw HTML block at a blank line; keep blocks whole.
    return "\n".join(line for line in html.splitlines() if line.strip())
