"""`python -m macros diff <ref>`: what changed in the data, on a throwaway git repository with known changes."""

from __future__ import annotations

import re
import shutil

from macros import cli
from macros.export import data_diff
from tests.conftest import FIXTURES
from tests.data_repo import BOOK_TEXT, LATER_STATUS, change_everything, cite_a_book, edit, git
from tests.workflow import run_step, step


def _rows(markdown: str) -> list[list[str]]:
    rows = []
    for line in markdown.splitlines():
        if line.startswith("| ") and not line.startswith(("| 変更 | 項目", "| ---")):
            rows.append([cell.strip() for cell in re.split(r"(?<!\\)\|", line)[1:-1]])
    return rows


def test_diff_lists_exactly_the_changes_with_old_and_new(data_repo, capsys):
    change_everything(data_repo / "data")
    assert cli.main(["diff", "main", "--data", str(data_repo / "data")]) == 0
    out = capsys.readouterr().out
    headings = re.findall(r"^## (.*)$", out, re.M)
    assert headings == [
        "事例1：アドック神戸（`data/cases/adock-kobe.yaml`）",
        "【追加】事例17：新しい事例（`data/cases/new-case.yaml`）",
    ]
    rows = _rows(out.split("\n## ")[1])  # in the order of the schema's fields
    assert rows == [
        ["追加", "会員企業・団体「㈱試験金型」", "—", "㈱試験金型（出典 事例1（2））"],
        [
            "変更",
            "数値「会費（月額）」（fee-monthly）",
            "2,000円／月（時点 調査時点（2003〜04年）、出典 事例1（2））",
            "3,000円／年（時点 調査時点（2003〜04年）、出典 事例1（2））",
        ],
        ["削除", "データの注記「編集上の注記」（fee-basis）", "会費の月額は報告書の記述のとおりに記した。", "—"],
    ]
    added = _rows(out.split("\n## ")[2])
    assert added[0][:2] == ["追加", "事例17：新しい事例"]
    # the new case's member counts and figures are listed to check against the report
    assert [
        "追加",
        "会員数「会員企業」（members-now）",
        "—",
        "38社（時点 調査時点（2003〜04年）、出典 事例1（2））",
    ] in added
    assert all(row[0] == "追加" and row[2] == "—" for row in added)
    assert "2 ファイル" in out


