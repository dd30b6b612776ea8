"""Browser harness: serve the real built site on 127.0.0.1 and drive Debian's chromium.

`built_site` (tests/conftest.py) runs `mkdocs build --strict` once per session; here it is served
with the standard library's http.server and opened with Playwright's sync API. One browser is
shared by the whole session; every test gets a fresh context and page (`browser_page`), whose
requests, failures and console errors are recorded in a `PageLog`. Requests for any host other
than 127.0.0.1 are recorded and aborted, so the suite never touches the network.

Visiting every page is the expensive part (two cores), so it happens once: `site_visits` opens
each page, waits until it has settled, and records what the per-page gates need (problems, data
tables, `lang`, axe-core violations, what is too wide for A4 in print emulation, what prints that
is for the screen only, and the layout at 390 and 1280 px). test_pages.py, test_accessibility.py,
test_print.py and test_layout.py assert on it.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
LOCAL_HOST = "127.0.0.1"
VIEWPORT = {"width": 1280, "height": 900}
AXE = Path(__file__).resolve().parent.parent / "vendor" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# A4 (210 mm) minus the 12 mm side margins of extra.css's @page rule, in CSS px (96 per inch):
# what Chromium lays a printed page out in.
PRINT_WIDTH = round((210 - 2 * 12) / 25.4 * 96)  # 703
# Any URL that is not served by 127.0.0.1 (data:, blob: and about: never reach the router).
NOT_LOCAL = re.compile(r"^(?!https?://127\.0\.0\.1[:/])")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    """Base URL (ending in "/") of the built site, served on 127.0.0.1 at a random free port."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer((LOCAL_HOST, 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://{LOCAL_HOST}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def page_paths(site: Path) -> list[str]:
    """URL paths of every HTML page in the site ("" for the home page), 404.html excluded."""
    paths = []
    for file in sorted(site.rglob("*.html")):
        rel = file.relative_to(site).as_posix()
        if rel == "404.html":
            continue
        paths.append(rel.removesuffix("index.html"))
    return paths


@pytest.fixture(scope="session")
def site_pages(built_site: Path) -> list[str]:
    """Every HTML page of the site as a path relative to `site_url` (404.html is tested on its own)."""
    paths = page_paths(built_site)
    # Home, the case index and 16 cases, 3 column pages, 13 lesson pages, glossary, about, ...:
    # fewer than this means the walk (or the build) silently lost pages.
    assert len(paths) > 30, paths
    return paths


@pytest.fixture(scope="session")
def browser() -> Browser:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@dataclass
class PageLog:
    """What happened while a page was open: console errors, failures and every requested URL."""

    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    in_flight: set = field(default_factory=set)

    def clear(self) -> None:
        for items in (self.console_errors, self.failed, self.requests, self.foreign, self.in_flight):
            items.clear()

    def problems(self) -> list[str]:
        return (
            [f"console error: {m}" for m in self.console_errors]
            + [f"failed request: {m}" for m in self.failed]
            + [f"request to another host: {u}" for u in self.foreign]
        )


def new_logged_page(context: BrowserContext) -> tuple[Page, PageLog]:
    """A page of `context` with every request, failure and console error recorded."""
    log = PageLog()

    def foreign(route):
        log.foreign.append(route.request.url)
        route.abort("blockedbyclient")

    def started(req):
        log.requests.append(req.url)
        log.in_flight.add(req)

    def failed(req):
        log.in_flight.discard(req)
        if req.url not in log.foreign:
            log.failed.append(f"{req.url} ({req.failure})")

    context.route(NOT_LOCAL, foreign)
    context.on("request", started)
    context.on("requestfinished", lambda req: log.in_flight.discard(req))
    context.on("requestfailed", failed)
    context.on(
        "response",
        lambda resp: log.failed.append(f"{resp.url} (HTTP {resp.status})") if resp.status >= 400 else None,
    )
    page = context.new_page()
    page.on("console", lambda msg: log.console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: log.console_errors.append(f"uncaught: {exc}"))
    page.set_default_timeout(10_000)
    return page, log


@pytest.fixture
def browser_page(browser: Browser):
    """A fresh page (desktop viewport, Japanese locale) and the `PageLog` that records it."""
    context = browser.new_context(locale="ja-JP", viewport=VIEWPORT)
    try:
        yield new_logged_page(context)
    finally:
        context.close()


