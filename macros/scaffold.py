"""Write the skeleton of a new case file, and find the placeholders left in one.

    python -m macros scaffold my-network --number 5 --section base_group   # a case of the report
    python -m macros scaffold my-network --source city-page-2021           # an added case (追加事例)

The skeleton is generated from the pydantic model (every field of Case and of
the models inside it, with its description as a Japanese comment), so it cannot
drift from the schema. Every value the contributor must supply is the
placeholder TODO: in a field that needs an ID, a number, a period, a source or
one of a fixed list of values TODO is itself a validation error, and a TODO
left in a free-text field is reported by data/placeholders.py, which every load runs (so
`python -m macros validate` and every build report it): an unfilled file never passes.

A case from another source (--source) is an added case (kind: added, 追加事例N, numbered apart
from the report's 事例1〜16): it lists that source and every citation in it starts as
{id: <source>, at: TODO}. Citations are the one union of the schema; _citation writes them.
"""

from __future__ import annotations

import re
import types
import typing
from pathlib import Path

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from .data import vocab
from .data.checks import unknown_source_message
from .data.load import case_files, load_sources
from .data.models import CITE, ID_PATTERN, Case
from .data.periods import parse_period
from .data.placeholders import PLACEHOLDER
from .data.yaml_source import DataFileError, load_yaml

INDENT = "  "
COMMENT_WIDTH = 100
ITEM_NOTE = "1件目（必要なだけ「- 」から繰り返す。該当がなければリスト全体を [] にする）"

ADDED_NEEDS_SOURCE = (
    "追加事例（kind: added）には出典が必要です。data/sources.yaml に出典を足し、--source <出典ID> で指定してください"
    "（書き方は CONTRIBUTING.md「報告書以外の出典を使うとき」）"
)
SOURCE_MAKES_ADDED = "--source の雛形は追加事例（kind: added）です。--kind case・column とは一緒に使えません"

# Lists the schema allows empty but macros/data/checks.py does not.
REQUIRED_BY_CHECKS = {
    "lessons": "（必須：事例には少なくとも1件。テーマは data/themes.yaml から選ぶ）",
    "section": "（事例は必須）",
    "status": "",  # its description says when it is required
}


# ------------------------------------------------------------------ types


