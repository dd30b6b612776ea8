"""Read one YAML data file safely and remember the line of every field.

PyYAML's safe loader is used with three changes: duplicate keys are errors,
anchors/aliases are refused (no "billion laughs"), and dates stay strings (the
schema parses them, so 2003-02-30 is reported instead of crashing).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

MAX_BYTES = 512 * 1024  # the largest real case file is a few dozen KiB

Loc = tuple  # a path into the data: ("members", 0, "count")


@dataclass
class Problem:
    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field or '(ファイル全体)'}: {self.message}"


class DataFileError(Exception):
    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


# libyaml's parser when PyYAML has it (about ten times faster), else the pure-Python one.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):
    pass


# Keep ISO dates as strings; the schema validates them.
_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class LoadedYaml:
    path: str
    data: object
    lines: dict = field(default_factory=dict)  # Loc -> 1-based line

    def line_of(self, loc: Loc) -> int | None:
        """The line of a field, or of its nearest parent that has one."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), 1)


def format_loc(loc: Loc) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _walk(node: yaml.Node, loc: Loc, lines: dict, path: str, seen_nodes: set) -> None:
    # The composer hands back the anchored node again for every alias.
    if id(node) in seen_nodes:
        raise DataFileError(
            Problem(path, node.start_mark.line + 1, format_loc(loc), "アンカー（&）とエイリアス（*）は使えません。値をそのまま書いてください")
        )
    seen_nodes.add(id(node))
    lines[loc] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in seen:
                raise DataFileError(
                    Problem(path, line, format_loc(loc + (key,)), f"キー '{key}' が重複しています（最初は {seen[key]} 行目）")
                )
            seen[key] = line
            lines[loc + (key,)] = line
            _walk(value_node, loc + (key,), lines, path, seen_nodes)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, loc + (index,), lines, path, seen_nodes)


def _refuse_anchors(text: str, name: str) -> None:
    """Stop at the first anchor or alias, before anything is built from it."""
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise DataFileError(
                Problem(name, event.start_mark.line + 1, "", "アンカー（&）とエイリアス（*）は使えません。値をそのまま書いてください")
            )


def load_yaml(path: Path, display: str | None = None) -> LoadedYaml:
    name = display or str(path)
    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        raise DataFileError(Problem(name, None, "", f"ファイルが大きすぎます（{len(raw):,} バイト、上限 {MAX_BYTES:,}）"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataFileError(Problem(name, line, "", "UTF-8 ではありません。UTF-8 で保存し直してください")) from None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise DataFileError(Problem(name, None, "", "ファイルが空です"))
    if "\t" in text:
        line = text[: text.index("\t")].count("\n") + 1
        raise DataFileError(Problem(name, line, "", "タブ文字があります。インデントは半角スペースで書いてください"))
    try:
        _refuse_anchors(text, name)
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise DataFileError(Problem(name, line, "", f"YAML の書式エラー: {exc.problem or exc}")) from None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML marks nearly everything
        raise DataFileError(Problem(name, None, "", f"YAML の書式エラー: {exc}")) from None
    lines: dict = {}
    _walk(node, (), lines, name, set())
    loader = yaml.SafeLoader("")  # constructing from nodes needs no parser
    loader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
    try:
        data = loader.construct_document(node)
    finally:
        loader.dispose()
    return LoadedYaml(name, data, lines)
