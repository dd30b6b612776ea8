"""Keep rendered HTML out of Python-Markdown's way.

The HTML of a macro or of a generated page's part is finished: Markdown must
not read it again (its raw-HTML block parser would re-parse every table, and
text from the data must never be read as Markdown). So the Markdown holds an
HTML comment in its place, and after conversion the comment is swapped for
the HTML. The parts ride on the page's own meta dict, which mkdocs-macros and
the hooks share; so do the tables of data they show, whose CSV files the
table_csv hook writes beside the page.
"""

from __future__ import annotations

import re

KEY = "_rendered_parts"
TABLES_KEY = "_data_tables"
_MARK = re.compile(r"<!--rendered-part:(\d+)-->")
# A marker Markdown wrapped in a paragraph loses the paragraph with it.
_WRAPPED = re.compile(r"<p>\s*(<!--rendered-part:\d+-->)\s*</p>")


def stash(meta: dict, html: str, tables=()) -> str:
    """Keep html (and the tables of data it shows) in meta; return the marker that stands for it in the Markdown."""
    parts = meta.setdefault(KEY, [])
    parts.append(html)
    meta.setdefault(TABLES_KEY, []).extend(tables)
    return f"\n<!--rendered-part:{len(parts) - 1}-->\n"


def page_tables(meta: dict) -> list:
    """The tables of data of the page's parts, in the order the page shows them."""
    return meta.get(TABLES_KEY, [])


def unstash(meta: dict, html: str) -> str:
    """The converted page with every marker swapped back for its HTML."""
    parts = meta.get(KEY)
    if not parts:
        return html
    return _MARK.sub(lambda m: parts[int(m.group(1))], _WRAPPED.sub(r"\1", html))
