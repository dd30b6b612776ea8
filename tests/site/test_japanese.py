"""Japanese wherever a reader looks: no English footer, no data codes in place of their labels (issue 17)."""

from __future__ import annotations

import re

from macros.data import vocab

# Codes of the vocabularies that read as words (compared_with, base_group): a page shows their labels.
CODES = {
    key
    for table in vars(vocab).values()
    if isinstance(table, dict)
    for key in table
    if isinstance(key, str) and re.fullmatch(r"[a-z]+(_[a-z]+)+", key)
}


def _visible_text(html: str) -> str:
    """The page's text without scripts, without <code> (the data dictionary shows codes there, with labels)
    and without <del> (the changelog quotes the data as it was, codes and all)."""
    for element in ("script", "code", "style", "del"):
        html = re.sub(rf"<{element}\b.*?</{element}>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def test_no_page_shows_a_vocabulary_code_instead_of_its_label(built_site):
    assert "compared_with" in CODES and len(CODES) > 10
    found = {}
    for page in built_site.rglob("*.html"):
        text = _visible_text(page.read_text(encoding="utf-8"))
        # A download's file name (legal_forms.csv) is a name, not a code.
        codes = sorted(c for c in CODES if re.search(rf"(?<![\w-]){c}(?![\w-]|\.csv)", text))
        if codes:
            found[page.relative_to(built_site).as_posix()] = codes
    assert not found, found


def test_the_footer_is_japanese(built_site):
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "Made with" not in html, page
        footer = html[html.index('<div class="md-copyright">') :]
        assert "CC BY 4.0" in footer[:600] and "作っています" in footer[:600], page
