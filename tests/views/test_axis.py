"""Property-based: for any data, axis ticks cover it, are round, and their labels are right and distinct."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from macros.views.axis import MAX_TICKS, linear_axis, log_axis

UNITS = {"兆": Decimal(10) ** 12, "億": Decimal(10) ** 8, "万": Decimal(10) ** 4}


def read(label: str) -> Decimal:
    """A tick label back to its number (1,000万 -> 10000000)."""
    text = label.replace(",", "")
    size = UNITS.get(text[-1:], Decimal(1))
    return Decimal(text.rstrip("".join(UNITS))) * size


def close(label: str, tick: float) -> bool:
    return math.isclose(float(read(label)), tick, rel_tol=1e-9, abs_tol=1e-12)


# Amounts as the data has them: zero, or from a thousandth (a rate) to a thousand 兆.
amounts = st.one_of(st.just(0.0), st.floats(min_value=1e-3, max_value=1e15))
counts = st.integers(min_value=0, max_value=10**9)
awkward = st.sampled_from([0, 0.5, 1, 1.5, 2, 2.5, 3, 7, 9.99, 10, 99.5, 500_000, 5 * 10**12, 123_456_789])


@given(st.lists(st.one_of(amounts, awkward), min_size=1, max_size=30), st.integers(min_value=2, max_value=10))
@example([0, 0.5, 1, 1.5, 2, 2.5, 3], MAX_TICKS)  # issue 17: read 0, 0.5, 1, 2, 2, 2, 3
@example([500_000, 10_000_000, 5 * 10**12], MAX_TICKS)  # issue 17: read 1,000,000,000,000 …
def test_linear_ticks_cover_the_data_with_distinct_labels_that_read_back(values, max_ticks):
    axis = linear_axis(values, max_ticks=max_ticks)
    assert axis.ticks[0] <= min(values) and axis.ticks[-1] >= max(values)
    assert 0 in axis.ticks  # bars start at zero
    assert 2 <= len(axis.ticks) <= max_ticks
    step = axis.ticks[1] - axis.ticks[0]
    assert all(math.isclose(b - a, step, rel_tol=1e-6) for a, b in zip(axis.ticks, axis.ticks[1:]))
    assert len(set(axis.labels)) == len(axis.labels)
    for label, tick in zip(axis.labels, axis.ticks):
        assert close(label, tick), (label, tick)
    assert (axis.low, axis.high) == (axis.ticks[0], axis.ticks[-1])


@given(st.lists(st.one_of(counts, awkward.filter(lambda v: float(v).is_integer())), min_size=1, max_size=30))
def test_counts_get_whole_number_ticks(values):
    axis = linear_axis(values, integer=True)
    assert all(float(t).is_integer() for t in axis.ticks)
    assert all(read(label) == read(label).to_integral_value() for label in axis.labels)
    assert len(set(axis.labels)) == len(axis.labels)


def test_large_numbers_read_in_man_oku_cho():
    assert linear_axis([5 * 10**12]).labels == ("0", "1兆", "2兆", "3兆", "4兆", "5兆")
    assert linear_axis([250_000_000]).labels == ("0", "0.5億", "1.0億", "1.5億", "2.0億", "2.5億")
    assert linear_axis([8000]).labels == ("0", "2,000", "4,000", "6,000", "8,000")  # below 10万: plain


@given(st.lists(st.floats(min_value=1e-3, max_value=1e15), min_size=1, max_size=30))
@example([500_000, 3_000_000, 10_000_000, 5 * 10**12])  # the public-support chart
def test_log_ticks_are_powers_of_ten_covering_the_data(values):
    axis = log_axis(values)
    assert axis.log and axis.ticks[0] <= min(values) * (1 + 1e-9) and axis.ticks[-1] >= max(values) * (1 - 1e-9)
    exponents = [math.log10(t) for t in axis.ticks]
    assert all(abs(e - round(e)) < 1e-9 for e in exponents)
    assert 2 <= len(axis.ticks) <= MAX_TICKS + 2
    assert len(set(axis.labels)) == len(axis.labels)
    for label, tick in zip(axis.labels, axis.ticks):
        assert close(label, tick), (label, tick)


def test_log_labels_read_the_japanese_way():
    assert log_axis([500_000, 5 * 10**12], max_ticks=9).labels == (
        "10万",
        "100万",
        "1,000万",
        "1億",
        "10億",
        "100億",
        "1,000億",
        "1兆",
        "10兆",
    )


@pytest.mark.parametrize("values", [[1996.8, 2003.2], [1989.0, 1989.0]])
def test_year_ticks_are_whole_years_without_separators(values):
    axis = linear_axis(values, zero=False, years=True)
    assert all(label.isdigit() and len(label) == 4 for label in axis.labels)
    assert axis.ticks[0] <= min(values) and axis.ticks[-1] >= max(values)
