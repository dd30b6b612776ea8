"""Time of the search index alone: reading each page's text and building the index files.

    .venv/bin/python -m benchmarks.search_index_time              # real data and 1,000 cases
    .venv/bin/python -m benchmarks.search_index_time 16 --runs 5

For each size, builds the site once (in a fresh process, synthetic data beyond 16 cases)
and records what the search_index hook is given: each page's content HTML and the pages
it hands to the index builder. Then times, on that same input, --runs times each:
- page text: the hook's page_lines over every page's HTML,
- index: the hook's build_search_index over the recorded pages,
- write: the files written under a temporary search/ folder, as the hook writes them.
Prints the median seconds of each and the index's file count and bytes. The hook's names
are looked up on the hook module, so the script times whatever the hook calls.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.synthetic_data import ROOT, write_synthetic

HOOK = "overrides/hooks/search_index.py"  # the key MkDocs loads the hook module under (sys.modules)


def _median(runs: int, work) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure_one(cases: int, runs: int) -> dict:
    """Build once in this process, recording the hook's input, then time its parts."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    with tempfile.TemporaryDirectory() as tmp:
        if cases != 16:
            os.environ["SME_DATA_DIR"] = str(write_synthetic(cases, Path(tmp) / "data"))
        config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(Path(tmp) / "site"))
        hook = sys.modules[HOOK]
        htmls: list[str] = []
        recorded: list = []
        page_lines, build_search_index = hook.page_lines, hook.build_search_index

        def recording_page_lines(html):
            htmls.append(html)
            return page_lines(html)

        def recording_build(pages):
            recorded[:] = pages
            return build_search_index(pages)

        hook.page_lines, hook.build_search_index = recording_page_lines, recording_build
        config.plugins.on_startup(command="build", dirty=False)
        start = time.perf_counter()
        build(config)
        total = time.perf_counter() - start
        hook.page_lines, hook.build_search_index = page_lines, build_search_index

        files = build_search_index(recorded)

        def write():
            target = Path(tempfile.mkdtemp(dir=tmp)) / "search"
            for path, content in files.items():
                file = target / path
                file.parent.mkdir(parents=True, exist_ok=True)
                file.write_bytes(content)

        return {
            "cases": cases,
            "pages": len(recorded),
            "files": len(files),
            "megabytes": sum(map(len, files.values())) / 1e6,
            "build": total,
            "page_text": _median(runs, lambda: [page_lines(html) for html in htmls]),
            "index": _median(runs, lambda: build_search_index(recorded)),
            "write": _median(runs, write),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("cases", type=int, nargs="*", default=[16, 1000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)  # a child process: one size
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure_one(args.cases[0], args.runs)))
        return
    print("cases  pages  files      MB  | page text   index   write  | total (s)   whole build")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    for cases in args.cases:
        # One process per size: the build keeps the data it read for the process's lifetime.
        out = subprocess.run(
            [sys.executable, "-m", "benchmarks.search_index_time", str(cases), "--runs", str(args.runs), "--one"],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        r = json.loads(out.strip().splitlines()[-1])
        total = r["page_text"] + r["index"] + r["write"]
        print(
            f"{r['cases']:5}  {r['pages']:5}  {r['files']:5}  {r['megabytes']:6.1f}  |"
            f"  {r['page_text']:8.2f}  {r['index']:6.2f}  {r['write']:6.2f}  |  {total:8.2f}   {r['build']:8.1f}"
        )


if __name__ == "__main__":
    main()
