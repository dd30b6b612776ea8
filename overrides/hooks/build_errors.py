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
from macros.site.build import current, session


def on_startup(command, dirty):
    failure.keep_warnings_when_quiet()
    logging.getLogger("mkdocs").addHandler(session().warnings)


def on_config(config):
    session().warnings.messages.clear()  # `mkdocs serve`: each build says only its own


# The page being worked on (kept on the build), from its first event to its last in each of MkDocs' two passes.
@event_priority(100)
def on_pre_page(page, config, files):
    current().page = page


@event_priority(-100)
def on_page_content(html, page, config, files):
    current().page = None


@event_priority(100)
def on_page_context(context, page, config, nav):
    current().page = page


@event_priority(-100)
def on_post_page(output, page, config):
    current().page = None


def _where() -> tuple:
    """(the page being built, the project folder), as far as the build got."""
    try:
        build = current()
    except RuntimeError:  # it failed before reading its configuration
        return None, Path.cwd()
    return build.page, build.root


@event_priority(-100)  # last, after the publish hook has discarded the staging folder
def on_build_error(error):
    session().reported = True
    if failure.is_explained(error):
        return
    if failure.is_strict_stop(error):
        if failure.console_hides_warnings():
            raise Abort(failure.strict_message(session().warnings.messages, error)) from None
        return
    raise Abort(failure.failure_message(error, *_where())) from None


def on_shutdown():
    state = session()
    logging.getLogger("mkdocs").removeHandler(state.warnings)
    # A bare exit skips on_build_error: explain it while the process ends (status unchanged).
    error = sys.exc_info()[1]
    if isinstance(error, SystemExit) and not isinstance(error, Exception) and error.code and not state.reported:
        print(failure.failure_message(error, *_where()), file=sys.stderr)
