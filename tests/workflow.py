"""The GitHub Actions workflow (.github/workflows/site.yml), and its steps run here as the runner runs them."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"

# What GitHub puts in the expressions (${{ … }}) the steps use: a pull request to main of acme/sme-data.
GITHUB = {
    "github.server_url": "https://github.com",
    "github.repository": "acme/sme-data",
    "github.repository_owner": "acme",
    "github.event.repository.name": "sme-data",
    "github.base_ref": "main",
}
_EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps(job: str | None = None) -> list[dict]:
    """The steps of one job, or of every job."""
    jobs = workflow()["jobs"]
    return [step for name, spec in jobs.items() if job in (None, name) for step in spec.get("steps", [])]


def step(job: str, running: str) -> dict:
    """The one step of the job whose `run` holds that text."""
    (found,) = [s for s in steps(job) if running in s.get("run", "")]
    return found


def _substituted(text: str, github: dict) -> str:
    """Expressions replaced by their values before the shell sees the text, as GitHub does (KeyError if unknown)."""
    return _EXPRESSION.sub(lambda match: github[match.group(1)], text)


def run_step(
    spec: dict,
    cwd: Path,
    *,
    project: Path = ROOT,
    github: dict | None = None,
    env: dict | None = None,
    append: str = "",
) -> subprocess.CompletedProcess:
    """Run a step's `run` script with `bash -e` (the runner's default shell) and the step's `env`.

    The project's tools (python, ruff, mkdocs, …) come first on PATH and `macros` is imported from `project`;
    `append` is added to the script's one command line (e.g. `--collect-only`).
    """
    context = GITHUB | (github or {})
    script = _substituted(spec["run"], context) + append
    step_env = {name: _substituted(str(value), context) for name, value in spec.get("env", {}).items()}
    full_env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **step_env, **(env or {}))
    full_env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), full_env.get("PATH", "")])
    full_env["PYTHONPATH"] = str(project)
    return subprocess.run(
        ["bash", "-e", "-c", script],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=600,
    )
