"""When each data file last changed, and which commits changed data/, from git.

One `git log --name-only` over data/ gives both the changelog and the date of
the last change of every file (the first time a path appears, newest first), so
a build runs git once however many cases there are. Outside a git checkout (a
copied folder, a tarball, git not installed) the history is empty and pages
simply show no date.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..data.load import ROOT
from .git import git_output

# The JSON Schema is generated from the models; its changes are not changes to the data.
EXCLUDE = ("data/schema",)

_RECORD, _FIELD = "\x1e", "\x1f"
_FORMAT = f"{_RECORD}%H{_FIELD}%cs{_FIELD}%s"


@dataclass(frozen=True)
class Commit:
    sha: str
    date: str  # YYYY-MM-DD, the committer date
    subject: str
    files: tuple[str, ...]  # paths relative to the top of the repository

    @property
    def short(self) -> str:
        return self.sha[:7]


def _pathspec(root: Path, data_dir: Path | None) -> str | None:
    target = (data_dir or root / "data").resolve()
    try:
        return target.relative_to(root.resolve()).as_posix() or "."
    except ValueError:
        return None  # data outside the repository: it has no history here


def parse_log(output: str) -> list[Commit]:
    """Parse the output of `git log --name-only --format=<_FORMAT>`."""
    commits = []
    for record in output.split(_RECORD):
        if not record.strip():
            continue
        header, _, rest = record.partition("\n")
        parts = header.split(_FIELD)
        if len(parts) != 3:
            continue
        sha, date, subject = parts
        files = tuple(line for line in rest.splitlines() if line.strip())
        commits.append(Commit(sha, date, subject, files))
    return commits


def data_history(root: Path = ROOT, data_dir: Path | None = None, limit: int | None = None) -> list[Commit]:
    """Commits that changed the data, newest first; [] when this is not a git checkout."""
    spec = _pathspec(root, data_dir)
    if spec is None:
        return []
    command = ["log", "--no-merges", "--no-renames", "--name-only", f"--format={_FORMAT}"]
    if limit:
        command.append(f"--max-count={limit}")
    command += ["--", spec] + [f":(exclude){path}" for path in EXCLUDE]
    output = git_output(root, *command)  # None: not a repository, unsafe ownership, no commits yet...
    return parse_log(output) if output is not None else []


def last_changed(commits: list[Commit]) -> dict[str, str]:
    """The date of the newest commit that touched each path."""
    dates: dict[str, str] = {}
    for commit in commits:  # newest first
        for path in commit.files:
            dates.setdefault(path, commit.date)
    return dates


def last_changes(root: Path = ROOT, data_dir: Path | None = None) -> dict[str, str]:
    """{"data/cases/x.yaml": "2026-11-23", ...}; {} when this is not a git checkout."""
    return last_changed(data_history(root, data_dir))


def japanese_date(iso: str) -> str:
    """ "2026-11-23" -> "2026年11月23日"."""
    year, month, day = (int(part) for part in iso.split("-"))
    return f"{year}年{month}月{day}日"
