"""Shared fixtures: the real data set, and one real site build per test session."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.data.load import load_dataset

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
REPOSITORY = "https://github.com/example/sme-networks"  # SITE_REPOSITORY_URL of the shared build


@pytest.fixture(scope="session")
def dataset():
    return load_dataset(ROOT / "data")


def build_site(
    site_dir: Path,
    data_dir: Path | None = None,
    root: Path = ROOT,
    extra_env: dict | None = None,
    verbose: bool = False,
    quiet: bool = False,
) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` (with -q: `mkdocs build -q --strict`) in a project folder as a user would."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(extra_env or {}))
    env = {name: value for name, value in env.items() if value is not None}  # None in extra_env: unset
    if data_dir is not None:
        env["SME_DATA_DIR"] = str(data_dir)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--site-dir",
            str(site_dir),
            *(["--verbose"] if verbose else []),
            *(["--quiet"] if quiet else []),
        ],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("site")
    # as CI builds it: the repository known, so that the edit links are there to check
    result = build_site(site, extra_env={"SITE_REPOSITORY_URL": REPOSITORY})
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A writable copy of the minimal fixture data set, to break on purpose."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal", target)
    return target


def copy_project(target: Path) -> Path:
    """A throwaway copy of what a build reads, to change without touching the real tree."""
    for name in ("docs", "overrides", "macros", "data"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "CITATION.cff"):  # CITATION.cff is published at the site root
        shutil.copy(ROOT / name, target / name)
    return target


@pytest.fixture
def data_repo(tmp_path) -> Path:
    """A git repository whose one commit holds the minimal data (tests/data_repo.py)."""
    from tests.data_repo import make_repo

    return make_repo(tmp_path)
