"""Rows for the comparison tables: one row per case, derived from the data only."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..data import vocab
from ..data.models import Case, is_report_place
from ..data.periods import parse_period, period_label
from . import facts
from .formatting import figure_text, member_text, support_amount


def region_of(case: Case, dataset) -> str:
    """The region of a case's prefecture (data/regions.yaml); 海外 abroad, — where no place is known."""
    if not case.place:
        return "—"
    if case.place.country != "JP":
        return "海外"
    return dataset.region_of_prefecture[case.place.prefecture]


def activity_tags(case: Case) -> list[str]:
    """What a case does, as filter tags read off its data."""
    kinds = {p.kind for p in case.products}
    tags = []
    if case.joint_orders and case.joint_orders.mechanism != "none_yet":
        tags.append("共同受注")
    if kinds & {"product", "joint_development"}:
        tags.append("製品開発")
    if "research_group" in kinds:
        tags.append("研究会")
    if kinds & {"technology_transfer", "venture"}:
        tags.append("技術移転・起業")
    if "programme" in kinds or case.section in {"municipality", "composite"}:
        tags.append("支援事業")
    return tags


LATER = "報告書以外の出典"  # said of every value in a table that the 2004 report does not give


def _when(period: str | None, citation) -> str:
    """（2009年12月・報告書以外の出典） after a value from another source; nothing after the report's."""
    if is_report_place(citation):
        return ""
    return f"（{period_label(period)}・{LATER}）" if period else f"（{LATER}）"


def origin_of(case: Case) -> str:
    """Whether a row is one of the report's cases or a case added from another source (a filter of the lists)."""
    return f"{vocab.KINDS['added']}（{LATER}）" if case.kind == "added" else f"報告書の{vocab.KINDS[case.kind]}"


def support_text(case: Case) -> str:
    parts = []
    for s in case.support:
        if s.amount_jpy is None and not s.duration_years:
            continue
        text = f"{s.provider}：{vocab.SUPPORT_KINDS[s.kind]}"
        if s.amount_jpy is not None:
            text += f" {support_amount(s)}"
        if s.duration_years:
            text += f"（{s.duration_years:g}年間）"
        parts.append(text + _when(s.period, s.source))
    return "、".join(dict.fromkeys(parts))


@dataclass
class CompareRow:
    case: Case
    section: str
    region: str
    bases: str
    founded: str
    founded_sort: str
    legal_form: str
    legal_form_when: str  # （2008年・報告書以外の出典） when the latest form comes from another source
    members: str
    members_sort: float | None
    fees: str
    support: str
    mechanism: str
    activities: list[str] = field(default_factory=list)
    base_kinds: list[str] = field(default_factory=list)
    supported: str = ""  # 記載あり / 記載なし: whether the report names public support for the case
    origin: str = ""  # 報告書の事例 / 追加事例（報告書以外の出典）


NO_BASE = "基盤なし"


@dataclass(frozen=True)
class Facet:
    """A filter over table rows: the row attribute it reads (data-<name>), its label and its values."""

    name: str
    label: str
    values: list[str]


def facets(rows: list[CompareRow]) -> list[Facet]:
    """The filters of the case index and the comparison, with the values that occur in the rows."""
    origins = list(dict.fromkeys(r.origin for r in rows))
    shown = [Facet("origin", "出典", origins)] if any(r.case.kind == "added" for r in rows) else []
    return shown + [
        Facet("section", "分類", list(dict.fromkeys(r.section for r in rows))),
        Facet("region", "地域", sorted({r.region for r in rows})),
        Facet("base", "基盤の種類", sorted({k for r in rows for k in r.base_kinds})),
        Facet("legal_form", "法人格", sorted({r.legal_form for r in rows})),
        Facet("activity", "活動", sorted({a for r in rows for a in r.activities})),
        Facet("support", "公的支援", sorted({r.supported for r in rows})),
    ]


def facet_values(row: CompareRow) -> dict[str, list[str]]:
    """The values a row has for each facet (several for bases and activities)."""
    return {
        "section": [row.section],
        "region": [row.region],
        "base": row.base_kinds,
        "legal_form": [row.legal_form],
        "activity": row.activities,
        "support": [row.supported],
        "origin": [row.origin],
    }


def compare_rows(dataset, cases=None) -> list[CompareRow]:
    """One row per case (the report's cases and the added ones unless cases are given, e.g. with the columns)."""
    rows = []
    fee_metrics = dataset.metric_ids_in("fee")
    for case in dataset.numbered_cases() + dataset.added_cases() if cases is None else cases:
        form = facts.current_legal_form(case)
        latest = facts.latest_members(case)
        fees = [
            f"{f.label} {figure_text(f)}{_when(f.period, f.source)}" for f in case.figures if f.metric in fee_metrics
        ]
        rows.append(
            CompareRow(
                case=case,
                section=vocab.SECTIONS[case.section] if case.section else vocab.KINDS[case.kind],
                region=region_of(case, dataset),
                bases="、".join(b.name for b in case.bases) or "なし",
                founded=case.founded.date if case.founded else "",
                founded_sort="{:04d}-{:02d}".format(*parse_period(case.founded.date).sort_key()[:2])
                if case.founded
                else "",
                legal_form=form.form if form else "記載なし",
                legal_form_when=_when(form.since, form.source) if form else "",
                members=f"{member_text(latest)}{_when(latest.as_of, latest.source) or f'（{period_label(latest.as_of)}）'}"
                if latest
                else "",
                members_sort=float(latest.count) if latest else None,
                fees="、".join(fees),
                support=support_text(case),
                mechanism=vocab.JOINT_ORDER_MECHANISMS[case.joint_orders.mechanism] if case.joint_orders else "",
                activities=activity_tags(case),
                base_kinds=list(dict.fromkeys(b.kind for b in case.bases)) or [NO_BASE],
                supported="記載あり" if case.support else "記載なし",
                origin=origin_of(case),
            )
        )
    return rows


def legal_form_path(case: Case) -> list:
    """The legal forms in order, with their dates (undated ones last)."""
    dated = [lf for lf in case.legal_forms if lf.since]
    undated = [lf for lf in case.legal_forms if not lf.since]
    return sorted(dated, key=lambda lf: parse_period(lf.since).sort_key()) + undated


def money_rows(dataset) -> list[tuple[Case, str, object]]:
    """Fees, commissions, capital and public support, one row each."""
    rows = []
    money_metrics = dataset.metric_ids_in("fee") | dataset.metric_ids_in("money")
    for case in dataset.cases:
        for f in case.figures:
            if f.metric in money_metrics:
                rows.append((case, "figure", f))
        for s in case.support:
            if s.amount_jpy is not None or s.duration_years:
                rows.append((case, "support", s))
    return rows
