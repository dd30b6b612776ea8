"""Print the 全事例集 page of a built site to an A4 PDF with Chromium (Playwright, Debian's chromium).

    .venv/bin/mkdocs build --strict
    .venv/bin/python scripts/all_cases_pdf.py                 # site/ -> build/all-cases.pdf
    ALL_CASES_PDF=build/all-cases.pdf .venv/bin/mkdocs build --strict   # the site offers it

The site build itself never needs a browser: without ALL_CASES_PDF the download page
says the PDF is not part of this build. The page is served from 127.0.0.1 (as the
browser tests do), and the browser is blocked from every other host.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import re
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PAGE = "all-cases/"
NOT_LOCAL = re.compile(r"^(?!https?://127\.0\.0\.1[:/])")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def print_pdf(site: Path, out: Path, chromium: str = CHROMIUM, browser=None) -> int:
    """Write the PDF; returns its size in bytes. `browser`: a Playwright browser already running (the tests')."""
    if not (site / PAGE / "index.html").is_file():
        raise SystemExit(
            f"{site / PAGE / 'index.html'} がありません。先に mkdocs build --strict でサイトを作ってください。"
        )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/{PAGE}"
    try:
        if browser is not None:
            _print(browser, url, out)
        else:
            with sync_playwright() as playwright:
                own = playwright.chromium.launch(executable_path=chromium, args=ARGS)
                _print(own, url, out)
                own.close()
    finally:
        server.shutdown()
        server.server_close()
    return out.stat().st_size


def _print(browser, url: str, out: Path) -> None:
    context = browser.new_context(locale="ja-JP")
    try:
        context.route(NOT_LOCAL, lambda route: route.abort("blockedbyclient"))
        page = context.new_page()
        page.goto(url, wait_until="load")
        page.emulate_media(media="print")
        out.parent.mkdir(parents=True, exist_ok=True)
        page.pdf(path=str(out), format="A4", print_background=True, prefer_css_page_size=True, outline=True)
    finally:
        context.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="全事例集を A4 の PDF に印刷する（ビルド済みのサイトから）")
    parser.add_argument("--site", type=Path, default=Path("site"), help="ビルド済みのサイト（既定 site/）")
    parser.add_argument("--out", type=Path, default=Path("build/all-cases.pdf"), help="書き出す PDF")
    parser.add_argument("--chromium", default=CHROMIUM, help="chromium の実行ファイル")
    args = parser.parse_args(argv)
    size = print_pdf(args.site, args.out, args.chromium)
    print(f"{args.out}（{size:,} バイト）。サイトに載せるには ALL_CASES_PDF={args.out} で mkdocs build を実行します。")
    return 0


if __name__ == "__main__":
    sys.exit(main())
