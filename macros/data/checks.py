"""Checks across files: references, uniqueness and the report's own arithmetic.

A total that disagrees with its parts is an error unless a data note of kind
sum_mismatch or rounding names it: the report's own discrepancies are kept and
shown, any other mismatch is a typo to fix.
"""

from __future__ import annotations

from collections import Counter

from .dataset import Dataset
from .messages import Problem, format_loc
from .periods import parse_period

ACKNOWLEDGING_NOTES = {"sum_mismatch", "rounding"}
# Notes of a conflict inside the report: each must point at what it concerns, so
# the page can link the figure or part that repeats the conflict to its note.
CONFLICT_NOTES = {"sum_mismatch", "rounding", "inconsistency"}
SUM_TOLERANCE = 1e-6  # parts are decimals as the report prints them; anything more is a real gap


def breakdown_sums(item) -> tuple[float, float]:
    """(sum of the parts, the total they should make) of a member count or figure with a breakdown.

    A percentage breakdown adds up to 100; any other to the item's own value.
    """
    parts = sum(b.value for b in item.breakdown)
    if getattr(item, "unit", "") == "percent":
        return parts, 100.0
    return parts, float(item.count if hasattr(item, "count") else item.value)


def breakdown_differs(item) -> bool:
    parts, total = breakdown_sums(item)
    return abs(parts - total) > SUM_TOLERANCE


def _where(dataset: Dataset, key: tuple, loc: tuple) -> tuple[str, int | None, str]:
    source, prefix = dataset.origins[key]
    full = tuple(prefix) + tuple(loc)
    return source.path, source.line_of(full), format_loc(full)


def _problem(dataset, key, loc, message) -> Problem:
    return Problem(*_where(dataset, key, loc), message)


def _duplicates(dataset, kind: str, items, attr: str = "id") -> list[Problem]:
    counts = Counter(getattr(i, attr) for i in items)
    return [
        _problem(dataset, (kind, item.id), (attr,), f"ID '{item.id}' が重複しています")
        for item in items
        if counts[getattr(item, attr)] > 1
    ]


def _sum_checks(dataset, case) -> list[Problem]:
    problems = []
    acknowledged = {ref for note in case.data_notes if note.kind in ACKNOWLEDGING_NOTES for ref in note.refers_to}
    for attr in ("members", "figures"):
        for index, item in enumerate(getattr(case, attr)):
            if not item.breakdown or item.id in acknowledged:
                continue
            if breakdown_differs(item):
                parts, total = breakdown_sums(item)
                problems.append(
                    _problem(
                        dataset,
                        ("cases", case.id),
                        (attr, index, "breakdown"),
                        f"内訳の合計 {parts:g} が合計 {total:g} と一致しません。報告書どおりなら "
                        f"data_notes に kind: sum_mismatch, refers_to: [{item.id}] の注記を加えてください",
                    )
                )
    return problems


def _case_checks(dataset, case, case_ids, theme_ids, metric_ids, source_ids) -> list[Problem]:
    key = ("cases", case.id)
    problems = []
    if case.kind == "case" and case.section is None:
        problems.append(_problem(dataset, key, ("section",), "事例には section が必要です"))
    place = case.place
    if place and place.country == "JP" and place.prefecture not in dataset.region_of_prefecture:
        problems.append(
            _problem(
                dataset,
                key,
                ("place", "prefecture"),
                f"都道府県 '{place.prefecture}' は data/regions.yaml のどの地方にもありません",
            )
        )
    if not case.lessons:
        problems.append(_problem(dataset, key, ("lessons",), "北九州への示唆（lessons）が少なくとも1件必要です"))
    # fmt: off
    local_ids = [m.id for m in case.members] + [f.id for f in case.figures]
    # (where, the id written there, the ids it may name, the message when it names none of them)
    references = [(("relations", i, "target"), r.target, case_ids, f"事例ID '{r.target}' がありません")
                  for i, r in enumerate(case.relations)]
    references += [(("lessons", i, "themes", j), t, theme_ids, f"テーマID '{t}' は data/themes.yaml にありません")
                   for i, lesson in enumerate(case.lessons) for j, t in enumerate(lesson.themes)]
    references += [(("figures", i, "metric"), f.metric, metric_ids, f"指標ID '{f.metric}' は data/metrics.yaml にありません")
                   for i, f in enumerate(case.figures)]
    references += [(("sources", i), s, source_ids, f"出典ID '{s}' は data/sources.yaml にありません")
                   for i, s in enumerate(case.sources)]
    references += [(("data_notes", i, "refers_to", j), r, local_ids, f"ID '{r}' の数値・会員数がこの事例にありません")
                   for i, note in enumerate(case.data_notes) for j, r in enumerate(note.refers_to)]
    problems += [_problem(dataset, key, loc, message) for loc, ref, known, message in references if ref not in known]
    # fmt: on
    for i, note in enumerate(case.data_notes):
        if note.kind in CONFLICT_NOTES and not (note.refers_to or note.concerns):
            problems.append(
                _problem(
                    dataset,
                    key,
                    ("data_notes", i, "refers_to"),
                    "報告書の食い違いの注記は、関係する数値・会員数（refers_to）か項目（concerns）を指してください",
                )
            )
    for i, rel in enumerate(case.relations):
        if rel.target == case.id:
            problems.append(_problem(dataset, key, ("relations", i, "target"), "自分自身は関係先にできません"))
    for i, fig in enumerate(case.figures):
        if fig.value_max is not None and fig.value_max < fig.value:
            problems.append(_problem(dataset, key, ("figures", i, "value_max"), "上限が下限より小さくなっています"))
    for local_id, n in Counter(local_ids).items():
        if n > 1:
            problems.append(_problem(dataset, key, (), f"数値・会員数のID '{local_id}' が重複しています"))
    problems.extend(_date_order_checks(dataset, case))
    problems.extend(_sum_checks(dataset, case))
    return problems


