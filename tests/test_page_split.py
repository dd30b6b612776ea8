"""The page-split hook's merge step: the child's search entries and warnings join this process's."""

from __future__ import annotations

import importlib.util
import logging
from types import SimpleNamespace

from tests.conftest import ROOT


def _hook():
    spec = importlib.util.spec_from_file_location("page_split_under_test", ROOT / "overrides/hooks/page_split.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class _Partner:
    """The parent's end of the child, as forking.Partner offers it, with the child's last message."""

    def __init__(self, result):
        self._result = result
        self.closed = False

    def receive(self):
        if isinstance(self._result, Exception):
            raise self._result
        return self._result

    def close(self):
        self.closed = True


def _config(entries):
    search = SimpleNamespace(search_index=SimpleNamespace(entries=entries))
    return SimpleNamespace(plugins={"material/search": search}), search


def test_entries_are_merged_in_page_order_and_files_restored(caplog):
    hook = _hook()
    mine = [{"location": ""}, {"location": "#intro"}, {"location": "cases/c/#a"}]
    theirs = [{"location": "cases/b/"}, {"location": "cases/b/#x"}, {"location": "cases/d/"}]
    config, search = _config(list(mine))
    files = []
    hook._state.update(partner=_Partner({"entries": theirs, "warnings": []}), share=["b.md", "d.md"], files=SimpleNamespace(append=files.append),
                       page_order={"": 0, "cases/b/": 1, "cases/c/": 2, "cases/d/": 3})
    hook.on_post_build(config)
    assert [e["location"] for e in search.search_index.entries] == ["", "#intro", "cases/b/", "cases/b/#x", "cases/c/#a", "cases/d/"]
    assert files == ["b.md", "d.md"]


def test_the_childs_warnings_are_logged_here(caplog):
    hook = _hook()
    config, _ = _config([])
    hook._state.update(partner=_Partner({"entries": [], "warnings": [("mkdocs.structure.pages", logging.WARNING, "壊れたリンク")]}),
                       share=[], files=SimpleNamespace(append=None), page_order={})
    with caplog.at_level(logging.WARNING):
        hook.on_post_build(config)
    assert ("mkdocs.structure.pages", logging.WARNING, "壊れたリンク") in caplog.record_tuples


def test_a_failure_in_the_child_fails_the_build():
    hook = _hook()
    config, _ = _config([])
    hook._state.update(partner=_Partner(RuntimeError("テンプレートの誤り")), share=[], files=None, page_order={})
    try:
        hook.on_post_build(config)
    except RuntimeError as exc:
        assert "テンプレートの誤り" in str(exc)
    else:
        raise AssertionError("the child's error was swallowed")


def test_capture_keeps_warnings_not_info():
    hook = _hook()
    caught = []
    logger = logging.getLogger("page-split-test")
    logger.addHandler(hook._Capture(caught))
    logger.setLevel(logging.DEBUG)
    logger.info("情報")
    logger.warning("警告 %s", "1")
    assert caught == [("page-split-test", logging.WARNING, "警告 1")]