def open_page(page: Page, log: PageLog, url: str, settle: bool = True) -> None:
    """Go to `url` and wait for `load`; with `settle`, also scroll every lazily loaded element into
    view and wait until no request has been in flight for 100 ms (cheaper than "networkidle",
    which always waits a further 500 ms, but it still waits for what a page starts after `load`).
    """
    log.clear()
    response = page.goto(url, wait_until="load")
    assert response is not None and response.ok, f"{url}: HTTP {response.status if response else '?'}"
    if settle:
        page.evaluate(
            """async () => {
                const frame = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
                const lazy = document.querySelectorAll('[loading="lazy"]');
                for (const el of lazy) {
                    el.scrollIntoView({block: 'center'});
                    await frame();
                }
                if (lazy.length) scrollTo(0, 0);
            }"""
        )
        wait_for_requests(page, log, url)


def wait_for_requests(page: Page, log: PageLog, what: str, quiet_ms: int = 100) -> None:
    """Wait until no request of the page has been in flight for `quiet_ms` (at most ~10 s)."""
    quiet = 0
    for _ in range(200):
        page.wait_for_timeout(50)  # also lets Playwright deliver the request events
        quiet = quiet + 1 if not log.in_flight else 0
        if quiet * 50 >= quiet_ms:
            return
    raise AssertionError(f"{what}: requests still in flight: {[r.url for r in log.in_flight]}")


@pytest.fixture(scope="session")
def chart_page(built_site) -> str:
    """A page with a chart that can be switched to the interactive (plotly) version."""
    pages = sorted(
        p.relative_to(built_site).as_posix()[: -len("index.html")]
        for p in built_site.rglob("index.html")
        if "data-activate=" in p.read_text(encoding="utf-8")
    )
    assert pages, "no page offers an interactive chart"
    return "charts/" if "charts/" in pages else pages[0]


def activate_chart(page, log, url: str, chart_id: str | None = None) -> str:
    """Press a chart's "interactive" button (the first one's by default); return the chart id
    once plotly has drawn it."""
    selector = f'button[data-activate="{chart_id}"]' if chart_id else "button[data-activate]"
    button = page.locator(selector).first
    expect(button).to_be_visible()
    chart_id = button.get_attribute("data-activate")
    button.click()
    expect(page.locator(f'[data-chart="{chart_id}"]')).to_have_attribute("data-drawn", "yes", timeout=15_000)
    wait_for_requests(page, log, url)
    return chart_id


def inject_axe(page: Page) -> None:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))


def run_axe(page: Page, run_only: dict | None = None) -> list[dict]:
    """Inject the vendored axe-core and return the violations of the open page (by default of the
    WCAG 2.0/2.1 A and AA rules)."""
    inject_axe(page)
    return page.evaluate(
        """async (runOnly) => {
            const result = await axe.run(document, {runOnly, resultTypes: ['violations']});
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.map(n => n.target.join(' ')),
                summary: v.nodes.length ? v.nodes[0].failureSummary : '',
            }));
        }""",
        run_only or {"type": "tag", "values": AXE_TAGS},
    )


def format_violations(violations: list[dict], limit: int = 8) -> str:
    lines = []
    for v in violations:
        targets = v["targets"][:limit] + (["..."] if len(v["targets"]) > limit else [])
        lines.append(f"  [{v['impact']}] {v['id']}: {v['help']} ({len(v['targets'])} nodes)")
        lines.extend(f"      {t}" for t in targets)
        if v["summary"]:
            lines.append("      " + v["summary"].replace("\n", "\n      "))
    return "\n".join(lines)


PRINT_OVERFLOW_JS = """() => {
    const content = document.querySelector('.md-content');
    if (!content) return ['no .md-content'];
    const box = content.getBoundingClientRect();
    const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
        [...el.classList].map(c => '.' + c).join('');
    const found = [];
    if (content.scrollWidth > content.clientWidth + 1)
        found.push(`.md-content is ${content.scrollWidth}px wide, shows ${content.clientWidth}px`);
    for (const el of content.querySelectorAll('*')) {
        if (el.ownerSVGElement) continue;  // drawn inside an <svg>, which clips it to its own box
        const r = el.getBoundingClientRect();
        if (!r.width) continue;
        const clips = getComputedStyle(el).overflowX !== 'visible';
        if (r.right > box.right + 1 || r.left < box.left - 1)
            found.push(`${name(el)} spans ${Math.round(r.left)}..${Math.round(r.right)}px, page is ` +
                       `${Math.round(box.left)}..${Math.round(box.right)}px`);
        else if (clips && el.scrollWidth > el.clientWidth + 1)
            found.push(`${name(el)} cuts off content: ${el.scrollWidth}px in ${el.clientWidth}px`);
    }
    return found;
}"""


