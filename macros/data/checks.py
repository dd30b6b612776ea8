"""Checks across files: references, uniqueness and the report's own arithmetic.

A total that disagrees with its parts is an error unless a data note of kind
sum_mismatch or rounding names it: the report's own discrepancies are kept and
shown, any other mismatch is a typo to fix. A place in the report must name a
case, column or part of the chapter that exists; a citation of another source
names one of its case's sources, at a place that fits that kind of source; and
a date may not lie after today, nor after the publication of the source its
own fact cites.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Collection

from . import vocab
from .dataset import Dataset
from .messages import Loc, Problem, format_loc
from .models import (
    CITE,
    REF,
    citation_source_id,
    is_report_place,
    periods_with_citations,
    ref_location,
    values_of_kind,
)
from .periods import Period, parse_period

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
    if case.kind != "column" and case.status is None:
        problems.append(
            _problem(
                dataset,
                key,
                ("status",),
                "事例には status（その後）が必要です。分からなければ state: unknown とし、"
                "as_of と source には最後に分かっている出典の時点と箇所を書いてください",
            )
        )
    if case.after_case is not None:
        numbers = sorted(c.number for c in dataset.numbered_cases())
        if case.kind != "column":
            problems.append(_problem(dataset, key, ("after_case",), "after_case はコラムにだけ書きます"))
        elif case.after_case not in numbers:
            listed = f"{numbers[0]}〜{numbers[-1]}" if numbers else "なし"
            problems.append(
                _problem(
                    dataset,
                    key,
                    ("after_case",),
                    f"事例{case.after_case} はこのデータにありません（ある事例の番号: {listed}）",
                )
            )
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
    references: list[tuple[Loc, str, Collection[str] | None, str]]
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
    problems += [_problem(dataset, key, loc, message) for loc, ref, known, message in references
                 if known is not None and ref not in known]
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


def _number_list(numbers) -> str:
    """1〜16、18 — the numbers in runs."""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return "、".join(f"{r[0]}〜{r[-1]}" if len(r) > 2 else "、".join(map(str, r)) for r in runs) or "なし"


def _citable(dataset: Dataset) -> dict[str, str]:
    """Every part a reference may name (事例1, コラム2, 1．（2）, 3．（8）…) -> the message when it names another."""
    parts = {f"{vocab.KINDS[c.kind]}{c.number}": "" for c in dataset.cases}
    sections = set(vocab.SECTION_REPORT_HEADINGS.values())
    sections |= {h.split("（")[0] for h in sections} | {vocab.IMPLICATIONS_HEADING}
    sections |= {f"{vocab.IMPLICATIONS_HEADING}（{t.number}）" for t in dataset.themes if t.number}
    return parts | dict.fromkeys(sections, "")


def _citation_problem(dataset: Dataset, ref: str, citable: dict) -> str | None:
    head, subsection = ref_location(ref)
    for kind in ("case", "column"):
        word = vocab.KINDS[kind]
        if head.startswith(word):
            if head in citable:
                return None
            numbers = [c.number for c in dataset.cases if c.kind == kind]
            return f"出典の {head} はこのデータにありません（ある{word}の番号: {_number_list(numbers)}）"
    if head + subsection in citable:
        return None
    chapter = sorted(k for k in citable if not k.startswith(tuple(vocab.KINDS.values())))
    return f"出典の {head}{subsection} は第Ⅲ章にありません（書けるのは {'、'.join(chapter)}）"


def _citation_checks(dataset: Dataset) -> list[Problem]:
    """Each 事例N / コラムN / N．（k） names a case, column or part of the chapter that exists."""
    if dataset.unparsed_ids:  # a file that did not parse may hold the case a reference names
        return []
    citable, problems = _citable(dataset), []
    entities = [(("cases", c.id), c) for c in dataset.cases] + [(("themes", t.id), t) for t in dataset.themes]
    for key, entity in entities:
        for loc, ref in values_of_kind(entity, REF):
            message = _citation_problem(dataset, ref, citable)
            if message:
                problems.append(_problem(dataset, key, loc, message))
    return problems


def _first_day(period: Period) -> tuple[int, int, int]:
    """The first day a period may mean; a range by the first day of its end (FY2004 from April 2004)."""
    return (period.end or period.start).sort_key()


def _last_day(period: Period) -> tuple[int, int, int]:
    return (period.end or period.start).last_key()


def _published_limit(source) -> tuple[tuple[int, int, int], str] | None:
    """(the last day a fact from this source may be dated, how to say it): its publication, else the day it was read."""
    if source.published:
        period = parse_period(source.published)
        return _last_day(period), f"出典 {source.id} の発行（{period.label()}）"
    if source.accessed:
        return _last_day(parse_period(source.accessed)), f"出典 {source.id} を確かめた日（{source.accessed}）"
    return None


def _locator_problem(source, at: str) -> str | None:
    """Why a locator does not fit its source's kind (a page of a web page, a #fragment of a book), or None."""
    forms = vocab.SOURCE_LOCATORS[source.kind]
    for part in at.split("、"):
        if not any(re.fullmatch(vocab.LOCATOR_FORMS[form][0], part) for form in forms):
            allowed = "、".join(vocab.LOCATOR_FORMS[form][1] for form in forms)
            kind = vocab.SOURCE_KINDS[source.kind]
            return f"箇所「{part}」は{kind}（{source.id}）の箇所の書き方ではありません（書けるのは {allowed}）"
    return None


