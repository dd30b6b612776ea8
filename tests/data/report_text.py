"""The report's text as the tests read it, and the runs of it that a sentence repeats.

The text is not part of the repository: it sits next to the checkout in
../shared/seed/ (one .txt file). Tests that need it skip with a message when
it is absent. Comparisons ignore white space (the text breaks lines inside
words and puts spaces around numbers) and full-width/half-width differences.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import pytest

SEED_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "seed"
QUOTED = re.compile(r"「[^「」]*」|『[^『』]*』")  # a marked quote may repeat the report


def normalise(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@lru_cache(maxsize=1)
def report_text() -> str:
    """The report's normalised text; skips the test when the text is not there."""
    files = sorted(SEED_DIR.glob("*.txt"))
    if not files:
        pytest.skip(f"報告書のテキストがありません（{SEED_DIR}/*.txt）。報告書と照らし合わせるテストは省略します")
    return normalise(files[0].read_text(encoding="utf-8"))


@lru_cache(maxsize=4)
def _windows(source: str, size: int) -> frozenset[str]:
    return frozenset(source[i : i + size] for i in range(len(source) - size + 1))


def copied_runs(text: str, source: str, size: int = 40) -> list[str]:
    """The runs of `size` or more characters that the text, outside its 「」 quotes, shares with the source."""
    windows = _windows(source, size)
    runs = []
    for part in QUOTED.split(normalise(text)):
        i = 0
        while i + size <= len(part):
            if part[i : i + size] in windows:
                end = i + size
                while end < len(part) and part[i : end + 1] in source:
                    end += 1
                runs.append(part[i:end])
                i = end
            else:
                i += 1
    return runs
