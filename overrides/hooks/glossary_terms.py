"""Hook: put the stashed HTML back into each page, then link the glossary terms in it.

The first time a term of the glossary appears in running text it shows its
definition (Material's content.tooltips); the glossary page itself is left as it is.
"""

from __future__ import annotations

from macros.site.build import dataset_for_build
from macros.site.stash import unstash
from macros.views.glossary_links import link_terms
from macros.views.render import base_for

GLOSSARY_PAGE = "glossary.md"


def on_page_content(html, page, config, files):
    html = unstash(page.meta, html)
    if page.file.src_uri == GLOSSARY_PAGE:
        return html
    return link_terms(html, dataset_for_build().terms, base_for(page.url) + "glossary/")
