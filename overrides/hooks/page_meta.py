"""Hook: each page's own description (for <meta name="description">, og: and Twitter cards in
overrides/partials/page-meta.html), a case page's JSON-LD, and a notice when the build does not
know the site's address.
"""

from __future__ import annotations

import logging

from markupsafe import escape

from macros.export.linked_data import case_json_ld
from macros.site.build import current
from macros.site.page_meta import SITE_URL_MISSING, case_source, page_description
from macros.site.pages import CASE_KEY
from macros.views.render import script_json

log = logging.getLogger("mkdocs.hooks.page_meta")


def on_config(config):
    if not config.site_url:
        log.info(SITE_URL_MISSING)  # info, not a warning: a local or test build without it is fine
    return config


def on_page_markdown(markdown, page, config, files):
    dataset = current().dataset
    description = page_description(dataset, page.meta)
    if description:
        page.meta["description"] = description
    case = dataset.case_by_id.get(page.meta.get(CASE_KEY))
    if case is not None:  # printed by overrides/partials/page-meta.html and page-cite.html
        page.meta["json_ld"] = script_json(case_json_ld(dataset, case, page.url, config.site_url or ""))
        page.meta["cite_title"] = escape(case.name.ja)
        page.meta["cite_source"] = escape(case_source(dataset, case))
    return markdown
