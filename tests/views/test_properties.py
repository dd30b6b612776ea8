"""Property-based: any Unicode text in the data renders as text, never as markup."""

from __future__ import annotations

import dataclasses
import html
import re
from html.parser import HTMLParser

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.data import characters
from macros.data.load import load_dataset
from macros.data.models import Case
from macros.site.pages import CASE_SECTIONS, theme_safe_title
from macros.views import parts as views
from tests.conftest import FIXTURES

BASE = load_dataset(FIXTURES / "minimal")
HIT = yaml.safe_load((FIXTURES / "minimal" / "cases" / "hit.yaml").read_text(encoding="utf-8"))
TEMPLATE_TAGS = {
    "h1",
    "h3",
    "p",
    "div",
    "details",  # 「この数値を引用」
    "summary",
    "button",
    "code",  # the file names of the case JSON and its schema
    "strong",
    "table",
    "caption",
    "tbody",
    "thead",
    "tr",
    "th",
    "td",
    "span",
    "a",
    "br",
    "ul",
    "ol",
    "li",
    "section",
    "dl",
    "dt",
    "dd",
}

# Any text the schema accepts (control, direction-changing and invisible characters are refused: characters.py).
texts = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=80).filter(
    lambda t: t.strip() and not characters.SINGLE_LINE.search(t)
)


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.attrs, self.text = set(), [], []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs += [name for name, _ in attrs]

    def handle_data(self, data):
        self.text.append(data)


def _case_with(text: str) -> Case:
    data = dict(HIT, summary=text, name=dict(HIT["name"], ja=text, short=text))
    data["lessons"] = [dict(HIT["lessons"][0], text=text)]
    data["figures"] = [dict(HIT["figures"][0], label=text)]
    return Case.model_validate(data)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_any_text_renders_as_text(text):
    case = _case_with(text)
    dataset = dataclasses.replace(BASE, cases=[case if c.id == "hit" else c for c in BASE.cases])
    parts = ["header"] + [part for _, _, part, present in CASE_SECTIONS if present is None or present(case)]
    for part in parts:
        rendered = views.case_part(dataset, "hit", part, "cases/hit/")
        out = rendered.html
        parsed = _Collect()
        parsed.feed(out)
        assert parsed.tags <= TEMPLATE_TAGS, (part, parsed.tags - TEMPLATE_TAGS)
        assert not [a for a in parsed.attrs if a.startswith("on")], part
        shown = "".join(parsed.text)
        expected = {
            "header": [case.name.ja, case.summary],
            "infobox": [case.name.ja],
            "figures": [case.figures[0].label],
            "lessons": [case.lessons[0].text],
        }.get(part, [])
        for value in expected:  # the exact text, whatever characters it holds
            assert value in shown, (part, value)
        if part == "figures":  # and the table's CSV holds it as the table shows it, on one line
            assert rendered.tables[0].values()[0][0] == re.sub(r"\s+", " ", case.figures[0].label).strip()


@given(texts)
def test_safe_titles_have_no_markup_characters(text):
    safe = theme_safe_title(text)
    assert not set(safe) & set("<>&\"'{}")
    assert html.escape(safe) == safe.replace("&", "&amp;")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_any_text_round_trips_through_the_exports(text):
    import csv
    import io
    import json

    from macros.data.models import Case as CaseModel
    from macros.export.cells import neutralise
    from macros.export.downloads import render_downloads

    case = _case_with(text)
    dataset = dataclasses.replace(BASE, cases=[case if c.id == "hit" else c for c in BASE.cases])
    files = render_downloads(dataset).files
    exported = json.loads(files["sme-networks.json"])
    hit = next(c for c in exported["cases"] if c["id"] == "hit")
    assert CaseModel.model_validate(hit) == case  # the JSON holds the case unchanged
    rows = list(csv.DictReader(io.StringIO(files["cases.csv"].decode("utf-8-sig"))))
    row = next(r for r in rows if r["case_id"] == "hit")
    assert row["name_ja"] == neutralise(case.name.ja)  # the CSV too, formula starts neutralised
