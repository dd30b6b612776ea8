"""Use the second core for the parts of a large build that need no MkDocs state.

A forked child inherits everything already loaded, so nothing but its results
crosses between processes. Forking is used only where it is safe and pays:
on Linux, with two or more cores, and while this process runs a single thread
(a fork beside other threads, such as `mkdocs serve`'s, could copy a lock that
is held and never released). Everywhere else the same work runs in-process.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import sys
import threading
from collections.abc import Callable, Sequence

SINGLE_PROCESS_VARIABLE = "SME_SINGLE_PROCESS"  # set to 1 to keep every step in-process


def can_fork() -> bool:
    return (
        sys.platform.startswith("linux")
        and (os.cpu_count() or 1) >= 2
        and threading.active_count() == 1
        and os.environ.get(SINGLE_PROCESS_VARIABLE, "") in ("", "0")
    )


def split_map(function: Callable, items: Sequence, min_items: int = 64, child_share: float = 0.5) -> list:
    """[function(item) for item in items]; with many items the last child_share of them run in a child.

    The child sends back one pickle of all its results (a multiprocessing.Pool
    was slower here: its result thread unpickles while this process works, and
    the two take turns on the GIL). Where pickling the results is a real cost,
    a share below one half keeps the two sides even.
    """
    items = list(items)
    if len(items) < min_items or not can_fork():
        return [function(item) for item in items]
    half = len(items) - round(len(items) * child_share)
    child = Partner(lambda link: link.send([function(item) for item in items[half:]]))
    try:
        first = [function(item) for item in items[:half]]
        return first + child.receive()
    finally:
        child.close()


class Partner:
    """A forked child that exchanges messages with this process, in order, both ways.

    function(link) runs in the child; link.send(value) and link.receive() talk
    to this process's send() and receive(). An exception in the child ends it
    and is raised here by the next receive(). Whoever has more to say sends
    first and the other receives first, so neither waits on a full pipe.
    """

    def __init__(self, function: Callable[["_Link"], None]):
        context = multiprocessing.get_context("fork")
        parent_end, child_end = context.Pipe(duplex=True)
        self._link = _Link(parent_end)
        self._child = context.Process(target=_converse, args=(function, child_end), daemon=True)
        self._child.start()
        child_end.close()

    def send(self, value) -> None:
        self._link.send(value)

    def receive(self):
        ok, value = self._link.message()
        if not ok:
            self.close()
            raise value
        return value

    def close(self) -> None:
        self._link.close()
        self._child.join()


class _Link:
    """One end of the pipe: messages are (ok, value) pickles; ok is False for the child's error."""

    def __init__(self, connection):
        self._connection = connection

    def send(self, value) -> None:
        self._connection.send_bytes(_pickled((True, value)))

    def message(self) -> tuple:
        return pickle.loads(self._connection.recv_bytes())

    def receive(self):
        return self.message()[1]

    def close(self) -> None:
        self._connection.close()


def _converse(function: Callable[[_Link], None], connection) -> None:
    try:
        function(_Link(connection))
    except BaseException as exc:  # handed to the parent, which raises it
        try:
            connection.send_bytes(_pickled((False, exc)))
        except OSError:  # the parent has gone: nobody to tell
            pass
    connection.close()


def _pickled(message: tuple) -> bytes:
    try:
        return pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # an error that cannot cross is passed on as its text
        if message[0]:
            raise
        return pickle.dumps((False, RuntimeError(repr(message[1]))), protocol=pickle.HIGHEST_PROTOCOL)


def partner(function: Callable[[_Link], None]) -> Partner | None:
    """Start function(link) in a child and return the parent's end, or None where forking is not used."""
    return Partner(function) if can_fork() else None


class Background:
    """The result of function() running in a forked child (a Partner that only answers)."""

    def __init__(self, function: Callable[[], object]):
        self._child = Partner(lambda link: link.send(function()))
        self._outcome: tuple | None = None

    def result(self):
        """Waits for the child the first time; every call returns (or raises) the same."""
        if self._outcome is None:
            try:
                self._outcome = (True, self._child.receive())
            except Exception as exc:
                self._outcome = (False, exc)
            finally:
                self._child.close()
        ok, value = self._outcome
        if not ok:
            raise value
        return value


def in_background(function: Callable[[], object]) -> Background | None:
    """Start function() in a child and return its handle, or None where forking is not used.

    `function` must take no arguments: what it needs it reads from module state
    set before this call, which the child inherits. No thread is started here,
    so later forks stay possible.
    """
    return Background(function) if can_fork() else None
