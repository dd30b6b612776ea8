"""Read one YAML data file safely and remember the line of every field.

PyYAML's safe loader is used with these changes: duplicate keys are errors,
anchors/aliases are refused (no "billion laughs"), explicit tags are refused
(a tag we do not use is an error at its line, never dropped or run), nesting
is limited (no RecursionError), control and invisible characters in the raw
file are refused at their line, and dates stay strings (the schema parses
them, so 2003-02-30 is reported instead of crashing).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import characters
from .messages import Loc, Problem, format_loc

MAX_BYTES = 512 * 1024  # the largest real case file is a few dozen KiB
MAX_DEPTH = 20  # mappings and lists inside each other; the schema needs 6


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
    path: str  # as shown in messages
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


_STR = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"
_ALIAS_MESSAGE = "アンカー（&）とエイリアス（*）は使えません。値をそのまま書いてください"
_DEPTH_MESSAGE = f"入れ子が深すぎます（上限 {MAX_DEPTH} 段）。リストや「キー: 値」の字下げを見直してください"


def _tag_message(tag: str) -> str:
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    return f"タグ {shown} は使えません。! で始まる型の指定を消して、値をそのまま書いてください"


class _Builder:
    """Build the data from the node tree and note each field's line, in one pass.

    Strings (nearly every scalar) are taken as they are; other scalars go
    through PyYAML's safe constructor, so numbers, booleans and nulls mean
    what they mean in any YAML tool.
    """

    def __init__(self, path: str):
        self.path = path
        self.lines: dict = {}
        self.seen_nodes: set[int] = set()
        self.scalars = yaml.SafeLoader("")  # constructing from nodes needs no parser
        self.scalars.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers

    def problem(self, node: yaml.Node, loc: Loc, message: str) -> DataFileError:
        return DataFileError(Problem(self.path, node.start_mark.line + 1, format_loc(loc), message))

    def scalar(self, node: yaml.ScalarNode, loc: Loc) -> object:
        if node.tag == _STR:
            return node.value
        try:
            return self.scalars.construct_object(node)
        except (ValueError, OverflowError):  # e.g. an integer of thousands of digits
            shown = node.value if len(node.value) <= 20 else node.value[:17] + "..."
            raise self.problem(node, loc, f"桁が多すぎて数として読めません（書かれている値: {shown}）") from None

    def build(self, node: yaml.Node, loc: Loc) -> object:
        # The composer hands back the anchored node again for every alias.
        if id(node) in self.seen_nodes:
            raise self.problem(node, loc, _ALIAS_MESSAGE)
        self.seen_nodes.add(id(node))
        self.lines[loc] = node.start_mark.line + 1
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, loc)
        if len(loc) >= MAX_DEPTH:  # this collection is nested one level deeper than allowed
            raise self.problem(node, loc, _DEPTH_MESSAGE)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, loc + (index,)) for index, item in enumerate(node.value)]
        data: dict = {}
        seen: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == _MERGE:
                raise self.problem(key_node, loc, "キーには文字列を書いてください（<< や入れ子のキーは使えません）")
            key = self.scalar(key_node, loc)
            line = key_node.start_mark.line + 1
            if key in seen:
                raise self.problem(key_node, loc + (key,), f"キー '{key}' が重複しています（最初は {seen[key]} 行目）")
            seen[key] = line
            self.lines[loc + (key,)] = line
            data[key] = self.build(value_node, loc + (key,))
        return data


def _refuse_unused_features(text: str, name: str) -> None:
    """Stop at the first anchor, alias or explicit tag, before anything is built from it.

    A tag on a list or a mapping would otherwise be dropped without a word, and
    one on a scalar could change what the value means.
    """
    if "&" not in text and "*" not in text and "!" not in text:  # none can be written without these
        return
    for event in yaml.parse(text, Loader=_Loader):
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise DataFileError(Problem(name, line, "", _ALIAS_MESSAGE))
        if isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)) and event.tag is not None:
            raise DataFileError(Problem(name, line, "", _tag_message(event.tag)))


def _too_deep(text: str, name: str) -> DataFileError:
    """The line where nesting first passes MAX_DEPTH (read as a flat stream of events, no recursion)."""
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return DataFileError(Problem(name, event.start_mark.line + 1, "", _DEPTH_MESSAGE))
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return DataFileError(Problem(name, None, "", _DEPTH_MESSAGE))  # pragma: no cover - the composer recursed


def _refuse_hidden_characters(text: str, name: str) -> None:
    """A control or invisible character anywhere in the file (comments too), at its line and column."""
    found = characters.RAW_FILE.search(text)
    if found is None:
        return
    start = text.rfind("\n", 0, found.start()) + 1
    end = text.find("\n", found.start())
    line_text = text[start : end if end >= 0 else len(text)]
    message = characters.hidden_character_message(line_text, characters.RAW_FILE)
    raise DataFileError(Problem(name, text.count("\n", 0, start) + 1, "", message))


def load_yaml(path: Path, display: str | None = None) -> LoadedYaml:
    name = display or str(path)
    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        raise DataFileError(
            Problem(name, None, "", f"ファイルが大きすぎます（{len(raw):,} バイト、上限 {MAX_BYTES:,}）")
        )
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
    _refuse_hidden_characters(text, name)
    try:
        _refuse_unused_features(text, name)
        node = yaml.compose(text, Loader=_Loader)
    except RecursionError:
        raise _too_deep(text, name) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise DataFileError(Problem(name, line, "", f"YAML の書式エラー: {exc.problem or exc}")) from None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML marks nearly everything
        raise DataFileError(Problem(name, None, "", f"YAML の書式エラー: {exc}")) from None
    if node is None:  # comments only
        raise DataFileError(Problem(name, None, "", "ファイルが空です"))
    builder = _Builder(name)
    try:
        data = builder.build(node, ())
    except yaml.MarkedYAMLError as exc:  # e.g. an unknown !!tag
        mark = exc.problem_mark or exc.context_mark
        raise DataFileError(
            Problem(name, mark.line + 1 if mark else None, "", f"YAML の書式エラー: {exc.problem or exc}")
        ) from None
    finally:
        builder.scalars.dispose()
    return LoadedYaml(name, data, builder.lines)
