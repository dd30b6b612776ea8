"""How long `mkdocs serve` takes to show a YAML edit.

    .venv/bin/python -m benchmarks.serve_rebuild [--runs 3] [--port 8765]

The project (docs, overrides, macros, data, mkdocs.yml) is copied to a
temporary folder, so the real data is never touched. `mkdocs serve` is started
there; once it serves, each run appends a marker to the summary of
data/cases/adock-kobe.yaml and measures, from the moment of the edit:

  detected  the server logs "Detected file changes"
  built     the server logs "Documentation built in ..."
  visible   the case page served over HTTP contains the marker

The edit is then reverted and that rebuild is waited for before the next run.
Prints every run and the median of each measure.
"""

from __future__ import annotations

import argparse
import os
import queue
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASE = "adock-kobe"
TIMEOUT = 300.0


def copy_project(target: Path) -> Path:
    """A local clone of the repository with its history (the edit dates and the changelog read it),
    plus the work tree's uncommitted changes, so the measure is of the code as it stands."""
    subprocess.run(["git", "clone", "-q", "--local", str(ROOT), str(target)], check=True)
    for name in ("docs", "overrides", "macros", "data"):
        shutil.rmtree(target / name)
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "CITATION.cff"):
        shutil.copy(ROOT / name, target / name)
    return target


class Server:
    """`mkdocs serve` in a folder, with every log line time-stamped as it arrives."""

    def __init__(self, project: Path, port: int):
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONUNBUFFERED="1")
        self.url = f"http://127.0.0.1:{port}/"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            bufsize=1,
        )
        self.lines: queue.Queue[tuple[float, str]] = queue.Queue()
        self.log: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.log.append(line.rstrip())
            self.lines.put((time.perf_counter(), line.rstrip()))

    def wait_for(self, pattern: str, timeout: float = TIMEOUT) -> float:
        """The time of the next log line matching pattern."""
        deadline = time.perf_counter() + timeout
        regex = re.compile(pattern)
        while True:
            remaining = deadline - time.perf_counter()
            if remaining <= 0 or self.process.poll() is not None and self.lines.empty():
                raise RuntimeError(f"no log line matching {pattern!r}:\n" + "\n".join(self.log[-30:]))
            try:
                stamp, line = self.lines.get(timeout=min(remaining, 1.0))
            except queue.Empty:
                continue
            if regex.search(line):
                return stamp

    def drain(self) -> None:
        while not self.lines.empty():
            self.lines.get_nowait()

    def page(self, path: str) -> str:
        try:
            with urllib.request.urlopen(self.url + path, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


def free_port(preferred: int) -> int:
    """The preferred port if nothing listens on it, else one the system picks."""
    for port in (preferred, 0):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return probe.getsockname()[1]
    raise RuntimeError("no free port")


def _with_marker(text: str, marker: str) -> str:
    """The case file with the marker appended to the first line of its summary."""
    lines = text.splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.startswith("summary:"))
    if lines[index].rstrip().endswith((">-", ">", "|", "|-")):
        index += 1  # a block scalar: its text starts on the next line
    lines[index] = lines[index].rstrip("\n") + marker + "\n"
    return "".join(lines)


def _poll_visible(server: Server, marker: str, start: float, result: dict) -> None:
    while time.perf_counter() - start < TIMEOUT:
        if marker in server.page(f"cases/{CASE}/"):
            result["visible"] = time.perf_counter()
            return
        time.sleep(0.05)


def run(runs: int, port: int) -> dict[str, list[float]]:
    with tempfile.TemporaryDirectory(prefix="serve-rebuild-") as folder:
        project = copy_project(Path(folder) / "project")
        case_file = project / "data" / "cases" / f"{CASE}.yaml"
        original = case_file.read_text(encoding="utf-8")
        server = Server(project, port)
        try:
            started = time.perf_counter()
            server.wait_for(r"Serving on")
            print(f"first build and start: {time.perf_counter() - started:.2f} s")
            times: dict[str, list[float]] = {"detected": [], "built": [], "visible": []}
            for number in range(1, runs + 1):
                time.sleep(2.0)  # let the watcher settle
                server.drain()
                marker = f"計測{number}"
                result: dict = {}
                edit = time.perf_counter()
                case_file.write_text(_with_marker(original, marker), encoding="utf-8")
                poller = threading.Thread(target=_poll_visible, args=(server, marker, edit, result))
                poller.start()
                detected = server.wait_for(r"Detected file changes|Building documentation")
                built = server.wait_for(r"Documentation built in")
                poller.join(TIMEOUT)
                visible = result.get("visible")
                times["detected"].append(detected - edit)
                times["built"].append(built - edit)
                if visible is not None:
                    times["visible"].append(visible - edit)
                shown = f"{visible - edit:6.2f}" if visible is not None else "   n/a"
                print(
                    f"run {number}: detected {detected - edit:5.2f} s, built {built - edit:6.2f} s, visible {shown} s"
                )
                time.sleep(1.0)
                server.drain()
                case_file.write_text(original, encoding="utf-8")  # revert, and wait for that rebuild
                server.wait_for(r"Documentation built in")
            return times
        finally:
            server.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args(argv)
    port = free_port(args.port)
    if port != args.port:
        print(f"port {args.port} is in use; using {port}")
    times = run(args.runs, port)
    print(
        "median of",
        args.runs,
        "runs:",
        ", ".join(f"{name} {statistics.median(values):.2f} s" for name, values in times.items() if values),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
