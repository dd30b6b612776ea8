"""What each recent data commit changed, item by item, for the data changelog page.

Each commit's data is compared with its parent's (the same comparison as
`python -m macros diff`). A data folder is loaded once per tree id and kept
for the whole process: equal tree ids hold equal data, so `mkdocs serve`
rebuilds reuse them and a build loads each version of the data once, however
many commits share it. Only the newest DIFF_LIMIT commits are compared, to keep
the build fast; the page says so. A version the current rules refuse (the
schema has grown since) is shown without its changes, never as a failure.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..data.dataset import Dataset
from ..data.messages import DataInvalid
from ..export.data_diff import FileDiff, diff_datasets
from .commits import Commit
from .git import GitError
from .snapshot import data_tree, load_tree, repository_paths

DIFF_LIMIT = 10  # commits compared per build: about 0.15 s each on a 2-core machine

_EMPTY = Dataset(cases=[], themes=[], terms=[], metrics=[], sources=[], regions=[])


@lru_cache(maxsize=64)
def _dataset(root: Path, tree: str | None, name: str) -> Dataset | None:
    """The data of one tree id; the empty data set before the folder existed; None when it does not validate."""
    if tree is None:
        return _EMPTY
    try:
        return load_tree(root, tree, name)
    except (DataInvalid, GitError):
        return None


def commit_diffs(commits: list[Commit], data_dir: Path, limit: int = DIFF_LIMIT) -> dict[str, list[FileDiff] | None]:
    """{sha: the changes of that commit, or None when one side cannot be read} for the newest `limit` commits."""
    try:
        root, folder = repository_paths(data_dir)
    except GitError:
        return {}
    name = Path(folder).name
    diffs: dict[str, list[FileDiff] | None] = {}
    for commit in commits[:limit]:
        try:
            new = _dataset(root, data_tree(root, commit.sha, folder), name)
            old = _dataset(root, data_tree(root, f"{commit.sha}^", folder), name)
        except GitError:
            new = old = None
        diffs[commit.sha] = diff_datasets(old, new) if old is not None and new is not None else None
    return diffs
