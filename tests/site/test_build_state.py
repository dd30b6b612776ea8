"""One build, one state: what a build computes is held by its Build, and nothing of it outlives the build.

The only module-level state of the site code is the session and the build in progress
(macros/site/build.py); memoised pure functions (a template environment, a parsed period,
a model's field plan) are the only caches, since their answers never depend on the data.
"""

from __future__ import annotations

import ast
import shutil
from pathlib import Path
from types import SimpleNamespace

from macros.site import build
from tests.conftest import FIXTURES, ROOT

# (module, name): the state and the pure memos allowed at module level, and why
ALLOWED_STATE = {("macros/site/build.py", "_session"), ("macros/site/build.py", "_current")}
PURE_MEMOS = {
    ("macros/views/render.py", "environment"),  # the templates' Jinja environment: no data in it
    ("macros/data/periods.py", "_parse_text"),  # a period string always parses the same
    ("macros/data/models.py", "_plan"),  # which fields of a model class hold a kind of value
}


def _module_state(path: Path) -> list[str]:
    """Module-level names bound to an empty mutable container, and functions memoised by functools."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in tree.body:
        targets = (
            node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        )
        value = getattr(node, "value", None)
        empty = isinstance(value, (ast.Dict, ast.List, ast.Set)) and not getattr(
            value, "keys", getattr(value, "elts", None)
        )
        empty |= (
            isinstance(value, ast.Call) and getattr(value.func, "id", "") in ("dict", "list", "set") and not value.args
        )
        found += [t.id for t in targets if isinstance(t, ast.Name) and empty]
        if isinstance(node, ast.FunctionDef):
            names = {getattr(d, "id", getattr(getattr(d, "func", None), "id", "")) for d in node.decorator_list}
            if names & {"cache", "lru_cache"}:
                found.append(node.name)
    return found


def test_no_module_keeps_state_of_a_build():
    found = {
        (path.relative_to(ROOT).as_posix(), name)
        for folder in ("macros", "overrides/hooks")
        for path in sorted((ROOT / folder).rglob("*.py"))
        for name in _module_state(path)
    }
    assert found - ALLOWED_STATE - PURE_MEMOS == set()


def test_the_scan_finds_a_cache(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("from functools import lru_cache\n_cache: dict = {}\n@lru_cache\ndef f(x):\n    return x\n")
    assert _module_state(module) == ["_cache", "f"]


def _config(tmp_path: Path) -> SimpleNamespace:
    return SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"), extra={})


def test_each_build_reads_the_data_afresh(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal", data)
    monkeypatch.setenv("SME_DATA_DIR", str(data))
    first = build.begin(_config(tmp_path))
    assert first.dataset.case_by_id["hit"].name.short == "HIT"
    case = data / "cases" / "hit.yaml"
    case.write_text(case.read_text(encoding="utf-8").replace("short: HIT,", "short: HIT2,"), encoding="utf-8")
    second = build.begin(_config(tmp_path))  # what `mkdocs serve` does for a rebuild
    assert build.current() is second and second is not first
    assert second.dataset.case_by_id["hit"].name.short == "HIT2"
    assert second.charts is second.charts  # computed once per build, then shared
