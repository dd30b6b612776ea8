"""Problems found in the data, and pydantic's errors put in plain Japanese.

Every problem names its file, its line and its field, so a contributor can go
straight to it; all problems of a load are reported together (DataInvalid).
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from .models import CITATION_TAGS, PATTERN_HINTS

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


class DataInvalid(Exception):
    """Raised with the full list of problems found in the data folder."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        lines = "\n".join(f"  {p}" for p in problems)
        super().__init__(f"data/ に {len(problems)} 件の問題があります:\n{lines}")


def printable(part) -> str:
    """A key or file name as typed, or escaped when it holds characters a terminal would act on."""
    text = str(part)
    return text if text.isprintable() else repr(text)[1:-1]


def format_loc(loc: Loc) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{printable(part)}" if text else printable(part))
    return text


def _expected(error: ErrorDetails) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    given = error.get("input")
    shown = repr(given) if not isinstance(given, (dict, list)) else type(given).__name__
    if len(shown) > 60:
        shown = shown[:57] + "..."
    messages = {
        "missing": "必須の項目がありません",
        "extra_forbidden": "この項目はスキーマにありません（綴りを確認してください）",
        "int_type": f"整数が必要です（書かれている値: {shown}）",
        "float_type": f"数値が必要です（書かれている値: {shown}）",
        "string_type": f"文字列が必要です（書かれている値: {shown}）",
        "bool_type": f"true か false が必要です（書かれている値: {shown}）",
        "list_type": f"リスト（- で始まる行）が必要です（書かれている値: {shown}）",
        "model_type": f"項目の集まり（キー: 値）が必要です（書かれている値: {shown}）",
        "literal_error": f"使える値は {ctx.get('expected', '')} です（書かれている値: {shown}）",
        "string_pattern_mismatch": f"書式が違います（書かれている値: {shown}）",
        "string_too_short": "空にはできません",
        "string_too_long": f"長すぎます（上限 {ctx.get('max_length')} 文字）",
        "too_short": f"少なくとも {ctx.get('min_length')} 件必要です",
        "greater_than_equal": f"{ctx.get('ge')} 以上の値が必要です（書かれている値: {shown}）",
        "greater_than": f"{ctx.get('gt')} より大きい値が必要です（書かれている値: {shown}）",
        "less_than_equal": f"{ctx.get('le')} 以下の値が必要です（書かれている値: {shown}）",
        "finite_number": f"有限の数値が必要です（.inf・.nan や大きすぎる値は書けません。書かれている値: {shown}）",
    }
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if kind == "float_type" and isinstance(given, int) and not isinstance(given, bool):
        kind = "finite_number"  # an integer too big for a float
    if kind == "string_pattern_mismatch" and ctx.get("pattern") in PATTERN_HINTS:
        return f"{messages[kind]}。{PATTERN_HINTS[ctx['pattern']]}"
    return messages.get(kind, error["msg"])


def problems_from_validation(source, exc: ValidationError, prefix: tuple = ()) -> list[Problem]:
    """One Problem per pydantic error; source is the LoadedYaml the data came from."""
    problems = []
    for error in exc.errors(include_url=False):
        # a citation's form (report place or {id, at}) is pydantic's tag, not a key of the file
        loc = prefix + tuple(part for part in error["loc"] if part not in CITATION_TAGS)
        problems.append(Problem(source.path, source.line_of(loc), format_loc(loc), _expected(error)))
    return problems
