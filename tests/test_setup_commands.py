"""A new machine: the README's two commands, .ci/run (which runs the test command), and the lock files they install.

The commands are run for real by bash, with apt-get and python3 replaced by stand-ins that write down each
command they are given (python3 -m venv makes a .venv whose pip, python, ruff, mypy and mkdocs do the same), so a test
sees exactly what a command would execute without installing anything.
"""

from __future__ import annotations

import ast
import importlib.metadata
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import ROOT

RECORD = '#!/bin/sh\nprintf "%s\\n" "{name} $*" >> "$COMMANDS"\n'
VENV_MAKER = """#!/bin/sh
printf "%s\\n" "python3 $*" >> "$COMMANDS"
if [ "$1" = "-m" ] && [ "$2" = "venv" ]; then cp -R "$STAND_INS/venv" "$3"; fi
"""


def _executable(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


def _commands_run_by(argv: list[str], folder: Path) -> list[str]:
    """Run argv in folder with the stand-ins first on PATH; the commands they were given, in order."""
    stand_ins = folder.parent / f"{folder.name}-stand-ins"
    _executable(stand_ins / "bin" / "apt-get", RECORD.format(name="apt-get"))
    _executable(stand_ins / "bin" / "python3", VENV_MAKER)
    for tool in ("pip", "python", "ruff", "mypy", "mkdocs"):
        _executable(stand_ins / "venv" / "bin" / tool, RECORD.format(name="$0"))  # as called: .venv/bin/pip
    commands = folder.parent / f"{folder.name}-commands.txt"
    commands.touch()
    env = dict(
        os.environ,
        PATH=os.pathsep.join([str(stand_ins / "bin"), "/usr/bin", "/bin"]),
        COMMANDS=str(commands),
        STAND_INS=str(stand_ins),
    )
    result = subprocess.run(argv, cwd=folder, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    return commands.read_text(encoding="utf-8").splitlines()


def _readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## はじめに", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)\n```", section, re.S)


def _run_readme_command(command: str, folder: Path) -> list[str]:
    folder.mkdir()
    return _commands_run_by(["bash", "-e", "-o", "pipefail", "-c", command], folder)


def test_the_site_command_installs_the_site_lock_and_serves(tmp_path):
    site, _ = _readme_commands()
    run = _run_readme_command(site, tmp_path / "site")
    assert run[0] == "python3 -m venv .venv"
    assert ".venv/bin/pip install -r requirements.lock" in run
    assert not any("requirements-dev.lock" in command for command in run)
    assert ".venv/bin/pip install --no-deps -e ." in run
    assert run[-1] == ".venv/bin/mkdocs serve"


def test_the_test_command_installs_the_dev_lock_lints_and_tests(tmp_path):
    _, tests = _readme_commands()
    run = _run_readme_command(tests, tmp_path / "tests")
    assert run[:2] == ["apt-get update", "apt-get install -y chromium fonts-noto-cjk"]  # the browser tests' chromium
    assert ".venv/bin/pip install -r requirements-dev.lock" in run
    assert ".venv/bin/pip install --no-deps -e ." in run
    assert run[-4:] == [
        ".venv/bin/ruff check .",
        ".venv/bin/ruff format --check .",
        ".venv/bin/mypy ",  # the stand-in writes "$0 $*": no arguments leave a space
        ".venv/bin/python -m pytest",
    ]


def test_ci_runs_exactly_the_readme_s_test_command(tmp_path):
    _, tests = _readme_commands()
    expected = _run_readme_command(tests, tmp_path / "readme")
    checkout = tmp_path / "checkout"
    shutil.copytree(ROOT / ".ci", checkout / ".ci")
    # from another folder: .ci/run goes to the checkout itself
    assert _commands_run_by(["bash", str(checkout / ".ci" / "run")], tmp_path) == expected
    assert (checkout / ".venv").is_dir() and not (tmp_path / ".venv").exists()


# ------------------------------------------------------------------ the lock files


def _locked(path: Path) -> set[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {_name(line.split("==")[0]) for line in lines if "==" in line}


def _name(distribution: str) -> str:
    return distribution.lower().replace("_", "-")


def _imported_distributions(*folders: str) -> set[str]:
    """The installed distributions that the Python files in these folders import (the standard library aside)."""
    providers = importlib.metadata.packages_distributions()
    found = set()
    for folder in folders:
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    modules = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and not node.level:
                    modules = [node.module]
                else:
                    continue
                for module in modules:
                    top = module.split(".")[0]
                    local = (ROOT / top).is_dir() or (path.parent / f"{top}.py").is_file()  # this project's
                    if top not in sys.stdlib_module_names and not local:
                        found |= {_name(d) for d in providers.get(top, [top])}
    return found


def _site_plugins() -> set[str]:
    """The distributions of mkdocs.yml's theme and plugins (their entry points)."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, tag, node: None)  # !ENV and the like: not needed here
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    names = {"mkdocs.themes": {config["theme"]["name"]}}
    names["mkdocs.plugins"] = {next(iter(p)) if isinstance(p, dict) else p for p in config.get("plugins", [])}
    return {
        _name(point.dist.name)
        for group, wanted in names.items()
        for point in importlib.metadata.entry_points(group=group)
        if point.name in wanted
    }


def test_the_site_lock_holds_what_the_site_imports_and_the_dev_lock_adds_the_rest():
    site, dev = _locked(ROOT / "requirements.lock"), _locked(ROOT / "requirements-dev.lock")
    # the site command installs only requirements.lock: what macros/, the hooks and mkdocs.yml use must be in it
    needed = _imported_distributions("macros", "overrides") | _site_plugins() | {"mkdocs"}
    assert needed >= {"mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "pyyaml", "pydantic", "xlsxwriter"}
    assert not needed - site, needed - site
    assert {"mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "pyyaml", "plotly", "pydantic", "xlsxwriter"} <= site
    # the test command installs requirements-dev.lock: it includes the site's lock and what the tests import
    assert "-r requirements.lock" in (ROOT / "requirements-dev.lock").read_text(encoding="utf-8")
    assert not site & dev  # each package pinned in one place
    assert not _imported_distributions("tests", "benchmarks", "scripts") - site - dev
    tools = {"pytest", "playwright", "ruff", "mypy", "pre-commit", "hypothesis", "openpyxl", "frictionless"}
    assert tools <= dev and not site & tools
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        assert line.startswith("#") or "==" in line, line  # every version pinned
