"""Write the skeleton of a new case file, and find the placeholders left in one.

    python -m macros scaffold my-network --number 17 --section base_group

The skeleton is generated from the pydantic model (every field of Case and of
the models inside it, with its description as a Japanese comment), so it cannot
drift from the schema. Every value the contributor must supply is the
placeholder TODO: in a field that needs an ID, a number, a period, a source or
one of a fixed list of values TODO is itself a validation error, and a TODO
left in a free-text field is reported by data/placeholders.py, which every load runs (so
`python -m macros validate` and every build report it): an unfilled file never passes.
"""

from __future__ import annotations

import re
import types
import typing
from pathlib import Path

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from .data import vocab
from .data.models import ID_PATTERN, Case
from .data.placeholders import PLACEHOLDER

INDENT = "  "
COMMENT_WIDTH = 100
ITEM_NOTE = "1件目（必要なだけ「- 」から繰り返す。該当がなければリスト全体を [] にする）"

# Lists the schema allows empty but macros/data/checks.py does not.
REQUIRED_BY_CHECKS = {
    "lessons": "（必須：事例には少なくとも1件。テーマは data/themes.yaml から選ぶ）",
    "section": "（事例は必須）",
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
    model: type[BaseModel], indent: str, fixed: dict | None = None, item_indent: str | None = None
) -> list[str]:
    """The lines of one mapping: a comment above every key, then the key and its placeholder.

    With item_indent the mapping is one item of a list: its first key follows the dash.
    """
    fixed = fixed or {}
    lines: list[str] = []
    for index, (name, info) in enumerate(model.model_fields.items()):
        annotation = info.annotation
        inner, _ = _strip_optional(annotation)
        text = field_comment(name, info, annotation)
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
        elif _is_model(_unannotate(inner)):
            lines.append(key)
            lines += _model_lines(_unannotate(inner), indent + INDENT)
        elif (item := _list_item(inner)) is not None:
            item, _ = _strip_optional(item)
            if _is_model(_unannotate(item)):
                lines.append(key)
                lines += _model_lines(_unannotate(item), indent + INDENT * 2, item_indent=indent + INDENT)
            else:
                lines.append(f"{key} [{PLACEHOLDER}]")
        elif info.default not in (None, PydanticUndefined) and not isinstance(info.default, (list, dict)):
            lines.append(f"{key} {_yaml_scalar(info.default)}")
        else:
            lines.append(f"{key} {PLACEHOLDER}")
    return lines


def scaffold_text(case_id: str, number: int, section: str | None, kind: str = "case") -> str:
    """The YAML text of a new case (or column) with every field of Case present."""
    if not re.fullmatch(ID_PATTERN, case_id):
        raise ValueError(f"ID '{case_id}' は英小文字・数字・ハイフンで書いてください（例: adock-kobe）")
    if kind not in vocab.KINDS:
        raise ValueError(f"kind は {', '.join(vocab.KINDS)} のどれかです")
    if section is not None and section not in vocab.SECTIONS:
        raise ValueError(f"section は {', '.join(vocab.SECTIONS)} のどれかです")
    fixed = {"id": case_id, "kind": kind, "number": str(number)}
    fixed["section"] = section if section is not None else "null"
    if kind == "case":
        fixed["after_case"] = "null"  # only a column stands after a case (全事例集)
    label = f"事例{number}" if kind == "case" else f"コラム{number}"
    header = [
        f"# {label}：{PLACEHOLDER}（名称）— 報告書 第Ⅲ章",
        "# `python -m macros scaffold` で作った雛形です。TODO をすべて報告書にもとづく値に置き換えてください。",
        "# 数値・事実は報告書から。summary / narrative / lessons の文章は編集部の言葉による要約（引用は短く「」で）。",
        "# 数値はすべて2003〜2004年時点。報告書の食い違いは直さずに data_notes に書く。書き方は CONTRIBUTING.md。",
    ]
    body = _model_lines(Case, "", fixed=fixed)
    return "\n".join(header + body) + "\n"


def scaffold_case(data_dir: Path, case_id: str, number: int, section: str | None, kind: str = "case") -> Path:
    """Write data/cases/<id>.yaml (or data/columns/); refuse to overwrite an existing file."""
    folder = data_dir / vocab.FOLDERS[kind]
    target = folder / f"{case_id}.yaml"
    text = scaffold_text(case_id, number, section, kind)
    existing = [p for p in (folder / f"{case_id}.yaml", folder / f"{case_id}.yml") if p.exists()]
    if existing:
        raise FileExistsError(f"{existing[0]} はすでにあります。上書きはしません")
    folder.mkdir(parents=True, exist_ok=True)
    with open(target, "x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
        handle.write(text)
    return target
