"""Hook: each page's own description (for <meta name="description">, og: and Twitter cards in
overrides/main.html), and a notice when the build does not know the site's address.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # MkDocs loads hooks by path, not as a package

from macros.site.build import dataset_for_build
from macros.site.page_meta import SITE_URL_MISSING, page_description

log = logging.getLogger("mkdocs.hooks.page_meta")


def on_config(config):
    if not config.site_url:
        log.info(SITE_URL_MISSING)  # info, not a warning: a local or test build without it is fine
    return config


def on_page_markdown(markdown, page, config, files):
    description = page_description(dataset_for_build(), page.meta)
    if description:
        page.meta["description"] = description
    return markdown
