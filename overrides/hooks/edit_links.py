"""Hook: the edit links and last-change date at the foot of every page built from data (theme pages and
the pages whose macros read data/; case and column pages have theirs under the title), and where they
point: SITE_REPOSITORY_URL, else the GitHub address of the git remote `origin`, else no links at all.
"""

from __future__ import annotations

import logging

from mkdocs.plugins import event_priority

from macros.history.git import remote_repository
from macros.site import edit_links
from macros.site.build import current
from macros.site.stash import stash

log = logging.getLogger("mkdocs.hooks.edit_links")

NO_REPOSITORY = (
    "リポジトリの場所（SITE_REPOSITORY_URL、git の origin）が分からないため、「このデータを編集」のリンクを省きました。"
)


@event_priority(100)  # before mkdocs-macros reads `extra` for the pages' macros
def on_config(config):
    if edit_links.repository_urls(config.extra) is None:
        config.extra["repository"] = remote_repository() or ""
        if not config.extra["repository"]:
            log.info(NO_REPOSITORY)
    return config


@event_priority(-100)  # after mkdocs-macros has run the page's macros (and so noted their data)
def on_page_markdown(markdown, page, config, files):
    sources = edit_links.page_sources(page.meta)
    if not sources:
        return markdown
    html = edit_links.page_edit(sources, page.url, config.extra, current().commits)
    return markdown + "\n\n" + stash(page.meta, html) if html else markdown
