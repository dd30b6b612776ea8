"""Cases side by side: one column per case or column, one row per field (data in, texts out; no HTML).

Each value is a short text with the place in the report it comes from (事例5（2）), written with
the same formatting functions as the case pages, so a value reads the same in both places.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..data import vocab
from ..data.models import Case
from ..data.periods import parse_period, period_label
from . import facts
from .citation import case_label
from .compare import legal_form_path
from .formatting import (
    figure_text,
    legal_form_text,
    member_count_text,
    member_text,
    place_text,
    quantity,
    status_text,
    support_amount,
)

MAX_CHOSEN = 4  # columns shown at once: what fits a landscape A4 page and a laptop screen

# (field id, row heading) in the order of the rows.
FIELDS = (
    ("section", "分類"),
    ("status", "その後"),
    ("place", "所在地"),
    ("founded", "設立"),
    ("legal_form", "法人格（最新の記載）"),
    ("members", "会員数（最新）"),
    ("member_history", "会員数の推移"),
    ("legal_form_history", "組織形態の移り変わり"),
    ("money", "会費・手数料・出資"),
    ("support", "公的支援"),
    ("joint_orders", "共同受注の方式"),
    ("lessons", "北九州への示唆"),
)


@dataclass(frozen=True)
class Entry:
    """One value in a cell, with its citation (None: the report's structure)."""

    text: str
    source: object = None  # 事例5（2）, or {id, at} of another source


@dataclass(frozen=True)
class SideColumn:
    case: Case
    label: str  # 事例1, コラム2
    cells: dict[str, list[Entry]]  # field id -> its values, [] where the report says nothing


def _money(case: Case, money_metrics: set[str]) -> list[Entry]:
    entries = []
    for f in case.figures:
        if f.metric not in money_metrics:
            continue
        when = period_label(f.period) + (f"、基礎：{f.basis}" if f.basis else "")
        entries.append(Entry(f"{f.label}：{figure_text(f)}（{when}）", f.source))
    return entries


def _support(case: Case) -> list[Entry]:
    entries = []
    for s in case.support:
        amount = support_amount(s) or "金額の記載なし"
        when = [period_label(s.period)] if s.period else []
        if s.duration_years:
            when.append(f"{s.duration_years:g}年間")
        text = f"{s.provider}（{vocab.SUPPORT_KINDS[s.kind]}）：{amount}" + (f"（{'、'.join(when)}）" if when else "")
        entries.append(Entry(text, s.source))
    return entries


def _legal_form_history(case: Case) -> list[Entry]:
    entries = []
    for lf in legal_form_path(case):
        when = period_label(lf.since) if lf.since else "時期の記載なし"
        if lf.capital_jpy:
            when += f"、資本金{quantity(lf.capital_jpy, 'JPY')}"
        entries.append(Entry(f"{legal_form_text(lf)}（{when}）", lf.source))
    return entries


def _joint_orders(case: Case) -> list[Entry]:
    j = case.joint_orders
    if j is None:
        return []
    entries = [Entry(vocab.JOINT_ORDER_MECHANISMS[j.mechanism], j.source)]
    entries += [Entry(f"発注者の窓口：{j.window}"), Entry(f"責任を負う者：{j.responsibility}")]
    if j.fee:
        entries.append(Entry(f"グループへの手数料：{j.fee}"))
    return entries


def side_column(case: Case, money_metrics: set[str]) -> SideColumn:
    form = facts.current_legal_form(case)
    latest = facts.latest_members(case)
    history = sorted(case.members, key=lambda m: parse_period(m.as_of).sort_key())
    cells = {
        "section": [Entry(vocab.SECTIONS[case.section] if case.section else vocab.KINDS[case.kind])],
        "status": [Entry(status_text(case.status), case.status.source)] if case.status else [],
        "place": [Entry(place_text(case.place), case.place.source)] if case.place else [],
        "founded": [Entry(period_label(case.founded.date), case.founded.source)] if case.founded else [],
        "legal_form": [Entry(legal_form_text(form, case.name.ja), form.source)] if form else [],
        "members": [Entry(member_count_text(latest), latest.source)] if latest else [],
        "member_history": [Entry(f"{period_label(m.as_of)}：{m.scope} {member_text(m)}", m.source) for m in history],
        "legal_form_history": _legal_form_history(case),
        "money": _money(case, money_metrics),
        "support": _support(case),
        "joint_orders": _joint_orders(case),
        "lessons": [Entry(lesson.text, lesson.source) for lesson in case.lessons],
    }
    return SideColumn(case, case_label(case), cells)


def side_columns(dataset) -> list[SideColumn]:
    """Every case and column, in the report's order (each column after the case it follows)."""
    money_metrics = dataset.metric_ids_in("fee") | dataset.metric_ids_in("money")
    return [side_column(case, money_metrics) for case in facts.report_order(dataset)]
