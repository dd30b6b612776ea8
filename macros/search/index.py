"""The site's search index: files the browser fetches only when someone searches.

Japanese has no spaces between words, and a word a reader types is often inside a
compound (産学官 in 産学官連携推進会議). So the index finds text by character
bigrams: every verbatim substring of two characters or more is found, and the
browser checks the exact phrase in the text before it shows a result. Names come
first: each page carries its title and the names it goes by (a case's official,
short, English and kana names), matched whole in the browser.

Files (paths under search/):
- meta.json: the format's version, the pages (URL, title, nav section, normalised
  names), how many text chunks each page has (a page's chunks are numbered one after
  another), and the shard count. Loaded on first use of the box.
- s/<n>.json: a shard of the inverted index, bigram -> [chunk delta, weight, ...]
  (the first delta from chunk 0); the weight is 2 × occurrences in the chunk (at most
  MAX_TF), plus 1 if the bigram is in a heading. A query fetches only the shards of
  its bigrams.
- c/<n>.json: a chunk of a page's text (a few KB of whole lines with their section
  anchor and heading), fetched for the best candidates to verify and cut snippets.

The browser reads these files with docs/assets/javascripts/search-engine.js, whose
normalise() and shardOf() must give what normalise() and shard_of() give here: the
examples in tests/search_examples.json hold both sides to the same answers
(tests/search/test_index.py here, tests/browser/test_search_engine.py there).
"""

from __future__ import annotations

import gc
import json
import math
import sys
import unicodedata
from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field
from itertools import repeat
from operator import sub
from typing import Literal

from .page_text import Line

CHUNK_CHARS = 1500  # characters of text per chunk: a few KB, gzipped about 2 KB
SHARD_BYTES = 16_000  # aim for shards of about this size (JSON, before gzip)
MAX_TF = 50  # occurrences counted per bigram and chunk
VERSION = 1  # of the files' format (meta.json says it; search-engine.js reads only this one)


@dataclass(frozen=True)
class SearchPage:
    url: str  # relative to the site root, as MkDocs gives it (e.g. "cases/hit/")
    title: str
    section: str  # the nav section the page is in, shown under the title
    names: list[str] = field(default_factory=list)  # other names the page goes by
    lines: list[Line] = field(default_factory=list)


# Full-width punctuation on almost every line of the site (the cells' separator ／, brackets, colons).
# Replaced first (by C code), it leaves most lines already in NFKC, which normalize() then returns as
# they are instead of decomposing and composing them character by character: normalising 1,000
# cases takes a third of the time. NFKC maps each of these to one ASCII character, so the result is
# the same (tests/search/test_index.py).
_FULL_WIDTH = [(char, unicodedata.normalize("NFKC", char)) for char in "／（）："]


def normalise(text: str) -> str:
    """What search compares: NFKC (full-width ＴＡＭＡ２１ = TAMA21), lower case, no white space."""
    return normalise_all([text])[0]


def normalise_all(texts: list[str]) -> list[str]:
    """normalise() of each text: the texts go through C code together, joined by line breaks (white
    space, which normalising removes, and which neither NFKC nor lower() carries across)."""
    if not texts:
        return []
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1:  # a text's own line breaks: spaces, which go all the same
        joined = "\n".join(text.replace("\n", " ") for text in texts)
    for full, half in _FULL_WIDTH:
        joined = joined.replace(full, half)
    form: Literal["NFKC"] = "NFKC"
    normal = "\n".join(map(unicodedata.normalize, repeat(form), joined.split("\n"))).lower()
    return list(map("".join, map(str.split, normal.split("\n"))))


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


# A bigram is counted as one int, its two code points as the two halves of a 64-bit word: the text's
# UTF-32 bytes (in this machine's byte order) read as words from every even and every odd character.
# So C code counts the bigrams of 1,000 cases (some ten million) without making a string for each.
_UTF32 = "utf-32-le" if sys.byteorder == "little" else "utf-32-be"
_LOW = 0xFFFFFFFF
_SPACE = ord(" ")  # joins the lines of a chunk: normalised text has no white space


def _code(first: int, second: int) -> int:
    return first | second << 32 if sys.byteorder == "little" else first << 32 | second


def _gram(code: int) -> str:
    first, second = (code & _LOW, code >> 32) if sys.byteorder == "little" else (code >> 32, code & _LOW)
    return chr(first) + chr(second)


