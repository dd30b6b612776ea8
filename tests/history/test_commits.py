"""The data's commits from git: the last change of each file, the log parsed, no history outside a checkout."""

from __future__ import annotations

import re
import subprocess

import pytest

from macros.history import commits as git_history
from tests.conftest import ROOT


def test_git_history_dates_a_committed_data_file():
    expected = subprocess.run(
        ["git", "log", "-1", "--format=%cs", "--", "data/cases/adock-kobe.yaml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    if not expected:
        pytest.skip("not a git checkout with history")
    changes = git_history.last_changes(ROOT)
    assert changes["data/cases/adock-kobe.yaml"] == expected
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", expected)
    assert not any(path.startswith("data/schema/") for path in changes)


def test_git_history_is_empty_outside_a_checkout(tmp_path):
    (tmp_path / "data" / "cases").mkdir(parents=True)
    assert git_history.data_history(tmp_path) == []
    assert git_history.last_changes(tmp_path) == {}


def test_japanese_date():
    assert git_history.japanese_date("2026-11-23") == "2026年11月23日"
    assert git_history.japanese_date("2004-03-05") == "2004年3月5日"


def test_parse_log_reads_subjects_with_separators():
    out = "\x1eabc123\x1f2026-11-23\x1fFix: 事例5（2）, sales\n\ndata/cases/a.yaml\ndata/themes.yaml\n\x1edef\x1f2026-11-20\x1fAdd\n\ndata/cases/a.yaml\n"
    commits = git_history.parse_log(out)
    assert [c.subject for c in commits] == ["Fix: 事例5（2）, sales", "Add"]
    assert git_history.last_changed(commits) == {"data/cases/a.yaml": "2026-11-23", "data/themes.yaml": "2026-11-23"}
