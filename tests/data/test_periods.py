import pytest

from macros.data.periods import PeriodError, parse_period, period_label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("1999", "1999年"),
        ("2003-11", "2003年11月"),
        ("2002-06-04", "2002年6月4日"),
        ("FY2002", "2002年度"),
        ("FY2001/FY2003", "2001〜2003年度"),
        ("FP2003-02", "2003年2月期"),
        ("2003/2004", "調査時点（2003〜04年）"),
        ("1998-04/2001-03", "1998年4月〜2001年3月"),
    ],
)
def test_labels_keep_fiscal_and_calendar_apart(text, label):
    assert period_label(text) == label


def test_years_written_as_numbers_are_accepted():
    assert parse_period(1999).text == "1999"


def test_fiscal_year_sorts_from_april():
    assert parse_period("FY2002").sort_key() > parse_period("2002-03").sort_key()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2003-02-30", "存在しない日付"),
        ("2003-13", "月 13"),
        ("1700", "範囲外"),
        ("2004年", "書式"),
        ("FY2004/FY2002", "終わりが始まりより前"),
        ("FY2002/2003", "同じ種類"),
        ("", "書式"),
    ],
)
def test_impossible_or_malformed_periods_are_refused(text, message):
    with pytest.raises(PeriodError, match=message):
        parse_period(text)


def test_booleans_are_not_periods():
    with pytest.raises(PeriodError):
        parse_period(True)


def test_last_day_a_point_may_mean():
    assert parse_period("1999").start.last_key() == (1999, 12, 31)
    assert parse_period("FY2002").start.last_key() == (2003, 3, 31)
    assert parse_period("2003-11").start.last_key()[:2] == (2003, 11)
