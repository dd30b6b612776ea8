"""The search engine (docs/assets/javascripts/search-engine.js) in Chromium, on indexes the Python
builder makes (macros/search/index.py): the examples of tests/search_examples.json, which the
builder's tests read too, and every verbatim substring of a page's text found.

The engine runs alone on a blank page (no site, no search box): its functions take the index
files from the test. The box around it is tested on the real site in test_search.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.search.index import SearchPage, build_search_index, normalise
from macros.search.page_text import Line

ROOT = Path(__file__).resolve().parents[2]
ENGINE = ROOT / "docs" / "assets" / "javascripts" / "search-engine.js"
EXAMPLES = json.loads((ROOT / "tests" / "search_examples.json").read_text(encoding="utf-8"))

# The engine's search over files handed in: path -> parsed JSON, as the browser would fetch them.
SEARCH = """async ([files, query]) => {
    const engine = window.siteSearchEngine;
    const load = async (path) => {
        if (!(path in files)) throw new Error(`no ${path}`);
        return files[path];
    };
    const urls = [];
    const index = engine.indexOf(files["search/meta.json"]);
    await engine.search(index, query, load, { count: 1000, onResult: (result) => urls.push(result.url) });
    return urls;
}"""


@pytest.fixture(scope="module")
def engine(browser):
    """A blank page with the engine loaded, shared by this module's tests (the engine keeps no state)."""
    context = browser.new_context(locale="ja-JP")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_content('<!doctype html><html lang="ja"><meta charset="utf-8"><title>engine</title></html>')
    page.add_script_tag(path=str(ENGINE))
    yield page
    context.close()
    assert not errors, errors


def _files(pages: list[SearchPage]) -> dict[str, object]:
    return {f"search/{path}": json.loads(content) for path, content in build_search_index(pages).items()}


def _example_pages() -> list[SearchPage]:
    return [
        SearchPage(p["url"], p["title"], p["section"], p["names"], [Line(*line) for line in p["lines"]])
        for p in EXAMPLES["pages"]
    ]


def test_normalise_bigrams_and_shards_give_what_the_builder_gives(engine):
    got = engine.evaluate(
        """(examples) => {
            const e = window.siteSearchEngine;
            return {
                normalise: examples.normalise.map(([text]) => [text, e.normalise(text)]),
                bigrams: examples.bigrams.map(([text]) => [text, e.bigramsOf(e.normalise(text))]),
                shards: examples.shards.map(([gram, shards]) => [gram, shards, e.shardOf(gram, shards)]),
            };
        }""",
        EXAMPLES,
    )
    assert got == {key: EXAMPLES[key] for key in ("normalise", "bigrams", "shards")}


@pytest.mark.parametrize("example", EXAMPLES["queries"], ids=[q["query"] for q in EXAMPLES["queries"]])
def test_example_queries_find_the_pages_in_order(engine, example):
    assert engine.evaluate(SEARCH, [_files(_example_pages()), example["query"]]) == example["results"], example["why"]


def test_an_index_of_another_version_is_refused(engine):
    files = _files(_example_pages())
    files["search/meta.json"]["version"] += 1
    with pytest.raises(Exception, match="version"):
        engine.evaluate(SEARCH, [files, "産学官"])


japanese = st.text(
    alphabet=st.sampled_from(list("産学官連携北九州海道の共同受注仕組みＴＡＭＡ協会21ロダン　 ")), max_size=40
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pages=st.lists(st.lists(japanese, min_size=1, max_size=5), min_size=1, max_size=6), data=st.data())
def test_every_verbatim_substring_of_two_or_more_characters_is_found(engine, pages, data):
    """Whatever a page says, any two or more characters of it in a row find that page, and only
    pages that hold them (the builder's index read by the engine, names apart)."""
    search_pages = [
        SearchPage(f"p{i}/", f"P{i}", "節", [], [Line("a", "見出し", t) for t in texts])
        for i, texts in enumerate(pages)
    ]
    number = data.draw(st.integers(0, len(pages) - 1))
    text = normalise(data.draw(st.sampled_from(pages[number])))
    if len(text) < 2:
        return
    start = data.draw(st.integers(0, len(text) - 2))
    query = text[start : data.draw(st.integers(start + 2, len(text)))]
    found = engine.evaluate(SEARCH, [_files(search_pages), query])
    holding = {p.url for p in search_pages if any(query in normalise(line.text) for line in p.lines)}
    assert f"p{number}/" in found
    assert set(found) == holding
