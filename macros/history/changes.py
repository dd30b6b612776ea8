"""What each recent data commit changed, item by item, for the data changelog page.

Each commit's data is compared with its parent's (the same comparison as
`python -m macros diff`). History does not change, so a comparison is made once
and kept on disk (diff_cache.py), keyed by the two data trees and the version of
the code: a build, or a `mkdocs serve` rebuild, loads and compares only the
commits it has not seen. When it must, it loads each tree once, however many
commits share it (a commit's tree is the next one's parent's). Only the newest
DIFF_LIMIT commits are compared, to keep a build with an empty cache fast; the
page says so. A version the current rules refuse (the schema has grown since) is
shown without its changes, never as a failure, and that is kept too: the same
code refuses it again.
"""

from __future__ import annotations

from pathlib import Path

from ..data.dataset import Dataset
from ..data.load import ROOT
from ..data.messages import DataInvalid
from ..export.data_diff import FileDiff, diff_datasets
from . import diff_cache
from .commits import Commit
from .git import GitError
from .snapshot import data_trees, load_tree, repository_paths

DIFF_LIMIT = 10  # commits compared per build: about 0.15 s each on a 2-core machine when not yet cached
CACHE_DIR = ROOT / ".cache" / "changelog"  # safe to delete; CI keeps it between runs (README)


def commit_diffs(
    commits: list[Commit], data_dir: Path, cache_dir: Path, limit: int = DIFF_LIMIT
) -> dict[str, list[FileDiff] | None]:
    """{sha: the changes of that commit, or None when one side cannot be read} for the newest `limit` commits.

    cache_dir: where comparisons are kept (CACHE_DIR for the site).
    """
    commits = commits[:limit]
    if not commits:
        return {}
    try:
        root, folder = repository_paths(data_dir)
    except GitError:
        return {}
    name = Path(folder).name
    try:
        trees = data_trees(root, [rev for commit in commits for rev in (f"{commit.sha}^", commit.sha)], folder)
    except GitError:
        return {commit.sha: None for commit in commits}
    version = diff_cache.source_version(Path(__file__))  # this module and all it imports
    loaded: dict[str | None, Dataset | None] = {}  # this computation's trees, loaded at most once each

    def dataset(tree: str | None) -> Dataset | None:
        """The data of one tree id; the empty data set before the folder existed; None when it does not validate."""
        if tree not in loaded:
            try:
                loaded[tree] = _empty() if tree is None else load_tree(root, tree, name)
            except DataInvalid:
                loaded[tree] = None
        return loaded[tree]

    diffs: dict[str, list[FileDiff] | None] = {}
    for commit in commits:
        key = diff_cache.Key(version, name, trees[f"{commit.sha}^"], trees[commit.sha])
        cached = diff_cache.read(cache_dir, key)
        if cached is not None:
            diffs[commit.sha] = cached.files
            continue
        try:
            old, new = dataset(key.old), dataset(key.new)
        except GitError:  # git failed on the way (not the data): shown without changes, not kept
            diffs[commit.sha] = None
            continue
        diffs[commit.sha] = diff_datasets(old, new) if old is not None and new is not None else None
        diff_cache.write(cache_dir, key, diffs[commit.sha])
    return diffs


def _empty() -> Dataset:
    """The data before the data folder existed: everything in the first commit is added."""
    return Dataset(cases=[], themes=[], terms=[], metrics=[], sources=[], regions=[])