def unknown_source_message(source_id: str, known_ids) -> str:
    """The message for a source id that data/sources.yaml does not have, with the ids it has."""
    return f"出典ID '{source_id}' は data/sources.yaml にありません（ある出典ID: {'、'.join(sorted(known_ids)) or 'なし'}）"


def _citation_of_source_problem(citation, by_id: dict, allowed: list[str], whose: str) -> str | None:
    """Why a citation names no source it may name, or a place that does not fit its source."""
    source_id = citation_source_id(citation)
    if source_id not in by_id:
        if is_report_place(citation):
            known = "、".join(sorted(by_id)) or "なし"
            return f"報告書の箇所を出典にするには、data/sources.yaml に id: {source_id} の出典が必要です（ある出典ID: {known}）"
        return unknown_source_message(source_id, by_id)
    if source_id not in allowed:
        listed = "、".join(allowed) or "なし"
        return f"出典ID '{source_id}' は{whose}の sources にありません（sources: {listed}）。sources に加えてください"
    if is_report_place(citation):
        return None
    if source_id == vocab.REPORT_SOURCE:
        return "報告書の箇所は {id: report, at: …} ではなく、source: 事例5（2） のように書きます"
    return _locator_problem(by_id[source_id], citation.at)


def _fact_checks(dataset: Dataset, key: tuple, entity, allowed: list[str], whose: str, today) -> list[Problem]:
    """Each citation names an allowed source at a place that fits it; no date after today or its own source."""
    by_id = {s.id: s for s in dataset.sources}
    problems = []
    # a sources.yaml that did not parse is reported once, not again at every citation
    citations = [] if "sources" in dataset.unparsed_lists else values_of_kind(entity, CITE)
    for loc, citation in citations:
        message = _citation_of_source_problem(citation, by_id, allowed, whose)
        if message:
            problems.append(_problem(dataset, key, loc, message))
    for loc, text, citation in periods_with_citations(entity):
        period = parse_period(text)
        source = by_id.get(citation_source_id(citation)) if citation is not None else None
        limit = _published_limit(source) if source else None
        if _first_day(period) > (today.year, today.month, today.day):
            message = f"{period.label()}（{text}）は今日（{today.isoformat()}）より後の時点です"
        elif limit and _first_day(period) > limit[0]:
            message = (
                f"{period.label()}（{text}）は{limit[1]}より後の時点です。"
                "その後のことを書くには、それを記す出典を data/sources.yaml に足し、この事例の sources に加えて、"
                "その数値・出来事の source を {id: 出典ID, at: 箇所} にしてください"
            )
        else:
            continue
        problems.append(_problem(dataset, key, loc, message))
    return problems


def _source_checks(dataset: Dataset, today: datetime.date) -> list[Problem]:
    """A source says who made it and when; a web page where it is and when it was read; no date after today."""
    problems = []
    now = (today.year, today.month, today.day)
    for s in dataset.sources:
        key = ("sources", s.id)
        if not (s.author or s.publisher or s.unknown):
            message = (
                "author（著者）か publisher（発行者）が必要です（どちらも分からなければ unknown にそう書いてください）"
            )
            problems.append(_problem(dataset, key, ("author",), message))
        if s.kind == "web":
            for field, what in (("url", "アドレス（https://…）"), ("accessed", "確かめた日（YYYY-MM-DD）")):
                if getattr(s, field) is None:
                    problems.append(
                        _problem(dataset, key, (field,), f"ウェブページの出典には {field}：{what}が必要です")
                    )
        elif s.published is None:
            problems.append(
                _problem(dataset, key, ("published",), "published（発行の時点。2021、2021-03 など）が必要です")
            )
        if s.accessed and parse_period(s.accessed).start.day is None:
            problems.append(
                _problem(
                    dataset, key, ("accessed",), f"確かめた日は日付まで書いてください（書かれている値: {s.accessed}）"
                )
            )
        for field in ("published", "accessed"):
            text = getattr(s, field)
            if text and _first_day(parse_period(text)) > now:
                problems.append(_problem(dataset, key, (field,), f"{text} は今日（{today.isoformat()}）より後です"))
    return problems


def check_dataset(dataset: Dataset, today: datetime.date | None = None) -> list[Problem]:
    today = today or datetime.date.today()
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
    # the ids a reference may name; None when their file did not parse (reported once, there)
    theme_ids, metric_ids, source_ids = (
        None if kind in dataset.unparsed_lists else {item.id for item in getattr(dataset, kind)}
        for kind in ("themes", "metrics", "sources")
    )
    for case in dataset.cases:
        problems += _case_checks(dataset, case, case_ids, theme_ids, metric_ids, source_ids)
        problems += _fact_checks(dataset, ("cases", case.id), case, case.sources, "この事例", today)
    for theme in dataset.themes:  # a theme lists no sources of its own: any source of the data may be cited
        problems += _fact_checks(dataset, ("themes", theme.id), theme, sorted(source_ids or ()), "データ", today)
    problems += _source_checks(dataset, today)
    problems += _citation_checks(dataset)
    for theme in dataset.themes:
        for i, fig in enumerate(theme.figures):
            if metric_ids is not None and fig.metric not in metric_ids:
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
    problems: list[Problem] = []
    first: dict[str, str] = {}  # prefecture -> the first region that has it
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
