"""Hook: a failed build always says where and why, even with `mkdocs build -q`; never a traceback.

- An exception while building (a page, a template, a hook): one Japanese message naming the
  page and the file:line, as an Abort (MkDocs then exits with status 1, without a traceback).
- A --strict stop: the warnings that caused it, which -q would hide (and under -q, warnings
  are still made, so --strict still stops the build; the console shows errors only).
- mkdocs-macros' bare exit after a macro failed: the same message, printed as the process ends.
Invalid data is already reported with every file:line (macros/site/build.py) and passes through.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

from macros.site import failure

_state: dict = {}


def on_startup(command, dirty):
    _state.clear()
    failure.keep_warnings_when_quiet()
    _state["warnings"] = failure.WarningLog()
    logging.getLogger("mkdocs").addHandler(_state["warnings"])


def on_config(config):
    _state["root"] = Path(config.config_file_path).resolve().parent
    _state["page"] = None
    _state["warnings"].messages.clear()  # `mkdocs serve`: each build says only its own


# The page being worked on, from its first event to its last in each of MkDocs' two passes.
@event_priority(100)
def on_pre_page(page, config, files):
    _state["page"] = page


@event_priority(-100)
def on_page_content(html, page, config, files):
    _state["page"] = None


@event_priority(100)
def on_page_context(context, page, config, nav):
    _state["page"] = page


@event_priority(-100)
def on_post_page(output, page, config):
    _state["page"] = None


@event_priority(-100)  # last, after the publish hook has discarded the staging folder
def on_build_error(error):
    _state["reported"] = True
    if failure.is_explained(error):
        return
    if failure.is_strict_stop(error):
        if failure.console_hides_warnings():
            raise Abort(failure.strict_message(_state["warnings"].messages, error)) from None
        return
    raise Abort(failure.failure_message(error, _state.get("page"), _state.get("root", Path.cwd()))) from None


def on_shutdown():
    logging.getLogger("mkdocs").removeHandler(_state.get("warnings"))
    # A bare exit skips on_build_error: explain it while the process ends (status unchanged).
    error = sys.exc_info()[1]
    if isinstance(error, SystemExit) and not isinstance(error, Exception) and error.code and not _state.get("reported"):
        message = failure.failure_message(error, _state.get("page"), _state.get("root", Path.cwd()))
        print(message, file=sys.stderr)
