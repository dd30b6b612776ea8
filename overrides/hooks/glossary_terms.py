"""Hook: put the stashed HTML back into each page, then link the glossary terms in it.

The first time a term of the glossary appears in running text it shows its
definition (Material's content.tooltips); the glossary page itself is left as it is.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

from macros.site.build import current
from macros.site.stash import unstash
from macros.views.render import base_for

GLOSSARY_PAGE = "glossary.md"


# Before every other reader of a page's content (the tables' CSVs, the search index): until the stashed
# HTML is back in place, they would read the stash's placeholders instead of the page.
@event_priority(50)
def on_page_content(html, page, config, files):
    html = unstash(page.meta, html)
    if page.file.src_uri == GLOSSARY_PAGE:
        return html
    return current().glossary.link(html, base_for(page.url) + "glossary/")
