"""The search index files (macros/search/index.py): every bigram of every line, with its weight,
under the chunk that holds the line, and nothing else.

What a query finds in these files is the browser engine's work (search-engine.js): it is tested
in Chromium on indexes this builder makes (tests/browser/test_search_engine.py). Both sides hold
to the examples in tests/search_examples.json: normalising, bigrams and shards here, and there
the same, plus the example queries on the example pages.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from macros.search.index import (
    MAX_TF,
    SearchPage,
    bigrams,
    build_search_index,
    normalise,
    normalise_all,
    shard_of,
)
from macros.search.page_text import Line

EXAMPLES = json.loads((Path(__file__).resolve().parents[1] / "search_examples.json").read_text(encoding="utf-8"))


def postings(files: dict[str, bytes]) -> dict[str, dict[int, int]]:
    """bigram -> {chunk: weight}, read from the shards as the format says, each in its own shard."""
    meta = json.loads(files["meta.json"])
    found = {}
    for number in range(meta["shards"]):
        for gram, values in json.loads(files[f"s/{number}.json"]).items():
            assert shard_of(gram, meta["shards"]) == number, gram
            chunk, weights = 0, {}
            for delta, weight in zip(values[::2], values[1::2], strict=True):
                chunk += delta
                weights[chunk] = weight
            found[gram] = weights
    return found


def promised(files: dict[str, bytes]) -> dict[str, dict[int, int]]:
    """What the format promises from the chunks' own text, counted plainly: 2 × occurrences (at most
    MAX_TF) of each bigram of each normalised line, + 1 if it is in a heading line."""
    meta = json.loads(files["meta.json"])
    weights: dict[str, dict[int, int]] = defaultdict(dict)
    for chunk in range(sum(meta["chunk_counts"])):
        text = json.loads(files[f"c/{chunk}.json"])
        counts: Counter[str] = Counter()
        in_heading: set[str] = set()
        for section, line in text["lines"]:
            grams = bigrams(normalise(line))
            counts.update(grams)
            if line == text["sections"][section][1]:
                in_heading.update(grams)
        for gram, count in counts.items():
            weights[gram][chunk] = 2 * min(count, MAX_TF) + (gram in in_heading)
    return dict(weights)


def chunk_lines(files: dict[str, bytes]) -> list[list[Line]]:
    """Each page's lines, read back from its chunks."""
    meta = json.loads(files["meta.json"])
    pages, chunk = [], 0
    for count in meta["chunk_counts"]:
        lines = []
        for _ in range(count):
            text = json.loads(files[f"c/{chunk}.json"])
            lines += [Line(*text["sections"][section], line) for section, line in text["lines"]]
            chunk += 1
        pages.append(lines)
    return pages


def _page(url: str, *texts: str, names: tuple[str, ...] = ()) -> SearchPage:
    return SearchPage(url, url.upper(), "節", list(names), [Line("a", "見出し", text) for text in texts])


def _example_pages() -> list[SearchPage]:
    return [
        SearchPage(p["url"], p["title"], p["section"], p["names"], [Line(*line) for line in p["lines"]])
        for p in EXAMPLES["pages"]
    ]


def test_normalise_gives_the_examples():
    for text, normal in EXAMPLES["normalise"]:
        assert normalise(text) == normal, text
    assert normalise_all([text for text, _ in EXAMPLES["normalise"]]) == [normal for _, normal in EXAMPLES["normalise"]]


def test_bigrams_and_shards_give_the_examples():
    for text, grams in EXAMPLES["bigrams"]:
        assert list(dict.fromkeys(bigrams(normalise(text)))) == grams, text
    for gram, shards, shard in EXAMPLES["shards"]:
        assert shard_of(gram, shards) == shard, gram


def test_the_example_pages_are_indexed_as_promised():
    files = build_search_index(_example_pages())
    assert postings(files) == promised(files)
    assert chunk_lines(files) == [page.lines for page in _example_pages()]
    tama = postings(files)["産学"]
    assert len(tama) == 1  # the one chunk of TAMA協会's page that says 産学官連携推進会議


def test_names_and_titles_are_in_the_meta_normalised():
    files = build_search_index([_page("cases/x/", "本文", names=("ＴＡＭＡ協会", "TAMA協会", "たま"))])
    meta = json.loads(files["meta.json"])
    assert meta["pages"] == [["cases/x/", "CASES/X/", "節", ["cases/x/", "tama協会", "たま"]]]


def test_long_pages_are_cut_into_chunks_of_whole_lines():
    lines = [f"{i}行目の文です。" * 20 for i in range(40)]
    files = build_search_index([_page("long/", *lines)])
    assert len([name for name in files if name.startswith("c/")]) >= 4
    assert [line.text for line in chunk_lines(files)[0]] == lines
    assert postings(files) == promised(files)


def test_a_bigram_repeated_past_the_limit_weighs_the_limit_and_a_heading_adds_one():
    page = SearchPage("a/", "A", "節", [], [Line("h", "見出し", "見出し"), Line("h", "見出し", "見出" * 80)])
    weights = postings(build_search_index([page]))
    assert (
        weights["見出"] == {0: 2 * MAX_TF + 1} and weights["出し"] == {0: 2 + 1} and weights["出見"] == {0: 2 * MAX_TF}
    )


def test_the_same_pages_give_the_same_bytes():
    pages = [_page("a/", "共同受注の仕組み"), _page("b/", "お金の流れ")]
    assert build_search_index(pages) == build_search_index(list(pages))


japanese = st.text(
    alphabet=st.sampled_from(list("産学官連携北九州海道の共同受注仕組みＴＡＭＡ協会21ロダン　 （）／：㈱ﾃﾞ\n")),
    max_size=40,
)


@settings(max_examples=60, deadline=None)
@given(pages=st.lists(st.lists(st.tuples(japanese, st.booleans()), min_size=1, max_size=8), min_size=1, max_size=6))
def test_every_bigram_of_every_line_is_under_its_chunk_with_its_weight(pages):
    """The index's promise for any text (headings included): the files say exactly what the lines
    say, counted plainly, whatever way the builder counts them."""
    search_pages = [
        SearchPage(
            f"p{i}/", f"P{i}", "節", [], [Line("a", text if heading else "見出し", text) for text, heading in lines]
        )
        for i, lines in enumerate(pages)
    ]
    files = build_search_index(search_pages)
    assert postings(files) == promised(files)
    assert chunk_lines(files) == [page.lines for page in search_pages]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.text(alphabet=st.sampled_from(list("ＴＡＭＡ協会／（）：　 \n\t㈱ΣΑΣ ﾃﾝﾒｲﾂ ｶﾞ2１ⅢİaB")), max_size=12))
)
def test_normalising_many_texts_at_once_is_normalising_each(texts):
    """normalise_all goes through C code with the texts joined; each text comes out as on its own."""
    assert normalise_all(texts) == ["".join(unicodedata.normalize("NFKC", t).lower().split()) for t in texts]
