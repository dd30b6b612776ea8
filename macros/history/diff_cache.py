"""What a commit changed, kept on disk: history does not change, so each comparison is made once.

One JSON file per pair of data trees (the parent's and the commit's) in a cache
folder (`.cache/changelog/` at the project root, see README). Each file repeats
its whole key: the two tree ids, the data folder's name (the paths in the
changes begin with it) and the version of the code that made it. A file that
does not match its key exactly (another version of the code, a torn or
hand-edited file, another shape) is ignored and made again, never trusted: the
page always shows what the code of this build would compute. A new version
overwrites the file of the same pair, so the folder does not grow with every
change to the code. Files are written under a temporary name and renamed, so a
reader sees a whole file or none; a folder that cannot be written to only means
computing again next time.

The version is a hash of the source of the code that computes a comparison:
the module that asks for it and every module of this package it imports,
directly or not (the loader and its rules, the comparison, the wording of
values and citations), and the versions of pydantic and PyYAML, which read and
validate. It is computed from the files rather than bumped by hand, so no change
to the rules or the wording can leave old comparisons on the page, while a
change elsewhere (a chart, a template) leaves the cache alone.
"""

from __future__ import annotations

import ast
import contextlib
import dataclasses
import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pydantic
import yaml

from ..export.data_diff import ADDED, CHANGED, REMOVED, Change, FileDiff

PACKAGE = Path(__file__).resolve().parents[1]  # macros/
_ACTIONS = (ADDED, REMOVED, CHANGED)


# ------------------------------------------------------------ the version of the code


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _module_file(name: str) -> Path | None:
    """The source file of one of our modules, or None (a name imported from a module, not a module)."""
    base = PACKAGE.parent.joinpath(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _statements(body: list) -> Iterator[ast.AST]:
    """Every statement, nested ones too (an import inside a function), but no expressions: half the time of ast.walk."""
    for node in body:
        yield node
        for field in ("body", "orelse", "finalbody", "handlers", "cases"):
            yield from _statements(getattr(node, field, None) or [])


def _imported(path: Path) -> set[str]:
    """The names of modules of this package that a module imports, anywhere in it (lazy imports too)."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in _statements(ast.parse(path.read_bytes(), str(path)).body):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)  # `from . import vocab`: maybe a module
    return {n for n in found if n == PACKAGE.name or n.startswith(PACKAGE.name + ".")}


def source_files(module: Path) -> list[Path]:
    """A module of this package and every module of it that it imports, directly or not, sorted."""
    seen: set[Path] = set()
    waiting = [module.resolve()]
    while waiting:
        path = waiting.pop()
        if path in seen:
            continue
        seen.add(path)
        waiting += [file for name in _imported(path) if (file := _module_file(name)) is not None]
    return sorted(seen)


def source_version(module: Path) -> str:
    """A hash of the code a module runs: its sources (source_files) and the libraries that validate."""
    digest = hashlib.sha256(f"pydantic {pydantic.VERSION}, PyYAML {yaml.__version__}\n".encode())
    for path in source_files(module):
        digest.update(path.relative_to(PACKAGE.parent).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


# ------------------------------------------------------------ one entry


@dataclass(frozen=True)
class Key:
    version: str  # source_version() of the code that compares
    folder: str  # the data folder's name, as the changes' paths begin: data/cases/x.yaml
    old: str | None  # the data tree of the parent, None when it had no data folder
    new: str | None  # the data tree of the commit

    def file_name(self) -> str:
        # Not the version: a new version replaces the entry of the same pair rather than adding one.
        pair = json.dumps([self.folder, self.old, self.new])
        return hashlib.sha256(pair.encode()).hexdigest()[:32] + ".json"


@dataclass(frozen=True)
class Cached:
    files: list[FileDiff] | None  # None: one side does not validate under the rules of this version


class _Foreign(ValueError):
    """A file that is not an entry of this key."""


def _text(value) -> str:
    if isinstance(value, str):
        return value
    raise _Foreign(f"not a text: {value!r}")


def _optional_text(value) -> str | None:
    return None if value is None else _text(value)


def _action(value) -> str:
    if value not in _ACTIONS:
        raise _Foreign(f"not an action: {value!r}")
    return value


def _list(value) -> list:
    if not isinstance(value, list):
        raise _Foreign(f"not a list: {value!r}")
    return value


def _change(item: dict) -> Change:
    return Change(
        _action(item["action"]), _text(item["item"]), _optional_text(item["old"]), _optional_text(item["new"])
    )


def _file_diff(item: dict) -> FileDiff:
    changes = [_change(change) for change in _list(item["changes"])]
    return FileDiff(_text(item["path"]), _text(item["title"]), _action(item["status"]), changes)


def _entry(key: Key, files: list[FileDiff] | None) -> dict:
    return {
        **dataclasses.asdict(key),
        "files": None if files is None else [dataclasses.asdict(diff) for diff in files],
    }


def read(cache_dir: Path, key: Key) -> Cached | None:
    """The entry of key, or None when there is none that matches it exactly (missing, foreign or corrupt)."""
    try:
        entry = json.loads((cache_dir / key.file_name()).read_text(encoding="utf-8"))
        if {name: entry[name] for name in dataclasses.asdict(key)} != dataclasses.asdict(key):
            return None  # another version of the code, or another pair under the same name
        files = entry["files"]
        return Cached(None if files is None else [_file_diff(item) for item in _list(files)])
    except (OSError, ValueError, KeyError, TypeError):  # no file, not JSON, not UTF-8, another shape
        return None


def write(cache_dir: Path, key: Key, files: list[FileDiff] | None) -> None:
    """Keep an entry: written whole under a temporary name, then renamed over any old one."""
    text = json.dumps(_entry(key, files), ensure_ascii=False)
    temporary = None
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=cache_dir, prefix=".", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, cache_dir / key.file_name())
    except OSError:
        # A cache is only a shortcut: a read-only checkout or a full disk must not fail the build.
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
