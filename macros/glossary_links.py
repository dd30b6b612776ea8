"""Mark glossary terms in a page's HTML so that they show their definition.

The first occurrence of each term (or alias) in running text becomes a link to
the glossary entry whose title attribute carries the definition; Material's
content.tooltips shows it on hover and keyboard focus. Text inside links,
headings, code, captions and tables is left alone (a table is scanned, not read).
"""

from __future__ import annotations

import re

from .render import render

SKIP_TAGS = {"a", "abbr", "code", "pre", "script", "style", "textarea", "button", "svg", "table", "select",
             "h1", "h2", "h3", "h4", "h5", "h6", "caption", "th", "dt", "label", "title", "summary"}


def term_surfaces(terms) -> list[tuple[str, object]]:
    """(text to find, term) pairs, longest first so 幹事会社方式 wins over 幹事会社."""
    terms = [t for t in terms if t.autolink]
    pairs = [(t.term, t) for t in terms] + [(alias, t) for t in terms for alias in t.aliases]
    return sorted(pairs, key=lambda pair: -len(pair[0]))


_TOKENS = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
_TAG = re.compile(r"^<(/?)([a-zA-Z][a-zA-Z0-9]*)")


def link_terms(html: str, terms, glossary_url: str) -> str:
    """Link the first occurrence of each term in running text (tags pass through untouched).

    The page content comes from our own Markdown and templates, so a light
    tokenizer (tags, comments, text) is enough and is much faster than a full
    HTML parser on pages with large tables.
    """
    surfaces = term_surfaces(terms)
    if not surfaces:
        return html
    by_text = dict(surfaces)
    pattern = re.compile("|".join(re.escape(text) for text, _ in surfaces))
    used: set[str] = set()

    def link(match: re.Match) -> str:
        term = by_text[match.group(0)]
        if term.id in used:
            return match.group(0)
        used.add(term.id)
        return render("glossary-term.html", term=term, text=match.group(0), url=glossary_url)

    out, skip_depth = [], 0
    for token in _TOKENS.split(html):
        if not token:
            continue
        if token.startswith("<"):
            tag = _TAG.match(token)
            if tag and tag.group(2).lower() in SKIP_TAGS and not token.endswith("/>"):
                skip_depth = max(0, skip_depth + (-1 if tag.group(1) else 1))
            out.append(token)
        else:
            out.append(token if skip_depth else pattern.sub(link, token))
    return "".join(out)
