"""Running git: the one place that starts it, and what it tells about the repository (its GitHub address).

Everything that asks git something (the data's commits, a commit's data folder,
the build date, the remote) goes through run_git, so every call has the same
timeout, encoding and quoting of file names.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

from ..data.load import ROOT

GIT_TIMEOUT = 60  # seconds; a local repository answers in milliseconds


class GitError(Exception):
    """git cannot be run at all (not installed, timed out), or, as SnapshotError, cannot give what was asked."""


def run_git(root: Path, *args: str, binary: bool = False, stdin: str | None = None) -> subprocess.CompletedProcess:
    """Run git in root (file names printed as they are; stdin, if any, is its input); GitError when git cannot be run at all."""
    # Text or bytes, as asked. Any: a type checker cannot pick run's overload from a dict chosen at run time.
    decoding: dict[str, Any] = {} if binary else {"text": True, "encoding": "utf-8", "errors": "replace"}
    try:
        return subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=root,
            input=stdin,
            capture_output=True,
            check=False,
            timeout=GIT_TIMEOUT,
            **decoding,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise GitError(f"git を実行できません（{exc}）。git が入っているか確かめてください") from exc


def git_output(root: Path, *args: str) -> str | None:
    """What a git command prints, or None when git is missing or the command fails (not a repository...)."""
    try:
        result = run_git(root, *args)
    except GitError:
        return None
    return result.stdout if result.returncode == 0 else None


# A GitHub remote as git prints it: git@github.com:o/r.git, ssh://git@github.com/o/r, https://[user@]github.com/o/r.git
_GITHUB_REMOTE = re.compile(
    r"^(?:git@github\.com:|ssh://git@github\.com/|https://(?:[^@/\s]+@)?github\.com/)"
    r"(?P<owner>[A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))/(?P<name>[A-Za-z0-9._-]{1,100}?)(?:\.git)?/?$"
)


def github_https(remote: str) -> str | None:
    """https://github.com/owner/name for a GitHub remote URL (ssh or https; any user name or token dropped)."""
    match = _GITHUB_REMOTE.match(remote.strip())
    return f"https://github.com/{match['owner']}/{match['name']}" if match else None


def remote_repository(root: Path = ROOT) -> str | None:
    """The GitHub address of the `origin` remote, or None (no git, no remote, not on GitHub)."""
    output = git_output(root, "remote", "get-url", "origin")
    return github_https(output) if output is not None else None
