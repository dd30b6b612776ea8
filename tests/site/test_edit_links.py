"""「このデータを編集」links and the last change of each page built from data (macros/site/edit_links.py)."""

from __future__ import annotations

import html
import re
import subprocess

from macros.site import changelog, edit_links
from tests.conftest import REPOSITORY, ROOT, build_site, copy_project
from tests.site.conftest import EXTRA


def test_case_edit_links_and_date(dataset):
    commits = changelog.data_commits()
    out = edit_links.case_edit(dataset, "adock-kobe", "cases/adock-kobe/", EXTRA, commits)
    assert 'href="https://github.com/OWNER/REPO/edit/main/data/cases/adock-kobe.yaml"' in out
    assert 'href="https://github.com/OWNER/REPO/blob/main/data/cases/adock-kobe.yaml"' in out
    assert "このデータを編集" in out
    if commits:
        assert re.search(r'<time datetime="\d{4}-\d{2}-\d{2}">\d{4}年\d{1,2}月\d{1,2}日</time>', out)
    # no repository configured and no history: nothing, rather than a broken link or a failure
    assert edit_links.case_edit(dataset, "adock-kobe", "cases/adock-kobe/", {}, []) == ""


_EDIT_LINK = re.compile(r'href="(https?://[^"]+?)/(blob|edit)/([^/"]+)/([^"]+)"')


def test_every_case_page_links_to_its_yaml_file_and_every_link_resolves(built_site, dataset):
    for case in dataset.cases:
        folder = "cases" if case.kind == "case" else "columns"
        page = (built_site / folder / case.id / "index.html").read_text(encoding="utf-8")
        links = _EDIT_LINK.findall(page)
        assert {kind for _, kind, _, _ in links} == {"blob", "edit"}, case.id
        assert "このデータを編集" in page
        for _, _, branch, path in links:
            path = html.unescape(path)
            assert branch == "main"
            assert path == f"data/{folder}/{case.id}.yaml"
            assert (ROOT / path).is_file(), path


def test_edit_links_on_every_page_resolve(built_site):
    found = 0
    for page in built_site.rglob("*.html"):
        for _, _, _, path in _EDIT_LINK.findall(page.read_text(encoding="utf-8")):
            found += 1
            assert (ROOT / html.unescape(path)).is_file(), (page, path)
    assert found


# ------------------------------------------- every page built from data: edit links, date, no placeholder

_PAGE_EDIT = re.compile(r'<p class="case-edit page-edit">(.*?)</p>', re.S)

# page -> the data files (edit links) and folders (view links) it is built from
PAGE_DATA = {
    "glossary": ({"data/glossary.yaml"}, set()),
    "lessons/key-persons": ({"data/themes.yaml"}, {"data/cases", "data/columns"}),
    "lessons": ({"data/themes.yaml"}, {"data/cases", "data/columns"}),
    "lessons/levers": ({"data/themes.yaml"}, {"data/cases", "data/columns"}),
    "compare": ({"data/metrics.yaml", "data/regions.yaml"}, {"data/cases", "data/columns"}),
    "compare/legal-forms": (set(), {"data/cases", "data/columns"}),
    "charts/funnels": ({"data/metrics.yaml"}, {"data/cases", "data/columns"}),
    "map": (set(), {"data/cases", "data/columns"}),
    "about": ({"data/sources.yaml"}, set()),
    "data": ({"data/sources.yaml"}, {"data"}),
}


def test_pages_built_from_data_link_their_yaml_files_and_show_the_last_change(built_site):

    for page, (files, folders) in PAGE_DATA.items():
        block = _PAGE_EDIT.search((built_site / page / "index.html").read_text(encoding="utf-8"))
        assert block, page
        block = block.group(1)
        edits = set(re.findall(rf'href="{REPOSITORY}/edit/main/([^"]+)"', block))
        views = set(re.findall(rf'href="{REPOSITORY}/blob/main/([^"]+)"', block))
        trees = set(re.findall(rf'href="{REPOSITORY}/tree/main/([^"]+)"', block))
        assert (edits, views, trees) == (files, files, folders), page
        assert re.search(r'<time datetime="\d{4}-\d{2}-\d{2}">', block), page  # the repository has history
    # no second block on a case page, and none on a page that shows no data
    assert not _PAGE_EDIT.search((built_site / "cases" / "adock-kobe" / "index.html").read_text(encoding="utf-8"))
    assert not _PAGE_EDIT.search((built_site / "changelog" / "index.html").read_text(encoding="utf-8"))


def test_every_theme_page_has_its_edit_links(built_site, dataset):
    for theme in dataset.themes:
        page = (built_site / "lessons" / theme.id / "index.html").read_text(encoding="utf-8")
        assert "/edit/main/data/themes.yaml" in page, theme.id


def test_about_page_links_contributing_and_the_issues(built_site):

    page = (built_site / "about" / "index.html").read_text(encoding="utf-8")
    assert f'href="{REPOSITORY}/blob/main/CONTRIBUTING.md"' in page
    assert f'href="{REPOSITORY}/issues"' in page
    assert (ROOT / "CONTRIBUTING.md").is_file()
    # without a repository: the advice, no link
    out = edit_links.contributing_links({})
    assert "CONTRIBUTING.md" in out and "href" not in out


def _build_copy(tmp_path, remote: str | None):

    project = copy_project(tmp_path / "project")
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    if remote:
        subprocess.run(["git", "remote", "add", "origin", remote], cwd=project, check=True)
    site = tmp_path / "site"
    result = build_site(site, root=project, extra_env={"SITE_REPOSITORY_URL": None})  # not set at all
    assert result.returncode == 0, result.stdout + result.stderr
    return site, result.stdout + result.stderr


def _all_html(site) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))


def test_without_a_configured_repository_the_links_come_from_the_git_remote(tmp_path):
    site, _ = _build_copy(tmp_path, "git@github.com:acme/sme-data.git")
    text = _all_html(site)
    assert "OWNER" not in text
    assert 'href="https://github.com/acme/sme-data/edit/main/data/glossary.yaml"' in text
    assert 'href="https://github.com/acme/sme-data/edit/main/data/cases/adock-kobe.yaml"' in text
    assert 'href="https://github.com/acme/sme-data/issues"' in text


def test_without_repository_or_remote_the_links_are_left_out(tmp_path):
    site, output = _build_copy(tmp_path, None)
    text = _all_html(site)
    assert "OWNER" not in text
    assert "case-edit__link" not in text and "github.com" not in text
    assert "その後・誤りを知らせる</a>" not in text and "mailto:" not in text  # nowhere to tell: no link at all
    assert "から編集部に知らせることができます" not in text  # nor the about page's pointer to it
    assert "このページのデータ：<code>data/glossary.yaml</code>" in (site / "glossary" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "「このデータを編集」のリンクを省きました" in output