def _count(counts: Counter[int], texts: list[str]) -> None:
    """Add the bigrams of these normalised lines to the counts (none across the ends of lines)."""
    words = memoryview(" ".join(texts).encode(_UTF32))
    counts.update(words[: len(words) // 8 * 8].cast("Q"))
    counts.update(words[4 : 4 + (len(words) - 4) // 8 * 8].cast("Q"))
    ends = {_code(_SPACE, _SPACE)}
    for text in texts:
        if text:
            ends.update((_code(_SPACE, ord(text[0])), _code(ord(text[-1]), _SPACE)))
    for code in ends:
        counts.pop(code, None)


def _weights(lines: list[Line]) -> tuple[list[int], list[int]]:
    """The bigram codes of a chunk and their weights: 2 × occurrences (at most MAX_TF), + 1 if in a heading.

    The headings are counted first, so their bigrams are the first ones (a Counter keeps the order
    keys came in) and get their 1 in one slice, with no lookup per bigram.
    """
    counts: Counter[int] = Counter()
    _count(counts, normalise_all([line.text for line in lines if line.text == line.heading]))
    in_headings = len(counts)
    _count(counts, normalise_all([line.text for line in lines if line.text != line.heading]))
    weights = list(map((2).__mul__, counts.values()))
    if weights and max(weights) > 2 * MAX_TF:
        weights = [min(weight, 2 * MAX_TF) for weight in weights]
    weights[:in_headings] = map((1).__add__, weights[:in_headings])
    return list(counts), weights


def _shard_count(postings_size: int) -> int:
    return 2 ** max(0, math.ceil(math.log2(max(1, postings_size / SHARD_BYTES))))


def _dumps(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


# The numbers of the postings (chunk deltas and weights, nearly all small) as text, made once: a shard
# is written from these by C code, the same bytes as _dumps writes, a third faster for ten million numbers.
_NUMBERS = [str(number) for number in range(4096)]


def _shard_json(postings: dict[str, list[int]]) -> bytes:
    entries = []
    for gram in sorted(postings):
        values = postings[gram]
        numbers = map(_NUMBERS.__getitem__ if max(values) < len(_NUMBERS) else str, values)
        entries.append(f"{json.dumps(gram, ensure_ascii=False)}:[{','.join(numbers)}]")
    return f"{{{','.join(entries)}}}".encode()


def build_search_index(pages: list[SearchPage]) -> dict[str, bytes]:
    """Every file of the index, by path under search/ (same input, same bytes)."""
    # What is made here holds no cycles, so reference counting frees it all; the cyclic collector
    # would only walk the whole build's objects again and again while millions of numbers are made
    # (about a second at 1,000 cases), so it waits until the index is built.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _build(pages)
    finally:
        if collecting:
            gc.enable()


def _build(pages: list[SearchPage]) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    chunk_counts: list[int] = []
    # bigram code -> [chunk, weight, chunk, weight, ...], then chunk deltas. One pair per (bigram, chunk):
    # some five million at 1,000 cases, so they are put in by C code (map over bound methods, the
    # chunk's number one shared int), not by a loop in Python.
    postings: defaultdict[int, list[int]] = defaultdict(list)
    chunk = 0
    for page in pages:
        chunks = _chunks(page.lines)
        chunk_counts.append(len(chunks))
        for lines in chunks:
            files[f"c/{chunk}.json"] = _dumps(_chunk_json(lines))
            codes, weights = _weights(lines)
            deque(map(list.extend, map(postings.__getitem__, codes), zip(repeat(chunk), weights)), maxlen=0)
            chunk += 1
    for values in postings.values():
        firsts = values[::2]
        values[::2] = map(sub, firsts, [0, *firsts[:-1]])
    by_gram = {_gram(code): values for code, values in postings.items()}
    size = sum(len(gram) + 8 + 4 * len(values) for gram, values in by_gram.items())  # JSON bytes, roughly
    shards = _shard_count(size)
    by_shard: dict[int, dict[str, list[int]]] = defaultdict(dict)
    for gram, values in by_gram.items():
        by_shard[shard_of(gram, shards)][gram] = values
    for number in range(shards):
        files[f"s/{number}.json"] = _shard_json(by_shard.get(number, {}))
    meta_pages = []
    for page in pages:
        names = list(dict.fromkeys(normalise(name) for name in [page.title, *page.names] if normalise(name)))
        meta_pages.append([page.url, page.title, page.section, names])
    files["meta.json"] = _dumps(
        {"version": VERSION, "shards": shards, "pages": meta_pages, "chunk_counts": chunk_counts}
    )
    return files
