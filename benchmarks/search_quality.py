"""Search quality, speed and bytes, measured in Chromium through the header search box.

    .venv/bin/python -m benchmarks.search_quality                 # the real data (16 cases)
    .venv/bin/python -m benchmarks.search_quality --cases 1000    # a synthetic data set
    .venv/bin/python -m benchmarks.search_quality --site site     # an already built site

Builds the site (unless --site), serves it with gzip like a real host (benchmarks/serve.py)
and, for every query of QUERIES, opens the home page, clicks the search box, types the query
as a person would, waits until the result list stops changing and reads the result pages in
order (more are loaded by scrolling and the 「さらに表示」 button, up to CAP).

Printed per group of queries and in total:
- names first: share of name queries whose page is the first result (variants: in the top 3);
- recall: of the pages whose text contains the query (NFKC, no spaces; capped at CAP), the
  share that appear in the results;
- precision@5: of the first five result pages, the share whose text contains the query;
- latency: from the last keystroke to the first result on screen, and to the last change of the
  result list (median, max; the first query of the session apart); every query opens a new
  page and the test server sends no caching headers, so each query fetches what it needs afresh;
- bytes: what search fetched before the box was used, and per query up to its answer
  (transferred, gzip; reading further results with 「さらに表示」 is not counted).
"""

from __future__ import annotations

import argparse
import html
import os
import re
import statistics
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Error, sync_playwright
from synthetic_data import ROOT, write_synthetic

from benchmarks.serve import serve

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
CAP = 100  # results read per query, and the cap on the pages a query should find
SETTLE_MS = 1200  # the result list is taken as final after this long without a change

# (group, query, the page it must find first or in the top 3; None: judged by text only)
QUERIES: list[tuple[str, str, str | None]] = [
    ("name", "アドック神戸", "cases/adock-kobe/"),
    ("name", "ロダン21", "cases/rodan21/"),
    ("name", "なにわ夢工房", "cases/naniwa-yumekobo/"),
    ("name", "ノーステック財団", "cases/noastec/"),
    ("name", "TAMA協会", "cases/tama/"),
    ("name", "北海道NPOバンク", "columns/hokkaido-npo-bank/"),
    ("name", "リーダーの条件", "columns/leader-conditions/"),
    ("name", "HIT", "cases/hit/"),
    ("name", "HoPE", "cases/hope/"),
    ("name", "ギアテック", "cases/geartec/"),
    ("name", "テンメイツ", "cases/tenmates/"),
    ("name", "京都試作ネット", "cases/kyoto-shisaku-net/"),
    ("name", "佐伯メカトロセンター", "cases/saiki-mechatro/"),
    ("name", "サイバーシルクロード八王子", "cases/cyber-silkroad-hachioji/"),
    ("name", "共同受注の仕組み", "compare/joint-orders/"),
    ("name", "お金の流れ", "compare/money/"),
    ("name", "組織形態の移り変わり", "compare/legal-forms/"),
    ("name", "会議用の要約", "lessons/brief/"),
    ("name", "施策の手がかり", "lessons/levers/"),
    ("name", "任意団体から始める", "lessons/start-as-voluntary/"),
    ("name", "産学官連携の場をつくる", "lessons/industry-academia/"),
    ("name", "用語集", "glossary/"),
    ("variant", "ＴＡＭＡ協会", "cases/tama/"),
    ("variant", "ロダン２１", "cases/rodan21/"),
    ("variant", "tama協会", "cases/tama/"),
    ("variant", "アドック 神戸", "cases/adock-kobe/"),
    ("variant", "首都圏産業活性化協会", "cases/tama/"),
    ("variant", "岩手ネットワークシステム", "cases/ins-iwate/"),
    ("variant", "北海道科学技術総合振興センター", "cases/noastec/"),
    ("variant", "東大阪金属加工グループ", "cases/hit/"),
    ("variant", "共同受注グループなにわ夢工房", "cases/naniwa-yumekobo/"),
    ("variant", "佐伯メカトロ", "cases/saiki-mechatro/"),
    ("topic", "北九州", None),
    ("topic", "幹事会社", None),
    ("topic", "会費", None),
    ("topic", "同友会", None),
    ("topic", "産学官", None),
    ("topic", "シリコンバレー", None),
    ("topic", "中小企業家", None),
    ("topic", "共同受注", None),
    ("topic", "補助金", None),
    ("topic", "信用金庫", None),
    ("topic", "試作", None),
    ("topic", "インターネット", None),
    ("topic", "NPO法人", None),
    ("topic", "工場見せ合い会", None),
    ("topic", "公的支援の期限", None),
]

