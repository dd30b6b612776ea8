/* The header's search box (overrides/partials/site-search.html): fetching, the list of
 * results, and the keys. What a query finds, and in what order, is search-engine.js's
 * (loaded just before this script).
 *
 * Nothing is fetched until the box is used. Then search/meta.json (pages and their
 * names), the index shards of the query's character bigrams, and the text chunks of
 * the best candidates, where the phrase is checked before a result is shown.
 */
(() => {
  "use strict";
  const engine = window.siteSearchEngine;
  const box = document.querySelector("[data-site-search]");
  const script = document.currentScript;
  const toggle = document.getElementById("__search");
  if (!engine || !box || !script || !toggle) return;
  const root = new URL("../../", script.src); // the script is assets/javascripts/search.js
  const input = box.querySelector("[data-site-search-input]");
  const status = box.querySelector("[data-site-search-status]");
  const list = box.querySelector("[data-site-search-list]");
  const more = box.querySelector("[data-site-search-more]");

  const PAGES_PER_STEP = 10; // result pages checked and shown at a time

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
  let index = null;
  const loadIndex = () =>
    fetchJson("search/meta.json").then((meta) => {
      index = index || engine.indexOf(meta);
      return index;
    });

  // ------------------------------------------------------------------ showing
  /** Text with its marks, as text nodes and <mark> elements (never HTML). */
  function marked(pieces) {
    const fragment = document.createDocumentFragment();
    for (const [text, isMark] of pieces) {
      if (!isMark) {
        fragment.append(text);
        continue;
      }
      const mark = document.createElement("mark");
      mark.textContent = text;
      fragment.append(mark);
    }
    return fragment;
  }

  /** A paragraph of the line around the first match, the matches marked. */
  function snippet(text, marks) {
    const { before, pieces, after } = engine.excerpt(text, marks);
    const element = document.createElement("p");
    if (before) element.append("…");
    element.append(marked(pieces));
    if (after) element.append("…");
    return element;
  }

  function resultItem(result) {
    const item = document.createElement("li");
    item.className = "md-search-result__item";
    const first = result.hits[0];
    const link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href =
      result.nameMatch || !first ? engine.link(root, result.url, "", null) : engine.link(root, result.url, first.anchor, first);
    const article = document.createElement("article");
    article.className = "md-search-result__article md-search-result__article--document md-typeset";
    const heading = document.createElement("h1");
    heading.append(result.titleMarks ? marked(engine.pieces(result.title, result.titleMarks)) : result.title);
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
      sub.href = engine.link(root, result.url, hit.anchor, hit);
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

  let serial = 0;
  let current = null; // the engine's Results on screen

  function showStatus() {
    const rest = current.rest;
    more.hidden = rest === 0;
    if (current.shown === 0) status.textContent = "見つかりませんでした。言葉を短くするか、別の言い方でお試しください。";
    else if (rest > 0) status.textContent = `${current.shown}件を表示しています（候補はほかに${rest}件）`;
    else status.textContent = `${current.shown}件見つかりました`;
    if (current.found.phrase.length < 2) status.textContent += "。本文は2文字以上で探します";
  }

  const show = (result) => list.append(resultItem(result));

  async function search() {
    const query = input.value;
    const run = ++serial;
    const stopped = () => run !== serial;
    if (!engine.normalise(query)) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = "事例名・用語・文を入力してください";
      current = null;
      return;
    }
    try {
      if (!index) status.textContent = "検索の索引を読み込み中…";
      await loadIndex();
      const start = (results) => {
        // A reader who moved into the older list with ↓ goes back to the box, not to the page's top.
        if (list.contains(document.activeElement)) input.focus();
        list.replaceChildren();
        current = results;
      };
      const answer = await engine.search(index, query, fetchJson, {
        count: PAGES_PER_STEP,
        onStart: start,
        onResult: show,
        stopped,
      });
      if (!answer) return;
      showStatus();
      box.dataset.searched = query; // the list now shows this query's answer (for tests and measurements)
    } catch (error) {
      if (run === serial) status.textContent = "検索の索引を読み込めませんでした。ページを再読み込みしてください。";
      throw error;
    }
  }

  async function showMore() {
    const run = serial;
    await current.more(PAGES_PER_STEP, show, () => run !== serial);
    if (run === serial) showStatus();
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
    loadIndex().catch(() => {});
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
