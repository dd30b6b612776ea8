"""Publish a build all at once: write into a staging folder, then swap it in.

A failed build leaves the previous output folder exactly as it was; a
successful one replaces it with two renames, so readers never see half a site.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def staging_dir(final: Path) -> Path:
    return final.with_name(f".{final.name}.staging-{os.getpid()}")


def prepare(final: Path) -> Path:
    """A fresh, empty staging folder beside the final one."""
    staging = staging_dir(final)
    discard(staging)
    staging.parent.mkdir(parents=True, exist_ok=True)
    return staging


def publish(staging: Path, final: Path) -> None:
    """Swap the staging folder in as the final one."""
    retired = final.with_name(f".{final.name}.retired-{os.getpid()}")
    discard(retired)
    if final.exists():
        os.replace(final, retired)
    try:
        os.replace(staging, final)
    except OSError:
        if retired.exists():  # put the old site back rather than leave none
            os.replace(retired, final)
        raise
    discard(retired)


def discard(path: Path) -> None:
    if path.exists():
        shutil.rmtree(path)
