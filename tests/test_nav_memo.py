"""Scopes of the navigation memo: pages of one scope must see every other page's link alike."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from mkdocs.utils import get_relative_url

from macros.nav_memo import NavMemo, link_base, scopes


def test_sibling_folders_with_nothing_below_share_a_scope():
    found = scopes(["", "cases/", "cases/a/", "cases/b/", "map/", "data/", "lessons/", "lessons/brief/"])
    assert found["cases/a/"] == found["cases/b/"] == "cases/*/"
    assert found["map/"] == found["data/"] == "*/"
    assert found["lessons/brief/"] == "lessons/*/"


def test_a_folder_with_a_page_below_it_and_the_home_page_are_scopes_of_their_own():
    found = scopes(["", "cases/", "cases/a/", "map/", "deep/x/y/"])
    assert found["cases/"] == "cases/"
    assert found[""] == ""
    assert found["deep/x/y/"] == "deep/x/*/"


def test_pages_as_files_share_their_folder():
    assert link_base("cases/a.html") == "cases/"
    found = scopes(["index.html", "cases/a.html", "cases/b.html"])
    assert found["cases/a.html"] == found["cases/b.html"] == "cases/"
    assert found["index.html"] == ""


_segment = st.sampled_from(["a", "b", "c"])
_directory_url = st.lists(_segment, min_size=0, max_size=3).map(lambda parts: "".join(p + "/" for p in parts))
_file_url = st.tuples(_directory_url, _segment).map(lambda pair: f"{pair[0]}{pair[1]}.html")


@given(st.sets(st.one_of(_directory_url, _file_url), min_size=2, max_size=12))
def test_pages_of_one_scope_get_the_same_relative_link_to_every_other_page(urls):
    """What makes reuse safe: the branch drawn for one page is right, link for link, for another page
    of the same scope, as long as the branch holds neither page (a branch with the current page is
    never reused)."""
    found = scopes(urls)
    for first in urls:
        for second in urls:
            if first == second or found[first] != found[second]:
                continue
            for target in urls - {first, second}:
                assert get_relative_url(target, first) == get_relative_url(target, second), (target, first, second)


def test_the_memo_keeps_what_was_drawn_per_branch_and_scope():
    memo = NavMemo(["cases/a/", "cases/b/", "map/"])
    key = memo.key("__nav_2_1", "cases/a/", parent_active=False)
    assert memo.get(key) is None
    assert memo.keep(key, "<li>run</li>") == "<li>run</li>"
    assert memo.get(memo.key("__nav_2_1", "cases/b/", parent_active=False)) == "<li>run</li>"
    assert memo.get(memo.key("__nav_2_1", "map/", parent_active=False)) is None  # another scope
    assert memo.get(memo.key("__nav_2_2", "cases/b/", parent_active=False)) is None  # another branch
    assert memo.get(memo.key("__nav_2_1", "cases/b/", parent_active=True)) is None