def _strip_optional(annotation) -> tuple[object, bool]:
    """(inner type, whether None is allowed)."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return annotation, False


def _unannotate(annotation):
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def _is_model(annotation) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _literal_values(annotation) -> tuple | None:
    annotation = _unannotate(annotation)
    if typing.get_origin(annotation) is typing.Literal:
        return typing.get_args(annotation)
    return None


def _list_item(annotation):
    annotation = _unannotate(annotation)
    if typing.get_origin(annotation) is list:
        return typing.get_args(annotation)[0]
    return None


def _vocab_table(values: tuple) -> dict:
    """The smallest vocabulary in vocab.py that holds every one of the allowed values."""
    tables = [
        table
        for table in vars(vocab).values()
        if isinstance(table, dict) and all(isinstance(v, str) and v in table for v in values)
    ]
    return min(tables, key=len) if tables else {}


def _type_word(annotation) -> str:
    annotation = _unannotate(annotation)
    if annotation is bool:
        return "true か false"
    if annotation is int:
        return "整数で書く"
    if annotation is float:
        return "数値で書く"
    return ""


# -------------------------------------------------------------- comments


def field_comment(name: str, info, annotation) -> str:
    """One Japanese comment line for a field: description, required or not, allowed values, examples."""
    inner, _ = _strip_optional(annotation)
    description = info.description
    required = info.is_required()
    parts = [description or name]
    if name in REQUIRED_BY_CHECKS:
        parts.append(REQUIRED_BY_CHECKS[name])
    elif required:
        parts.append("（必須）")
    elif _list_item(inner) is not None:
        parts.append("（リスト。該当がなければ [] にする）")
    elif info.default is None:
        parts.append("（任意。分からなければこの行またはブロックを削除）")
    else:
        parts.append(f"（省略時は {_yaml_scalar(info.default)}）")
    words = []
    values = _literal_values(inner)
    if values:
        shown = []
        table = _vocab_table(values)
        for value in values:
            label = table.get(value)
            shown.append(f"{value}（{label}）" if label and label != value else str(value))
        words.append("使える値: " + ", ".join(shown))
    elif type_word := _type_word(inner):
        words.append(type_word)
    if info.examples:
        words.append("例: " + ", ".join(str(e) for e in info.examples))
    text = "".join(parts)
    if words:
        text += "。" + "。".join(words)
    return text


def _yaml_scalar(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    return str(value)


# ------------------------------------------------------------- citations


def _is_citation(info) -> bool:
    """A `source` field (models.Citation): 事例5（2） or {id, at}, a tagged union the walk below cannot write."""
    return CITE in info.metadata


def locator_help(source) -> str:
    """How a place in this source is written (the forms of vocab.LOCATOR_FORMS that fit its kind)."""
    return "、".join(vocab.LOCATOR_FORMS[form][1] for form in vocab.SOURCE_LOCATORS[source.kind])


def _citation(source) -> tuple[str, str]:
    """(the placeholder of a citation, the words added to its comment): a place in the report, or in `source`."""
    if source is None:
        return PLACEHOLDER, ""
    return f"{{id: {source.id}, at: {PLACEHOLDER}}}", f"at は出典 {source.id} の中の箇所（書き方はファイルの冒頭）"


# ---------------------------------------------------------------- writer


def wrap_comment(text: str, width: int = COMMENT_WIDTH) -> list[str]:
    """Split a long comment into lines of at most about width characters, at 。 or ", "."""
    tokens = re.findall(r"[^。,]*(?:。|, |,|$)", text)
    lines, current = [], ""
    for token in (t for t in tokens if t):
        if current and len(current) + len(token) > width:
            lines.append(current.rstrip())
            current = ""
        current += token
    if current.strip():
        lines.append(current.rstrip())
    return lines


def _model_lines(
    model: type[BaseModel],
    indent: str,
    fixed: dict | None = None,
    item_indent: str | None = None,
    source=None,
) -> list[str]:
    """The lines of one mapping: a comment above every key, then the key and its placeholder.

    With item_indent the mapping is one item of a list: its first key follows the dash.
    Citations are written as places in `source` (a Source of data/sources.yaml), or in the report when None.
    """
    fixed = fixed or {}
    lines: list[str] = []
    for index, (name, info) in enumerate(model.model_fields.items()):
        annotation = info.annotation
        inner, _ = _strip_optional(annotation)
        text = field_comment(name, info, annotation)
        citation = _citation(source) if _is_citation(info) else None
        if citation and citation[1]:
            text = f"{text}。{citation[1]}"
        key = f"{indent}{name}:"
        if index == 0 and item_indent is not None:
            # the first key of a list item shares its line with the dash; its comment goes above
            lines.append(f"{item_indent}# {ITEM_NOTE}")
            lines += [f"{item_indent}# {part}" for part in wrap_comment(f"{name}: {text}")]
            key = f"{item_indent}- {name}:"
        else:
            lines += [f"{indent}# {part}" for part in wrap_comment(text)]
        if name in fixed:
            lines.append(f"{key} {fixed[name]}")
        elif citation:
            lines.append(f"{key} {citation[0]}")
        elif _is_model(_unannotate(inner)):
            lines.append(key)
            lines += _model_lines(_unannotate(inner), indent + INDENT, source=source)
        elif (item := _list_item(inner)) is not None:
            item, _ = _strip_optional(item)
            if _is_model(_unannotate(item)):
                lines.append(key)
                lines += _model_lines(
                    _unannotate(item), indent + INDENT * 2, item_indent=indent + INDENT, source=source
                )
            else:
                lines.append(f"{key} [{PLACEHOLDER}]")
        elif info.default not in (None, PydanticUndefined) and not isinstance(info.default, (list, dict)):
            lines.append(f"{key} {_yaml_scalar(info.default)}")
        else:
            lines.append(f"{key} {PLACEHOLDER}")
    return lines


def _report_header(label: str) -> list[str]:
    return [
        f"# {label}：{PLACEHOLDER}（名称）— 報告書 第Ⅲ章",
        "# `python -m macros scaffold` で作った雛形です。TODO をすべて報告書にもとづく値に置き換えてください。",
        "# 数値・事実は報告書から。summary / narrative / lessons の文章は編集部の言葉による要約（引用は短く「」で）。",
        "# 数値はすべて2003〜2004年時点。報告書の食い違いは直さずに data_notes に書く。書き方は CONTRIBUTING.md。",
    ]


def _source_header(label: str, source) -> list[str]:
    if source.published:
        limit = f"この出典の発行（{parse_period(source.published).label()}）"
    else:
        limit = f"このページを確かめた日（{source.accessed}）"
    added = vocab.KINDS["added"]
    return [
        f"# {label}：{PLACEHOLDER}（名称）— 出典：{source.title}（{source.id}）",
        f"# `python -m macros scaffold --source {source.id}` で作った追加事例の雛形です。"
        f"TODO をすべて出典 {source.id} にもとづく値に置き換えてください。",
        f"# 追加事例は報告書の事例とは別の番号で {added}1、{added}2… と数えます（事例17 のように報告書の事例に続けません）。",
        f"# kind: added と number はそのままに。数値・事実は出典 {source.id} から書き、source は {{id: {source.id}, at: 箇所}} にします。",
        f"# 箇所（at）の書き方：{locator_help(source)}。",
        f"# 時点は{limit}より後にできません。その後（status）が分からなければ state: unknown に。",
        "# 文章は編集部の言葉で（引用は出典の quoting の範囲で短く「」で）。人物は出典が記す公的な役割でだけ。",
        "# 書き方は CONTRIBUTING.md「報告書以外の出典を使うとき」。",
    ]


def scaffold_text(case_id: str, number: int, section: str | None, kind: str = "case", source=None) -> str:
    """The YAML text of a new case (or column, or added case from `source`) with every field of Case present."""
    if not re.fullmatch(ID_PATTERN, case_id):
        raise ValueError(f"ID '{case_id}' は英小文字・数字・ハイフンで書いてください（例: adock-kobe）")
    if kind not in vocab.KINDS:
        raise ValueError(f"kind は {', '.join(vocab.KINDS)} のどれかです")
    if section is not None and section not in vocab.SECTIONS:
        raise ValueError(f"section は {', '.join(vocab.SECTIONS)} のどれかです")
    _check_source(kind, source is not None)
    fixed = {"id": case_id, "kind": kind, "number": str(number)}
    if section is not None or kind != "added":  # an added case may leave its section to fill in (or delete)
        fixed["section"] = section if section is not None else "null"
    if kind != "column":
        fixed["after_case"] = "null"  # only a column stands after a case (全事例集)
    label = f"{vocab.KINDS[kind]}{number}"
    if source is None:
        header = _report_header(label)
    else:
        header = _source_header(label, source)
        fixed["sources"] = f"[{source.id}]"
    body = _model_lines(Case, "", fixed=fixed, source=source)
    return "\n".join(header + body) + "\n"


def _check_source(kind: str, has_source: bool) -> None:
    """An added case starts from a source, and a case or column of the report from none."""
    if kind == "added" and not has_source:
        raise ValueError(ADDED_NEEDS_SOURCE)
    if kind != "added" and has_source:
        raise ValueError(SOURCE_MAKES_ADDED)


def find_source(data_dir: Path, source_id: str):
    """The source of data/sources.yaml an added case starts from (ValueError for an unknown id or the report)."""
    sources = load_sources(data_dir)
    by_id = {s.id: s for s in sources}
    if source_id == vocab.REPORT_SOURCE:
        raise ValueError(
            "報告書（report）の事例は --source なしで作ります（--number と --section）。"
            "--source は報告書以外の出典による追加事例に使います"
        )
    if source_id not in by_id:
        raise ValueError(
            unknown_source_message(source_id, by_id) + "。新しい出典なら、先に data/sources.yaml に足してください"
        )
    return by_id[source_id]


def next_added_number(data_dir: Path) -> int:
    """The number after the highest 追加事例 in data/cases/ (1 for the first); files that do not read are skipped."""
    numbers = [0]
    for path in case_files(data_dir / vocab.FOLDERS["added"]):
        try:
            data = load_yaml(path).data
        except (DataFileError, OSError):
            continue
        if isinstance(data, dict) and data.get("kind") == "added" and isinstance(data.get("number"), int):
            numbers.append(data["number"])
    return max(numbers) + 1


def scaffold_case(
    data_dir: Path,
    case_id: str,
    number: int | None,
    section: str | None,
    kind: str | None = None,
    source_id: str | None = None,
) -> Path:
    """Write data/cases/<id>.yaml (or data/columns/); refuse to overwrite an existing file.

    With source_id the file is an added case from that source, numbered after the last one unless number is given.
    """
    kind = kind or ("added" if source_id else "case")
    _check_source(kind, bool(source_id))
    source = find_source(data_dir, source_id) if source_id else None
    if number is None:
        if kind != "added":
            raise ValueError(f"{vocab.KINDS[kind]}には --number（報告書の{vocab.KINDS[kind]}番号）が必要です")
        number = next_added_number(data_dir)
    text = scaffold_text(case_id, number, section, kind, source)
    folder = data_dir / vocab.FOLDERS[kind]
    target = folder / f"{case_id}.yaml"
    existing = [p for p in (folder / f"{case_id}.yaml", folder / f"{case_id}.yml") if p.exists()]
    if existing:
        raise FileExistsError(f"{existing[0]} はすでにあります。上書きはしません")
    folder.mkdir(parents=True, exist_ok=True)
    with open(target, "x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
        handle.write(text)
    return target
