"""The data's changelog page: the commits that changed data/, each linked to what it changed (macros/site/changelog.py)."""

from __future__ import annotations

from macros.history.commits import Commit
from macros.site import changelog
from tests.site.conftest import EXTRA


def test_changelog_lists_commits_with_case_links_escaped(dataset):
    commit = Commit(
        "a" * 40,
        "2026-11-23",
        "<b>事例5（2）の売上を訂正</b>",
        ("data/cases/adock-kobe.yaml", "data/glossary.yaml", "data/cases/gone.yaml"),
    )
    out = changelog.data_changelog(dataset, "changelog/", EXTRA, [commit] * 3, limit=2)
    assert out.count("<li>\n") + out.count("<li>") >= 2
    assert out.count('<time datetime="2026-11-23">2026年11月23日</time>') == 2  # limited
    assert "&lt;b&gt;事例5（2）の売上を訂正&lt;/b&gt;" in out and "<b>" not in out
    assert '<a href="../cases/adock-kobe/">アドック神戸</a>' in out
    assert '<a href="../glossary/">用語集</a>' in out
    assert "gone（現在はない事例）" in out
    assert f'href="https://github.com/OWNER/REPO/commit/{"a" * 40}"' in out
    assert "全 3 件" in out


def test_changelog_page_is_built(built_site):
    page = (built_site / "changelog" / "index.html").read_text(encoding="utf-8")
    assert "データの更新履歴" in page
    history = changelog.data_commits()
    assert history, "the repository has data commits"
    assert history[0].short in page
