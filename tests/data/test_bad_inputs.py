"""A corpus of bad inputs: each is refused with file, line, field and a plain message."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from macros.data.load import DataInvalid, load_dataset

CORPUS = Path(__file__).resolve().parents[1] / "bad_inputs"
EXPECTED = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))


def _problems_for(data_copy: Path, content: bytes) -> list:
    (data_copy / "cases" / "hit.yaml").write_bytes(content)
    with pytest.raises(DataInvalid) as info:  # any other exception would be a crash
        load_dataset(data_copy)
    return [p for p in info.value.problems if p.file.endswith("cases/hit.yaml")]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_input_is_refused_clearly(data_copy, name):
    expected = EXPECTED[name]
    problems = _problems_for(data_copy, (CORPUS / name).read_bytes())
    matching = [p for p in problems if p.field == expected["field"]]
    assert matching, [str(p) for p in problems]
    problem = matching[0]
    assert problem.line == expected["line"], str(problem)
    assert expected["message"] in problem.message, str(problem)
    assert str(problem).startswith("data/cases/hit.yaml")


def test_every_corpus_file_has_an_expectation():
    files = {p.name for p in CORPUS.glob("*.yaml")} - {"expected.yaml"}
    assert files == set(EXPECTED)


def test_very_large_file_is_refused(data_copy):
    big = (CORPUS.parent / "fixtures" / "minimal" / "cases" / "hit.yaml").read_bytes()
    big += b"# " + b"x" * 700_000 + b"\n"
    (problem,) = _problems_for(data_copy, big)
    assert "大きすぎます" in problem.message


def test_cli_reports_without_a_traceback(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(CORPUS.parent / "fixtures" / "minimal", data)
    for name in ("alias-bomb.yaml", "not-utf8.yaml", "yaml-syntax.yaml"):
        shutil.copy(CORPUS / name, data / "cases" / name.replace(".yaml", "-x.yaml"))
    result = subprocess.run(
        [sys.executable, "-m", "macros", "validate", "--data", str(data)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.count("cases/") >= 3


def test_duplicate_id_in_two_files_names_both(data_copy):
    shutil.copy(data_copy / "cases" / "hit.yaml", data_copy / "cases" / "hit-copy.yaml")
    with pytest.raises(DataInvalid) as info:
        load_dataset(data_copy)
    duplicate = [p for p in info.value.problems if "重複" in p.message and p.field == "id"]
    assert len(duplicate) == 1
    assert {"hit-copy.yaml", "hit.yaml"} <= {
        duplicate[0].file.split("/")[-1],
        duplicate[0].message.split("data/cases/")[-1].split(" ")[0],
    }
