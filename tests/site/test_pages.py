"""The generated pages, and the one test of whether a page is one of them."""

from __future__ import annotations

from mkdocs.utils import meta as front_matter

from macros.site.pages import generated_pages, is_generated
from tests.conftest import ROOT


def test_every_generated_page_is_known_by_its_front_matter(dataset):
    pages = generated_pages(dataset)
    assert len(pages) == len(dataset.cases) + len(dataset.themes)
    for page in pages:
        _, meta = front_matter.get_data(page.content)
        assert meta == page.meta  # what MkDocs will read is what the hooks are told
        assert is_generated(meta)


def test_hand_written_pages_are_not_generated():
    for path in (ROOT / "docs").rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        assert not is_generated(front_matter.get_data(text)[1]), path
