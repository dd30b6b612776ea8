"""Mark glossary terms in a page's HTML so that they show their definition.

The first occurrence of each term (or alias) in running text becomes a link to
the glossary entry whose title attribute carries the definition; Material's
content.tooltips shows it on hover and keyboard focus. Text inside links,
headings, code, captions and tables is left alone (a table is scanned, not read).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from .render import render

SKIP_TAGS = {"a", "abbr", "code", "pre", "script", "style", "textarea", "button", "svg", "table", "select",
             "h1", "h2", "h3", "h4", "h5", "h6", "caption", "th", "dt", "label", "title"}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def term_surfaces(terms) -> list[tuple[str, object]]:
    """(text to find, term) pairs, longest first so 幹事会社方式 wins over 幹事会社."""
    terms = [t for t in terms if t.autolink]
    pairs = [(t.term, t) for t in terms] + [(alias, t) for t in terms for alias in t.aliases]
    return sorted(pairs, key=lambda pair: -len(pair[0]))


class _Linker(HTMLParser):
    def __init__(self, surfaces, glossary_url: str):
        super().__init__(convert_charrefs=False)
        self.surfaces = dict(surfaces)
        self.pattern = re.compile("|".join(re.escape(s) for s, _ in surfaces)) if surfaces else None
        self.glossary_url = glossary_url
        self.out: list[str] = []
        self.skip_depth = 0
        self.used: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.out.append(self.get_starttag_text())
        if tag in SKIP_TAGS and tag not in VOID_TAGS:
            self.skip_depth += 1

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        self.out.append(f"</{tag}>")
        if tag in SKIP_TAGS and self.skip_depth:
            self.skip_depth -= 1

    def handle_data(self, data):
        if self.skip_depth or self.pattern is None:
            self.out.append(data)
            return
        self.out.append(self.pattern.sub(self._link, data))

    def _link(self, match: re.Match) -> str:
        term = self.surfaces[match.group(0)]
        if term.id in self.used:
            return match.group(0)
        self.used.add(term.id)
        return render("glossary-term.html", term=term, text=match.group(0), url=self.glossary_url)

    def handle_entityref(self, name):
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data):
        self.out.append(f"<![{data}]>")


def link_terms(html: str, terms, glossary_url: str) -> str:
    linker = _Linker(term_surfaces(terms), glossary_url)
    linker.feed(html)
    linker.close()
    return "".join(linker.out)
