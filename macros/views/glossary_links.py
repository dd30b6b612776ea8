"""Mark glossary terms in a page's HTML so that they show their definition.

The first occurrence of each term (or alias) in running text becomes a link to
the glossary entry whose title attribute carries the definition; Material's
content.tooltips shows it on hover and keyboard focus. What is not content
(views/content.py: charts, buttons, citation boxes, ...) is left alone, and so is text
inside links, headings, code, captions and tables (a table is scanned, not read).
"""

from __future__ import annotations

import re

from .content import not_content_spans
from .render import render

# Where a link does not belong in text that is content: inside another link or an
# abbreviation, code, form controls, headings, tables, captions, definition terms, summaries.
NO_LINK_TAGS = {
    "a", "abbr", "code", "pre", "textarea", "select", "label", "table", "caption", "th", "dt", "summary",
    "h2", "h3", "h4", "h5", "h6",
}  # fmt: skip


def term_surfaces(terms) -> list[tuple[str, object]]:
    """(text to find, term) pairs, longest first so 幹事会社方式 wins over 幹事会社."""
    terms = [t for t in terms if t.autolink]
    pairs = [(t.term, t) for t in terms] + [(alias, t) for t in terms for alias in t.aliases]
    return sorted(pairs, key=lambda pair: -len(pair[0]))


# The opening and closing tags of NO_LINK_TAGS: besides what is not content, the only tokens
# that change whether text is linked. Everything between them is searched for terms at C speed.
# Lower case only (Markdown and our templates write tags so; IGNORECASE is 3x slower).
_BOUNDARIES = re.compile(r"(</?(?:" + "|".join(sorted(NO_LINK_TAGS, key=len, reverse=True)) + r")(?=[\s/>])[^>]*>)")


class Glossary:
    """The glossary's terms as one compiled pattern: made once per build, used on every page."""

    def __init__(self, terms) -> None:
        surfaces = term_surfaces(terms)
        self.pattern = re.compile("|".join(re.escape(text) for text, _ in surfaces)) if surfaces else None
        self.by_text = dict(surfaces)

    def link(self, html: str, glossary_url: str) -> str:
        """Link the first occurrence of each term in running text (tags pass through untouched).

        The page content comes from our own Markdown and templates, so a light
        tokenizer is enough: what is not content is passed through whole, the rest
        stops only at the tags in NO_LINK_TAGS, and a match that falls inside any
        other tag is passed over.
        """
        if self.pattern is None:
            return html
        used: set[str] = set()
        out, skip_depth, position = [], 0, 0
        for start, end in [*not_content_spans(html), (len(html), len(html))]:
            for index, token in enumerate(_BOUNDARIES.split(html[position:start])):
                if index % 2:  # a boundary
                    if not token.endswith("/>"):
                        skip_depth = max(0, skip_depth + (-1 if token[1] == "/" else 1))
                    out.append(token)
                elif skip_depth or not token:
                    out.append(token)
                else:
                    out.append(_link_text(token, self.pattern, self.by_text, used, glossary_url))
            out.append(html[start:end])
            position = end
        return "".join(out)


def link_terms(html: str, terms, glossary_url: str) -> str:
    """Glossary(terms).link(html, glossary_url), for one page."""
    return Glossary(terms).link(html, glossary_url)


def _link_text(chunk: str, pattern: re.Pattern, by_text: dict, used: set, glossary_url: str) -> str:
    out, last = [], 0
    for match in pattern.finditer(chunk):
        term = by_text[match.group(0)]
        if term.id in used or chunk.rfind("<", 0, match.start()) > chunk.rfind(">", 0, match.start()):
            continue  # linked already, or inside a tag's attributes
        used.add(term.id)
        out += [
            chunk[last : match.start()],
            render("glossary-term.html", term=term, text=match.group(0), url=glossary_url),
        ]
        last = match.end()
    out.append(chunk[last:])
    return "".join(out)
