"""How wide a line of text is drawn, estimated at build time, and where to break it.

Pictures are drawn without a browser, so label room comes from per-character widths: wide
(CJK and full-width) characters are one em, Latin letters and digits less. The estimates
are at or above what Japanese system fonts draw (tests/browser measures the drawn text), so
room made from them is never too small.
"""

from __future__ import annotations

import unicodedata

_NARROW = set(" .,:;'!|ilIj()[]")
_WIDE_LATIN = set("MWmw@%")
# No line starts with these (Japanese line-breaking rules): they stay with the character before.
_NO_LINE_START = set("）」』】〕、。，．・ー）」:;,.)]")
# A line may break before these (an opening bracket starts a gloss: 「名称（補足）」).
_BREAK_BEFORE = set("（「『【〔(")


def char_width(char: str) -> float:
    """Width in em."""
    if unicodedata.east_asian_width(char) in "WF":
        return 1.0
    if char in _NARROW:
        return 0.34
    if char in _WIDE_LATIN:
        return 0.9
    if char.isupper() or char.isdigit():
        return 0.68
    return 0.58


def text_width(text: str, size: float = 12) -> float:
    return round(sum(char_width(ch) for ch in str(text)) * size, 1)


def wrap(text: str, max_width: float, size: float = 12) -> list[str]:
    """Lines of at most max_width (a single character wider than that gets a line of its own).

    Breaks go where the line is full, moved back to just before an opening bracket when one
    is in the second half of the line, and never before closing punctuation.
    """
    text = str(text)
    if text_width(text, size) <= max_width:
        return [text]
    lines, line = [], ""
    for char in text:
        if line and text_width(line + char, size) > max_width:
            cut = len(line)
            brackets = [i for i, c in enumerate(line) if c in _BREAK_BEFORE and i >= len(line) / 2]
            if brackets:
                cut = brackets[-1]
            elif char in _NO_LINE_START and len(line) > 1:
                cut = len(line) - 1
            lines.append(line[:cut])
            line = line[cut:]
        line += char
    lines.append(line)
    return [part for part in lines if part]
