"""What a failed build says: where it failed (the page, and the file and line) and why, in Japanese.

MkDocs prints a traceback for most failures; `mkdocs build -q` drops warnings
altogether, so a --strict build passes with a broken link; mkdocs-macros ends a
build whose macro failed with a bare exit status (its explanation is a warning,
which -q hides). The hook build_errors turns each of these into one message.
"""

from __future__ import annotations

import logging
import traceback
from pathlib import Path

from mkdocs.exceptions import Abort

RENDER_FAILED = "サイトの組み立てに失敗しました。サイトは書き出していません（前のサイトはそのままです）。"
STRICT_FAILED = "--strict のため、次の警告でサイトの組み立てを止めました（前のサイトはそのままです）:"
_TEMPLATE_FROM_PAGE = "<template>"  # how Jinja names the frames of a page rendered from a string


BUILD_FAILED = (
    "データの検証に失敗しました。サイトは書き出していません。"  # invalid data: every problem is listed already
)


def page_label(page) -> str:
    """docs/charts/index.md, or cases/hit.md（データから作るページ） for a generated page."""
    src = page.file.src_uri
    return f"docs/{src}" if page.file.abs_src_path else f"{src}（データから作るページ）"


def _location(error: BaseException, root: Path) -> tuple[int | None, str | None]:
    """(the line in the page, the last file:line of this project's code or templates) where error arose."""
    page_line, code = getattr(error, "lineno", None), None
    for frame in traceback.extract_tb(error.__traceback__):
        path = Path(frame.filename)
        if frame.filename == _TEMPLATE_FROM_PAGE:
            page_line = frame.lineno
        elif path.is_absolute() and path.is_relative_to(root) and ".venv" not in path.parts:
            code = f"{path.relative_to(root).as_posix()}:{frame.lineno}"
    return page_line, code


def cause_of(error: BaseException) -> BaseException:
    """The error behind a bare exit: mkdocs-macros calls exit() while handling the macro's error."""
    while isinstance(error, SystemExit) and error.__context__ is not None:
        error = error.__context__
    return error


def failure_message(error: BaseException, page, root: Path) -> str:
    cause = cause_of(error)
    page_line, code = _location(cause, root)
    lines = [RENDER_FAILED]
    if page is not None:
        lines.append(f"  ページ: {page_label(page)}" + (f":{page_line}" if page_line else ""))
    if code:
        lines.append(f"  場所: {code}")
    detail = str(cause).strip().splitlines()
    lines.append(f"  原因: {type(cause).__name__}" + (f": {detail[0]}" if detail else ""))
    return "\n".join(lines)


def is_explained(error: BaseException) -> bool:
    """An Abort that already says what is wrong (invalid data lists every problem with file:line)."""
    return isinstance(error, Abort) and str(error).startswith(BUILD_FAILED)


def is_strict_stop(error: BaseException) -> bool:
    return isinstance(error, Abort) and "in strict mode" in str(error)


def _consoles() -> list[logging.Handler]:
    return [h for h in logging.getLogger("mkdocs").handlers if isinstance(h, logging.StreamHandler)]


def keep_warnings_when_quiet() -> None:
    """Under -q, hide warnings from the console instead of not making them.

    MkDocs' -q raises the level of its logger, so a warning is never made: --strict
    (mkdocs.yml sets it) then counts none and a build with a broken link passes. Here
    the console shows errors only, as -q promises, while --strict still counts warnings.
    """
    logger = logging.getLogger("mkdocs")
    if logger.level > logging.WARNING:
        for console in _consoles():
            console.setLevel(max(console.level, logger.level))
        logger.setLevel(logging.WARNING)


def console_hides_warnings() -> bool:
    """True under `mkdocs build -q`: MkDocs' console shows errors only."""
    levels = [h.level for h in _consoles()]
    return bool(levels) and min(levels) > logging.WARNING


def strict_message(warnings: list[str], error: BaseException) -> str:
    return "\n".join([STRICT_FAILED, *(f"  {w}" for w in warnings), str(error)])


class WarningLog(logging.Handler):
    """Keeps the warnings of a build, to show them when -q hid them and --strict stopped the build."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage().strip()
        if record.levelno == logging.WARNING and text and len(self.messages) < 50:
            self.messages.append(text.splitlines()[0])
