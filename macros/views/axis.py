"""Axis ticks and their labels, shared by the build-time pictures and the plotly figures.

Ticks are round numbers (1, 2, 2.5 or 5 times a power of ten) that cover the data; counts
get whole-number steps only. Labels show as many decimals as the step needs, so two ticks
never read the same, and large numbers read the Japanese way (万, 億, 兆). A log axis has a
tick per power of ten (or per second, third… power when there are many), each labelled on
its own (10万, 100万, 1,000万, 1億).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

# The largest unit a label uses, from the largest tick: 兆 from 1兆, 億 from 1億, 万 from 10万
# (below 10万 plain numbers read better: 20,000 rather than 2万).
_UNITS = [(Decimal(10) ** 12, "兆", Decimal(10) ** 12), (Decimal(10) ** 8, "億", Decimal(10) ** 8)]
_MAN = (Decimal(10) ** 4, "万", Decimal(10) ** 5)
_STEPS = (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5))
MAX_TICKS = 6


@dataclass(frozen=True)
class Axis:
    low: float
    high: float
    ticks: tuple[float, ...]
    labels: tuple[str, ...]
    log: bool = False


def _decimal(value: float) -> Decimal:
    return Decimal(repr(float(value)))


def _steps(span: Decimal, intervals: int, integer: bool):
    """Round steps from the smallest that could split `span` into `intervals` parts, upwards."""
    power = Decimal(10) ** ((span / intervals).adjusted() - 1)
    while True:
        for factor in _STEPS:
            step = factor * power
            if integer and (step < 1 or step != step.to_integral_value()):
                continue
            if step * intervals >= span:
                yield step
        power *= 10


def _unit(largest: Decimal) -> tuple[Decimal, str]:
    for size, name, threshold in [*_UNITS, _MAN]:
        if largest >= threshold:
            return size, name
    return Decimal(1), ""


def number_label(value: Decimal, step: Decimal, unit: tuple[Decimal, str]) -> str:
    """`value` in `unit` with as many decimals as `step` needs: 0, 2.5億, 1,000万."""
    if value == 0:
        return "0"
    size, name = unit
    exponent = (step / size).normalize().as_tuple().exponent
    assert isinstance(exponent, int)  # only NaN and infinity have a letter there, and a step is finite
    places = max(0, -exponent)
    return f"{value / size:,.{places}f}{name}"


def linear_axis(values, integer: bool = False, zero: bool = True, max_ticks: int = MAX_TICKS, years: bool = False):
    """Round ticks from at or below the smallest value (or 0) to at or above the largest.

    integer: the values are counts, so steps are whole numbers. years: labels without a
    thousands separator or units (1998).
    """
    numbers = [_decimal(v) for v in values if math.isfinite(v)] or [Decimal(0)]
    low, high = min(numbers), max(numbers)
    if zero:
        low, high = min(low, Decimal(0)), max(high, Decimal(0))
    if high == low:
        high = low + (1 if integer or low == 0 else abs(low) / 10)
    intervals = max(max_ticks - 1, 1)
    for step in _steps(high - low, intervals, integer or years):
        # Aligning the ends to the step can add an interval: then the next step.
        first = (low / step).to_integral_value(rounding="ROUND_FLOOR")
        last = (high / step).to_integral_value(rounding="ROUND_CEILING")
        if last - first <= intervals:
            break
    ticks = [step * i for i in range(int(first), int(last) + 1)]
    unit = (Decimal(1), "") if years else _unit(max(abs(ticks[0]), abs(ticks[-1])))
    if years:
        labels = [f"{t:.0f}" for t in ticks]
    else:
        labels = [number_label(t, step, unit) for t in ticks]
    return Axis(float(ticks[0]), float(ticks[-1]), tuple(float(t) for t in ticks), tuple(labels))


def log_label(value: Decimal) -> str:
    """A power of ten the Japanese way: 10, 1,000, 1万, 1,000万, 1億, 10兆."""
    for size, name in ((Decimal(10) ** 12, "兆"), (Decimal(10) ** 8, "億"), (Decimal(10) ** 4, "万")):
        if value >= size:
            return f"{value / size:,.0f}{name}"
    return f"{value:,.0f}" if value >= 1 else f"{value.normalize():f}"


def log_axis(values, max_ticks: int = MAX_TICKS + 2) -> Axis:
    """Powers of ten from at or below the smallest positive value to at or above the largest."""
    positive = [v for v in values if math.isfinite(v) and v > 0] or [1.0]
    first = math.floor(math.log10(min(positive)) + 1e-9)
    last = math.ceil(math.log10(max(positive)) - 1e-9)
    if last <= first:
        last = first + 1
    stride = math.ceil((last - first) / max(max_ticks - 1, 1))
    last = first + stride * math.ceil((last - first) / stride)
    powers = range(first, last + 1, stride)
    ticks = [Decimal(10) ** p for p in powers]
    return Axis(10.0**first, 10.0**last, tuple(float(t) for t in ticks), tuple(log_label(t) for t in ticks), log=True)
