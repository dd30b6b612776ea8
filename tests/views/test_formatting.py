import pytest

from macros.views.formatting import plain_number, quantity, yen


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (135_000_000, "1億3,500万"),
        (5_000_000, "500万"),
        (2_000, "2,000"),
        (4_400_000_000, "44億"),
        (24_000_000_000_000, "24兆"),
        (283_000_000, "2億8,300万"),
        (11_700_001, "11,700,001"),
    ],
)
def test_yen_reads_the_japanese_way(value, text):
    assert yen(value) == text


def test_quantity_carries_unit_and_qualifier():
    assert quantity(300, "cases", "approx") == "約300件"
    assert quantity(1000, "cases", "over") == "1,000件超"
    assert quantity(150, "cases", "range", 200) == "150〜200件"
    assert quantity(2000, "JPY/month") == "2,000円／月"
    assert quantity(28.0, "percent") == "28％"


def test_plain_number_keeps_decimals():
    assert plain_number(28.9) == "28.9"
    assert plain_number(1003) == "1,003"
