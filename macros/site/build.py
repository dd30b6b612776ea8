"""One build's state: what the macros and the hooks share, computed once per build and never kept past it.

A hook (overrides/hooks/build_state.py) starts a Build as MkDocs reads its configuration, for
`mkdocs build` and for every rebuild of `mkdocs serve`, so each build starts clean. The data set,
the charts, the downloads and the glossary's pattern are computed the first time a macro or a
hook asks, then shared by all of them. This module holds the only module-level state of the
site code: the build in progress.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from mkdocs.exceptions import Abort

from ..data.load import default_data_dir, load_dataset
from ..data.messages import DataInvalid
from ..export.downloads import Downloads, render_downloads
from ..history.changes import CACHE_DIR, commit_diffs
from ..views.charts import all_charts
from ..views.glossary_links import Glossary
from .changelog import data_commits
from .failure import BUILD_FAILED, WarningLog
from .feedback import feedback_from


@dataclass
class Session:
    """The MkDocs process around the builds: how it was started, its warnings, and what it publishes."""

    command: str  # build, serve, gh-deploy
    staged: bool  # a build writes into a staging folder, swapped in at the end (hooks/publish.py)
    warnings: WarningLog = field(default_factory=WarningLog)  # shown when a --strict stop is hidden by -q
    final: Path | None = None  # the site folder the staged build replaces
    built: bool = False  # the staged build got through every plugin
    reported: bool = False  # a failure was explained already (hooks/build_errors.py)


class Build:
    """What one build computes once: read it from `current()`."""

    def __init__(self, config) -> None:
        self.config = config
        self.root = Path(config.config_file_path).resolve().parent  # the project, for file:line in messages
        self.page = None  # the page being worked on, named when the build fails on it
        self.search_pages: dict = {}  # page URL -> its SearchPage, gathered as the pages are rendered

    @cached_property
    def dataset(self):
        """The validated data; invalid data stops the build with every problem listed (an Abort: no traceback)."""
        # Loading makes many small objects that all live as long as the build: the garbage
        # collector waits until the load is done and then leaves them alone (gc.freeze).
        # Measured at 1,000 cases: the load 4.2 s -> 2.4 s, the whole build about 15 % less.
        gc.unfreeze()  # under `mkdocs serve`, the previous build's data may be collected again
        gc.disable()
        try:
            return load_dataset()
        except DataInvalid as exc:
            raise Abort(f"{BUILD_FAILED}\n{exc}") from None
        finally:
            gc.enable()
            gc.freeze()

    @cached_property
    def charts(self) -> dict:
        return all_charts(self.dataset)

    @cached_property
    def downloads(self) -> Downloads:
        return render_downloads(self.dataset)

    @cached_property
    def glossary(self) -> Glossary:
        return Glossary(self.dataset.terms)

    @cached_property
    def feedback(self):
        return feedback_from(self.config.extra)

    @cached_property
    def commits(self) -> list:
        """The data folder's commits, newest first (edit dates, the feed, the changelog)."""
        return data_commits()

    @cached_property
    def changelog_diffs(self) -> dict:
        """What each of the newest commits changed; each commit pair is compared once, ever (.cache/changelog/)."""
        return commit_diffs(self.commits, default_data_dir(), CACHE_DIR)


_NOT_STARTED = "ビルドが始まっていません（overrides/hooks/build_state.py が mkdocs.yml の hooks にありません）"
# The process and the build in progress: the only module-level state of the site code.
_session: list[Session] = []
_current: list[Build] = []


def start_session(command: str, dirty: bool) -> Session:
    # `mkdocs serve --clean` also says "build"; the publish hook then publishes in place at on_serve.
    _session[:] = [Session(command, staged=command in ("build", "gh-deploy") and not dirty)]
    _current.clear()
    return _session[0]


def session() -> Session:
    if not _session:
        raise RuntimeError(_NOT_STARTED)
    return _session[0]


def begin(config) -> Build:
    """A new build: the previous one's data, charts and files are dropped."""
    _current[:] = [Build(config)]
    return _current[0]


def current() -> Build:
    if not _current:
        raise RuntimeError(_NOT_STARTED)
    return _current[0]
