"""Build time of the site for the real data and for synthetic data sets, each
beside a plain MkDocs Material build with the same number of pages.

    .venv/bin/python -m benchmarks.build_time            # real, 100, 1000 cases
    .venv/bin/python -m benchmarks.build_time 100 300     # chosen sizes

Runs ours and the plain build in turn (ours, plain, ours, plain, ...) and
takes the ratio pair by pair, so that a change in the shared machine's speed
during the call moves both sides of a ratio alike. Prints the median seconds,
the median ratio ours / plain and our seconds per case (flat = linear growth),
then the guards of the README: at 1,000 cases at most 3x plain, and
t(1000) / t(100) at most 11 (linear growth).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.synthetic_data import ROOT, write_synthetic
from macros.data.vocab import SECTIONS as SECTION_LABELS

SECTIONS = list(SECTION_LABELS.values())
MAX_RATIO_AT_1000 = 3.0
MAX_GROWTH_100_TO_1000 = 11.0


def plain_site(pages: int, target: Path) -> Path:
    """A plain Material site: the same page count, sections and pruned navigation."""
    docs = target / "docs"
    (docs / "cases").mkdir(parents=True)
    (docs / "index.md").write_text("# ホーム\n\n本文。\n", encoding="utf-8")
    nav = ["nav:", "  - ホーム: index.md", "  - 事例:"]
    for section_index, section in enumerate(SECTIONS):
        nav.append(f"      - {section}:")
        for number in range(section_index + 1, pages + 1, len(SECTIONS)):
            (docs / "cases" / f"case-{number}.md").write_text(
                f"# 事例{number}\n\n## 概要\n\n"
                + "中小企業のネットワークの説明文です。" * 40
                + "\n\n## 数値\n\n| 項目 | 値 |\n|---|---|\n| 会員 | 38社 |\n",
                encoding="utf-8",
            )
            nav.append(f"          - cases/case-{number}.md")
    config = [
        "site_name: plain",
        "theme:",
        "  name: material",
        "  language: ja",
        "  font: false",
        "  features: [navigation.sections, navigation.prune]",
        "plugins: [search]",
        *nav,
    ]
    (target / "mkdocs.yml").write_text("\n".join(config) + "\n", encoding="utf-8")
    return target


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
            plain = plain_site(size, tmp / f"plain-{size}")
            pairs = [
                (timed_build(ROOT, tmp / "site-ours", ours_env), timed_build(plain, tmp / "site-plain", env))
                for _ in range(args.runs)
            ]
            o, b = statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs)
            ratio = statistics.median(p[0] / p[1] for p in pairs)
            print(f"{size:>6} {o:>9.2f} {b:>10.2f} {ratio:>6.2f} {o / size * 1000:>10.1f}", flush=True)
            results[size] = (o, ratio)
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