# Screen-only things that must not print: instructions for the mouse and keyboard, the
# breadcrumb, edit links, buttons and form controls.
SCREEN_ONLY_JS = """() => {
    const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const found = [];
    for (const selector of ['.md-path', '.case-edit', '.screen-only', '.table-filters', '.chart-interactive',
                            '.chart-download', '.headerlink', '.md-content button', '.md-content select'])
        for (const el of document.querySelectorAll(selector))
            if (shown(el)) found.push(`${selector}: ${el.textContent.trim().slice(0, 40)}`);
    const text = document.querySelector('.md-content')?.innerText || '';
    for (const words of ['を押すと', 'ポインターを重ね', 'クリックすると', 'このデータを編集'])
        if (text.includes(words)) found.push(`text: …${words}…`);
    return found;
}"""


# Layout at one window width: page-level sideways scroll, chart pictures' text, table columns,
# and (at 1280 px) whether the side bar holds every main section without scrolling.
LAYOUT_JS = """() => {
    const root = document.documentElement;
    const found = {scroll: root.scrollWidth - root.clientWidth, svg: [], narrow: [], hidden_columns: [], nav: 0,
                   wide: [], wider: []};
    if (found.scroll > 0)  // what sticks out, for the report
        for (const el of document.querySelectorAll('.md-container *'))
            if (el.getBoundingClientRect().right > root.clientWidth + 1 && el.getClientRects().length && found.wide.length < 5)
                found.wide.push(el.tagName.toLowerCase() + '.' + [...el.classList].join('.'));
    for (const svg of document.querySelectorAll('svg.chart-svg')) {
        if (!svg.getClientRects().length) continue;  // the picture for the other width
        const id = svg.closest('[data-chart]').dataset.chart;
        const vb = svg.viewBox.baseVal;
        const boxes = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim()).map(t => {
            const b = t.getBBox();
            return {text: t.textContent.trim(), tick: t.classList.contains('chart-svg-tick'),
                    l: b.x, t: b.y, r: b.x + b.width, b: b.y + b.height};
        });
        for (const b of boxes)
            if (b.l < vb.x - .5 || b.t < vb.y - .5 || b.r > vb.x + vb.width + .5 || b.b > vb.y + vb.height + .5)
                found.svg.push(`${id}: "${b.text}" outside the picture`);
        boxes.forEach((a, i) => boxes.slice(i + 1).forEach(b => {
            if (a.l < b.r - .5 && b.l < a.r - .5 && a.t < b.b - .5 && b.t < a.b - .5)
                found.svg.push(`${id}: "${a.text}" overlaps "${b.text}"`);
        }));
        const ticks = boxes.filter(b => b.tick).map(b => b.text);
        if (new Set(ticks).size !== ticks.length) found.svg.push(`${id}: tick labels repeat: ${ticks.join(', ')}`);
    }
    // No column narrower than a short word: a cell whose text needs 4 characters or more
    // gets at least 2.5 of them on a line (cards on phones are not columns).
    // Only what is drawn: a column hidden by a script (事例を並べて比べる) is not narrow.
    for (const table of document.querySelectorAll('.md-content table')) {
        if (getComputedStyle(table).display !== 'table' || !table.getClientRects().length) continue;
        for (const cell of table.querySelectorAll('th, td')) {
            if (!cell.getClientRects().length) continue;
            const style = getComputedStyle(cell);
            const inner = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
            const text = cell.textContent.trim();
            if (text.length >= 4 && inner < 2.5 * parseFloat(style.fontSize) && !cell.closest('.theme-matrix thead'))
                found.narrow.push(`${table.className}: "${text.slice(0, 12)}" in ${Math.round(inner)}px`);
        }
        // A table wider than its box must scroll inside it (not hide columns, not widen the page).
        const box = table.parentElement;
        if (table.offsetWidth > box.clientWidth + 1) {
            found.wider.push(`${table.className}: ${table.offsetWidth}px in ${box.clientWidth}px`);
            if (!['auto', 'scroll'].includes(getComputedStyle(box).overflowX))
                found.hidden_columns.push(`${table.className}: ${table.offsetWidth}px in ${box.clientWidth}px, no scrolling box`);
        }
    }
    const nav = document.querySelector('.md-sidebar--primary .md-sidebar__scrollwrap');
    const header = document.querySelector('.md-header');
    if (nav && nav.getClientRects().length)
        found.nav = nav.scrollHeight - (innerHeight - (header ? header.offsetHeight : 0));
    return found;
}"""