TAGS = re.compile(r"<[^>]+>")
ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">(.*?)</article>', re.S)
DROP = re.compile(r"<(script|style|svg)\b.*?</\1>", re.S)


def normal(text: str) -> str:
    """What a query matches against: NFKC, case-folded, without white space."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text).casefold())


def page_texts(site: Path) -> dict[str, str]:
    """Each page's article text (normalised), by URL path relative to the site."""
    texts = {}
    for file in sorted(site.rglob("index.html")):
        match = ARTICLE.search(file.read_text(encoding="utf-8"))
        if match:
            path = file.relative_to(site).as_posix().removesuffix("index.html")
            texts[path] = normal(html.unescape(TAGS.sub(" ", DROP.sub(" ", match.group(1)))))
    return texts


@dataclass
class Outcome:
    group: str
    query: str
    pages: list[str]
    first_ms: float  # last keystroke -> first result on screen
    latency_ms: float  # last keystroke -> the result list stops changing
    query_bytes: int
    ahead_bytes: int


# Installed before the last keystroke: the time of the last change of the result list.
WATCH = """() => {
  window.__searchChanged = performance.now();
  window.__searchFirst = null;
  const list = document.querySelector('.md-search-result');
  new MutationObserver(() => {
    window.__searchChanged = performance.now();
    if (window.__searchFirst === null && list.querySelector('.md-search-result__item')) {
      window.__searchFirst = window.__searchChanged;
    }
  }).observe(list, {childList: true, subtree: true, characterData: true});
  window.__searchStart = performance.now();
}"""


# Material shows 「検索を初期化」 and this site 「読み込み中」 while the index loads.
LOADING = """() => /初期化|読み込み中/.test(document.querySelector('.md-search-result__meta')?.textContent || '')"""


def run_query(context, base: str, group: str, query: str) -> Outcome:
    page = context.new_page()
    sizes: list[tuple[str, int]] = []

    def finished(request):
        try:
            sizes.append((request.url, request.sizes()["responseBodySize"]))
        except Error:  # the page was closed while a request was finishing
            pass

    page.on("requestfinished", finished)
    page.goto(base, wait_until="load")
    page.wait_for_timeout(300)
    ahead = sum(size for url, size in sizes if "search" in url.rsplit("/", 1)[-1] or "/search/" in url)
    loaded = len(sizes)
    box = page.locator(".md-search__input")
    opener = page.locator("label.md-header__button[for='__search']")  # shown on narrow screens only
    if opener.is_visible():
        opener.click()
    box.click()
    page.keyboard.type(query[:-1], delay=60)
    page.evaluate(WATCH)
    page.keyboard.type(query[-1])
    for _ in range(150):  # a search that is still loading its index has not answered yet
        page.wait_for_timeout(200)
        loading = page.evaluate(LOADING)
        quiet = page.evaluate("performance.now() - window.__searchChanged")
        if not loading and quiet > SETTLE_MS:
            break
    latency = page.evaluate("window.__searchChanged - window.__searchStart")
    first = page.evaluate("(window.__searchFirst ?? window.__searchChanged) - window.__searchStart")
    query_bytes = sum(size for _, size in sizes[loaded:])  # the answer, before reading further pages
    pages = read_results(page)
    page.close()
    return Outcome(group, query, pages, first, latency, query_bytes, ahead)


