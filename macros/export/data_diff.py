"""What changed between two validated data sets, item by item, in Japanese (pure, no git, no files).

The comparison walks the models, not the YAML lines: a figure or a member count
is matched by its id, an item of a list without ids by its first field (its
name, title or date) when that is unique on both sides, and otherwise by its
position. Every field is named by its label in the schema (models.py: the
Field's title, else its description up to the first bracket or full stop), so
there is no second table of labels here. Figures, member counts and a case's
status (その後) are shown whole: old → new value with unit, time and source.
A citation is printed as the site prints it (事例5（2）, or 『題名』（発行者、2010年）p. 45),
each side with its own data set's sources, so a renamed source shows its old name before.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from ..data import vocab
from ..data.load import LIST_FILES
from ..data.models import Case, DataNote, Figure, MemberCount, Metric, Region, Source, Status, Term, Theme
from ..data.periods import period_label
from ..views.citation import citation_text, source_text
from ..views.formatting import figure_text, member_text, plain_number
from .tables import field_description, field_type, is_citation_field, vocabulary_labels

ADDED, REMOVED, CHANGED = "追加", "削除", "変更"
SEPARATOR = " › "
NONE_TEXT = "（なし）"
CONTEXT = 20  # characters kept on each side of the changed part of a long text
LONG_TEXT = 60


@dataclass(frozen=True)
class Change:
    action: str  # ADDED, REMOVED or CHANGED
    item: str  # where, in Japanese: 数値「売上高」（sales-2003） › 単位
    old: str | None = None
    new: str | None = None


@dataclass
class FileDiff:
    path: str  # data/cases/x.yaml
    title: str  # 事例5：ロダン21
    status: str  # ADDED, REMOVED or CHANGED
    changes: list[Change] = field(default_factory=list)


# ------------------------------------------------------------ labels from the schema

_LABEL_END = re.compile(r"[（(。：]")


def field_label(model: type[BaseModel], name: str) -> str:
    """A field's short Japanese name: its title, else its description up to the first bracket or full stop."""
    info = model.model_fields[name]
    if info.title:
        return info.title
    try:
        description = field_description(model, name)
    except LookupError:
        return name
    return _LABEL_END.split(description, maxsplit=1)[0] or description


def _item_name(item: BaseModel) -> str:
    """How a reader knows one item of a list: its label or name, and its id when it has one."""
    name = _NAMES.get(type(item), lambda i: _first_value(i))(item)
    name = _short(name, 30)
    ident = getattr(item, "id", None)
    if ident and name and name != ident:
        return f"「{name}」（{ident}）"
    return f"「{name}」" if name else ""


# Each function takes an item of its key's class: Any, as a dict's type cannot pair each key with its function.
_NAMES: dict[type, Callable[[Any], str]] = {
    Figure: lambda f: f.label,
    MemberCount: lambda m: m.scope,
    DataNote: lambda n: vocab.NOTE_KINDS[n.kind],
    Theme: lambda t: t.title,
    Term: lambda t: t.term,
    Metric: lambda m: m.label,
    Source: lambda s: s.title,
    Region: lambda r: r.label,
}


def _first_value(item: BaseModel) -> str:
    return str(getattr(item, next(iter(type(item).model_fields))))


# ------------------------------------------------------------ values as text


def _short(text: str, limit: int) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _value_text(model: type[BaseModel], name: str, value, sources: dict) -> str:
    """A field's value in one line; sources: source id -> Source of the data set the value is from."""
    if value is None:
        return NONE_TEXT
    if is_citation_field(model, name):
        return citation_text(value, sources)
    if isinstance(value, bool):
        return "はい" if value else "いいえ"
    if isinstance(value, (int, float)):
        return plain_number(value)
    if isinstance(value, BaseModel):
        return _summary(value, sources)
    if isinstance(value, list):
        return "、".join(_value_text(model, name, v, sources) for v in value) or NONE_TEXT
    kind, allowed = field_type(model, name)
    if kind == "period":
        return f"{period_label(value)}（{value}）"
    label = vocabulary_labels(allowed).get(value) if allowed else None
    if label and label != value:
        return f"{label}（{value}）"
    return " ".join(str(value).split()) if label is None else str(value)


def _figure_summary(f: Figure, sources: dict) -> str:
    return f"{figure_text(f)}（時点 {period_label(f.period)}、出典 {citation_text(f.source, sources)}）"


def _member_summary(m: MemberCount, sources: dict) -> str:
    return f"{member_text(m)}（時点 {period_label(m.as_of)}、出典 {citation_text(m.source, sources)}）"


def _status_summary(s: Status, sources: dict) -> str:
    return f"{vocab.STATUS_STATES[s.state]}（時点 {period_label(s.as_of)}、出典 {citation_text(s.source, sources)}）"