def _ends_before(later, earlier) -> bool:
    """True when `later` lies wholly before `earlier` (2003/2004 is not before 2003-11, nor 1999 before 1999-04)."""
    return (later.end or later.start).last_key() < earlier.start.sort_key()


def _date_order_checks(dataset, case) -> list[Problem]:
    """Legal forms and member counts oldest first; nothing changes form before the founding."""
    key, problems = ("cases", case.id), []
    for attr, field, what in (("legal_forms", "since", "法人格の変遷"), ("members", "as_of", "会員数")):
        dated = [(i, getattr(item, field)) for i, item in enumerate(getattr(case, attr)) if getattr(item, field)]
        for (_, a), (i, b) in zip(dated, dated[1:]):
            if _ends_before(parse_period(b), parse_period(a)):
                problems.append(
                    _problem(dataset, key, (attr, i, field), f"{what}は古い順に書いてください（{a} の後に {b}）")
                )
    if case.founded:
        founded = parse_period(case.founded.date)
        for i, lf in enumerate(case.legal_forms):
            if lf.since and _ends_before(parse_period(lf.since), founded):
                problems.append(
                    _problem(
                        dataset,
                        key,
                        ("legal_forms", i, "since"),
                        f"設立（{case.founded.date}）より前の法人格の変更になっています",
                    )
                )
    return problems


def check_dataset(dataset: Dataset) -> list[Problem]:
    problems: list[Problem] = []
    # duplicate case ids are reported while loading, where both files are known
    numbers = Counter((c.kind, c.number) for c in dataset.cases)
    for case in dataset.cases:
        if numbers[(case.kind, case.number)] > 1:
            problems.append(_problem(dataset, ("cases", case.id), ("number",), f"番号 {case.number} が重複しています"))
    for kind in ("themes", "terms", "metrics", "sources", "regions"):
        problems += _duplicates(dataset, kind, getattr(dataset, kind))
    problems += _region_checks(dataset)
    case_ids = {c.id for c in dataset.cases} | dataset.unparsed_ids
    theme_ids = {t.id for t in dataset.themes}
    metric_ids = {m.id for m in dataset.metrics}
    source_ids = {s.id for s in dataset.sources}
    for case in dataset.cases:
        problems += _case_checks(dataset, case, case_ids, theme_ids, metric_ids, source_ids)
    for theme in dataset.themes:
        for i, fig in enumerate(theme.figures):
            if fig.metric not in metric_ids:
                message = f"指標ID '{fig.metric}' は data/metrics.yaml にありません"
                problems.append(_problem(dataset, ("themes", theme.id), ("figures", i, "metric"), message))
    for term in dataset.terms:
        for j, cid in enumerate(term.cases):
            if cid not in case_ids:
                problems.append(_problem(dataset, ("terms", term.id), ("cases", j), f"事例ID '{cid}' がありません"))
    if dataset.cases and not dataset.unparsed_ids:  # a theme from the report must be shown by some case
        cited = {t for c in dataset.cases for lesson in c.lessons for t in lesson.themes}
        for theme in dataset.themes:
            if theme.origin == "report" and theme.id not in cited:
                problems.append(
                    _problem(dataset, ("themes", theme.id), ("id",), "どの事例の示唆もこのテーマを挙げていません")
                )
    return problems


def _region_checks(dataset: Dataset) -> list[Problem]:
    """A prefecture belongs to one region only."""
    problems, first = [], {}
    for region in dataset.regions:
        for i, prefecture in enumerate(region.prefectures):
            if prefecture in first:
                problems.append(
                    _problem(
                        dataset,
                        ("regions", region.id),
                        ("prefectures", i),
                        f"'{prefecture}' は地方 '{first[prefecture]}' にもあります",
                    )
                )
            first.setdefault(prefecture, region.id)
    return problems
