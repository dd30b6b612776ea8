"""CI (.github/workflows/site.yml): its steps, run here as the runner runs them, do what they are there for.

What only GitHub can run (its triggers, actions/checkout, setup-python, the Pages deployment, apt-get in its
containers) is checked by reading the file; each such test says so.
"""

from __future__ import annotations

import re
import shutil

from tests.conftest import ROOT, copy_project
from tests.workflow import GITHUB, run_step, step, steps, workflow

COLLECT = " --collect-only -q -p no:cacheprovider"


def test_the_lint_step_fails_on_a_lint_error_and_on_unformatted_code(tmp_path):
    lint = step("build", "ruff")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")  # the project's ruff settings
    (tmp_path / "clean.py").write_text("VALUE = 1\n", encoding="utf-8")
    result = run_step(lint, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    (tmp_path / "unused.py").write_text("import os\n", encoding="utf-8")
    result = run_step(lint, tmp_path)
    assert result.returncode != 0 and "F401" in result.stdout, result.stdout + result.stderr
    (tmp_path / "unused.py").unlink()
    (tmp_path / "unformatted.py").write_text("VALUE = ( 1 )\n", encoding="utf-8")
    result = run_step(lint, tmp_path)
    assert result.returncode != 0 and "unformatted.py" in result.stdout, result.stdout + result.stderr


def test_the_validate_step_passes_the_data_and_annotates_a_bad_file_on_its_line(data_copy):
    validate = step("build", "macros validate")
    result = run_step(validate, ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    bad = (ROOT / "tests" / "bad_inputs" / "wrong-type.yaml").read_text(encoding="utf-8")
    (data_copy / "cases" / "hit.yaml").write_text(bad, encoding="utf-8")
    result = run_step(validate, ROOT, env={"SME_DATA_DIR": str(data_copy)})
    assert result.returncode == 1, result.stdout + result.stderr  # the job stops
    lines = result.stdout.splitlines()
    assert lines and all(line.startswith("::error file=") for line in lines), lines
    assert any(line.startswith("::error file=data/cases/hit.yaml,line=18,title=members[0].count::") for line in lines)


def test_the_schema_step_passes_the_checked_in_schema_and_fails_a_stale_one(tmp_path):
    check = step("build", "macros schema")
    result = run_step(check, ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    project = copy_project(tmp_path / "project")
    (project / "data" / "schema" / "case.schema.json").write_text("{}\n", encoding="utf-8")
    result = run_step(check, project, project=project)
    assert result.returncode == 1 and "JSON Schema が古くなっています" in result.stderr, result.stderr
    assert (project / "data" / "schema" / "case.schema.json").read_text(encoding="utf-8") == "{}\n"  # only checked


def _collected(output: str) -> set[str]:
    return {line for line in output.splitlines() if re.match(r"tests/\S+\.py::", line)}


def test_the_two_test_steps_run_every_test_once_and_the_browser_tests_in_the_browser_job():
    runs = {job: step(job, "pytest") for job in ("build", "browser-tests")}
    collected = {}
    for job, spec in runs.items():
        assert "\n" not in spec["run"].strip() and "&&" not in spec["run"]  # one command, to add --collect-only to
        result = run_step(spec, ROOT, append=COLLECT)
        assert result.returncode == 0, result.stdout + result.stderr
        collected[job] = _collected(result.stdout)
    everything = run_step({"run": "python -m pytest"}, ROOT, append=COLLECT)  # the README's command: all tests
    assert everything.returncode == 0, everything.stdout + everything.stderr
    assert collected["build"] and collected["browser-tests"]
    assert not collected["build"] & collected["browser-tests"]
    assert collected["build"] | collected["browser-tests"] == _collected(everything.stdout)
    assert all(test.startswith("tests/browser/") for test in collected["browser-tests"])


def test_the_build_step_publishes_a_strict_build_with_the_repository_address_and_the_pdf(tmp_path):
    build = step("build", "mkdocs build")
    (upload,) = [s for s in steps("build") if s.get("uses", "").startswith("actions/upload-pages-artifact@")]
    project = copy_project(tmp_path / "project")
    pdf = project / "build" / "all-cases.pdf"  # where the step before it puts the PDF job's artifact
    pdf.parent.mkdir()
    pdf.write_bytes(b"%PDF-1.4\n% the PDF job's artifact\n")
    result = run_step(build, project, project=project)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / upload["with"]["path"]  # what is uploaded is what the step built
    assert (site / "downloads" / "all-cases.pdf").read_bytes() == pdf.read_bytes()
    glossary = (site / "glossary" / "index.html").read_text(encoding="utf-8")
    repository = f"{GITHUB['github.server_url']}/{GITHUB['github.repository']}"
    assert f'href="{repository}/edit/main/data/glossary.yaml"' in glossary  # SITE_REPOSITORY_URL
    assert 'content="https://acme.github.io/sme-data/glossary/"' in glossary  # SITE_URL: og:url
    # --strict: a warning fails the step
    about = project / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n[どこにもない](no-such-page.md)\n", encoding="utf-8")
    result = run_step(build, project, project=project)
    assert result.returncode != 0 and "no-such-page.md" in result.stdout + result.stderr, result.stderr


# ---------------------------------------------------------------- what only GitHub runs: read from the file


def test_the_workflow_runs_on_push_and_pull_request():
    # GitHub's triggers cannot be fired here.
    spec = workflow()
    triggers = spec.get("on", spec.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "push" in triggers and "pull_request" in triggers


def test_the_build_job_checks_out_the_history_installs_the_dev_lock_and_runs_in_order():
    # actions/checkout, setup-python and pip (the network) cannot run here, nor the order of steps on a runner.
    build = steps("build")
    checkout = next(s for s in build if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # page dates and the changelog come from the whole history
    setup = next(s for s in build if s.get("uses", "").startswith("actions/setup-python@"))
    assert str(setup["with"]["python-version"]) == "3.11"  # the oldest Python the project supports
    runs = "\n".join(s.get("run", "") for s in steps())
    assert "pip install -r requirements-dev.lock" in runs
    # validate before the tests before the build before the upload: data errors are annotated first
    order = [s.get("run", s.get("uses", "")) for s in build]
    positions = [
        next(i for i, s in enumerate(order) if needle in s)
        for needle in ("macros validate", "schema --check", "pytest", "mkdocs build", "upload-pages-artifact")
    ]
    assert positions == sorted(positions)


def test_the_browser_job_installs_debian_chromium_before_its_tests():
    # apt-get in GitHub's container cannot run here; the browser tests need Debian's chromium.
    order = [s.get("run", "") for s in steps("browser-tests")]
    chromium = next(i for i, run in enumerate(order) if "apt-get install -y chromium" in run)
    assert chromium < next(i for i, run in enumerate(order) if "pytest" in run)


def test_deploy_runs_on_main_only_with_pages_permissions():
    # The GitHub Pages deployment cannot run here.
    deploy = workflow()["jobs"]["deploy"]
    assert "refs/heads/main" in deploy["if"]
    assert "build" in deploy["needs"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in deploy["steps"])


def test_every_action_is_pinned_to_a_version():
    # A rule about the file's text: which version of each action GitHub fetches.
    uses = [s["uses"] for s in steps() if "uses" in s]
    assert uses
    for action in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})", action), action