# Compared as a whole on these fields: value (or state), unit, time and source in one line.
_WHOLE: dict[type, tuple[frozenset, Callable]] = {
    Figure: (frozenset({"value", "value_max", "qualifier", "unit", "period", "source"}), _figure_summary),
    MemberCount: (frozenset({"count", "unit", "qualifier", "as_of", "source"}), _member_summary),
    Status: (frozenset({"state", "as_of", "source"}), _status_summary),
}


def _source_summary(s: Source) -> str:
    """A source of data/sources.yaml as a citation names it, with its kind and address."""
    return "、".join(part for part in (source_text(s), vocab.SOURCE_KINDS[s.kind], s.url) if part)


def _summary(item: BaseModel, sources: dict) -> str:
    """One line for an added or removed item."""
    if type(item) in _WHOLE:
        return _WHOLE[type(item)][1](item, sources)
    if isinstance(item, DataNote):
        return _short(item.text, 80)
    if isinstance(item, Source):
        return _source_summary(item)
    text = _short(_first_value(item), 60)
    if "source" in type(item).model_fields and is_citation_field(type(item), "source"):
        source = item.source  # type: ignore[attr-defined]  # any model with the field, looked up just above
        return f"{text}（出典 {citation_text(source, sources)}）"
    return text


def _trimmed(old: str, new: str) -> tuple[str, str]:
    """Two long texts cut to the part that differs, with a little context either side."""
    if len(old) <= LONG_TEXT and len(new) <= LONG_TEXT:
        return old, new
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    begin = max(0, start - CONTEXT)

    def cut(text: str) -> str:
        stop = len(text) - max(0, end - CONTEXT)
        return ("…" if begin else "") + text[begin:stop] + ("…" if stop < len(text) else "")

    return cut(old), cut(new)


# ------------------------------------------------------------ the walk


def _path(*parts: str) -> str:
    return SEPARATOR.join(p for p in parts if p)


Sources = tuple[dict, dict]  # (old, new): source id -> Source on each side, to print citations


def diff_models(old: BaseModel, new: BaseModel, where: str = "", sources: Sources = ({}, {})) -> list[Change]:
    """Every field that differs between two models of one class, nested models and lists walked."""
    model = type(new)
    old_sources, new_sources = sources
    whole_fields, whole = _WHOLE.get(model, (frozenset(), None))
    changes: list[Change] = []
    if whole and any(getattr(old, n) != getattr(new, n) for n in whole_fields):
        changes.append(Change(CHANGED, where, whole(old, old_sources), whole(new, new_sources)))
    for name in model.model_fields:
        if name in whole_fields:
            continue
        before, after = getattr(old, name), getattr(new, name)
        if before == after:
            continue
        here = _path(where, field_label(model, name))
        citation = is_citation_field(model, name)  # one value, whichever form: never walked as {id, at}
        if isinstance(before, list) and isinstance(after, list) and _holds_models(before + after):
            changes += _diff_lists(before, after, here, sources)
        elif isinstance(before, BaseModel) and isinstance(after, BaseModel) and not citation:
            changes += diff_models(before, after, here, sources)
        elif before is None:
            changes.append(Change(ADDED, here, None, _value_text(model, name, after, new_sources)))
        elif after is None:
            changes.append(Change(REMOVED, here, _value_text(model, name, before, old_sources), None))
        else:
            old_text = _value_text(model, name, before, old_sources)
            new_text = _value_text(model, name, after, new_sources)
            changes.append(Change(CHANGED, here, *_trimmed(old_text, new_text)))
    return changes


def _holds_models(items: list) -> bool:
    return bool(items) and all(isinstance(i, BaseModel) for i in items)


def _key(item: BaseModel):
    fields = type(item).model_fields
    return getattr(item, "id" if "id" in fields else next(iter(fields)))


def _pairs(old: list, new: list) -> list[tuple[BaseModel | None, BaseModel | None]]:
    """(old, new) items matched by id or unique first field, else by position; None on the missing side."""
    old_keys, new_keys = [_key(i) for i in old], [_key(i) for i in new]
    if len(set(old_keys)) == len(old_keys) and len(set(new_keys)) == len(new_keys):
        by_key = dict(zip(old_keys, old))
        keyed = [(by_key.get(k), item) for k, item in zip(new_keys, new)]
        gone = [item for k, item in zip(old_keys, old) if k not in set(new_keys)]
        return _rename_pairs(gone, keyed)
    pairs: list[tuple[BaseModel | None, BaseModel | None]] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs += list(zip(old[i1:i2], new[j1:j2]))
            continue
        width = max(i2 - i1, j2 - j1)
        for offset in range(width):
            a = old[i1 + offset] if i1 + offset < i2 else None
            b = new[j1 + offset] if j1 + offset < j2 else None
            pairs.append((a, b))
    return pairs


