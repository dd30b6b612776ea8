"""Build time of the site for the real data and for synthetic data sets, each
beside a plain MkDocs Material build of the same pages' text.

The plain site is made from our own first build: every page's article text,
headings kept, as a Markdown page of a plain Material site (search plugin on,
no hooks, no macros). So the ratio says what our data handling, charts, tables,
downloads and search cost over Material rendering the same words, not over
near-empty pages.

    .venv/bin/python -m benchmarks.build_time            # real, 100, 1000 cases
    .venv/bin/python -m benchmarks.build_time 100 300     # chosen sizes

Runs ours and the plain build in turn (ours, plain, ours, plain, ...) and
takes the ratio pair by pair, so that a change in the shared machine's speed
during the call moves both sides of a ratio alike. Prints the median seconds,
the median ratio ours / plain and our seconds per case (flat = linear growth),
then the guards of the README: at most 2x plain at 16 cases and 1x at 1,000,
and t(1000) / t(100) at most 11 (linear growth).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

from benchmarks.synthetic_data import ROOT, write_synthetic

# The README's limits, against a plain Material site of the same pages' text.
MAX_RATIO_AT_16 = 2.0
MAX_RATIO_AT_1000 = 1.0
MAX_GROWTH_100_TO_1000 = 11.0


class _ArticleText(HTMLParser):
    """The text of a built page's article, headings as Markdown headings, one paragraph per block."""

    BLOCKS = {"p", "li", "tr", "dd", "dt", "caption", "figcaption", "pre"}
    HEADINGS = {"h1": "#", "h2": "##", "h3": "###", "h4": "####", "h5": "#####", "h6": "######"}

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0  # inside <article>
        self.skip = 0  # inside <script>/<style>
        self.lines: list[str] = []
        self.current: list[str] = []

    def _flush(self, prefix: str = "") -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.lines.append(f"{prefix} {text}".strip())
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth += 1
        elif tag in ("script", "style"):
            self.skip += 1
        elif self.depth and (tag in self.BLOCKS or tag in self.HEADINGS):
            self._flush()

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth -= 1
        elif tag in ("script", "style"):
            self.skip -= 1
        elif self.depth and tag in self.HEADINGS:
            self._flush(self.HEADINGS[tag])
        elif self.depth and tag in self.BLOCKS:
            self._flush()

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.current.append(data)


def plain_site(built: Path, target: Path) -> tuple[Path, int]:
    """A plain Material site holding the text of every page of our built site; (its folder, its page count)."""
    docs = target / "docs"
    count = 0
    for page in sorted(built.rglob("index.html")):
        parser = _ArticleText()
        parser.feed(page.read_text(encoding="utf-8"))
        relative = page.parent.relative_to(built)
        name = docs / ("index.md" if relative == Path(".") else f"{relative.as_posix()}.md")
        name.parent.mkdir(parents=True, exist_ok=True)
        name.write_text("\n\n".join(line.replace("<", "&lt;") for line in parser.lines) + "\n", encoding="utf-8")
        count += 1
    config = [
        "site_name: plain",
        "theme:",
        "  name: material",
        "  language: ja",
        "  font: false",
        "  features: [navigation.sections, navigation.prune]",
        "plugins: [search]",
    ]
    (target / "mkdocs.yml").write_text("\n".join(config) + "\n", encoding="utf-8")
    return target, count


def timed_build(cwd: Path, site: Path, env: dict) -> float:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(result.stdout + result.stderr)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sizes", nargs="*", type=int, default=[16, 100, 1000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    print(f"{'cases':>6} {'ours (s)':>9} {'plain (s)':>10} {'ratio':>6} {'ms / case':>10}")
    results: dict[int, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for size in args.sizes:
            data = ROOT / "data" if size <= 16 else write_synthetic(size, tmp / f"data-{size}")
            ours_env = dict(env, SME_DATA_DIR=str(data))
            timed_build(ROOT, tmp / "site-ours", ours_env)  # warms the disk caches; its pages make the plain site
            plain, pages = plain_site(tmp / "site-ours", tmp / f"plain-{size}")
            print(f"       ({pages} pages)", flush=True)
            pairs = [
                (timed_build(ROOT, tmp / "site-ours", ours_env), timed_build(plain, tmp / "site-plain", env))
                for _ in range(args.runs)
            ]
            o, b = statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs)
            ratio = statistics.median(p[0] / p[1] for p in pairs)
            print(f"{size:>6} {o:>9.2f} {b:>10.2f} {ratio:>6.2f} {o / size * 1000:>10.1f}", flush=True)
            results[size] = (o, ratio)
    if 16 in results:
        ratio = results[16][1]
        print(
            f"guard: 16 cases {ratio:.2f}x plain (limit {MAX_RATIO_AT_16:g}x): {'ok' if ratio <= MAX_RATIO_AT_16 else 'OVER'}"
        )
    if 1000 in results:
        ratio = results[1000][1]
        print(
            f"guard: 1,000 cases {ratio:.2f}x plain (limit {MAX_RATIO_AT_1000:g}x): {'ok' if ratio <= MAX_RATIO_AT_1000 else 'OVER'}"
        )
    if 100 in results and 1000 in results:
        growth = results[1000][0] / results[100][0]
        print(
            f"guard: t(1000) / t(100) = {growth:.1f} (limit {MAX_GROWTH_100_TO_1000:g}): "
            f"{'ok' if growth <= MAX_GROWTH_100_TO_1000 else 'OVER'}"
        )


if __name__ == "__main__":
    main()
