"""The site's search index: files the browser fetches only when someone searches.

Japanese has no spaces between words, and a word a reader types is often inside a
compound (産学官 in 産学官連携推進会議). So the index finds text by character
bigrams: every verbatim substring of two characters or more is found, and the
browser checks the exact phrase in the text before it shows a result. Names come
first: each page carries its title and the names it goes by (a case's official,
short, English and kana names), matched whole in the browser.

Files (paths under search/):
- meta.json: the pages (URL, title, nav section, normalised names), how many text
  chunks each page has (a page's chunks are numbered one after another), and the
  shard count. Loaded on first use of the box.
- s/<n>.json: a shard of the inverted index, bigram -> [chunk delta, weight, ...];
  the weight is 2 × occurrences, plus 1 if the bigram is in a heading. A query
  fetches only the shards of its bigrams.
- c/<n>.json: a chunk of a page's text (a few KB of whole lines with their section
  anchor and heading), fetched for the best candidates to verify and cut snippets.

normalise() and shard_of() have twins in docs/assets/javascripts/search.js;
tests/search/test_index.py and the browser tests hold them together.
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .page_text import Line

CHUNK_CHARS = 1500  # characters of text per chunk: a few KB, gzipped about 2 KB
SHARD_BYTES = 16_000  # aim for shards of about this size (JSON, before gzip)
MAX_TF = 50  # occurrences counted per bigram and chunk


@dataclass(frozen=True)
class SearchPage:
    url: str  # relative to the site root, as MkDocs gives it (e.g. "cases/hit/")
    title: str
    section: str  # the nav section the page is in, shown under the title
    names: list[str] = field(default_factory=list)  # other names the page goes by
    lines: list[Line] = field(default_factory=list)


def normalise(text: str) -> str:
    """What search compares: NFKC (full-width ＴＡＭＡ２１ = TAMA21), lower case, no white space."""
    return "".join(unicodedata.normalize("NFKC", text).lower().split())


def bigrams(text: str) -> list[str]:
    return [text[i : i + 2] for i in range(len(text) - 1)]


def shard_of(bigram: str, shards: int) -> int:
    """A small string hash that JavaScript computes the same way (over code points, 32 bits)."""
    value = 0
    for char in bigram:
        value = (value * 31 + ord(char)) & 0xFFFFFFFF
    return value % shards


def _chunks(lines: list[Line]) -> list[list[Line]]:
    """Whole lines, grouped in order into chunks of about CHUNK_CHARS."""
    chunks: list[list[Line]] = []
    size = 0
    for line in lines:
        if not chunks or size + len(line.text) > CHUNK_CHARS:
            chunks.append([])
            size = 0
        chunks[-1].append(line)
        size += len(line.text)
    return chunks


def _chunk_json(lines: list[Line]) -> dict:
    sections: list[list[str]] = []
    rows = []
    for line in lines:
        section = [line.anchor, line.heading]
        if not sections or sections[-1] != section:
            sections.append(section)
        rows.append([len(sections) - 1, line.text])
    return {"sections": sections, "lines": rows}


def _weights(lines: list[Line]) -> dict[str, int]:
    counts: Counter[str] = Counter()
    in_heading: set[str] = set()
    for line in lines:
        grams = bigrams(normalise(line.text))
        counts.update(grams)
        if line.text == line.heading:
            in_heading.update(grams)
    return {gram: 2 * min(count, MAX_TF) + (gram in in_heading) for gram, count in counts.items()}


def _shard_count(postings_size: int) -> int:
    return 2 ** max(0, math.ceil(math.log2(max(1, postings_size / SHARD_BYTES))))


def _dumps(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


def build_search_index(pages: list[SearchPage]) -> dict[str, bytes]:
    """Every file of the index, by path under search/ (same input, same bytes)."""
    files: dict[str, bytes] = {}
    chunk_counts: list[int] = []
    postings: dict[str, list[int]] = defaultdict(list)  # bigram -> [chunk delta, weight, ...]
    last_chunk: dict[str, int] = {}
    chunk = -1
    for page in pages:
        chunks = _chunks(page.lines)
        chunk_counts.append(len(chunks))
        for lines in chunks:
            chunk += 1
            files[f"c/{chunk}.json"] = _dumps(_chunk_json(lines))
            for gram, weight in _weights(lines).items():  # the files sort their keys: order is free here
                values = postings[gram]
                values.append(chunk - last_chunk.get(gram, 0))
                values.append(weight)
                last_chunk[gram] = chunk
    size = sum(len(gram) + 8 + 4 * len(values) for gram, values in postings.items())
    shards = _shard_count(size)
    by_shard: dict[int, dict[str, list[int]]] = defaultdict(dict)
    for gram, values in postings.items():
        by_shard[shard_of(gram, shards)][gram] = values
    for number in range(shards):
        files[f"s/{number}.json"] = _dumps(by_shard.get(number, {}))
    meta_pages = []
    for page in pages:
        names = list(dict.fromkeys(normalise(name) for name in [page.title, *page.names] if normalise(name)))
        meta_pages.append([page.url, page.title, page.section, names])
    files["meta.json"] = _dumps({"version": 1, "shards": shards, "pages": meta_pages, "chunk_counts": chunk_counts})
    return files