def _without_key(item: BaseModel) -> dict:
    fields = type(item).model_fields
    return item.model_dump(exclude={"id" if "id" in fields else next(iter(fields))})


def _rename_pairs(gone: list, pairs: list) -> list:
    """A removed and an added item that differ only in their key are one item renamed."""
    result = []
    for before, after in pairs:
        if before is None:
            rest = _without_key(after)
            before = next((g for g in gone if _without_key(g) == rest), None)
            if before is not None:
                gone.remove(before)
        result.append((before, after))
    return result + [(g, None) for g in gone]


def _diff_lists(old: list, new: list, where: str, sources: Sources) -> list[Change]:
    changes = []
    for before, after in _pairs(old, new):
        if before == after:
            continue
        if before is None:
            assert after is not None  # None on both sides would be equal, skipped above
            changes.append(Change(ADDED, _path(where + _item_name(after)), None, _summary(after, sources[1])))
        elif after is None:
            changes.append(Change(REMOVED, _path(where + _item_name(before)), _summary(before, sources[0]), None))
        else:
            changes += diff_models(before, after, _path(where + _item_name(after)), sources)
    return changes


# ------------------------------------------------------------ per file


def case_title(case: Case) -> str:
    return f"{vocab.KINDS[case.kind]}{case.number}：{case.name.ja}"


def _case_path(dataset, case: Case) -> str:
    origin = dataset.origins.get(("cases", case.id))
    return origin[0].path if origin else f"data/{vocab.FOLDERS[case.kind]}/{case.id}.yaml"


def _added_case(case: Case, sources: dict) -> list[Change]:
    """A new case: the case itself, its status, then its figures and member counts to check against their sources."""
    changes = [Change(ADDED, case_title(case), None, _short(case.summary, 80))]
    if case.status is not None:
        changes.append(Change(ADDED, field_label(Case, "status"), None, _summary(case.status, sources)))
    for name in ("members", "figures"):
        where = field_label(Case, name)
        changes += [Change(ADDED, where + _item_name(i), None, _summary(i, sources)) for i in getattr(case, name)]
    return changes


def diff_datasets(old, new) -> list[FileDiff]:
    """Per data file, in the order of the site (cases, columns, then the shared lists): what changed."""
    files: list[FileDiff] = []
    sources = (old.source_by_id, new.source_by_id)
    old_cases = old.case_by_id
    for case in new.cases:
        before = old_cases.get(case.id)
        path = _case_path(new, case)
        if before is None:
            files.append(FileDiff(path, case_title(case), ADDED, _added_case(case, new.source_by_id)))
        elif before != case:
            files.append(FileDiff(path, case_title(case), CHANGED, diff_models(before, case, "", sources)))
    for case in old.cases:
        if case.id not in new.case_by_id:
            change = Change(REMOVED, case_title(case), _short(case.summary, 80), None)
            files.append(FileDiff(_case_path(old, case), case_title(case), REMOVED, [change]))
    for name, model, attr in LIST_FILES:
        before, after = getattr(old, attr), getattr(new, attr)
        if before != after:
            changes = _diff_lists(before, after, field_label(model, attr), sources)
            files.append(FileDiff(f"data/{name}", field_label(model, attr), CHANGED, changes))
    return [f for f in files if f.changes]


# ------------------------------------------------------------ Markdown (CLI, job summary)

NO_CHANGES = "データの変更はありません"
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def _md(text: str | None) -> str:
    """Data text as literal Markdown in a table cell: HTML and Markdown characters escaped, one line."""
    if text is None:
        return "—"
    text = " ".join(text.split()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def markdown(files: list[FileDiff], old_label: str, new_label: str) -> str:
    """The changes as Markdown: a heading per file, a table of its changes."""
    if not files:
        return f"{NO_CHANGES}（{_md(old_label)} → {_md(new_label)}）\n"
    count = sum(len(f.changes) for f in files)
    lines = [
        f"# データの変更（{_md(old_label)} → {_md(new_label)}）",
        "",
        f"{len(files)} ファイル、{count} 件の変更。",
    ]
    for diff in files:
        status = "" if diff.status == CHANGED else f"【{diff.status}】"
        lines += ["", f"## {status}{_md(diff.title)}（`{diff.path}`）", ""]
        lines += ["| 変更 | 項目 | 変更前 | 変更後 |", "| --- | --- | --- | --- |"]
        lines += [f"| {c.action} | {_md(c.item)} | {_md(c.old)} | {_md(c.new)} |" for c in diff.changes]
    return "\n".join(lines) + "\n"
