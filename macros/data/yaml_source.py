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
from typing import Any

import yaml

from . import characters
from .messages import Loc, Problem, format_loc

MAX_BYTES = 512 * 1024  # the largest real case file is a few dozen KiB
MAX_DEPTH = 20  # mappings and lists inside each other; the schema needs 6


class DataFileError(Exception):
    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


# libyaml's parser when PyYAML has it (about ten times faster), else the pure-Python one. Any: a
# class chosen at run time, which a type checker cannot take as a base class otherwise.
_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
_KEY_MESSAGE = "キーには文字列を書いてください（<< や入れ子のキーは使えません）"
_DEPTH_MESSAGE = f"入れ子が深すぎます（上限 {MAX_DEPTH} 段）。リストや「キー: 値」の字下げを見直してください"


def _tag_message(tag: str) -> str:
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    return f"タグ {shown} は使えません。! で始まる型の指定を消して、値をそのまま書いてください"


_NO_KEY = object()  # a mapping waiting for its next key


@dataclass
class _Open:
    """A list or mapping being read: where it is, and (for a mapping) the key whose value comes next."""

    container: list | dict
    loc: Loc
    key: object = _NO_KEY
    key_lines: dict = field(default_factory=dict)


class _Builder:
    """Build the data from PyYAML's event stream and note each field's line, in one pass.

    No recursion (PyYAML's composer recurses once per level, and its C version
    overflows the C stack on a few hundred thousand nested brackets), so the
    nesting is checked as it is read. Anchors, aliases and explicit tags are
    refused where they stand. Strings (nearly every scalar) are taken as they
    are; other scalars go through PyYAML's safe resolver and constructor, so
    numbers, booleans and nulls mean what they mean in any YAML tool.
    """

    def __init__(self, path: str):
        self.path = path
        self.lines: dict = {}
        self.scalars = yaml.SafeLoader("")  # resolving and constructing scalars needs no parser
        self.scalars.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers

    def problem(self, event, loc: Loc, message: str) -> DataFileError:
        return DataFileError(Problem(self.path, event.start_mark.line + 1, format_loc(loc), message))

    def scalar(self, event: yaml.ScalarEvent, loc: Loc) -> object:
        tag = self.scalars.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == _STR:
            return event.value
        if tag == _MERGE:
            raise self.problem(event, loc, _KEY_MESSAGE)
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            return self.scalars.construct_object(node)
        except (ValueError, OverflowError):  # e.g. an integer of thousands of digits
            shown = event.value if len(event.value) <= 20 else event.value[:17] + "..."
            raise self.problem(event, loc, f"桁が多すぎて数として読めません（書かれている値: {shown}）") from None

    def build(self, text: str) -> object:
        """The data of the file's one document (None if it has none)."""
        root: object = None
        stack: list[_Open] = []
        documents = 0
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise self.problem(event, (), "YAML の書式エラー: 1つのファイルに書ける文書（---）は1つです")
                continue
            if not isinstance(event, (yaml.NodeEvent, yaml.CollectionEndEvent)):
                continue  # stream and document ends
            if isinstance(event, yaml.CollectionEndEvent):
                stack.pop()
                continue
            if isinstance(event, yaml.AliasEvent) or event.anchor is not None:
                raise self.problem(event, (), _ALIAS_MESSAGE)
            if event.tag is not None:  # written in the file: a tag on a list or mapping would be dropped
                raise self.problem(event, (), _tag_message(event.tag))
            top = stack[-1] if stack else None
            if top is not None and isinstance(top.container, dict) and top.key is _NO_KEY:
                self.key(top, event)
                continue
            loc = (
                ()
                if top is None
                else top.loc + ((len(top.container),) if isinstance(top.container, list) else (top.key,))
            )
            self.lines[loc] = event.start_mark.line + 1
            if isinstance(event, yaml.ScalarEvent):
                value = self.scalar(event, loc)
            else:
                if len(stack) >= MAX_DEPTH:
                    raise self.problem(event, (), _DEPTH_MESSAGE)  # the path itself would be most of the message
                container: list | dict = [] if isinstance(event, yaml.SequenceStartEvent) else {}
                stack.append(_Open(container, loc))  # and into its parent below, through `top`
                value = container
            if top is None:
                root = value
            elif isinstance(top.container, list):
                top.container.append(value)
            else:
                top.container[top.key] = value
                top.key = _NO_KEY
        return root

    def key(self, mapping: _Open, event) -> None:
        if not isinstance(event, yaml.ScalarEvent):
            raise self.problem(event, mapping.loc, _KEY_MESSAGE)
        key = self.scalar(event, mapping.loc)
        line = event.start_mark.line + 1
        if key in mapping.key_lines:
            first = mapping.key_lines[key]
            raise self.problem(event, mapping.loc + (key,), f"キー '{key}' が重複しています（最初は {first} 行目）")
        mapping.key_lines[key] = line
        self.lines[mapping.loc + (key,)] = line
        mapping.key = key


def _refuse_hidden_characters(text: str, name: str) -> None:
    """A control or invisible character anywhere in the file (comments too), at its line and column."""
    found = characters.RAW_FILE.search(text)
    if found is None:
        return
    start = text.rfind("\n", 0, found.start()) + 1
    end = text.find("\n", found.start())
    line_text = text[start : end if end >= 0 else len(text)]
    message = characters.hidden_character_message(line_text, characters.RAW_FILE)
    assert message is not None  # the line holds the character found above
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
    builder = _Builder(name)
    try:
        data = builder.build(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = mark.line + 1 if mark else None
        raise DataFileError(Problem(name, where, "", f"YAML の書式エラー: {exc.problem or exc}")) from None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML marks nearly everything
        raise DataFileError(Problem(name, None, "", f"YAML の書式エラー: {exc}")) from None
    finally:
        builder.scalars.dispose()
    if data is None and not builder.lines:  # comments only
        raise DataFileError(Problem(name, None, "", "ファイルが空です"))
    return LoadedYaml(name, data, builder.lines)
