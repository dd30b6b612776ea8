"""Keep rendered HTML out of Python-Markdown's way.

A macro's HTML would otherwise be re-parsed by Markdown's raw-HTML block
parser, which is slow on big tables and adds nothing. The macro leaves an
HTML comment in the Markdown; after conversion the comment is swapped for the
HTML. The parts ride on the page's own meta dict, which mkdocs-macros and the
hooks share.
"""

from __future__ import annotations

import re

KEY = "_rendered_parts"
_MARK = re.compile(r"<!--rendered-part:(\d+)-->")


def stash(meta: dict, html: str) -> str:
    parts = meta.setdefault(KEY, [])
    parts.append(html)
    return f"\n<!--rendered-part:{len(parts) - 1}-->\n"


def unstash(meta: dict, html: str) -> str:
    parts = meta.get(KEY)
    if not parts:
        return html
    # A marker Markdown wrapped in a paragraph loses the paragraph with it.
    html = re.sub(r"<p>\s*(<!--rendered-part:\d+-->)\s*</p>", r"\1", html)
    return _MARK.sub(lambda m: parts[int(m.group(1))], html)
