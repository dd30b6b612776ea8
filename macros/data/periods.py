"""Dates and periods as the report states them.

The report mixes calendar dates (1999年, 2003年11月), Japanese fiscal years
(2002年度 = April 2002 – March 2003), accounting periods (2003年2月期) and
"現在" (the time of the survey, 2003–2004). Each is written in the data as a
short string so that contributors can type it and CSV users can sort it:

    1999          calendar year            -> 1999年
    2003-11       calendar month           -> 2003年11月
    2003-11-15    calendar day             -> 2003年11月15日
    2003/2004     calendar interval (ISO 8601 "/"), also used for 現在
    FY2002        fiscal year 年度          -> 2002年度
    FY2001/FY2003 fiscal-year range        -> 2001〜2003年度
    FP2003-02     accounting period ending -> 2003年2月期
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import lru_cache

MIN_YEAR = 1800  # Stanford (1891) and the Gold Rush (1849) are the oldest facts.
MAX_YEAR = 2030

SURVEY_PERIOD = "2003/2004"

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_FY = re.compile(r"^FY(\d{4})$")
_FP = re.compile(r"^FP(\d{4})-(\d{2})$")

FORMAT_HELP = (
    "YYYY / YYYY-MM / YYYY-MM-DD（暦年）, FY2002（年度）, FP2003-02（2月期）, 範囲は 2003/2004 や FY2001/FY2003"
)


class PeriodError(ValueError):
    """A period string that is malformed or impossible."""


@dataclass(frozen=True)
class Point:
    kind: str  # "date" | "fy" | "fp"
    year: int
    month: int | None = None
    day: int | None = None

    def sort_key(self) -> tuple[int, int, int]:
        if self.kind == "fy":  # a fiscal year starts in April
            return (self.year, 4, 1)
        return (self.year, self.month or 1, self.day or 1)

    def last_key(self) -> tuple[int, int, int]:
        """The latest day the point may mean (a year alone may mean December)."""
        if self.kind == "fy":  # ends in March of the next year
            return (self.year + 1, 3, 31)
        return (self.year, self.month or 12, self.day or 31)

    def label(self) -> str:
        if self.kind == "fy":
            return f"{self.year}年度"
        if self.kind == "fp":
            return f"{self.year}年{self.month}月期"
        text = f"{self.year}年"
        if self.month:
            text += f"{self.month}月"
        if self.day:
            text += f"{self.day}日"
        return text


def _check_year(year: int, text: str) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise PeriodError(f"年 {year} は範囲外です（{MIN_YEAR}〜{MAX_YEAR}）: {text!r}")


def _parse_point(text: str) -> Point:
    if m := _FY.match(text):
        year = int(m.group(1))
        _check_year(year, text)
        return Point("fy", year)
    if m := _FP.match(text):
        year, month = int(m.group(1)), int(m.group(2))
        _check_year(year, text)
        if not 1 <= month <= 12:
            raise PeriodError(f"月 {month} は存在しません: {text!r}")
        return Point("fp", year, month)
    if m := _DATE.match(text):
        year = int(m.group(1))
        # None when the date leaves it out (its own name: the fiscal period's `month` above is always there)
        date_month = int(m.group(2)) if m.group(2) else None
        day = int(m.group(3)) if m.group(3) else None
        _check_year(year, text)
        if date_month is not None and not 1 <= date_month <= 12:
            raise PeriodError(f"月 {date_month} は存在しません: {text!r}")
        if day is not None:
            assert date_month is not None  # the pattern has no day without a month
            if not 1 <= day <= calendar.monthrange(year, date_month)[1]:
                raise PeriodError(f"{year}年{date_month}月{day}日 は存在しない日付です: {text!r}")
        return Point("date", year, date_month, day)
    raise PeriodError(f"期間の書式が読めません: {text!r}（書式: {FORMAT_HELP}）")


@dataclass(frozen=True)
class Period:
    text: str
    start: Point
    end: Point | None = None

    @property
    def is_survey_time(self) -> bool:
        return self.text == SURVEY_PERIOD

    def sort_key(self) -> tuple[int, int, int]:
        return self.start.sort_key()

    @property
    def start_year(self) -> int:
        return self.start.year

    def label(self) -> str:
        if self.is_survey_time:
            return "調査時点（2003〜04年）"
        if self.end is None:
            return self.start.label()
        if self.start.kind == "fy":
            return f"{self.start.year}〜{self.end.year}年度"
        return f"{self.start.label()}〜{self.end.label()}"


def parse_period(value: object) -> Period:
    """Parse a period string (ints such as 1999 are accepted as years)."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise PeriodError(f"期間は文字列で書いてください（書式: {FORMAT_HELP}）")
    return _parse_text(str(value).strip())


@lru_cache(maxsize=4096)  # the same few periods recur in every case ("2003/2004"); a Period never changes
def _parse_text(text: str) -> Period:
    if "/" in text:
        left, _, right = text.partition("/")
        start, end = _parse_point(left), _parse_point(right)
        if start.kind != end.kind:
            raise PeriodError(f"範囲の両端は同じ種類にしてください: {text!r}")
        if end.sort_key() < start.sort_key():
            raise PeriodError(f"範囲の終わりが始まりより前です: {text!r}")
        return Period(text, start, end)
    return Period(text, _parse_point(text))


def period_label(value: str | None) -> str:
    return parse_period(value).label() if value else ""
