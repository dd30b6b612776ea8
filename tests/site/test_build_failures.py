"""A failed build, even `mkdocs build -q`, says where and why, exits non-zero and leaves the previous site.

For every class of hostile data (tests/bad_inputs/) and for failures while pages are made: the
message names the data file and line, or the page (and the file and line of the code or template);
no traceback; the previous site is byte for byte as it was, and no staging folder is left.
"""

from __future__ import annotations

import os
import shutil

import pytest

from tests.conftest import FIXTURES, build_site, copy_project
from tests.data.test_bad_inputs import EXPECTED, install


def _snapshot(site):
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def previous(tmp_path_factory):
    """A site built from the minimal data: what every failed build below must leave alone."""
    root = tmp_path_factory.mktemp("previous")
    shutil.copytree(FIXTURES / "minimal", root / "data")
    result = build_site(root / "site", root / "data")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def _failed_build(tmp_path, previous, data, root=None) -> str:
    site = tmp_path / "site"
    shutil.copytree(previous, site)
    before = _snapshot(site)
    result = build_site(site, data, **({"root": root} if root else {}), quiet=True)
    out = result.stdout + result.stderr
    assert result.returncode != 0, out
    assert "Traceback" not in out, out
    assert _snapshot(site) == before
    assert not [p for p in os.listdir(tmp_path) if "staging" in p or "retired" in p]
    return out


# One bad input of each class of data problem.
CLASSES = [
    "deep-nesting.yaml",
    "control-byte.yaml",
    "tag-on-list.yaml",
    "inf-breakdown.yaml",
    "huge-integer.yaml",
    "after-source-year.yaml",
    "bidi-override.yaml",
    "control-escaped.yaml",
    "symlink-outside.yaml",
    "folder-named-yaml.yaml",
    "ref-unknown-case.yaml",
]


@pytest.mark.parametrize("name", CLASSES)
def test_bad_data_stops_a_quiet_build_with_file_and_line(tmp_path, previous, name):
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal", data)
    where = install(data, name)
    out = _failed_build(tmp_path, previous, data)
    line = EXPECTED[name]["line"]
    assert f"data/{where}:{line}:" in out if line else f"data/{where}:" in out, out
    assert EXPECTED[name]["message"] in out


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project")


def _minimal(tmp_path):
    shutil.copytree(FIXTURES / "minimal", tmp_path / "minimal")
    return tmp_path / "minimal"


def test_an_unknown_macro_names_the_page_and_line(tmp_path, previous, project):
    """mkdocs-macros ends the build with a bare exit status; -q used to hide why."""
    (project / "docs" / "broken.md").write_text("# 壊れたページ\n\n{{ no_such_macro() }}\n", encoding="utf-8")
    out = _failed_build(tmp_path, previous, _minimal(tmp_path), project)
    assert "ページ: docs/broken.md:3" in out and "no_such_macro" in out


def test_a_failing_view_names_the_page_and_the_code(tmp_path, previous, project):
    (project / "docs" / "broken.md").write_text('# 壊れたページ\n\n{{ chart("no-such-chart") }}\n', encoding="utf-8")
    out = _failed_build(tmp_path, previous, _minimal(tmp_path), project)
    assert "ページ: docs/broken.md:3" in out and "場所: macros/views/parts.py:" in out and "no-such-chart" in out


def test_a_failing_generated_page_names_the_page_and_the_template_line(tmp_path, previous, project):
    # The 全事例集 page renders the case parts too, and MkDocs reaches it first: without it the
    # failure is met on the generated page itself.
    (project / "docs" / "all-cases.md").unlink()
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - 全事例集: all-cases.md\n", ""), encoding="utf-8")
    template = project / "overrides" / "partials" / "data" / "case-header.html"
    lines = template.read_text(encoding="utf-8").splitlines(keepends=True)
    template.write_text("".join(lines[:1] + ["{{ case.no_such_field }}\n"] + lines[1:]), encoding="utf-8")
    out = _failed_build(tmp_path, previous, _minimal(tmp_path), project)
    assert "ページ: cases/adock-kobe.md（データから作るページ）" in out
    assert "場所: overrides/partials/data/case-header.html:2" in out and "no_such_field" in out


def test_a_strict_warning_stops_a_quiet_build_and_is_shown(tmp_path, previous, project):
    """-q used to drop warnings altogether: --strict counted none and the build passed."""
    (project / "docs" / "about.md").write_text(
        "# このサイトについて\n\n[壊れたリンク](no-such-page.md)\n", encoding="utf-8"
    )
    out = _failed_build(tmp_path, previous, _minimal(tmp_path), project)
    assert "about.md" in out and "no-such-page.md" in out


def test_a_quiet_build_that_succeeds_prints_nothing(tmp_path):
    shutil.copytree(FIXTURES / "minimal", tmp_path / "data")
    result = build_site(tmp_path / "site", tmp_path / "data", quiet=True)
    assert result.returncode == 0 and result.stdout.strip() == "" and result.stderr.strip() == ""