def test_no_change_says_so(data_repo, capsys):
    assert cli.main(["diff", "HEAD", "--data", str(data_repo / "data")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("データの変更はありません")
    assert "|" not in out


def test_unknown_ref_is_a_japanese_error_without_traceback(data_repo, capsys):
    assert cli.main(["diff", "no-such-branch", "--data", str(data_repo / "data")]) == 2
    captured = capsys.readouterr()
    assert "git の参照 'no-such-branch' が見つかりません" in captured.err
    assert "Traceback" not in captured.err and captured.out == ""


def test_option_like_ref_is_refused(data_repo, capsys):
    assert cli.main(["diff", "--data", str(data_repo / "data"), "--", "--output=x"]) == 2
    assert "使えません" in capsys.readouterr().err
    assert not (data_repo / "x").exists()


def test_invalid_data_on_either_side_names_the_side_and_the_line(data_repo, capsys):
    case = data_repo / "data" / "cases" / "adock-kobe.yaml"
    edit(case, "    value: 2000\n", "    value: 二千\n")
    assert cli.main(["diff", "HEAD", "--data", str(data_repo / "data")]) == 1
    err = capsys.readouterr().err
    assert "作業ツリーのデータに 1 件の問題" in err and "data/cases/adock-kobe.yaml:" in err
    git(data_repo, "commit", "-qam", "broken")
    edit(case, "    value: 二千\n", "    value: 2000\n")
    assert cli.main(["diff", "HEAD", "--data", str(data_repo / "data")]) == 1
    err = capsys.readouterr().err
    assert "変更前（HEAD）のデータに 1 件の問題" in err and "data/cases/adock-kobe.yaml:" in err
    assert "Traceback" not in err


def test_outside_a_repository_is_a_japanese_error(tmp_path, capsys):
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal", data)
    assert cli.main(["diff", "HEAD", "--data", str(data)]) == 2
    assert "git のリポジトリの中にありません" in capsys.readouterr().err


def test_markdown_escapes_text_from_the_data():
    change = data_diff.Change(data_diff.CHANGED, "項目", "a|b <script>", "*x* [y](z)")
    files = [data_diff.FileDiff("data/cases/x.yaml", "事例1：x", data_diff.CHANGED, [change])]
    out = data_diff.markdown(files, "main", "作業ツリー")
    assert r"a\|b &lt;script&gt;" in out and r"\*x\* \[y\](z)" in out
    assert "<script>" not in out


def test_long_texts_show_the_part_that_changed():
    old = "あ" * 100 + "1999年に設立した。" + "い" * 100
    new = "あ" * 100 + "2000年に設立した。" + "い" * 100
    before, after = data_diff._trimmed(old, new)
    assert "1999年" in before and "2000年" in after
    assert len(before) < 60 and before.startswith("…") and before.endswith("…")


def test_field_labels_come_from_the_schema():
    from macros.data.models import Case, Figure

    assert data_diff.field_label(Case, "figures") == "数値"  # the Field's title
    assert data_diff.field_label(Figure, "unit") == "単位"  # its description
    assert data_diff.field_label(Figure, "value") == "数値"  # description up to the bracket


def _summary_step(data_repo, tmp_path, base_ref: str = "main"):
    """The workflow's step run as the runner runs it on a pull request to base_ref: (result, job summary)."""
    git(data_repo, "update-ref", "refs/remotes/origin/main", "main")  # the base branch as actions/checkout fetches it
    summary = tmp_path / "summary.md"
    result = run_step(
        step("build", "macros diff"),
        data_repo,
        github={"github.base_ref": base_ref},
        env={"SME_DATA_DIR": str(data_repo / "data"), "GITHUB_STEP_SUMMARY": str(summary)},
    )
    return result, summary.read_text(encoding="utf-8") if summary.exists() else ""


def test_the_workflow_writes_the_diff_to_the_job_summary_of_a_pull_request(data_repo, tmp_path):
    change_everything(data_repo / "data")
    result, summary = _summary_step(data_repo, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.findall(r"^## (.*)$", summary, re.M) == [
        "事例1：アドック神戸（`data/cases/adock-kobe.yaml`）",
        "【追加】事例17：新しい事例（`data/cases/new-case.yaml`）",
    ]
    assert "origin/main" in summary


def test_the_branch_name_reaches_the_diff_step_as_a_value_never_as_script(data_repo, tmp_path):
    """GitHub writes ${{ … }} into the script before the shell reads it; a branch named like commands runs nothing."""
    hostile = 'x";touch${IFS}pwned;"$(touch${IFS}pwned)`touch${IFS}pwned`'
    result, _ = _summary_step(data_repo, tmp_path, base_ref=hostile)
    assert not (data_repo / "pwned").exists()
    assert result.returncode == 2 and f"git の参照 'origin/{hostile}' が見つかりません" in result.stderr, result.stderr


def test_the_diff_step_runs_only_on_pull_requests():
    # Read from the file: GitHub evaluates `if:` (and has a base branch) only on its runner.
    assert step("build", "macros diff")["if"] == "github.event_name == 'pull_request'"


# ------------------------------------------------ sources beyond the report


def _diff(data_repo, capsys) -> str:
    assert cli.main(["diff", "main", "--data", str(data_repo / "data")]) == 0
    return capsys.readouterr().out


def _section(out: str, path: str) -> list[list[str]]:
    (section,) = [s for s in out.split("\n## ") if f"（`{path}`）" in s.split("\n", 1)[0]]
    return _rows(section)


def test_a_status_change_is_shown_whole_with_its_source(data_repo, capsys):
    data = data_repo / "data"
    cite_a_book(data)
    edit(
        data / "cases" / "hit.yaml",
        *LATER_STATUS,
    )
    out = _diff(data_repo, capsys)
    assert _section(out, "data/cases/hit.yaml") == [
        ["変更", "その後", "不明（時点 2004年、出典 事例2）", f"改組（時点 2010年、出典 {BOOK_TEXT}p. 45）"],
        ["追加", "その後 › 状態についての補足", "—", "事業協同組合に改組した。"],
        ["変更", "data/sources.yaml の出典ID", "report", "report、town-book-2010"],
    ]
    assert _section(out, "data/sources.yaml") == [
        ["追加", "出典「町工場ネットワーク史（テスト用の架空の書籍）」（town-book-2010）", "—", f"{BOOK_TEXT}、書籍"]
    ]


def test_a_figure_whose_source_moves_from_the_report_to_a_book(data_repo, capsys):
    data = data_repo / "data"
    cite_a_book(data)
    hit = data / "cases" / "hit.yaml"
    edit(hit, "basis: 利益, source: 事例2（2）}", "basis: 利益, source: {id: town-book-2010, at: 第3章、pp. 46-47}}")
    edit(hit, "target: adock-kobe, source: 事例2（2）}", "target: adock-kobe, source: {id: town-book-2010, at: p. 3}}")
    rows = _section(_diff(data_repo, capsys), "data/cases/hit.yaml")
    survey = "時点 調査時点（2003〜04年）"
    assert [
        "変更",
        "数値「グループへの支払い」（commission）",
        f"3％（{survey}、出典 事例2（2））",
        f"3％（{survey}、出典 {BOOK_TEXT}第3章、pp. 46-47）",
    ] in rows
    # a citation outside a figure is one value too, printed the same way, never walked as {id, at}
    assert ["変更", r"他の事例・コラムとの関係「compared\_with」 › 出典", "事例2（2）", f"{BOOK_TEXT}p. 3"] in rows
    assert not any("town-book-2010 " in cell or "id=" in cell for row in rows for cell in row)


def test_a_changed_source_is_reported_and_each_side_cites_by_its_own_title(data_repo, capsys):
    data = data_repo / "data"
    cite_a_book(data)
    hit = data / "cases" / "hit.yaml"
    edit(hit, "  source: 事例2\n", "  source: {id: town-book-2010, at: p. 45}\n")
    git(data_repo, "commit", "-qam", "a book")
    edit(data / "sources.yaml", "    title: 町工場ネットワーク史", "    title: 町工場の歴史")
    edit(data / "sources.yaml", '    published: "2010"\n', '    published: "2011"\n')
    edit(hit, "at: p. 45}", "at: p. 46}")
    out = _diff(data_repo, capsys)
    new_text = "『町工場の歴史（テスト用の架空の書籍）』（架空太郎、2011年）"
    assert _section(out, "data/cases/hit.yaml") == [
        ["変更", "その後", f"不明（時点 2004年、出典 {BOOK_TEXT}p. 45）", f"不明（時点 2004年、出典 {new_text}p. 46）"]
    ]
    assert _section(out, "data/sources.yaml") == [
        [
            "変更",
            "出典「町工場の歴史（テスト用の架空の書籍）」（town-book-2010） › 出典の表題",
            "町工場ネットワーク史（テスト用の架空の書籍）",
            "町工場の歴史（テスト用の架空の書籍）",
        ],
        [
            "変更",
            "出典「町工場の歴史（テスト用の架空の書籍）」（town-book-2010） › 発行の時点",
            "2010年（2010）",
            "2011年（2011）",
        ],
    ]
