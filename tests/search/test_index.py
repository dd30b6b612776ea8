"""The search index files (macros/search/index.py): whatever a page says verbatim is found.

The browser reads these files with docs/assets/javascripts/search.js; `lookup` below does what
it does (bigrams of the query -> shards -> chunks -> the phrase checked in the chunk's text), so
a property that holds here holds there as long as the two agree on normalise() and shard_of()
(tests/browser/test_search.py checks them end to end).
"""

from __future__ import annotations

import json
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from macros.search.index import SearchPage, bigrams, build_search_index, normalise, normalise_all, shard_of
from macros.search.page_text import Line


def lookup(files: dict[str, bytes], query: str) -> set[str]:
    """URLs of the pages whose text holds the query, found as the browser finds them."""
    meta = json.loads(files["meta.json"])
    phrase = normalise(query)
    chunks: set[int] | None = None
    for gram in set(bigrams(phrase)):
        shard = json.loads(files[f"s/{shard_of(gram, meta['shards'])}.json"])
        values, found, chunk = shard.get(gram, []), set(), 0
        for delta in values[::2]:
            chunk += delta
            found.add(chunk)
        chunks = found if chunks is None else chunks & found
    page_of = [page for page, count in enumerate(meta["chunk_counts"]) for _ in range(count)]
    pages = set()
    for chunk in chunks or ():
        text = json.loads(files[f"c/{chunk}.json"])
        if any(phrase in normalise(line) for _, line in text["lines"]):
            pages.add(meta["pages"][page_of[chunk]][0])
    return pages


def _page(url: str, *texts: str, names: tuple[str, ...] = ()) -> SearchPage:
    return SearchPage(url, url.upper(), "節", list(names), [Line("a", "見出し", text) for text in texts])


def test_normalise_folds_width_case_and_spaces():
    assert normalise("ＴＡＭＡ　協会") == normalise("tama 協会") == "tama協会"
    assert normalise("ロダン２１") == "ロダン21"


def test_a_word_inside_a_compound_is_found_and_one_shared_character_is_not():
    files = build_search_index(
        [_page("a/", "産学官連携推進会議を設けた。"), _page("b/", "北海道の事例。"), _page("c/", "北九州市への示唆。")]
    )
    assert lookup(files, "産学官") == {"a/"}
    assert lookup(files, "北九州") == {"c/"}
    assert lookup(files, "ＴＡＭＡ") == set()


def test_names_and_titles_are_in_the_meta_normalised():
    files = build_search_index([_page("cases/x/", "本文", names=("ＴＡＭＡ協会", "TAMA協会", "たま"))])
    meta = json.loads(files["meta.json"])
    assert meta["pages"] == [["cases/x/", "CASES/X/", "節", ["cases/x/", "tama協会", "たま"]]]


def test_long_pages_are_cut_into_chunks_of_whole_lines():
    lines = [f"{i}行目の文です。" * 20 for i in range(40)]
    files = build_search_index([_page("long/", *lines)])
    chunks = [json.loads(files[name]) for name in files if name.startswith("c/")]
    assert len(chunks) >= 4
    assert sorted(text for chunk in chunks for _, text in chunk["lines"]) == sorted(lines)
    assert lookup(files, "39行目") == {"long/"}


def test_the_same_pages_give_the_same_bytes():
    pages = [_page("a/", "共同受注の仕組み"), _page("b/", "お金の流れ")]
    assert build_search_index(pages) == build_search_index(list(pages))


def test_the_shard_hash_is_the_one_search_js_computes():
    # Values computed by search.js's shardOf in Chromium; a change on either side breaks search.
    assert [shard_of(gram, 64) for gram in ("産学", "ab", "𠮷野")] == [
        (0x7523 * 31 + 0x5B66) % 64,
        (97 * 31 + 98) % 64,
        ((0x20BB7 * 31 + 0x91CE) & 0xFFFFFFFF) % 64,
    ]


japanese = st.text(
    alphabet=st.sampled_from(list("産学官連携北九州海道の共同受注仕組みＴＡＭＡ協会21ロダン　 ")), max_size=40
)


@settings(max_examples=60, deadline=None)
@given(pages=st.lists(st.lists(japanese, min_size=1, max_size=5), min_size=1, max_size=6), data=st.data())
def test_every_verbatim_substring_of_two_or_more_characters_is_found(pages, data):
    search_pages = [_page(f"p{i}/", *texts) for i, texts in enumerate(pages)]
    files = build_search_index(search_pages)
    page_number = data.draw(st.integers(0, len(pages) - 1))
    text = normalise(data.draw(st.sampled_from(pages[page_number])))
    if len(text) < 2:
        return
    start = data.draw(st.integers(0, len(text) - 2))
    query = text[start : data.draw(st.integers(start + 2, len(text)))]
    found = lookup(files, query)
    assert f"p{page_number}/" in found
    expected = {p.url for p in search_pages if any(query in normalise(line.text) for line in p.lines)}
    assert found == expected


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.text(alphabet=st.sampled_from(list("ＴＡＭＡ協会／（）：　 \n\t㈱ΣΑΣ ﾃﾝﾒｲﾂ ｶﾞ2１ⅢİaB")), max_size=12))
)
def test_normalising_many_texts_at_once_is_normalising_each(texts):
    """normalise_all goes through C code with the texts joined; each text comes out as on its own."""
    assert normalise_all(texts) == ["".join(unicodedata.normalize("NFKC", t).lower().split()) for t in texts]