def read_results(page) -> list[str]:
    """Result pages in order (fragments and query strings dropped), loading more up to CAP."""
    seen: list[str] = []
    for _ in range(30):
        hrefs = page.eval_on_selector_all(
            ".md-search-result__item > .md-search-result__link", "links => links.map(a => a.href)"
        )
        for href in hrefs:
            path = re.sub(r"^https?://[^/]+/", "", href).split("#")[0].split("?")[0]
            if path not in seen:
                seen.append(path)
        if len(seen) >= CAP:
            break
        more = page.locator("[data-search-more], [data-site-search-more]")
        before = len(hrefs)
        if more.count() and more.first.is_visible():
            more.first.click()
        else:
            page.eval_on_selector(".md-search__scrollwrap", "el => el.scrollTo(0, el.scrollHeight)")
        page.wait_for_timeout(250)
        after = page.eval_on_selector_all(".md-search-result__item > .md-search-result__link", "l => l.length")
        if after == before:
            break
    return seen[:CAP]


def measure(site: Path) -> list[Outcome]:
    server, base = serve(site)
    outcomes = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ja-JP")
            context.route(re.compile(r"^(?!http://127\.0\.0\.1)"), lambda route: route.abort())
            for group, query, _ in QUERIES:
                outcomes.append(run_query(context, base, group, query))
            browser.close()
    finally:
        server.shutdown()
    return outcomes


def report(outcomes: list[Outcome], texts: dict[str, str]) -> None:
    expected = {query: page for _, query, page in QUERIES}
    rows = []
    for group in ("name", "variant", "topic", "all"):
        chosen = [o for o in outcomes if group in ("all", o.group)]
        firsts, recalls, precisions = [], [], []
        for o in chosen:
            want = expected[o.query]
            if want is not None:
                top = 1 if o.group == "name" else 3
                firsts.append(want in o.pages[:top])
            needle = normal(o.query)
            relevant = {path for path, text in texts.items() if needle in text}
            if relevant:
                recalls.append(len(relevant & set(o.pages)) / min(len(relevant), CAP))
            top5 = o.pages[:5]
            if top5:
                precisions.append(sum(page in relevant for page in top5) / len(top5))
            else:
                precisions.append(0.0)
        latencies = [o.latency_ms for o in chosen if o is not outcomes[0]]
        firsts_ms = [o.first_ms for o in chosen if o is not outcomes[0]]
        rows.append(
            (
                group,
                len(chosen),
                f"{sum(firsts)}/{len(firsts)}" if firsts else "–",
                f"{statistics.mean(recalls):.2f}" if recalls else "–",
                f"{statistics.mean(precisions):.2f}",
                f"{statistics.median(firsts_ms):.0f} / {max(firsts_ms):.0f}" if firsts_ms else "–",
                f"{statistics.median(latencies):.0f} / {max(latencies):.0f}" if latencies else "–",
                f"{statistics.median(o.query_bytes for o in chosen) / 1024:.1f} / "
                f"{max(o.query_bytes for o in chosen) / 1024:.1f}",
            )
        )
    print(
        "| queries | n | names first (top 3 for variants) | recall | precision@5 | first result ms median / max "
        "| settled ms median / max | KB per query median / max |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        print("| " + " | ".join(str(cell) for cell in row) + " |")
    first = outcomes[0]
    print(
        f"\nfirst query of the session ({first.query}): first result {first.first_ms:.0f} ms, "
        f"settled {first.latency_ms:.0f} ms, {first.query_bytes / 1024:.1f} KB"
    )
    print(f"search bytes fetched before the box was used: {max(o.ahead_bytes for o in outcomes) / 1024:.1f} KB")
    misses = [
        o for o in outcomes if expected[o.query] and expected[o.query] not in o.pages[: 1 if o.group == "name" else 3]
    ]
    for o in misses:
        print(f"  missed: {o.query} → {o.pages[:3]}")


def build(cases: int, target: Path) -> Path:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if cases != 16:
        env["SME_DATA_DIR"] = str(write_synthetic(cases, target / "data"))
    site = target / "site"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=ROOT, env=env, check=True)
    return site


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=16)
    parser.add_argument("--site", type=Path, help="an already built site (skips the build)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or build(args.cases, Path(tmp))
        texts = page_texts(site)
        print(f"{len(texts)} pages\n")
        report(measure(site), texts)


if __name__ == "__main__":
    main()
