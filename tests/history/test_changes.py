"""Each commit's changes are computed once and kept on disk; a cache file is used only when it matches exactly."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from macros.history import changes, diff_cache
from macros.history.commits import data_history
from macros.history.snapshot import data_trees
from tests.data_repo import change_everything, edit, git

ROOT = Path(__file__).resolve().parents[2]


def _commit_all(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


@pytest.fixture
def history(data_repo):
    """(data folder, commits newest first): fixed, broken (today's rules refuse it), changed, the first."""
    data = data_repo / "data"
    change_everything(data)
    _commit_all(data_repo, "change")
    case = data / "cases" / "adock-kobe.yaml"
    edit(case, "    value: 3000\n", "    value: 三千\n")
    _commit_all(data_repo, "broken")
    edit(case, "    value: 三千\n", "    value: 3500\n")
    _commit_all(data_repo, "fixed")
    commits = data_history(data_repo, data)
    assert [c.subject for c in commits] == ["fixed", "broken", "change", "data"]
    return data, commits


@pytest.fixture
def cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("changelog-cache")


@pytest.fixture
def counted(monkeypatch) -> dict:
    """How many data trees were loaded from git and how many pairs compared."""
    calls = {"load": 0, "diff": 0}
    load, diff = changes.load_tree, changes.diff_datasets

    def counting_load(*args, **kwargs):
        calls["load"] += 1
        return load(*args, **kwargs)

    def counting_diff(*args, **kwargs):
        calls["diff"] += 1
        return diff(*args, **kwargs)

    monkeypatch.setattr(changes, "load_tree", counting_load)
    monkeypatch.setattr(changes, "diff_datasets", counting_diff)
    return calls


def _reset(calls: dict) -> None:
    calls.update(load=0, diff=0)


def _entries(cache: Path) -> dict[Path, dict]:
    return {path: json.loads(path.read_text(encoding="utf-8")) for path in sorted(cache.glob("*.json"))}


EVERYTHING = {"load": 4, "diff": 2}  # 4 trees, each loaded once; 2 pairs both sides of which validate


def test_a_cold_cache_computes_each_commit_and_keeps_it(history, cache, counted):
    data, commits = history
    diffs = changes.commit_diffs(commits, data, cache)
    assert counted == EVERYTHING
    fixed, broken, changed, first = (diffs[c.sha] for c in commits)
    assert fixed is None and broken is None  # one side refused by today's rules
    assert {d.path for d in changed} == {"data/cases/adock-kobe.yaml", "data/cases/new-case.yaml"}
    assert first and {c.action for d in first for c in d.changes} == {"追加"}  # against no data at all
    entries = _entries(cache)
    assert len(entries) == len(commits)
    assert [entry["files"] is None for entry in entries.values()].count(True) == 2  # kept too: refused again
    assert not list(cache.glob(".*"))  # no temporary file left behind


def test_a_warm_cache_loads_and_compares_nothing(history, cache, counted):
    data, commits = history
    cold = changes.commit_diffs(commits, data, cache)
    written = {path: path.stat().st_mtime_ns for path in cache.iterdir()}
    _reset(counted)
    warm = changes.commit_diffs(commits, data, cache)
    assert counted == {"load": 0, "diff": 0}
    assert warm == cold
    assert {path: path.stat().st_mtime_ns for path in cache.iterdir()} == written  # read, not written again


def test_a_new_commit_computes_only_itself(history, cache, counted):
    data, commits = history
    changes.commit_diffs(commits, data, cache)
    edit(data / "cases" / "adock-kobe.yaml", "    value: 3500\n", "    value: 4000\n")
    _commit_all(data.parent, "newer")
    _reset(counted)
    diffs = changes.commit_diffs(data_history(data.parent, data), data, cache)
    assert counted == {"load": 2, "diff": 1}  # the new tree and its parent's, for the one new pair
    assert len(diffs) == 5


def _foreign_version(entry: dict) -> object:
    return {**entry, "version": "0" * 64}


def _other_pair(entry: dict) -> object:
    return {**entry, "new": "0" * 40}


def _other_shape(entry: dict) -> object:
    return {**entry, "files": [{"path": "data/x.yaml", "title": "x", "status": "改変", "changes": []}]}


def _missing_field(entry: dict) -> object:
    return {name: value for name, value in entry.items() if name != "folder"}


@pytest.mark.parametrize(
    "spoil",
    [
        lambda text: "{not json",
        lambda text: "",
        lambda text: text[: len(text) // 2],  # torn
        lambda text: json.dumps(_foreign_version(json.loads(text))),
        lambda text: json.dumps(_other_pair(json.loads(text))),
        lambda text: json.dumps(_other_shape(json.loads(text))),
        lambda text: json.dumps(_missing_field(json.loads(text))),
        lambda text: json.dumps([json.loads(text)]),
    ],
    ids=["not-json", "empty", "torn", "other-version", "other-pair", "other-shape", "missing-field", "a-list"],
)
def test_a_corrupt_or_foreign_file_is_ignored_and_rewritten(history, cache, counted, spoil):
    data, commits = history
    cold = changes.commit_diffs(commits, data, cache)
    good = _entries(cache)
    for path in good:
        path.write_text(spoil(path.read_text(encoding="utf-8")), encoding="utf-8")
    _reset(counted)
    assert changes.commit_diffs(commits, data, cache) == cold
    assert counted == EVERYTHING  # nothing trusted
    assert _entries(cache) == good  # each file made again, whole


def test_a_file_that_is_not_utf8_is_ignored(history, cache, counted):
    data, commits = history
    cold = changes.commit_diffs(commits, data, cache)
    for path in cache.glob("*.json"):
        path.write_bytes(b"\xff\xfe{")
    _reset(counted)
    assert changes.commit_diffs(commits, data, cache) == cold
    assert counted == EVERYTHING


def test_another_version_of_the_code_computes_again_and_replaces_the_entries(history, cache, counted, monkeypatch):
    data, commits = history
    cold = changes.commit_diffs(commits, data, cache)
    names = set(_entries(cache))
    monkeypatch.setattr(diff_cache, "source_version", lambda module: "another")
    _reset(counted)
    assert changes.commit_diffs(commits, data, cache) == cold
    assert counted == EVERYTHING
    entries = _entries(cache)
    assert set(entries) == names  # replaced in place: the folder does not grow with each version
    assert {entry["version"] for entry in entries.values()} == {"another"}


def test_an_unwritable_cache_folder_does_not_fail(history, tmp_path, counted):
    data, commits = history
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    first = changes.commit_diffs(commits, data, blocked)
    assert counted == EVERYTHING
    assert changes.commit_diffs(commits, data, blocked) == first
    assert blocked.read_text(encoding="utf-8") == "not a folder"


# ------------------------------------------------------------ the version of the code


def test_the_version_covers_the_code_that_compares_and_nothing_else():
    files = {
        path.relative_to(diff_cache.PACKAGE).as_posix() for path in diff_cache.source_files(Path(changes.__file__))
    }
    # the loader and its rules, the comparison and its wording, the snapshot and the cache itself
    assert {
        "data/load.py",
        "data/models.py",
        "data/checks.py",
        "export/data_diff.py",
        "export/tables.py",
        "views/formatting.py",
        "views/citation.py",
        "history/snapshot.py",
        "history/diff_cache.py",
        "history/changes.py",
    } <= files
    assert not [name for name in files if name.startswith("site/")]
    assert "views/charts.py" not in files and "views/render.py" not in files


def test_the_version_changes_when_the_code_it_covers_changes(tmp_path, monkeypatch):
    real = diff_cache.source_version(Path(changes.__file__))
    copy = tmp_path / "macros"
    shutil.copytree(diff_cache.PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(diff_cache, "PACKAGE", copy)
    module = copy / "history" / "changes.py"

    def version_after(path: str, text: str = "\n# changed\n") -> str:
        original = (copy / path).read_text(encoding="utf-8")
        (copy / path).write_text(original + text, encoding="utf-8")
        try:
            return diff_cache.source_version(module)
        finally:
            (copy / path).write_text(original, encoding="utf-8")

    assert diff_cache.source_version(module) == real  # the same sources, the same version
    for covered in ("views/formatting.py", "data/models.py", "export/data_diff.py", "history/diff_cache.py"):
        assert version_after(covered) != real, covered
    for elsewhere in ("views/charts.py", "site/changelog.py", "search/index.py"):
        assert version_after(elsewhere) == real, elsewhere
    # an import added later is followed: the version then covers that module too
    assert version_after("views/formatting.py", "\nfrom . import charts  # noqa\n") != real
    (copy / "views" / "formatting.py").write_text(
        (copy / "views" / "formatting.py").read_text(encoding="utf-8") + "\nfrom . import charts  # noqa\n",
        encoding="utf-8",
    )
    with_charts = diff_cache.source_version(module)
    assert version_after("views/charts.py") != with_charts


# ------------------------------------------------------------ data trees from git


def test_the_data_trees_of_commits_and_their_parents(history):
    data, commits = history
    first = commits[-1].sha
    revisions = [commits[0].sha, f"{commits[0].sha}^", commits[1].sha, first, f"{first}^"]
    trees = data_trees(data.parent, revisions, "data")
    assert trees[f"{commits[0].sha}^"] == trees[commits[1].sha] != trees[commits[0].sha]
    assert trees[first] is not None and trees[f"{first}^"] is None  # before the first commit: no data
    assert data_trees(data.parent, [first], "no-such-folder") == {first: None}
