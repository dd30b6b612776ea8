"""The second-core helpers give exactly what the same work gives in-process."""

from __future__ import annotations

import os
import threading

import pytest

from macros import forking


def _square(n: int) -> int:
    return n * n


def _fail_on_seven(n: int) -> int:
    if n == 7:
        raise ValueError("seven")
    return n


def _whose_pid(_: int) -> int:
    return os.getpid()


def _background_job() -> str:
    return "done in " + ("child" if os.getpid() != _PARENT else "parent")


_PARENT = os.getpid()

# Where forking is used at all; the single-thread rule is tested on its own below.
LINUX_TWO_CORES = forking.sys.platform.startswith("linux") and (os.cpu_count() or 1) >= 2
needs_fork = pytest.mark.skipif(not LINUX_TWO_CORES, reason="forking is used only on Linux with two cores")


@pytest.fixture
def single_threaded(monkeypatch):
    """Other tests leave idle server threads behind; count only this one."""
    monkeypatch.setattr(forking.threading, "active_count", lambda: 1)


def test_split_map_keeps_order_and_values():
    items = list(range(200))
    assert forking.split_map(_square, items, min_items=10) == [n * n for n in items]


@needs_fork
def test_split_map_gives_the_child_its_share(single_threaded):
    pids = forking.split_map(_whose_pid, range(100), min_items=10, child_share=0.42)
    assert pids.count(os.getpid()) == 58 and len(pids) == 100
    assert forking.split_map(_square, range(7), min_items=2, child_share=0.3) == [n * n for n in range(7)]


@needs_fork
def test_split_map_uses_a_second_process(single_threaded):
    pids = forking.split_map(_whose_pid, range(100), min_items=10)
    assert pids[0] == os.getpid() and pids[-1] != os.getpid()


def test_small_inputs_stay_in_process():
    assert set(forking.split_map(_whose_pid, range(5), min_items=10)) == {os.getpid()}


def test_an_error_in_the_child_reaches_the_caller(single_threaded):
    with pytest.raises(ValueError, match="seven"):
        forking.split_map(_fail_on_seven, range(10), min_items=2)  # 7 is in the child's half


def test_no_fork_beside_other_threads():
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not forking.can_fork()
        assert set(forking.split_map(_whose_pid, range(100), min_items=10)) == {os.getpid()}
        assert forking.in_background(_background_job) is None
    finally:
        stop.set()
        thread.join()


@needs_fork
def test_background_job_runs_in_a_child(single_threaded):
    job = forking.in_background(_background_job)
    assert job is not None
    assert forking.can_fork()  # no thread was started: a later split_map may still fork
    assert job.result() == "done in child" and job.result() == "done in child"


def _background_failure() -> None:
    raise RuntimeError("broken")


@needs_fork
def test_background_error_reaches_the_caller(single_threaded):
    job = forking.in_background(_background_failure)
    with pytest.raises(RuntimeError, match="broken"):
        job.result()


def _echo_twice(link) -> None:
    link.send(("ready", os.getpid()))
    word = link.receive()
    link.send(word * 2)


def _fail_after_hello(link) -> None:
    link.send("hello")
    link.receive()
    raise ValueError("child gave up")


def _unpicklable_failure(link) -> None:
    raise ValueError(lambda: None)  # a lambda cannot be pickled


@needs_fork
def test_partner_talks_both_ways(single_threaded):
    partner = forking.partner(_echo_twice)
    assert partner is not None
    ready, pid = partner.receive()
    assert ready == "ready" and pid != os.getpid()
    partner.send("大" * 100_000)  # more than a pipe holds at once
    assert partner.receive() == "大" * 200_000
    partner.close()


@needs_fork
def test_partner_error_reaches_the_next_receive(single_threaded):
    partner = forking.partner(_fail_after_hello)
    assert partner.receive() == "hello"
    partner.send("go on")
    with pytest.raises(ValueError, match="child gave up"):
        partner.receive()


@needs_fork
def test_an_error_that_cannot_be_pickled_arrives_as_text(single_threaded):
    partner = forking.partner(_unpicklable_failure)
    with pytest.raises(RuntimeError, match="ValueError"):
        partner.receive()


def test_no_partner_beside_other_threads():
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert forking.partner(_echo_twice) is None
    finally:
        stop.set()
        thread.join()
