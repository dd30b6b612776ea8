"""The 「このデータを編集」 links and last-change date of every page built from data.

Plain Python, no MkDocs: the repository address comes in as the `extra` mapping
of mkdocs.yml (extra.repository, extra.branch) and the history as the list of
commits of a build (the build reads them once: macros/site/build.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..data import vocab
from ..data.load import ROOT, default_data_dir
from ..history.commits import Commit, japanese_date, last_changed
from ..views.render import base_for, render
from .pages import THEME_KEY, case_folder


def repository_urls(extra) -> tuple[str, str] | None:
    """(repository, branch) from mkdocs.yml `extra`, or None when no repository is set."""
    extra = extra or {}
    repository = str(extra.get("repository") or "").rstrip("/")
    if not repository.startswith(("https://", "http://")):
        return None
    return repository, str(extra.get("branch") or "main")


def _repository_urls(repo, path: str, folder: bool = False) -> tuple[str | None, str | None]:
    """The edit and view addresses of a data file (a folder has no edit address); none without a repository."""
    if not repo:
        return None, None
    repository, branch = repo
    view_url = f"{repository}/{'tree' if folder else 'blob'}/{branch}/{path}"
    return (None if folder else f"{repository}/edit/{branch}/{path}"), view_url


def case_file(case, data_dir: Path | None = None, root: Path = ROOT) -> str | None:
    """The path of a case's YAML file inside the repository, or None if it lies outside."""
    folder = (data_dir or default_data_dir()) / case_folder(case)
    for suffix in (".yaml", ".yml"):
        path = folder / f"{case.id}{suffix}"
        if path.exists():
            try:
                return path.resolve().relative_to(root.resolve()).as_posix()
            except ValueError:
                return None
    return None


def case_edit(
    dataset, case_id: str, page_url: str, extra, commits: list[Commit], data_dir: Path | None = None, root: Path = ROOT
) -> str:
    """Edit and view links to the case's YAML file, and the date its data last changed."""
    case = dataset.case_by_id[case_id]
    path = case_file(case, data_dir, root)
    repo = repository_urls(extra)
    changed = last_changed(commits).get(path) if path else None
    if not (path and repo) and not changed:
        return ""
    edit_url, view_url = _repository_urls(repo, path) if path else (None, None)
    return _edit_block("case-edit.html", changed, page_url, path=path, edit_url=edit_url, view_url=view_url)


# ------------------------------------------------------------ pages built by the macros and theme pages

# The data each view of macros.py reads, as paths inside the data folder (a folder ends with /).
CASE_FOLDERS = tuple(f"{folder}/" for folder in dict.fromkeys(vocab.FOLDERS.values()))
MACRO_SOURCES = {
    "case_index": CASE_FOLDERS,
    "glossary": ("glossary.yaml",),
    "chart": CASE_FOLDERS + ("metrics.yaml",),
    "charts_of_kind": CASE_FOLDERS + ("metrics.yaml",),
    "compare_table": CASE_FOLDERS + ("metrics.yaml", "regions.yaml"),
    "joint_orders_table": CASE_FOLDERS,
    "money_table": CASE_FOLDERS + ("metrics.yaml",),
    "legal_forms_table": CASE_FOLDERS,
    "case_map": CASE_FOLDERS,
    "source_about": ("sources.yaml",),
    "themes_overview": ("themes.yaml",) + CASE_FOLDERS,
    "policy_levers": ("themes.yaml",) + CASE_FOLDERS,
    "lessons_brief": ("themes.yaml",) + CASE_FOLDERS,
    "all_cases": CASE_FOLDERS,
    "downloads_page": ("",),  # every file: the whole data folder
}
THEME_PAGE_SOURCES = ("themes.yaml",) + CASE_FOLDERS  # a theme and the cases' lessons under it
SOURCES_KEY = "data_sources"  # page.meta: the sources of the macros the page called


def record_sources(meta: dict, macro: str) -> None:
    """Note on a page the data a macro it calls is built from."""
    found = meta.setdefault(SOURCES_KEY, [])
    found += [source for source in MACRO_SOURCES.get(macro, ()) if source not in found]


def page_sources(meta: dict) -> list[str]:
    """The data a page is built from: a theme page's, or that of the macros it called (none for a case page)."""
    if THEME_KEY in meta:
        return list(THEME_PAGE_SOURCES)
    return list(meta.get(SOURCES_KEY, ()))


@dataclass(frozen=True)
class SourceLink:
    path: str  # inside the repository: data/glossary.yaml, data/cases
    folder: bool
    edit_url: str | None
    view_url: str | None


def page_edit(
    sources: list[str], page_url: str, extra, commits: list[Commit], data_dir: Path | None = None, root: Path = ROOT
) -> str:
    """Links to the data files and folders a page is built from (edit a file, view a folder), and their last change."""
    data_dir = data_dir or default_data_dir()
    try:
        top = data_dir.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return ""  # data outside the repository: no links, no history
    repo = repository_urls(extra)
    dates = last_changed(commits)
    links, changed = [], []
    for source in sources:
        if not (data_dir / source).exists():
            continue
        path = f"{top}/{source}".rstrip("/")
        folder = not source or source.endswith("/")
        changed += [date for p, date in dates.items() if p == path or p.startswith(path + "/")]
        links.append(SourceLink(path, folder, *_repository_urls(repo, path, folder)))
    if not links:
        return ""
    return _edit_block("page-edit.html", max(changed) if changed else None, page_url, links=links)


def _edit_block(template: str, changed, page_url: str, **links) -> str:
    """Where a page's data is and when it last changed (case-edit.html, page-edit.html)."""
    return render(
        template,
        changed=changed,
        changed_label=japanese_date(changed) if changed else "",
        base=base_for(page_url),
        **links,
    )


def contributing_links(extra) -> str:
    """Where to read how to change the data and where to report a problem, when the repository is known."""
    repo = repository_urls(extra)
    if repo is None:
        return render("contributing-links.html", contributing_url=None, issues_url=None)
    repository, branch = repo
    return render(
        "contributing-links.html",
        contributing_url=f"{repository}/blob/{branch}/CONTRIBUTING.md",
        issues_url=f"{repository}/issues",
    )
