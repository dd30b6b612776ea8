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
from .citation import from_report, marked_citation_text
from .compare import legal_form_path
from .formatting import REPORT_TIME, figure_text, plain_number, quantity
from .map_svg import case_number
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
    rows, dated = [], []
    for case in _charted_cases(dataset):
        events = [(lf.since, lf.form, lf.entity, lf.source) for lf in legal_form_path(case) if lf.since]
        if case.founded and not any(e[0] == case.founded.date for e in events):
            events.insert(0, (case.founded.date, "設立", case.name.short, case.founded.source))
        for date, form, entity, source in events:
            rows.append([case.name.short, date, period_label(date), form, entity, _source(source, dataset)])
            dated.append((case.name.short, date, source))
    figure = timeline_figure(
        [(r[0], _decimal_year(r[1]), r[3], f"{r[0]}：{r[2]} {r[3]}（{r[4]}）") for r in rows],
        x_title="年",
    )
    # fmt: off
    return Chart(
        id="founding-timeline", kind="timeline", title="設立と法人格の変遷", description="各事例の設立と、任意団体・有限会社・株式会社などへの移行の時期。",
        unit="年（暦年・年度はそのまま表示）", as_of=_span("出典に記載の時期", [d[1] for d in dated]), columns=["事例", "時期（データ）", "時期", "形態", "組織", "出典"],
        rows=rows, figure=figure, sources=sorted({r[5] for r in rows}, key=_ref_key),
        notes=["年度（4月始まり）の時期は年度の初めの位置に、月の記載がない年は1月の位置に置いています。", *_later_notes(dated)],
    )
    # fmt: on


def members_size(dataset) -> Chart:
    rows, dated = [], []
    for case in _charted_cases(dataset):
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
                    _source(latest.source, dataset),
                ]
            )
            dated.append((case.name.short, latest.as_of, latest.source))
    later = {name for name, _, source in dated if not from_report(source)}
    rows.sort(key=lambda r: r[1])
    figure = bar_figure(
        labels=[r[0] for r in rows],
        values=[r[1] for r in rows],
        texts=[f"{plain_number(r[1])}{r[2]}{r[5]}（{r[4]}{'・報告書以外' if r[0] in later else ''}）" for r in rows],
        groups=[r[2] for r in rows],
        x_title="会員数（対数目盛）",
        log=True,
    )
    # fmt: off
    return Chart(
        id="members-size", kind="size", title="会員数の比較（対数目盛）", description="各事例の最新の会員数。社・人・団体と数える単位が違うため色で区別しています。",
        unit="社・人・団体（事例ごとに異なる）", as_of=_span("各行の時点", [d[1] for d in dated]), columns=["事例", "会員数", "単位", "数えたもの", "時点", "限定", "出典"],
        rows=rows, figure=figure, sources=sorted({r[6] for r in rows}, key=_ref_key),
        notes=["単位が違う数値を同じ軸に並べています。大きさの比較は同じ単位どうしで行ってください。", *_later_notes(dated)],
    )
    # fmt: on


def public_support(dataset) -> Chart:
    rows, dated = [], []
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
                    _source(s.source, dataset),
                ]
            )
            if s.period:
                dated.append((case.name.short, s.period, s.source))
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
        description="金額が報告書に書かれている公的支援。年額と総額を色で区別し、期間を添えています。金額の幅が50万円から5兆円まであるため、目盛は10倍ごとです。", unit="円", as_of=_span("各行の期間", [d[1] for d in dated]),
        columns=["事例", "支援者", "種類", "金額（円）", "基礎", "期間", "年数", "出典"], rows=rows, figure=figure,
        sources=sorted({r[7] for r in rows}, key=_ref_key), notes=["年額と総額は比べられません。年額×年数が支援の総額の目安です。", *_later_notes(dated)],
    )
    # fmt: on


def funnel(case, metrics: set[str], dataset) -> Chart | None:
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
            _source(f.source, dataset),
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
        description="相談から商品化・事業化までの各段階の件数。範囲で書かれた数値は下限を棒で、範囲を数字で示します。", unit=rows[0][3], as_of=_span("各段階の時点", [f.period for f in figures]),
        columns=["段階", "件数（下限）", "件数（上限）", "単位", "限定", "時点", "出典"], rows=rows, figure=figure,
        sources=sorted({r[6] for r in rows}, key=_ref_key), notes=_later_notes([(f.label, f.period, f.source) for f in figures]),
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
            total_label = "報告書が記す合計" if from_report(source) else "出典が記す合計"
            rows.append([total_label, stated_total, unit_label, "合計"])
            notes = []
            if breakdown_differs(item):
                notes.append(
                    f"内訳の合計は {plain_number(parts)}{unit_label} で、{total_label} "
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
                    sources=[_source(source, dataset)],
                    notes=notes + _later_notes([(case.name.short, period, source)]),
                )
            )
    return charts


