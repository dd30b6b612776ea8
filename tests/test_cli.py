"""`python -m macros validate --format github`: each problem as a GitHub Actions annotation on its line (macros/cli.py)."""

from __future__ import annotations

import subprocess
import sys

from macros import cli
from macros.data.yaml_source import Problem
from tests.conftest import ROOT


def test_github_annotation_escapes_properties_and_message():
    problem = Problem("data/cases/a,b:c.yaml", 12, "odd,key: 100%\nx", "50% 完了\r\n次の行")
    assert cli.github_annotation(problem) == (
        "::error file=data/cases/a%2Cb%3Ac.yaml,line=12,title=odd%2Ckey%3A 100%25%0Ax::50%25 完了%0D%0A次の行"
    )
    whole_file = cli.github_annotation(Problem("data/cases/x.yaml", None, "", "ファイルが空です"))
    assert whole_file == "::error file=data/cases/x.yaml,title=(ファイル全体)::ファイルが空です"


def test_validate_format_github_annotates_a_bad_file(data_copy):
    bad = (ROOT / "tests" / "bad_inputs" / "wrong-type.yaml").read_text(encoding="utf-8")
    bad = bad.replace('count: "27社"', 'count: "50%"')
    bad = bad.replace("summary:", '"odd,key: x": 1\nsummary:', 1)
    (data_copy / "cases" / "hit.yaml").write_text(bad, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "macros", "validate", "--data", str(data_copy), "--format", "github"],
        check=False,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert all(line.startswith("::error file=") for line in lines), lines
    assert (
        "::error file=data/cases/hit.yaml,line=19,title=members[0].count::整数が必要です（書かれている値: '50%25'）"
        in lines
    )
    assert any(
        line.startswith("::error file=data/cases/hit.yaml,line=7,title=odd%2Ckey%3A x::")
        and "スキーマにありません" in line
        for line in lines
    ), lines
    assert "data/cases/hit.yaml:19: members[0].count" in result.stderr  # the readable form stays in the log
