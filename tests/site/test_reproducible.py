"""Two builds of one commit give the same files, byte for byte."""

from __future__ import annotations

import filecmp
import gzip
import os
import struct
import subprocess

from macros.site.build_date import commit_epoch
from tests.conftest import REPOSITORY, ROOT, build_site, copy_project


def _tree(site):
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


def test_two_builds_are_identical(built_site, tmp_path):
    again = tmp_path / "again"
    result = build_site(again, extra_env={"SITE_REPOSITORY_URL": REPOSITORY})  # as built_site was built
    assert result.returncode == 0, result.stderr
    assert _tree(built_site) == _tree(again)
    different = [name for name in _tree(again) if not filecmp.cmp(built_site / name, again / name, shallow=False)]
    assert different == []


def test_build_date_is_the_commit_date(built_site):
    epoch = commit_epoch()
    assert epoch is not None
    with open(built_site / "sitemap.xml.gz", "rb") as handle:
        header = handle.read(10)
    day = int(epoch) // 86400 * 86400  # MkDocs stamps the date, not the time
    assert struct.unpack("<I", header[4:8])[0] == day
    gzip.decompress((built_site / "sitemap.xml.gz").read_bytes())


def test_a_failed_build_leaves_the_previous_site(tmp_path):
    site = tmp_path / "site"
    assert build_site(site).returncode == 0
    before = {p: (site / p).read_bytes() for p in _tree(site)}
    data = tmp_path / "data"
    subprocess.run(["cp", "-r", str(ROOT / "tests" / "fixtures" / "minimal"), str(data)], check=True)
    broken = data / "cases" / "hit.yaml"
    broken.write_text(broken.read_text(encoding="utf-8") + "bogus: 1\n", encoding="utf-8")
    result = build_site(site, data)
    assert result.returncode != 0
    assert "data/cases/hit.yaml" in result.stdout + result.stderr and "bogus" in result.stdout + result.stderr
    assert {p: (site / p).read_bytes() for p in _tree(site)} == before
    assert not [p for p in os.listdir(tmp_path) if "staging" in p]


def test_a_render_failure_also_leaves_the_previous_site(tmp_path):
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    assert build_site(site, root=project).returncode == 0
    before = _tree(site)
    # a page that calls an unknown macro fails the build after the data loaded
    (project / "docs" / "broken.md").write_text("{{ no_such_macro() }}\n", encoding="utf-8")
    result = build_site(site, root=project)
    assert result.returncode != 0
    assert _tree(site) == before
    assert not [p for p in os.listdir(tmp_path) if "staging" in p]


def test_a_strict_warning_also_leaves_the_previous_site(tmp_path):
    """MkDocs fails a --strict build after every plugin's on_post_build: the site must not be swapped in before."""
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    assert build_site(site, root=project).returncode == 0
    before = {p: (site / p).read_bytes() for p in _tree(site)}
    (project / "docs" / "about.md").write_text(
        "# このサイトについて\n\n[壊れたリンク](no-such-page.md)\n", encoding="utf-8"
    )
    result = build_site(site, root=project)
    assert result.returncode != 0
    assert "no-such-page.md" in result.stdout + result.stderr
    assert {p: (site / p).read_bytes() for p in _tree(site)} == before
    assert not [p for p in os.listdir(tmp_path) if "staging" in p or "retired" in p]
