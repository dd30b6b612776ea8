"""How numbers, units and periods read in Japanese (pure functions)."""

from __future__ import annotations

from ..data import vocab
from ..data.periods import period_label

_YEN_UNITS = ("JPY", "JPY/month", "JPY/year")


def plain_number(value: float) -> str:
    """1,200 / 28.0 — thousands separators, no trailing .0 on whole numbers."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.10g}"


def yen(value: float) -> str:
    """135000000 -> 1億3,500万 (the reader's way of saying big amounts)."""
    value = int(value)
    if value < 10_000 or value % 10_000:
        return plain_number(value)
    oku, man = divmod(value // 10_000, 10_000)
    cho, oku = divmod(oku, 10_000)
    parts = []
    if cho:
        parts.append(f"{cho:,}兆")
    if oku:
        parts.append(f"{oku:,}億")
    if man:
        parts.append(f"{man:,}万")
    return "".join(parts)


def _amount(value: float, unit: str) -> str:
    return yen(value) if unit in _YEN_UNITS else plain_number(value)


def quantity(value: float, unit: str, qualifier: str = "exact", value_max: float | None = None) -> str:
    """A value with its unit and qualifier: 約300件, 1,000件超, 150〜200件, 1億3,500万円."""
    unit_label = vocab.UNITS[unit]
    text = _amount(value, unit)
    if value_max is not None:
        text = f"{text}〜{_amount(value_max, unit)}"
    word = vocab.QUALIFIERS[qualifier]
    before = qualifier in vocab.QUALIFIER_PREFIXES
    return f"{word if before else ''}{text}{unit_label}{'' if before else word}"


def figure_text(figure) -> str:
    return quantity(figure.value, figure.unit, figure.qualifier, figure.value_max)


def member_text(member) -> str:
    return quantity(member.count, member.unit, member.qualifier)


def legal_form_label(form: str) -> str:
    return vocab.LEGAL_FORMS[form]


def place_text(place) -> str:
    """兵庫県神戸市, 京都府（京都府南部）, カリフォルニア州（米国）."""
    text = f"{place.prefecture or ''}{place.municipality or ''}"
    if place.area_note:
        text += f"（{place.area_note}）"
    if place.country != "JP":
        text += f"（{vocab.COUNTRIES[place.country]}）"
    return text


def legal_form_text(form, own_name: str = "") -> str:
    """株式会社（第三セクター）：株式会社テクノ — the entity left out when it is the case's own name."""
    text = form.form + ("（第三セクター）" if form.third_sector else "")
    return text if form.entity == own_name else f"{text}：{form.entity}"


def member_count_text(member) -> str:
    """A member count with what was counted and when: 27社（会員企業、2003年）."""
    return f"{member_text(member)}（{member.scope}、{period_label(member.as_of)}）"


# The mark after an amount of support that says what it is per: 100万円／年, 500万円（総額）.
AMOUNT_BASIS_MARKS = {"per_year": "／年", "per_month": "／月", "total": "（総額）"}


def support_amount(support) -> str | None:
    """An amount of public support with its basis (1,000万円（総額））, None where the report gives none."""
    if support.amount_jpy is None:
        return None
    return quantity(support.amount_jpy, "JPY") + AMOUNT_BASIS_MARKS.get(support.amount_basis or "", "")


def status_text(status) -> str:
    """不明（2004年時点）: what became of a case, as of when."""
    return f"{vocab.STATUS_STATES[status.state]}（{period_label(status.as_of)}時点）"


REPORT_TIME = "2003〜2004年時点"  # the report's 現在 and the years its figures describe


def as_of_text(scope) -> str:
    """The time of a page's or a table's facts (facts.TimeScope): 2003〜2004年時点, and any later sources' years."""
    if scope.report_only:
        return REPORT_TIME
    later = (
        f"報告書以外の出典による{scope.latest_year}年までの時点" if scope.latest_year else "報告書以外の出典による時点"
    )
    return f"{REPORT_TIME}（報告書）と、{later}" if scope.from_report else later


FILTERS = {
    "as_of_text": as_of_text,
    "status_text": status_text,
    "period": period_label,
    "quantity": quantity,
    "figure_text": figure_text,
    "member_text": member_text,
    "member_count_text": member_count_text,
    "place_text": place_text,
    "legal_form_text": legal_form_text,
    "plain_number": plain_number,
    "yen": yen,
    "support_amount": support_amount,
}
