"""Characters that no data file may hold: control, direction-changing and invisible ones.

A reader cannot see them, yet they change what a page, a chart, a terminal
or a code review shows (a right-to-left override turns "abc" into "cba"; an
escape sequence recolours a terminal; a zero-width space splits a word that
looks whole). One list for the raw file (loaders) and the decoded text
(the schema). Tab and line feed are ordinary where text may span lines.
"""

from __future__ import annotations

import re

# (first, last, what it is): the ranges refused, each with its name in messages
_RANGES = (
    (0x00, 0x1F, "制御文字"),  # C0; tab and line feed are allowed by the callers that allow them
    (0x7F, 0x9F, "制御文字"),  # DEL and C1 (U+0085 NEL is read as a line break by YAML)
    (0x00AD, 0x00AD, "幅のない文字"),  # soft hyphen: shown only where a line happens to break
    (0x061C, 0x061C, "書字方向を変える制御文字"),
    (0x180E, 0x180E, "幅のない文字"),
    (0x200B, 0x200D, "幅のない文字"),
    (0x200E, 0x200F, "書字方向を変える制御文字"),
    (0x2028, 0x2029, "改行の代わりの区切り文字"),  # YAML reads them as line breaks: lines would shift
    (0x202A, 0x202E, "書字方向を変える制御文字"),
    (0x2060, 0x2064, "幅のない文字"),
    (0x2066, 0x2069, "書字方向を変える制御文字"),
    (0xFEFF, 0xFEFF, "幅のない文字"),  # a byte order mark inside the text (one at the start of a file is dropped)
    (0xFFF9, 0xFFFB, "幅のない文字"),
    (0xFFFE, 0xFFFF, "文字ではない符号"),
    (0xE0000, 0xE007F, "幅のない文字"),  # tag characters (variation selectors for kanji, U+E0100 on, stay allowed)
)

_CLASS = "".join(f"\\U{first:08x}-\\U{last:08x}" for first, last, _ in _RANGES)


def _pattern(allowed: str) -> re.Pattern:
    allowed_class = "".join(re.escape(ch) for ch in allowed)
    return re.compile(f"(?![{allowed_class}])[{_CLASS}]" if allowed else f"[{_CLASS}]")


SINGLE_LINE = _pattern("")
MULTI_LINE = _pattern("\t\n")
RAW_FILE = _pattern("\t\n\r")  # the bytes of a file: line ends (also CRLF) are its own


_LINE_CHARACTERS = {"\n": "改行", "\t": "タブ"}


def describe(char: str) -> str:
    """'制御文字 U+0007' — what the character is, in the words of the messages."""
    code = ord(char)
    kind = _LINE_CHARACTERS.get(char) or next(name for first, last, name in _RANGES if first <= code <= last)
    return f"{kind} U+{code:04X}"


def hidden_character_message(text: str, pattern: re.Pattern = MULTI_LINE) -> str | None:
    """The message for the first refused character in text, or None when there is none."""
    found = pattern.search(text)
    if found is None:
        return None
    char = found.group()
    advice = (
        "この項目は1行で書いてください"
        if char in _LINE_CHARACTERS
        else "見えない文字や表示を変える文字を消してください"
    )
    return f"{describe(char)} は使えません（{found.start() + 1}文字目）。{advice}"
