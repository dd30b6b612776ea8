/* What a query finds in the site's search index, and in what order (search.js shows it).
 * Functions over the index files (macros/search/index.py): no DOM and no fetching of their
 * own — load(path) is handed in. normalise(), bigramsOf() and shardOf() must give what the
 * builder gives: tests/search_examples.json holds both to the same examples.
 */
window.siteSearchEngine = (() => {
  "use strict";
  const VERSION = 1; // of the index files (macros/search/index.py: VERSION)
  const MAX_BIGRAMS = 4; // shards fetched per word; longer words are checked in the text
  const CHUNKS_PER_PAGE = 3; // text chunks fetched at most to check and quote a page (the best one first)
  const SNIPPETS_PER_PAGE = 3;
  // White space as Python's str.split() sees it (JavaScript's \s differs on U+001C–U+001F, U+0085, U+FEFF).
  const SPACE = /[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/gu;
  // A single particle between two non-hiragana characters splits a phrase into words
  // when the phrase itself is not found: 公的支援の期限 -> 公的支援, 期限.
  const PARTICLE = /(?<=[^\u3040-\u309f])[のとやをにでがはへも](?=[^\u3040-\u309f])/u;

  /** What search compares: NFKC (full-width ＴＡＭＡ２１ = TAMA21), lower case, no white space. */
  const normalise = (text) => text.normalize("NFKC").toLowerCase().replace(SPACE, "");

  /** The distinct bigrams of a normalised text, over code points (as Python's str). */
  const bigramsOf = (text) => {
    const chars = Array.from(text);
    const grams = [];
    for (let i = 0; i < chars.length - 1; i++) grams.push(chars[i] + chars[i + 1]);
    return [...new Set(grams)];
  };

  const shardOf = (gram, shards) => {
    let value = 0;
    for (const char of gram) value = (Math.imul(value, 31) + char.codePointAt(0)) >>> 0;
    return value % shards;
  };

  /** The words of a query when the phrase is not found: split at spaces and at single particles. */
  const wordsOf = (query) =>
    [...new Set(query.trim().split(SPACE).flatMap((part) => part.split(PARTICLE)).map(normalise))].filter(
      (word) => word.length >= 2,
    );

  function indexOf(meta) {
    if (meta.version !== VERSION) throw new Error(`search/meta.json: version ${meta.version}, not ${VERSION}`);
    const pageOf = []; // chunk -> page (a page's chunks are numbered one after another)
    meta.chunk_counts.forEach((count, page) => {
      for (let i = 0; i < count; i++) pageOf.push(page);
    });
    return {
      pages: meta.pages,
      shards: meta.shards,
      chunkCounts: meta.chunk_counts,
      pageOf,
      averageChunks: pageOf.length / Math.max(1, meta.pages.length),
    };
  }

  /** chunk -> weight of the word's rarest bigram, for chunks holding all its (chosen) bigrams. */
  async function chunksWith(index, word, load) {
    let grams = bigramsOf(word);
    if (grams.length > MAX_BIGRAMS) {
      const step = (grams.length - 1) / (MAX_BIGRAMS - 1);
      grams = [...new Set(Array.from({ length: MAX_BIGRAMS }, (_, i) => grams[Math.round(i * step)]))];
    }
    const shards = await Promise.all(grams.map((gram) => load(`search/s/${shardOf(gram, index.shards)}.json`)));
    const postings = grams.map((gram, i) => {
      const values = shards[i][gram] || []; // [chunk delta, weight, ...]
      const map = new Map();
      let chunk = 0;
      for (let j = 0; j < values.length; j += 2) {
        chunk += values[j];
        map.set(chunk, values[j + 1]);
      }
      return map;
    });
    postings.sort((a, b) => a.size - b.size);
    const result = new Map();
    for (const [chunk, weight] of postings[0]) {
      if (postings.every((map) => map.has(chunk))) result.set(chunk, weight);
    }
    return result;
  }

  function nameScore(names, query) {
    let best = 0;
    for (const name of names) {
      const closeness = Math.min(query.length, name.length) / Math.max(query.length, name.length);
      if (name === query) best = Math.max(best, 100);
      else if (name.startsWith(query)) best = Math.max(best, 70 + 10 * closeness);
      else if (name.includes(query)) best = Math.max(best, 50 + 10 * closeness);
      else if (name.length >= 3 && query.includes(name)) best = Math.max(best, 30 + 10 * closeness);
    }
    return best;
  }

  /** page -> { count, heading, chunks } of the chunks holding a word. */
  function byPage(index, chunks) {
    const pages = new Map();
    for (const [chunk, weight] of chunks) {
      const page = index.pageOf[chunk];
      if (!pages.has(page)) pages.set(page, { count: 0, heading: 0, chunks: [] });
      const entry = pages.get(page);
      entry.count += weight >> 1;
      entry.heading |= weight & 1;
      entry.chunks.push([chunk, weight]);
    }
    return pages;
  }

  /** How strongly a page holds a word (BM25-like: pages of many chunks damped; a heading counts extra). */
  function wordScore(index, entry, page) {
    const length = index.chunkCounts[page] / index.averageChunks;
    return entry.count / (entry.count + 1.2 * (0.25 + 0.75 * length)) + entry.heading * 0.5;
  }

  /** Pages ranked for the words (all of them in the page), names first. */
  async function rank(index, query, words, load) {
    const phrase = normalise(query);
    const pages = index.pages.map((page, i) => ({ index: i, name: nameScore(page[3], phrase), body: 0 }));
    const perWord = words[0].length >= 2 ? await Promise.all(words.map((word) => chunksWith(index, word, load))) : [];
    const candidates = new Map(); // page -> its candidate chunks, best first
    const perPage = perWord.map((chunks) => byPage(index, chunks));
    for (const [page] of perPage[0] || []) {
      const entries = perPage.map((pagesOfWord) => pagesOfWord.get(page));
      if (entries.some((entry) => !entry)) continue;
      pages[page].body = entries.reduce((sum, entry) => sum + wordScore(index, entry, page), 0);
      const chunks = entries.flatMap((entry) => entry.chunks).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      candidates.set(page, [...new Set(chunks.map(([chunk]) => chunk))]);
    }
    const ranked = pages
      .filter((page) => page.name > 0 || candidates.has(page.index))
      .sort((a, b) => b.name - a.name || b.body - a.body || a.index - b.index);
    return { query, phrase, words, ranked, candidates };
  }

  /** A line normalised, with where each normalised character came from. */
  function mapped(text) {
    let normal = "";
    const from = [];
    let offset = 0;
    for (const char of text) {
      for (const unit of normalise(char)) {
        normal += unit;
        for (let k = 0; k < unit.length; k++) from.push([offset, offset + char.length]);
      }
      offset += char.length;
    }
    return { normal, from };
  }

  /** [start, end] in the original text of each word's first occurrence, or null if a word is missing. */
  function spans(text, words, { normal, from } = mapped(text)) {
    const found = [];
    for (const word of words) {
      const at = normal.indexOf(word);
      if (at < 0) return null;
      found.push([from[at][0], from[at + word.length - 1][1]]);
    }
    return found.sort((a, b) => a[0] - b[0]);
  }

  /** A checked result for one page, or null when its text does not hold the query after all. */
  async function checkPage(index, found, page, load) {
    const [url, title, section] = index.pages[page.index];
    const titleMarks = spans(title, [found.phrase]) || (found.words.length > 1 ? spans(title, found.words) : null);
    const hits = [];
    const missing = new Set(found.words);
    // The best chunk first; more only while a word is still missing (a page of many chunks
    // may hold the words in different ones).
    const candidates = found.candidates.get(page.index) || [];
    for (const batch of [candidates.slice(0, 1), candidates.slice(1, CHUNKS_PER_PAGE)]) {
      if (!missing.size || !batch.length) break;
      const chunks = await Promise.all(batch.map((n) => load(`search/c/${n}.json`)));
      for (const chunk of chunks) {
        for (const [sectionIndex, text] of chunk.lines) {
          const line = mapped(text); // once per line: for the check and for the marks
          const present = found.words.filter((word) => line.normal.includes(word));
          present.forEach((word) => missing.delete(word));
          if (!present.length || hits.length >= SNIPPETS_PER_PAGE * 4) continue;
          const [anchor, heading] = chunk.sections[sectionIndex];
          hits.push({ anchor, heading, text, marks: spans(text, present, line), full: present.length === found.words.length });
        }
      }
    }
    if (missing.size && page.name === 0) return null;
    hits.sort((a, b) => b.full - a.full);
    const shown = [];
    for (const hit of hits) {
      if (shown.length < SNIPPETS_PER_PAGE && !shown.some((other) => other.anchor === hit.anchor)) shown.push(hit);
    }
    return { url, title, section, titleMarks, hits: shown, nameMatch: page.name > 0 };
  }

  /** The ranked pages of one attempt, checked and handed on a step at a time. */
  class Results {
    constructor(index, found, load) {
      Object.assign(this, { index, found, load, next: 0, shown: 0 });
    }

    get rest() {
      return this.found.ranked.length - this.next;
    }

    /** Checks the next pages until `count` results went to onResult (each as soon as it and those
     * above it are ready) or the candidates run out. */
    async more(count, onResult, stopped = () => false) {
      let added = 0;
      while (added < count && this.next < this.found.ranked.length) {
        const batch = this.found.ranked.slice(this.next, this.next + count - added);
        this.next += batch.length;
        for (const check of batch.map((page) => checkPage(this.index, this.found, page, this.load))) {
          const result = await check;
          if (stopped()) return added;
          if (!result) continue;
          onResult(result);
          added += 1;
        }
      }
      this.shown += added;
      return added;
    }
  }

  /** The phrase as typed first; if no page holds it, its words anywhere in a page. Null if stopped. */
  async function search(index, query, load, { count, onStart = () => {}, onResult, stopped = () => false }) {
    const words = wordsOf(query);
    let results = null;
    for (const attempt of words.length > 1 ? [[normalise(query)], words] : [[normalise(query)]]) {
      const found = await rank(index, query, attempt, load);
      if (stopped()) return null;
      results = new Results(index, found, load);
      onStart(results);
      await results.more(count, onResult, stopped);
      if (stopped()) return null;
      if (results.shown > 0) break;
    }
    return results;
  }

  /** A line cut around its first match, as pieces, and whether text was left out before and after. */
  function excerpt(text, marks) {
    const from = Math.max(0, marks[0][0] - 30);
    const to = Math.min(text.length, Math.max(marks[marks.length - 1][1], from) + 70);
    return { before: from > 0, pieces: pieces(text, marks, from, to), after: to < text.length };
  }

  /** [text, marked] pieces between from and to (marks outside or overlapping skipped). */
  function pieces(text, marks, from = 0, to = text.length) {
    const out = [];
    let at = from;
    for (const [start, end] of marks) {
      if (start < at || end > to) continue;
      out.push([text.slice(at, start), false], [text.slice(start, end), true]);
      at = end;
    }
    out.push([text.slice(at, to), false]);
    return out.filter(([piece]) => piece);
  }

  /** Where a result links: the section, and the matched text highlighted there (a text fragment).
   * A few characters before (or after) the match make it the one in the snippet's line, not the
   * first on the page (often the title); text that is not found leaves just the section link. */
  function link(root, url, anchor, hit) {
    const href = new URL(url, root);
    let fragment = "";
    // A heading needs none: the anchor is the heading (and the table of contents, which a text
    // fragment would find first, repeats the heading's words).
    if (hit && hit.text !== hit.heading) {
      const [start, end] = hit.marks[0];
      const part = (text) => encodeURIComponent(text).replace(/-/g, "%2D");
      const prefix = hit.text.slice(Math.max(0, start - 10), start).split(/[／…\s]/u).pop();
      const suffix = hit.text.slice(end, end + 10).split(/[／…\s]/u)[0];
      const match = hit.text.slice(start, end);
      if (!match.includes("／")) {
        fragment = `:~:text=${prefix ? `${part(prefix)}-,` : ""}${part(match)}${!prefix && suffix ? `,-${part(suffix)}` : ""}`;
      }
    }
    if (anchor || fragment) href.hash = `${anchor}${fragment}`;
    return href.href;
  }

  return { VERSION, normalise, bigramsOf, shardOf, wordsOf, indexOf, rank, checkPage, search, excerpt, pieces, link };
})();
