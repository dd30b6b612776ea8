"""The pre-commit hooks (.pre-commit-config.yaml), run by pre-commit in a throwaway repository, and yamllint's settings."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

_RESULT = re.compile(r"^.+?\.+(?:\(no files to check\))?(Passed|Failed|Skipped)\n- hook id: ([\w-]+)$", re.M)


@pytest.fixture
def repo(tmp_path) -> Path:
    """A git repository with the project's code, data and hook settings, everything staged."""
    repo = tmp_path / "repo"
    for name in ("macros", "data"):
        shutil.copytree(ROOT / name, repo / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", ".yamllint.yml", ".pre-commit-config.yaml"):
        shutil.copy(ROOT / name, repo / name)
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    return repo


def _hooks(repo: Path, *files: str) -> tuple[dict[str, str], str]:
    """`pre-commit run` on these staged files (all files without any): (hook id -> Passed/Failed/Skipped, output)."""
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    env = dict(
        os.environ,
        PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),  # the project's tools
        PRE_COMMIT_HOME=str(repo.parent / "pre-commit-home"),
        PYTHONPATH=str(repo),
    )
    which = ["--files", *files] if files else ["--all-files"]
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--verbose", *which],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = result.stdout + result.stderr
    statuses = {hook: status for status, hook in _RESULT.findall(output)}
    assert result.returncode == (1 if "Failed" in statuses.values() else 0), output
    return statuses, output


def test_the_hooks_pass_the_project_and_fetch_nothing(repo):
    statuses, output = _hooks(repo)
    assert statuses == dict.fromkeys(("validate-data", "schema-check", "yamllint", "ruff"), "Passed"), output
    # every hook runs a tool already in .venv: pre-commit cloned no hook repository
    home = repo.parent / "pre-commit-home"
    assert not [path for path in home.iterdir() if path.is_dir()], list(home.iterdir())


def test_a_commit_with_invalid_data_is_refused_with_the_problem_named(repo):
    bad = (ROOT / "tests" / "bad_inputs" / "wrong-type.yaml").read_text(encoding="utf-8")
    (repo / "data" / "cases" / "hit.yaml").write_text(bad, encoding="utf-8")
    statuses, output = _hooks(repo, "data/cases/hit.yaml")
    assert statuses["validate-data"] == "Failed", output
    assert "data/cases/hit.yaml:18: members[0].count: 整数が必要です" in output
    # a commit that touches neither data/ nor macros/ is not held up by the data check
    statuses, output = _hooks(repo, "pyproject.toml")
    assert statuses["validate-data"] == "Skipped", output


def test_a_commit_with_a_stale_json_schema_is_refused_and_the_schema_left_alone(repo):
    schema = repo / "data" / "schema" / "case.schema.json"
    schema.write_text("{}\n", encoding="utf-8")
    statuses, output = _hooks(repo, "data/schema/case.schema.json")
    assert statuses["schema-check"] == "Failed", output
    assert "JSON Schema が古くなっています: case.schema.json" in output
    assert schema.read_text(encoding="utf-8") == "{}\n"


def test_a_commit_with_a_lint_error_in_python_or_yaml_is_refused(repo):
    (repo / "macros" / "unused.py").write_text("import os\n", encoding="utf-8")
    (repo / "notes.yaml").write_text("key: value   \n", encoding="utf-8")
    statuses, output = _hooks(repo, "macros/unused.py", "notes.yaml")
    assert (statuses["ruff"], statuses["yamllint"]) == ("Failed", "Failed"), output
    assert "F401" in output and "trailing spaces" in output


def test_yamllint_config_passes_the_data():
    pytest.importorskip("yamllint")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "yamllint",
            "--strict",
            "-c",
            ".yamllint.yml",
            "data",
            "tests/fixtures",
            "mkdocs.yml",
            ".github",
            ".pre-commit-config.yaml",
        ],
        check=False,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
