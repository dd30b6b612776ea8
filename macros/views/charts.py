"""The charts: which data each shows, as a table and as a plotly figure.

A Chart's rows are exactly the data it plots; the data table under the chart
and its CSV download are written from the same rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..data import vocab
from ..data.checks import breakdown_differs, breakdown_sums
from ..data.periods import parse_period, period_label
from . import facts
from .compare import legal_form_path
from .formatting import figure_text, plain_number, quantity
from .plots import bar_figure, graph_figure, timeline_figure


@dataclass
class Chart:
    id: str
    kind: str
    title: str
    description: str
    unit: str
    as_of: str
    columns: list[str]
    rows: list[list]
    figure: dict
    sources: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _decimal_year(period: str) -> float:
    year, month, day = parse_period(period).sort_key()
    return round(year + (month - 1) / 12 + (day - 1) / 365, 3)


def founding_timeline(dataset) -> Chart:
    rows = []
    for case in dataset.numbered_cases():
        events = [(lf.since, lf.form, lf.entity, lf.source) for lf in legal_form_path(case) if lf.since]
        if case.founded and not any(e[0] == case.founded.date for e in events):
            events.insert(0, (case.founded.date, "設立", case.name.short, case.founded.source))
        for date, form, entity, source in events:
            rows.append([case.name.short, date, period_label(date), form, entity, source])
    figure = timeline_figure(
        [(r[0], _decimal_year(r[1]), r[3], f"{r[0]}：{r[2]} {r[3]}（{r[4]}）") for r in rows],
        x_title="年",
    )
    # fmt: off
    return Chart(
        id="founding-timeline", kind="timeline", title="設立と法人格の変遷", description="各事例の設立と、任意団体・有限会社・株式会社などへの移行の時期。",
        unit="年（暦年・年度はそのまま表示）", as_of="報告書に記載の時期（〜2003年）", columns=["事例", "時期（データ）", "時期", "形態", "組織", "出典"],
        rows=rows, figure=figure, sources=sorted({r[5] for r in rows}, key=_ref_key),
        notes=["年度（4月始まり）の時期は年度の初めの位置に、月の記載がない年は1月の位置に置いています。"],
    )
    # fmt: on


def members_size(dataset) -> Chart:
    rows = []
    for case in dataset.numbered_cases():
        latest = facts.latest_members(case)
        if latest:
            rows.append(
                [
                    case.name.short,
                    latest.count,
                    vocab.UNITS[latest.unit],
                    latest.scope,
                    period_label(latest.as_of),
                    vocab.QUALIFIERS[latest.qualifier],
                    latest.source,
                ]
            )
    rows.sort(key=lambda r: r[1])
    figure = bar_figure(
        labels=[r[0] for r in rows],
        values=[r[1] for r in rows],
        texts=[f"{plain_number(r[1])}{r[2]}{r[5]}（{r[4]}）" for r in rows],
        groups=[r[2] for r in rows],
        x_title="会員数（対数目盛）",
        log=True,
    )
    # fmt: off
    return Chart(
        id="members-size", kind="size", title="会員数の比較（対数目盛）", description="各事例の最新の会員数。社・人・団体と数える単位が違うため色で区別しています。",
        unit="社・人・団体（事例ごとに異なる）", as_of="各行の時点（2001〜2004年）", columns=["事例", "会員数", "単位", "数えたもの", "時点", "限定", "出典"],
        rows=rows, figure=figure, sources=sorted({r[6] for r in rows}, key=_ref_key),
        notes=["単位が違う数値を同じ軸に並べています。大きさの比較は同じ単位どうしで行ってください。"],
    )
    # fmt: on


def public_support(dataset) -> Chart:
    rows = []
    for case in dataset.cases:
        for s in case.support:
            if s.amount_jpy is None:
                continue
            basis = vocab.AMOUNT_BASES.get(s.amount_basis or "", "")
            years = s.duration_years
            rows.append(
                [
                    case.name.short,
                    s.provider,
                    vocab.SUPPORT_KINDS[s.kind],
                    s.amount_jpy,
                    basis,
                    period_label(s.period) if s.period else "",
                    years if years else "",
                    s.source,
                ]
            )
    figure = bar_figure(
        labels=[f"{r[0]}（{r[1]}）" for r in rows],
        values=[r[3] for r in rows],
        texts=[f"{quantity(r[3], 'JPY')}（{r[4]}）" + (f"・{plain_number(r[6])}年間" if r[6] else "") for r in rows],
        groups=[r[4] for r in rows],
        x_title="金額（円、対数目盛）",
        log=True,  # from 50万円 to 5兆円: on a linear axis every Japanese subsidy is a hairline
        reverse=True,  # rows in the table's order, top down
    )
    # fmt: off
    return Chart(
        id="public-support", kind="support", title="公的支援の金額と期間（対数目盛）",
        description="金額が報告書に書かれている公的支援。年額と総額を色で区別し、期間を添えています。金額の幅が50万円から5兆円まであるため、目盛は10倍ごとです。", unit="円", as_of="各行の期間（1995〜2004年度）",
        columns=["事例", "支援者", "種類", "金額（円）", "基礎", "期間", "年数", "出典"], rows=rows, figure=figure,
        sources=sorted({r[7] for r in rows}, key=_ref_key), notes=["年額と総額は比べられません。年額×年数が支援の総額の目安です。"],
    )
    # fmt: on


def funnel(case, metrics: set[str]) -> Chart | None:
    """The stages from enquiry to business of one case: its figures of the funnel metrics."""
    figures = [f for f in case.figures if f.metric in metrics]
    if not figures:
        return None
    rows = [
        [
            f.label,
            f.value,
            f.value_max if f.value_max is not None else "",
            vocab.UNITS[f.unit],
            vocab.QUALIFIERS[f.qualifier],
            period_label(f.period),
            f.source,
        ]
        for f in figures
    ]
    figure = bar_figure(
        labels=[r[0] for r in rows],
        values=[r[1] for r in rows],
        texts=[figure_text(f) for f in figures],
        x_title=f"件数（{rows[0][3]}）",
        reverse=True,
    )
    # fmt: off
    return Chart(
        id=f"funnel-{case.id}", kind="funnel", title=f"{case.name.short}：相談から事業化までの段階別件数",
        description="相談から商品化・事業化までの各段階の件数。範囲で書かれた数値は下限を棒で、範囲を数字で示します。", unit=rows[0][3], as_of=rows[0][5],
        columns=["段階", "件数（下限）", "件数（上限）", "単位", "限定", "時点", "出典"], rows=rows, figure=figure,
        sources=sorted({r[6] for r in rows}, key=_ref_key),
    )
    # fmt: on


def compositions(dataset) -> list[Chart]:
    """One chart for every total the report breaks down (members or figures)."""
    charts = []
    for case in dataset.cases:
        acknowledged = {r for n in case.data_notes for r in n.refers_to}
        items = [(m, m.scope, m.as_of) for m in case.members] + [(f, f.label, f.period) for f in case.figures]
        for item, label, period in items:
            item_id, unit, breakdown, source = item.id, item.unit, item.breakdown, item.source
            if not breakdown:
                continue
            unit_label = vocab.UNITS[unit]
            rows = [[b.label, b.value, unit_label, "内訳"] for b in breakdown]
            parts, stated_total = breakdown_sums(item)
            rows.append(["報告書が記す合計", stated_total, unit_label, "合計"])
            notes = []
            if breakdown_differs(item):
                notes.append(
                    f"内訳の合計は {plain_number(parts)}{unit_label} で、報告書が記す合計 "
                    f"{plain_number(stated_total)}{unit_label} と一致しません"
                    + ("（データに関する注記あり）。" if item_id in acknowledged else "。")
                )
            figure = bar_figure(
                labels=[r[0] for r in rows],
                values=[r[1] for r in rows],
                texts=[f"{plain_number(r[1])}{unit_label}" for r in rows],
                groups=[r[3] for r in rows],
                x_title=unit_label,
                reverse=True,
            )
            charts.append(
                Chart(
                    id=f"composition-{case.id}-{item_id}",
                    kind="composition",
                    title=f"{case.name.short}：{label}の内訳",
                    description="報告書が示す内訳と、報告書が記す合計。合計が内訳の和と違う場合もそのまま示します。",
                    unit=unit_label,
                    as_of=period_label(period),
                    columns=["項目", "値", "単位", "区分"],
                    rows=rows,
                    figure=figure,
                    sources=[source],
                    notes=notes,
                )
            )
    return charts


def _node_label(case) -> str:
    return str(case.number) if case.kind == "case" else f"C{case.number}"


def relations_graph(dataset) -> Chart:
    order = [*vocab.SECTION_SHORT_NAMES, None]  # the report's sections, then the columns
    columns: dict = {}
    for case in dataset.cases:
        columns.setdefault(case.section, []).append(case)
    position = {}
    for x, section in enumerate(order):
        for y, case in enumerate(columns.get(section, [])):
            position[case.id] = (x, -y)
    rows, edges = [], []
    for case in dataset.cases:
        for rel in case.relations:
            other = dataset.case_by_id[rel.target]
            rows.append([case.name.short, vocab.RELATION_TYPES[rel.type], other.name.short, rel.source])
            edges.append(
                (
                    position[case.id],
                    position[other.id],
                    f"{case.name.short} → {other.name.short}：{vocab.RELATION_TYPES[rel.type]}",
                )
            )
    nodes = [(position[c.id], _node_label(c), c.name.short, facts.page_path(c)) for c in dataset.cases]
    titles = [vocab.SECTION_SHORT_NAMES.get(s, vocab.KINDS["column"]) for s in order]
    figure = graph_figure(nodes, edges, titles)
    key = "、".join(f"{_node_label(c)} {c.name.short}" for c in dataset.cases)
    # fmt: off
    return Chart(
        id="relations", kind="relations", title="事例どうしの関係",
        description="手本にした、支援事業から生まれた、連携しているなど、報告書が述べる事例間の関係。列は報告書の分類、矢印は関係の向きです。", unit="—",
        as_of="報告書の記述（2003〜04年）", columns=["事例", "関係", "関係先", "出典"], rows=rows, figure=figure,
        sources=sorted({r[3] for r in rows}, key=_ref_key), notes=[f"番号：{key}（Cはコラム）"],
    )
    # fmt: on


def _ref_key(ref: str) -> tuple:
    numbers = [int(n) for n in re.findall(r"\d+", ref)]
    return (not ref.startswith("事例"), numbers, ref)


_built: dict = {}


def all_charts(dataset) -> dict[str, Chart]:
    """Every chart, built once per loaded data set."""
    if _built.get("dataset") is not dataset:
        _built.update(dataset=dataset, charts=_build_all(dataset))
    return _built["charts"]


def _build_all(dataset) -> dict[str, Chart]:
    charts = [founding_timeline(dataset), members_size(dataset), public_support(dataset), relations_graph(dataset)]
    funnel_metrics = dataset.metric_ids_in("funnel")
    charts += [c for c in (funnel(case, funnel_metrics) for case in dataset.cases) if c]
    charts += compositions(dataset)
    return {c.id: c for c in charts}
