"""The data folder as it was at a git commit, loaded and validated like the work tree's.

`git archive` writes the folder of that commit into a temporary folder, and the
ordinary loader reads it there: the old side of a comparison is checked by the
same rules as the new one, and nothing in the work tree or the index changes.
"""

from __future__ import annotations

import io
import re
import tarfile
import tempfile
from pathlib import Path

from ..data.dataset import Dataset
from ..data.load import load_dataset
from .git import GitError, run_git


class SnapshotError(GitError):
    """The data of a git reference cannot be read (unknown reference, no data folder)."""


def repository_paths(data_dir: Path) -> tuple[Path, str]:
    """(the top of the git repository holding data_dir, data_dir's path inside it)."""
    data_dir = data_dir.resolve()
    probe = data_dir if data_dir.is_dir() else data_dir.parent
    result = run_git(probe, "rev-parse", "--show-toplevel")
    if result.returncode != 0:
        raise SnapshotError(f"{data_dir} は git のリポジトリの中にありません")
    top = Path(result.stdout.strip()).resolve()
    try:
        return top, data_dir.relative_to(top).as_posix()
    except ValueError as exc:
        raise SnapshotError(f"{data_dir} は git のリポジトリ {top} の外にあります") from exc


def resolve_commit(root: Path, ref: str) -> str:
    """The full commit id a reference names; SnapshotError when it names none."""
    if ref.startswith("-"):  # never read as an option of git
        raise SnapshotError(f"git の参照 '{ref}' は使えません（- で始まる名前は参照ではありません）")
    result = run_git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}")
    if result.returncode != 0:
        raise SnapshotError(
            f"git の参照 '{ref}' が見つかりません。ブランチ名・タグ・コミット（例: main, origin/main, HEAD~1）を確かめてください"
        )
    return result.stdout.strip()


# What `git cat-file --batch-check` prints for an object it found; anything else (missing) is no tree.
_FOUND = re.compile(r"(?P<id>[0-9a-f]{40,64}) \w+")


def data_trees(root: Path, revisions: list[str], folder: str) -> dict[str, str | None]:
    """{revision: the id of the data folder's tree at it (equal ids, equal data), or None if it had none}.

    One git process answers for every revision (a commit and its parent for each
    line of the changelog), where one `rev-parse` each took most of a warm build's history.
    """
    if not revisions:
        return {}
    result = run_git(
        root,
        "cat-file",
        "--batch-check=%(objectname) %(objecttype)",
        stdin="".join(f"{rev}:{folder}\n" for rev in revisions),
    )
    lines = result.stdout.splitlines()
    if result.returncode != 0 or len(lines) != len(revisions):
        raise SnapshotError(f"git cat-file に失敗しました: {result.stderr.strip()}")
    found = [_FOUND.fullmatch(line) for line in lines]
    return {rev: match["id"] if match else None for rev, match in zip(revisions, found)}


def data_tree(root: Path, commit: str, folder: str) -> str | None:
    """The id of the data folder's tree at a commit, or None if it had none."""
    return data_trees(root, [commit], folder)[commit]


def extract(root: Path, treeish: str, target: Path) -> None:
    """Write the files of a tree (the data folder of a commit) into target."""
    result = run_git(root, "archive", "--format=tar", treeish, binary=True)
    if result.returncode != 0:
        raise SnapshotError(f"git archive {treeish} に失敗しました: {result.stderr.decode('utf-8', 'replace').strip()}")
    with tarfile.open(fileobj=io.BytesIO(result.stdout)) as archive:
        archive.extractall(target, filter="data")  # no absolute paths, no links out of target


def load_tree(root: Path, tree: str, name: str = "data") -> Dataset:
    """Load and validate the data of one tree id (raises DataInvalid like load_dataset)."""
    with tempfile.TemporaryDirectory(prefix="sme-data-") as temporary:
        # Named like the real folder, so that messages read data/cases/x.yaml:12 as usual.
        target = Path(temporary) / name
        target.mkdir()
        extract(root, tree, target)
        return load_dataset(target)


def load_at_ref(ref: str, data_dir: Path) -> tuple[str, Dataset]:
    """(the commit, its data set) for the data folder of data_dir as it was at ref."""
    root, folder = repository_paths(data_dir)
    commit = resolve_commit(root, ref)
    tree = data_tree(root, commit, folder)
    if tree is None:
        raise SnapshotError(f"'{ref}'（{commit[:7]}）には {folder}/ がありません")
    return commit, load_tree(root, tree, Path(folder).name)
