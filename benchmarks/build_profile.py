"""Where a build's wall time goes: each plugin/hook event, Markdown and the theme.

    SME_DATA_DIR=/tmp/data-1000 .venv/bin/python benchmarks/build_profile.py

Wraps every registered event handler, Markdown conversion and theme template
rendering with a wall-clock timer (no profiler, so the shares are real), runs
one `mkdocs build` and prints seconds per part, largest first.
"""

from __future__ import annotations

import collections
import functools
import os
import tempfile
import time
from pathlib import Path

from mkdocs.commands import build as build_module
from mkdocs.config import load_config
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent
spent: collections.Counter = collections.Counter()
per_page: collections.Counter = collections.Counter()  # all page events of one page together
per_label_page: collections.Counter = collections.Counter()


def timed(label: str, function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            elapsed = time.perf_counter() - start
            spent[label] += elapsed
            page = kwargs.get("page")
            if page is not None:
                per_page[page.file.src_uri] += elapsed
                per_label_page[(label, page.file.src_uri)] += elapsed

    return wrapper


def main() -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.chdir(ROOT)
    Page.render = timed("markdown → HTML (Page.render)", Page.render)
    build_module._build_template = timed("theme templates (_build_template)", build_module._build_template)
    build_module._build_page = timed("page output: theme + page events (_build_page)", build_module._build_page)
    with tempfile.TemporaryDirectory() as site:
        config = load_config(str(ROOT / "mkdocs.yml"), site_dir=site)
        for event, handlers in config.plugins.events.items():
            origins = config.plugins._event_origins
            config.plugins.events[event] = [
                timed(f"on_{event}: {origins.get(h, getattr(h, '__name__', '?'))}", h) for h in handlers
            ]
        start = time.perf_counter()
        config.plugins.on_startup(command="build", dirty=False)
        build_module.build(config)
        config.plugins.on_shutdown()
        total = time.perf_counter() - start
    print(f"{'seconds':>8}  part (nested parts overlap: theme templates include on_page_context etc.)")
    for label, seconds in spent.most_common():
        if seconds >= 0.05:
            print(f"{seconds:8.2f}  {label}")
    print(f"{total:8.2f}  total")
    print("\nslowest pages (their plugin/hook events):")
    for uri, seconds in per_page.most_common(8):
        print(f"{seconds:8.2f}  {uri}")


if __name__ == "__main__":
    main()
