"""Per page type: transferred bytes, request count, and Lighthouse scores.

    .venv/bin/python -m benchmarks.page_weight [--site site] [--no-lighthouse]

Builds nothing: point it at a built site (default: site/). The site is served
from 127.0.0.1 with gzip, as a real host would. Lighthouse (npm package
lighthouse 13.5.0, installed on first use into benchmarks/.lighthouse) runs
Debian's chromium with its default mobile settings; scores are 0-100, the
median of --runs runs (Lighthouse's own advice: its blocking-time figure
follows the machine's load, and this shared machine's load varies).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from benchmarks.serve import serve

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PAGES = {
    "home (text)": "",
    "case page (text + tables)": "cases/rodan21/",
    "long case page (TAMA)": "cases/tama/",
    "comparison table (table + sort/filter JS)": "compare/",
    "charts (plotly)": "charts/",
    "compositions (many charts)": "charts/compositions/",
    "map (SVG)": "map/",
    "lessons index (matrix)": "lessons/",
    "lessons brief (A4)": "lessons/brief/",
    "downloads": "data/",
}
LIGHTHOUSE = ROOT / "benchmarks" / ".lighthouse" / "node_modules" / ".bin" / "lighthouse"


def weights(base: str) -> dict:
    out = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for name, path in PAGES.items():
            page = browser.new_page()
            sizes = []
            page.on(
                "requestfinished",
                lambda r, sizes=sizes: sizes.append(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"]),
            )
            page.goto(base + path, wait_until="networkidle")
            out[name] = (len(sizes), sum(sizes))
            page.close()
        browser.close()
    return out


def lighthouse(url: str) -> dict:
    if not LIGHTHOUSE.exists():
        subprocess.run(
            [
                "npm",
                "install",
                "--silent",
                "--no-audit",
                "--no-fund",
                "--prefix",
                str(LIGHTHOUSE.parents[2]),
                "lighthouse@13.5.0",
            ],
            check=True,
        )
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--only-categories=performance,accessibility",
                "--output=json",
                f"--output-path={report.name}",
                "--chrome-flags=" + " ".join(FLAGS),
            ],
            check=True,
            env=dict(os.environ, CHROME_PATH=CHROMIUM),
            capture_output=True,
            timeout=300,
        )
        result = json.loads(Path(report.name).read_text())
    audits = result["audits"]
    return {
        "performance": round(result["categories"]["performance"]["score"] * 100),
        "accessibility": round(result["categories"]["accessibility"]["score"] * 100),
        "tbt": audits["total-blocking-time"]["numericValue"],
        "lcp": audits["largest-contentful-paint"]["numericValue"],
    }


def lighthouse_median(url: str, runs: int) -> dict:
    results = [lighthouse(url) for _ in range(runs)]
    return {key: statistics.median(r[key] for r in results) for key in results[0]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", default=str(ROOT / "site"))
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (the median is printed)")
    args = parser.parse_args()
    server, base = serve(Path(args.site))
    try:
        print(f"{'page type':44} {'requests':>8} {'KiB':>8} {'perf':>5} {'a11y':>5} {'TBT ms':>7} {'LCP s':>6}")
        for name, (count, size) in weights(base).items():
            if args.no_lighthouse:
                print(f"{name:44} {count:>8} {size / 1024:>8.0f}", flush=True)
                continue
            s = lighthouse_median(base + PAGES[name], args.runs)
            print(
                f"{name:44} {count:>8} {size / 1024:>8.0f} {s['performance']:>5.0f} {s['accessibility']:>5.0f} "
                f"{s['tbt']:>7.0f} {s['lcp'] / 1000:>6.1f}",
                flush=True,
            )
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
