"""The data changelog page (changelog/) and feed: the commits that changed data/, what each changed, and
the one `git log` of a build that the edit links' last-change dates also read.

Plain Python, no MkDocs: the repository address comes in as the `extra` mapping
of mkdocs.yml, what each commit changed as computed by history/changes.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..data import vocab
from ..data.load import ROOT, default_data_dir
from ..export.data_diff import FileDiff
from ..history.commits import Commit, data_history, japanese_date
from ..views.render import base_for, render
from .edit_links import repository_urls
from .pages import case_folder

CHANGELOG_LIMIT = 100

# Data files that are not case files, and the page that shows them.
OTHER_FILES = {
    "themes.yaml": ("北九州への示唆のテーマ", "lessons/"),
    "glossary.yaml": ("用語集", "glossary/"),
    "metrics.yaml": ("数値の指標", None),
    "sources.yaml": ("出典", None),
}


def data_commits(root: Path = ROOT) -> list[Commit]:
    """The history of the data folder in use; [] outside a git checkout.

    One `git log` serves the edit dates, the feed and the changelog of a build: the build
    reads it once (macros/site/build.py), so `mkdocs serve` sees new commits at each rebuild.
    """
    return list(data_history(root, default_data_dir()))


@dataclass(frozen=True)
class ChangedFile:
    path: str
    label: str
    page: str | None  # a site URL relative to the root, or None


@dataclass(frozen=True)
class DiffFile:
    """One file's changes in a commit (export/data_diff.py), with the page that shows the file."""

    diff: FileDiff
    page: str | None


@dataclass(frozen=True)
class ChangelogEntry:
    commit: Commit
    date_label: str
    url: str | None
    files: list[ChangedFile]
    compared: bool = False  # whether the commit's data was compared with its parent's
    changes: list[DiffFile] | None = None  # None when one side did not validate under today's rules


def _changed_file(path: str, dataset) -> ChangedFile:
    name = Path(path).name
    parent = Path(path).parent.name
    stem = Path(path).stem
    case = dataset.case_by_id.get(stem)
    case_folders = set(vocab.FOLDERS.values())
    if parent in case_folders and case is not None and case_folder(case) == parent:
        return ChangedFile(path, case.name.ja, f"{parent}/{case.id}/")
    if parent in case_folders:
        return ChangedFile(path, f"{stem}（現在はない事例）", None)
    label, page = OTHER_FILES.get(name, (name, None))
    return ChangedFile(path, label, page)


def changelog_entries(
    dataset, extra, commits: list[Commit], limit: int = CHANGELOG_LIMIT, diffs: dict | None = None
) -> list[ChangelogEntry]:
    """The newest `limit` commits; with diffs ({sha: [FileDiff] or None}), what each compared commit changed."""
    repo = repository_urls(extra)
    diffs = diffs or {}
    entries = []
    for commit in commits[:limit]:
        url = f"{repo[0]}/commit/{commit.sha}" if repo else None
        files = [_changed_file(path, dataset) for path in commit.files]
        changes = diffs.get(commit.sha)
        if changes is not None:
            changes = [DiffFile(diff, _changed_file(diff.path, dataset).page) for diff in changes]
        entries.append(ChangelogEntry(commit, japanese_date(commit.date), url, files, commit.sha in diffs, changes))
    return entries


def data_changelog(
    dataset, page_url: str, extra, commits: list[Commit], limit: int = CHANGELOG_LIMIT, diffs: dict | None = None
) -> str:
    """Every commit that changed data/ (newest first, at most `limit`), with links to the pages it changed
    and, for the commits in diffs, what it changed (old → new)."""
    return render(
        "data-changelog.html",
        entries=changelog_entries(dataset, extra, commits, limit, diffs),
        total=len(commits),
        limit=limit,
        compared=len(diffs or {}),
        base=base_for(page_url),
    )
