"""A throwaway git repository of the minimal data, and a known set of changes to it (the diff tests)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from macros.data.load import load_dataset
from tests.conftest import FIXTURES

NOTE = """data_notes:
  - id: fee-basis
    kind: editorial
    text: 会費の月額は報告書の記述のとおりに記した。
    source: 事例1（2）
"""
MEMBER = """  - name: ㈱試験金型
    business: 金型
    source: 事例1（2）
"""


def git(repo: Path, *args: str) -> str:
    command = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"]
    result = subprocess.run(command + list(args), cwd=repo, capture_output=True, text=True, check=True)
    return result.stdout


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def make_repo(tmp_path: Path) -> Path:
    """A git repository whose first commit holds the minimal data with one data note and one named member."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal", data)
    case = data / "cases" / "adock-kobe.yaml"
    edit(case, "data_notes: []\n", NOTE)
    edit(case, "support: []\n", "member_companies:\n" + MEMBER.replace("試験金型", "最初の会員") + "support: []\n")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "data")
    git(tmp_path, "commit", "-q", "-m", "data")
    load_dataset(data)  # the first commit is valid data
    return tmp_path


def change_everything(data: Path) -> None:
    """A figure's value and unit, a member added, a note removed, a case added."""
    case = data / "cases" / "adock-kobe.yaml"
    edit(case, "    value: 2000\n    unit: JPY/month\n", "    value: 3000\n    unit: JPY/year\n")
    edit(case, "support: []\n", MEMBER + "support: []\n")
    edit(case, NOTE, "data_notes: []\n")
    new = (data / "cases" / "adock-kobe.yaml").read_text(encoding="utf-8")
    new = new.replace("id: adock-kobe\n", "id: new-case\n", 1).replace("number: 1\n", "number: 17\n", 1)
    new = new.replace("  ja: アドック神戸\n", "  ja: 新しい事例\n", 1)
    (data / "cases" / "new-case.yaml").write_text(new, encoding="utf-8")


# ------------------------------------------------ a source beyond the report

BOOK = """  - id: town-book-2010
    kind: book
    title: 町工場ネットワーク史（テスト用の架空の書籍）
    author: 架空 太郎
    publisher: 架空書房
    published: "2010"
    quoting: テスト用の架空の出典。
"""
BOOK_TEXT = "『町工場ネットワーク史（テスト用の架空の書籍）』（架空太郎、2010年）"
# HIT's status, from 不明 as of the report to 改組 in 2010 by the book: (old text, new text) of hit.yaml
LATER_STATUS = (
    'status:\n  state: unknown\n  as_of: "2004"\n  source: 事例2\n',
    'status:\n  state: reorganised\n  as_of: "2010"\n  note: 事業協同組合に改組した。\n'
    "  source: {id: town-book-2010, at: p. 45}\n",
)


def cite_a_book(data: Path) -> None:
    """data/sources.yaml gains a (fictional) book and HIT lists it among its sources."""
    (data / "sources.yaml").write_text((data / "sources.yaml").read_text(encoding="utf-8") + BOOK, encoding="utf-8")
    edit(data / "cases" / "hit.yaml", "sources: [report]\n", "sources: [report, town-book-2010]\n")
