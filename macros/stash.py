"""Keep rendered HTML out of Python-Markdown's way.

A macro's HTML would otherwise be re-parsed by Markdown's raw-HTML block
parser, which is slow on big tables and adds nothing. The macro leaves an
HTML comment in the Markdown; after conversion the comment is swapped for the
HTML. The parts ride on the page's own meta dict, which mkdocs-macros and the
hooks share.

A part can also be deferred: its HTML is made only when the page is built
(fill_deferred, called by the hooks just before the page is indexed and
drawn). The download page does so: its file sizes come from the downloads
rendered on the second core, which by then are long done.
"""

from __future__ import annotations

import re
from collections.abc import Callable

KEY = "_rendered_parts"
DEFERRED_KEY = "_deferred_parts"
_MARK = re.compile(r"<!--rendered-part:(\d+)-->")
_DEFERRED_MARK = re.compile(r"<!--deferred-part:(\d+)-->")


def _marked(meta: dict, key: str, kind: str, part) -> str:
    """Keep part in meta[key]; return the marker that stands for it in the Markdown."""
    parts = meta.setdefault(key, [])
    parts.append(part)
    return f"\n<!--{kind}:{len(parts) - 1}-->\n"


def stash(meta: dict, html: str) -> str:
    return _marked(meta, KEY, "rendered-part", html)


def unstash(meta: dict, html: str) -> str:
    parts = meta.get(KEY)
    if not parts:
        return html
    return _MARK.sub(lambda m: parts[int(m.group(1))], _unwrapped(html, "rendered-part"))


def _unwrapped(html: str, kind: str) -> str:
    # A marker Markdown wrapped in a paragraph loses the paragraph with it.
    return re.sub(rf"<p>\s*(<!--{kind}:\d+-->)\s*</p>", r"\1", html)


def defer(meta: dict, render: Callable[[], str]) -> str:
    """A marker for HTML that render() makes when the page is built."""
    return _marked(meta, DEFERRED_KEY, "deferred-part", render)


def has_deferred(meta: dict) -> bool:
    return bool(meta.get(DEFERRED_KEY))


def fill_deferred(meta: dict, html: str) -> str:
    parts = meta.pop(DEFERRED_KEY, None)
    if not parts:
        return html
    return _DEFERRED_MARK.sub(lambda m: parts[int(m.group(1))](), _unwrapped(html, "deferred-part"))
