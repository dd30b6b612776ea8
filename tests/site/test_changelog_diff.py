"""The data changelog shows what each recent commit changed (old → new), as `python -m macros diff` does."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.data.load import load_dataset
from macros.history import changes
from macros.history import commits as git_history
from macros.site import changelog
from tests.data_repo import BOOK_TEXT, LATER_STATUS, change_everything, cite_a_book, edit, git


@pytest.fixture
def cache(tmp_path_factory) -> Path:
    """An empty cache folder for the comparisons (tests/history/test_changes.py tests the cache itself)."""
    return tmp_path_factory.mktemp("changelog-cache")


def _commit_all(repo, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def test_changelog_shows_the_changes_of_each_commit(data_repo, cache):
    change_everything(data_repo / "data")
    _commit_all(data_repo, "<b>change</b>")
    commits = git_history.data_history(data_repo, data_repo / "data")
    assert len(commits) == 2
    diffs = changes.commit_diffs(commits, data_repo / "data", cache)
    assert set(diffs) == {c.sha for c in commits}
    out = changelog.data_changelog(load_dataset(data_repo / "data"), "changelog/", {}, commits, diffs=diffs)
    assert (
        "変更：数値「会費（月額）」（fee-monthly）："
        "<del>2,000円／月（時点 調査時点（2003〜04年）、出典 事例1（2））</del> → "
        "<ins>3,000円／年（時点 調査時点（2003〜04年）、出典 事例1（2））</ins>"
    ) in out
    assert "追加：会員企業・団体「㈱試験金型」：<ins>㈱試験金型（出典 事例1（2））</ins>" in out
    assert (
        "削除：データの注記「編集上の注記」（fee-basis）：<del>会費の月額は報告書の記述のとおりに記した。</del>" in out
    )
    assert '<a href="../cases/new-case/">事例17：新しい事例</a>（追加）' in out
    assert "&lt;b&gt;change&lt;/b&gt;" in out and "<b>" not in out
    assert "新しい 2 件には" in out


def test_only_the_newest_commits_are_compared_and_the_page_says_so(data_repo, cache):
    change_everything(data_repo / "data")
    _commit_all(data_repo, "change")
    commits = git_history.data_history(data_repo, data_repo / "data")
    diffs = changes.commit_diffs(commits, data_repo / "data", cache, limit=1)
    assert list(diffs) == [commits[0].sha]
    out = changelog.data_changelog(load_dataset(data_repo / "data"), "changelog/", {}, commits, diffs=diffs)
    assert "新しい 1 件には" in out and "それより前のコミットは、変わったファイルだけを示します" in out


def test_a_version_the_rules_refuse_is_listed_without_its_changes(data_repo, cache):
    case = data_repo / "data" / "cases" / "adock-kobe.yaml"
    edit(case, "    value: 2000\n", "    value: 二千\n")
    _commit_all(data_repo, "broken")
    edit(case, "    value: 二千\n", "    value: 2500\n")
    _commit_all(data_repo, "fixed")
    commits = git_history.data_history(data_repo, data_repo / "data")
    diffs = changes.commit_diffs(commits, data_repo / "data", cache)
    assert [diffs[c.sha] is None for c in commits] == [True, True, False]
    out = changelog.data_changelog(load_dataset(data_repo / "data"), "changelog/", {}, commits, diffs=diffs)
    assert out.count("今の検証の規則では読めないため") == 2


def test_without_git_there_are_no_changes_and_no_failure(tmp_path):
    assert changes.commit_diffs([], tmp_path, tmp_path / "cache") == {}
    commit = git_history.Commit("a" * 40, "2026-11-23", "x", ("data/cases/a.yaml",))
    assert changes.commit_diffs([commit], tmp_path / "data", tmp_path / "cache") == {}


def test_the_changelog_shows_a_later_status_with_its_source(data_repo, cache):
    data = data_repo / "data"
    cite_a_book(data)
    edit(data / "cases" / "hit.yaml", *LATER_STATUS)
    _commit_all(data_repo, "HIT のその後")
    commits = git_history.data_history(data_repo, data)
    diffs = changes.commit_diffs(commits, data, cache)
    out = changelog.data_changelog(load_dataset(data), "changelog/", {}, commits, diffs=diffs)
    assert f"<del>不明（時点 2004年、出典 事例2）</del> → <ins>改組（時点 2010年、出典 {BOOK_TEXT}p. 45）</ins>" in out
    assert "town-book-2010" in out  # the new source is listed among the changes
