"""Draw each branch of the navigation once per scope of pages, not once per page.

On a page, every branch of the navigation that does not lead to the page
itself (another section, a pruned run of cases) is drawn exactly as on the
page's neighbours: what differs from page to page is only where its links
point *from*. MkDocs writes links relative to the page's folder, so two pages
whose folders are siblings with no page inside them ("cases/a/", "cases/b/")
get the same relative link to every other page. Such pages share one scope
("cases/*/"); any other page is a scope of its own. overrides/partials/
nav-item.html keeps each inactive branch it draws under (branch, scope) and
reuses it; tests/test_nav.py checks every page against Material's partial.
"""

from __future__ import annotations

from collections.abc import Iterable


def link_base(url: str) -> str:
    """The folder a page's relative links start from, as MkDocs' get_relative_url takes it."""
    last = url.rsplit("/", 1)[-1]
    return url[: len(url) - len(last)] if "." in last else url


def scopes(page_urls: Iterable[str]) -> dict[str, str]:
    """page URL -> its scope: pages of one scope see the links to other pages alike."""
    bases = {url: link_base(url) for url in page_urls}
    # Folders with a page inside them: from such a folder a link into it is shorter.
    above_a_page = {url[: i + 1] for url in bases for i, char in enumerate(url[:-1]) if char == "/"}
    result = {}
    for url, base in bases.items():
        if not base.endswith("/") or base in above_a_page:
            result[url] = base
        else:
            parent = base[:-1].rpartition("/")[0]
            result[url] = f"{parent}/*/" if parent else "*/"
    return result


class NavMemo:
    """Inactive branches of the navigation, drawn once per scope (used from nav-item.html)."""

    def __init__(self, page_urls: Iterable[str]):
        self._scopes = scopes(page_urls)
        self._drawn: dict[tuple, str] = {}

    def key(self, path: str, page_url: str, parent_active: bool) -> tuple:
        # parent_active: Material's tabs layout draws a branch differently under an active parent.
        return path, self._scopes.get(page_url, page_url), bool(parent_active)

    def get(self, key: tuple) -> str | None:
        return self._drawn.get(key)

    def keep(self, key: tuple, html: str) -> str:
        self._drawn[key] = html
        return html


def install(env, page_urls: Iterable[str]) -> None:
    """Give the theme's Jinja environment a fresh memo (one per build: `serve` rebuilds start empty)."""
    env.globals["nav_memo"] = NavMemo(page_urls)
