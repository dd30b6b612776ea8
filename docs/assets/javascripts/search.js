/* The header's search box (overrides/partials/site-search.html).
 *
 * Nothing is fetched until the box is used. Then search/meta.json (pages and their
 * names), the index shards of the query's character bigrams, and the text chunks of
 * the best candidates, where the phrase is checked before a result is shown.
 * The index format is described in macros/search/index.py; normalise() and
 * shardOf() here must give what they give there.
 */
(() => {
  "use strict";
  const box = document.querySelector("[data-site-search]");
  const script = document.currentScript;
  const toggle = document.getElementById("__search");
  if (!box || !script || !toggle) return;
  const root = new URL("../../", script.src); // the script is assets/javascripts/search.js
  const input = box.querySelector("[data-site-search-input]");
  const status = box.querySelector("[data-site-search-status]");
  const list = box.querySelector("[data-site-search-list]");
  const more = box.querySelector("[data-site-search-more]");

  const PAGES_PER_STEP = 10; // result pages checked and shown at a time
  const MAX_BIGRAMS = 4; // shards fetched per word; longer words are checked in the text
  const CHUNKS_PER_PAGE = 3; // text chunks fetched at most to check and quote a page (the best one first)
  const SNIPPETS_PER_PAGE = 3;
  // A single particle between two non-hiragana characters splits a phrase into words
  // when the phrase itself is not found: 公的支援の期限 -> 公的支援, 期限.
  const PARTICLE = /(?<=[^\u3040-\u309f])[のとやをにでがはへも](?=[^\u3040-\u309f])/u;

  const normalise = (text) => text.normalize("NFKC").toLowerCase().replace(/\s+/gu, "");
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

  // ------------------------------------------------------------------ fetching
  const cache = new Map();
  const fetchJson = (path) => {
    if (!cache.has(path)) {
      const request = fetch(new URL(path, root)).then((response) => {
        if (!response.ok) throw new Error(`${path}: ${response.status}`);
        return response.json();
      });
      request.catch(() => cache.delete(path)); // a failed fetch is tried again next time
      cache.set(path, request);
    }
    return cache.get(path);
  };
  let meta = null;
  const loadMeta = () =>
    fetchJson("search/meta.json").then((data) => {
      if (!meta) {
        meta = { data, pages: data.pages, shards: data.shards };
        meta.pageOf = []; // chunk -> page (a page's chunks are numbered one after another)
        data.chunk_counts.forEach((count, page) => {
          for (let i = 0; i < count; i++) meta.pageOf.push(page);
        });
        meta.averageChunks = meta.pageOf.length / Math.max(1, data.pages.length);
      }
      return meta;
    });

  /** chunk -> weight of the word's rarest bigram, for chunks holding all its (chosen) bigrams. */
  async function chunksWith(word) {
    let grams = bigramsOf(word);
    if (grams.length > MAX_BIGRAMS) {
      const step = (grams.length - 1) / (MAX_BIGRAMS - 1);
      grams = [...new Set(Array.from({ length: MAX_BIGRAMS }, (_, i) => grams[Math.round(i * step)]))];
    }
    const shards = await Promise.all(grams.map((gram) => fetchJson(`search/s/${shardOf(gram, meta.shards)}.json`)));
    const postings = grams.map((gram, i) => {
      const values = shards[i][gram] || [];
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

  // ------------------------------------------------------------------ ranking
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
  function byPage(chunks) {
    const pages = new Map();
    for (const [chunk, weight] of chunks) {
      const page = meta.pageOf[chunk];
      if (!pages.has(page)) pages.set(page, { count: 0, heading: 0, chunks: [] });
      const entry = pages.get(page);
      entry.count += weight >> 1;
      entry.heading |= weight & 1;
      entry.chunks.push([chunk, weight]);
    }
    return pages;
  }

  /** How strongly a page holds a word (BM25-like: pages of many chunks damped; a heading counts extra). */
  function wordScore(entry, page) {
    const length = meta.data.chunk_counts[page] / meta.averageChunks;
    return entry.count / (entry.count + 1.2 * (0.25 + 0.75 * length)) + entry.heading * 0.5;
  }

  /** The words of a query when the phrase is not found: split at spaces and at single particles. */
  const wordsOf = (query) =>
    [...new Set(query.trim().split(/\s+/u).flatMap((part) => part.split(PARTICLE)).map(normalise))].filter(
      (word) => word.length >= 2,
    );

  /** Pages ranked for the words (all of them in the page), names first. */
  async function rank(query, words) {
    const phrase = normalise(query);
    const pages = meta.pages.map((page, index) => ({ index, name: nameScore(page[3], phrase), body: 0 }));
    const perWord = words[0].length >= 2 ? await Promise.all(words.map(chunksWith)) : [];
    const candidates = new Map(); // page -> its candidate chunks, best first
    const perPage = perWord.map(byPage);
    for (const [page] of perPage[0] || []) {
      const entries = perPage.map((pagesOfWord) => pagesOfWord.get(page));
      if (entries.some((entry) => !entry)) continue;
      pages[page].body = entries.reduce((sum, entry) => sum + wordScore(entry, page), 0);
      const chunks = entries.flatMap((entry) => entry.chunks).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      candidates.set(page, [...new Set(chunks.map(([chunk]) => chunk))]);
    }
    const ranked = pages
      .filter((page) => page.name > 0 || candidates.has(page.index))
      .sort((a, b) => b.name - a.name || b.body - a.body || a.index - b.index);
    return { query, phrase, words, ranked, candidates };
  }

  // ------------------------------------------------------------------ snippets
  /** The line in normalised form, with where each normalised character came from. */
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

  /** A paragraph of text around the first match, the matches marked (text nodes only: never HTML). */
  function snippet(text, marks) {
    const element = document.createElement("p");
    const start = Math.max(0, marks[0][0] - 30);
    const end = Math.min(text.length, Math.max(marks[marks.length - 1][1], start) + 70);
    if (start > 0) element.append("…");
    let at = start;
    for (const [from, to] of marks) {
      if (from < at || to > end) continue;
      element.append(text.slice(at, from));
      const mark = document.createElement("mark");
      mark.textContent = text.slice(from, to);
      element.append(mark);
      at = to;
    }
    element.append(text.slice(at, end));
    if (end < text.length) element.append("…");
    return element;
  }

  /** Where a result links: the section, and the matched text highlighted there (a text fragment).
   * A few characters before (or after) the match make it the one in the snippet's line, not the
   * first on the page (often the title); text that is not found leaves just the section link. */
  function target(url, anchor, hit) {
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

  /** A checked result for one page, or null when its text does not hold the query after all. */
  async function checkPage(found, page) {
    const [url, title, section] = meta.pages[page.index];
    const titleMarks = spans(title, [found.phrase]) || (found.words.length > 1 ? spans(title, found.words) : null);
    const hits = [];
    const missing = new Set(found.words);
    // The best chunk first; more only while a word is still missing (a page of many chunks
    // may hold the words in different ones).
    const candidates = found.candidates.get(page.index) || [];
    for (const batch of [candidates.slice(0, 1), candidates.slice(1, CHUNKS_PER_PAGE)]) {
      if (!missing.size || !batch.length) break;
      const chunks = await Promise.all(batch.map((n) => fetchJson(`search/c/${n}.json`)));
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

  // ------------------------------------------------------------------ showing
  function resultItem(result) {
    const item = document.createElement("li");
    item.className = "md-search-result__item";
    const first = result.hits[0];
    const link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = result.nameMatch || !first ? target(result.url, "", null) : target(result.url, first.anchor, first);
    const article = document.createElement("article");
    article.className = "md-search-result__article md-search-result__article--document md-typeset";
    const heading = document.createElement("h1");
    heading.append(result.titleMarks ? markup(result.title, result.titleMarks) : result.title);
    const where = document.createElement("p");
    where.className = "site-search__where";
    where.textContent = result.section || "ホーム";
    article.append(heading, where);
    if (first && !result.nameMatch) article.append(snippet(first.text, first.marks));
    link.append(article);
    item.append(link);
    for (const hit of result.nameMatch ? result.hits : result.hits.slice(1)) {
      const sub = document.createElement("a");
      sub.className = "md-search-result__link";
      sub.href = target(result.url, hit.anchor, hit);
      const subArticle = document.createElement("article");
      subArticle.className = "md-search-result__article md-typeset";
      const subHeading = document.createElement("h2");
      subHeading.textContent = hit.heading || "ページの冒頭";
      subArticle.append(subHeading, snippet(hit.text, hit.marks));
      sub.append(subArticle);
      item.append(sub);
    }
    return item;
  }
  function markup(text, marks) {
    const fragment = document.createDocumentFragment();
    let at = 0;
    for (const [from, to] of marks) {
      fragment.append(text.slice(at, from));
      const mark = document.createElement("mark");
      mark.textContent = text.slice(from, to);
      fragment.append(mark);
      at = to;
    }
    fragment.append(text.slice(at));
    return fragment;
  }

  let serial = 0;
  let current = null; // { found, next, shown } of the query on screen

  /** Checks the next pages of the ranking and shows each result as soon as it and those above it are ready. */
  async function showMore() {
    const run = serial;
    const { found } = current;
    let added = 0;
    while (added < PAGES_PER_STEP && current.next < found.ranked.length) {
      const batch = found.ranked.slice(current.next, current.next + PAGES_PER_STEP - added);
      current.next += batch.length;
      for (const check of batch.map((page) => checkPage(found, page))) {
        const result = await check;
        if (run !== serial) return;
        if (!result) continue;
        list.append(resultItem(result));
        added += 1;
      }
    }
    current.shown += added;
    const rest = found.ranked.length - current.next;
    more.hidden = rest === 0;
    if (current.shown === 0) status.textContent = "見つかりませんでした。言葉を短くするか、別の言い方でお試しください。";
    else if (rest > 0) status.textContent = `${current.shown}件を表示しています（候補はほかに${rest}件）`;
    else status.textContent = `${current.shown}件見つかりました`;
    if (found.phrase.length < 2) status.textContent += "。本文は2文字以上で探します";
  }

  async function search() {
    const query = input.value;
    const run = ++serial;
    if (!normalise(query)) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = "事例名・用語・文を入力してください";
      current = null;
      return;
    }
    try {
      if (!meta) status.textContent = "検索の索引を読み込み中…";
      await loadMeta();
      // The phrase as typed first; if no page holds it, its words anywhere in a page.
      const words = wordsOf(query);
      for (const attempt of words.length > 1 ? [[normalise(query)], words] : [[normalise(query)]]) {
        const found = await rank(query, attempt);
        if (run !== serial) return;
        // A reader who moved into the older list with ↓ goes back to the box, not to the page's top.
        if (list.contains(document.activeElement)) input.focus();
        list.replaceChildren();
        current = { found, next: 0, shown: 0 };
        await showMore();
        if (run !== serial) return;
        if (current.shown > 0) break;
      }
      box.dataset.searched = query; // the list now shows this query's answer (for tests and measurements)
    } catch (error) {
      if (run === serial) status.textContent = "検索の索引を読み込めませんでした。ページを再読み込みしてください。";
      throw error;
    }
  }

  // ------------------------------------------------------------------ wiring
  let timer = 0;
  const schedule = () => {
    delete box.dataset.searched;
    clearTimeout(timer);
    timer = setTimeout(search, 60);
  };
  // Typing, pasting (keyboard or mouse), dropping text and the end of an IME composition all search.
  input.addEventListener("input", (event) => {
    if (!event.isComposing) schedule();
  });
  input.addEventListener("compositionend", schedule);
  input.addEventListener("focus", () => {
    toggle.checked = true; // Material's CSS shows the result panel while the toggle is on
    loadMeta().catch(() => {});
  });
  box.querySelector("form").addEventListener("reset", () => setTimeout(search));
  box.querySelector("form").addEventListener("submit", (event) => {
    event.preventDefault();
    list.querySelector("a")?.click();
  });
  more.addEventListener("click", () => showMore());

  const open = () => {
    toggle.checked = true;
    input.focus();
  };
  const close = () => {
    toggle.checked = false;
    input.blur();
  };
  toggle.addEventListener("change", () => (toggle.checked ? input.focus() : null));
  box.addEventListener("keydown", (event) => {
    const links = [...list.querySelectorAll("a")];
    const at = links.indexOf(document.activeElement);
    if (event.key === "Escape") close();
    else if (event.key === "ArrowDown" && links.length) links[Math.min(at + 1, links.length - 1)].focus();
    else if (event.key === "ArrowUp" && at >= 0) (at === 0 ? input : links[at - 1]).focus();
    else return;
    event.preventDefault();
  });
  document.addEventListener("keydown", (event) => {
    const typing = event.target.closest?.("input, textarea, select, [contenteditable]");
    if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && (event.key === "/" || event.key === "s")) {
      event.preventDefault();
      open();
    }
  });
})();
