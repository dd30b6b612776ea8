"""A second real build of the site, with its address known (SITE_URL), shared by the site tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import build_site

SITE_URL = "https://example.org/sme/"


def site_pages(site: Path) -> dict[str, str]:
    """URL (relative to the root) -> HTML of every page the site has (404.html aside)."""
    pages = {}
    for path in sorted(site.rglob("index.html")):
        folder = path.parent.relative_to(site).as_posix()
        pages["" if folder == "." else folder + "/"] = path.read_text(encoding="utf-8")
    return pages


@pytest.fixture(scope="session")
def site_with_url(tmp_path_factory) -> tuple[Path, str]:
    """(site folder, build output) of a build with SITE_URL set."""
    site = tmp_path_factory.mktemp("site-url")
    result = build_site(site, extra_env={"SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stdout + result.stderr
    return site, result.stdout + result.stderr


# mkdocs.yml `extra` of a build that knows its GitHub repository (for the macros that make the links)
EXTRA = {"repository": "https://github.com/OWNER/REPO", "branch": "main"}