LAYOUT_WIDTHS = (390, 1280)


def layout_at(page: Page, width: int) -> dict:
    page.set_viewport_size({"width": width, "height": VIEWPORT["height"]})
    try:
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        return page.evaluate(LAYOUT_JS)
    finally:
        page.set_viewport_size(VIEWPORT)


def print_overflow(page: Page) -> list[str]:
    """Elements of the open page that do not fit the A4 printable width (in print emulation)."""
    page.set_viewport_size({"width": PRINT_WIDTH, "height": 1000})
    page.emulate_media(media="print")
    try:
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        found = page.evaluate(PRINT_OVERFLOW_JS)
    finally:
        page.emulate_media(media="screen")
        page.set_viewport_size(VIEWPORT)
    # A wide table makes hundreds of wide cells: the first 20 tell the story.
    return found[:20] + ([f"... and {len(found) - 20} more"] if len(found) > 20 else [])


def printed_screen_only(page: Page) -> list[str]:
    page.emulate_media(media="print")
    try:
        return page.evaluate(SCREEN_ONLY_JS)
    finally:
        page.emulate_media(media="screen")


@dataclass
class Visit:
    """What one visit of a page found."""

    problems: list[str]
    requests: list[str]
    lang: str | None
    tables: list[dict]
    axe: list[dict]
    print_overflow: list[str]
    charts: list[dict]
    layout: dict = field(default_factory=dict)  # width (390, 1280) -> LAYOUT_JS's findings
    printed_screen_only: list[str] = field(default_factory=list)


# Every chart as drawn on screen: its picture's size and its data marks (each carries a <title>).
CHARTS_JS = """() => [...document.querySelectorAll('[data-chart]')].map(c => {
    const svg = c.querySelector('svg');
    const box = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};
    return {id: c.dataset.chart, width: box.width, height: box.height,
            marks: svg ? svg.querySelectorAll(':is(rect, circle, path, polygon, a) > title').length : 0};
})"""

TABLES_JS = """() => [...document.querySelectorAll('table.data-table')].map(t => ({
    cls: t.className,
    scoped_cols: t.querySelectorAll('th[scope="col"]').length,
    unscoped_head: [...t.querySelectorAll('thead th')].filter(th => th.getAttribute('scope') !== 'col').length,
}))"""


@pytest.fixture(scope="session")
def site_visits(browser: Browser, site_url: str, site_pages: list[str]) -> dict[str, Visit]:
    """Open every page once and record what the per-page gates need."""
    context = browser.new_context(locale="ja-JP", viewport=VIEWPORT)
    page, log = new_logged_page(context)
    visits: dict[str, Visit] = {}
    try:
        for path in site_pages:
            try:
                open_page(page, log, site_url + path)
            except Exception as exc:  # noqa: BLE001 - reported by every gate, page by page
                failed = [f"could not open the page: {exc}"]
                not_opened = [
                    {"id": "page-not-opened", "impact": "critical", "help": failed[0], "targets": [], "summary": ""}
                ]
                visits[path] = Visit(log.problems() + failed, list(log.requests), None, [], not_opened, failed, [])
                continue
            layout = {width: layout_at(page, width) for width in LAYOUT_WIDTHS}  # before axe moves focus about
            visits[path] = Visit(
                problems=log.problems(),
                requests=list(log.requests),
                lang=page.evaluate("document.documentElement.getAttribute('lang')"),
                tables=page.evaluate(TABLES_JS),
                axe=run_axe(page),
                print_overflow=print_overflow(page),
                charts=page.evaluate(CHARTS_JS),
                layout=layout,
                printed_screen_only=printed_screen_only(page),
            )
    finally:
        context.close()
    return visits
