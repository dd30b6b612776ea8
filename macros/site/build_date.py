"""One build date per commit, so that two builds of a commit give the same bytes.

MkDocs stamps the build date into sitemap.xml.gz; it honours SOURCE_DATE_EPOCH.
When that is not set, the time of the checked-out commit is used.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..data.load import ROOT
from ..history.git import git_output


def commit_epoch(root: Path = ROOT) -> str | None:
    value = (git_output(root, "log", "-1", "--format=%ct") or "").strip()
    return value if value.isdigit() else None


def pin_build_date() -> None:
    if not os.environ.get("SOURCE_DATE_EPOCH"):
        epoch = commit_epoch()
        if epoch:
            os.environ["SOURCE_DATE_EPOCH"] = epoch