def _node_label(case) -> str:
    return case_number(case)


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
            rows.append(
                [case.name.short, vocab.RELATION_TYPES[rel.type], other.name.short, _source(rel.source, dataset)]
            )
            edges.append(
                (
                    position[case.id],
                    position[other.id],
                    f"{case.name.short} → {other.name.short}：{vocab.RELATION_TYPES[rel.type]}",
                )
            )
    nodes = [(position[c.id], _node_label(c), c.name.short, facts.page_path(c)) for c in dataset.cases]
    titles = [vocab.SECTION_SHORT_NAMES[s] if s is not None else vocab.KINDS["column"] for s in order]
    figure = graph_figure(nodes, edges, titles)
    key = "、".join(f"{_node_label(c)} {c.name.short}" for c in dataset.cases)
    # fmt: off
    return Chart(
        id="relations", kind="relations", title="事例どうしの関係",
        description="手本にした、支援事業から生まれた、連携しているなど、報告書が述べる事例間の関係。列は報告書の分類、矢印は関係の向きです。", unit="—",
        as_of=_relations_as_of(dataset), columns=["事例", "関係", "関係先", "出典"], rows=rows, figure=figure,
        sources=sorted({r[3] for r in rows}, key=_ref_key), notes=[f"番号：{key}（Cはコラム{'、追は報告書以外の出典による追加事例' if dataset.added_cases() else ''}）"],
    )
    # fmt: on


def _ref_key(ref: str) -> tuple:
    """事例2（1） before 事例10（2） before コラム1 before the other sources (報告書以外：…)."""
    numbers = [int(n) for n in re.findall(r"\d+", ref)]
    return (ref.startswith("報告書以外"), not ref.startswith("事例"), numbers, ref)


def _charted_cases(dataset) -> list:
    """The cases the comparison charts show: the report's, then those added from other sources."""
    return dataset.numbered_cases() + dataset.added_cases()


def _source(citation, dataset) -> str:
    return marked_citation_text(citation, dataset.source_by_id)


def _span(what: str, periods: list[str]) -> str:
    """各行の時点（2001〜2009年）: the years a chart's values describe, read from its rows."""
    years = sorted({y for p in periods for y in _years(p)})
    if not years:
        return what
    return f"{what}（{years[0]}〜{years[-1]}年）" if years[0] != years[-1] else f"{what}（{years[0]}年）"


def _relations_as_of(dataset) -> str:
    sources = [rel.source for case in dataset.cases for rel in case.relations]
    if all(from_report(s) for s in sources):
        return f"報告書の記述（{REPORT_TIME}）"
    return f"出典の記述（報告書の{REPORT_TIME}と、報告書以外の出典の時点）"


def _years(period: str) -> tuple[int, ...]:
    parsed = parse_period(period)
    return (parsed.start.year, (parsed.end or parsed.start).year)


def _later_notes(dated: list[tuple]) -> list[str]:
    """A note naming the values from other sources than the report: a series of mixed years says so."""
    later = [f"{name}（{period_label(period)}）" for name, period, source in dated if not from_report(source)]
    if not later:
        return []
    return [
        "報告書（2003〜2004年時点）の値と、報告書以外の出典による別の時点の値が並んでいます："
        + "、".join(dict.fromkeys(later))
        + "。出典欄に出典と時点を示しています。"
    ]


def all_charts(dataset) -> dict[str, Chart]:
    """Every chart of a data set (a build computes them once: macros/site/build.py)."""
    return _build_all(dataset)


def _build_all(dataset) -> dict[str, Chart]:
    charts = [founding_timeline(dataset), members_size(dataset), public_support(dataset), relations_graph(dataset)]
    funnel_metrics = dataset.metric_ids_in("funnel")
    charts += [c for c in (funnel(case, funnel_metrics, dataset) for case in dataset.cases) if c]
    charts += compositions(dataset)
    return {c.id: c for c in charts}
