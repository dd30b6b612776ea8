"""One build date per commit, so that two builds of a commit give the same bytes.

MkDocs stamps the build date into sitemap.xml.gz; it honours SOURCE_DATE_EPOCH.
When that is not set, the time of the checked-out commit is used.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from ..data.load import ROOT


def commit_epoch(root: Path = ROOT) -> str | None:
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True, timeout=10
        )
    except (OSError, subprocess.SubprocessError):
        return None
    value = result.stdout.strip()
    return value if result.returncode == 0 and value.isdigit() else None


def pin_build_date() -> None:
    if not os.environ.get("SOURCE_DATE_EPOCH"):
        epoch = commit_epoch()
        if epoch:
            os.environ["SOURCE_DATE_EPOCH"] = epoch
