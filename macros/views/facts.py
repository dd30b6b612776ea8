"""Facts derived from one case for tables and infoboxes (no rendering here)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..data import vocab
from ..data.models import (
    CITE,
    Case,
    DataNote,
    Event,
    LegalForm,
    MemberCount,
    Relation,
    citation_source_id,
    values_of_kind,
)
from ..data.periods import parse_period


def page_path(case: Case) -> str:
    """The case's page from the site root (cases/hit/), as _macros.html's case_link builds it."""
    return f"{vocab.FOLDERS[case.kind]}/{case.id}/"


def current_legal_form(case: Case) -> LegalForm | None:
    """The latest legal form of the main entity: the last one with a date, else the first."""
    dated = [lf for lf in case.legal_forms if lf.since]
    if dated:
        return max(dated, key=lambda lf: parse_period(lf.since).sort_key())
    return case.legal_forms[0] if case.legal_forms else None


def latest_members(case: Case) -> MemberCount | None:
    """The most recent member count (the first listed wins a tie)."""
    if not case.members:
        return None
    return max(case.members, key=lambda m: parse_period(m.as_of).sort_key())


def founded_year(case: Case) -> int | None:
    return parse_period(case.founded.date).start_year if case.founded else None


def related_cases(case: Case, dataset) -> list[tuple[str, Relation, Case]]:
    """Relations in both directions: (direction, relation, other case)."""
    by_id = dataset.case_by_id
    out = [("out", rel, by_id[rel.target]) for rel in case.relations if rel.target in by_id]
    out += [("in", rel, other) for rel, other in dataset.relations_to.get(case.id, [])]
    return out


def timeline_events(case: Case) -> list:
    """The case's events plus its founding and legal-form changes, oldest first."""
    events = list(case.timeline)
    known = {(e.date, e.event) for e in events}
    if case.founded:
        founding = Event(date=case.founded.date, event="設立", source=case.founded.source)
        if not any(e.date == case.founded.date for e in events):
            events.append(founding)
    for lf in case.legal_forms:
        if lf.since and (lf.since, lf.entity) not in known:
            text = f"{lf.entity}（{lf.form}）となる"
            if not any(e.date == lf.since and lf.form in e.event for e in events):
                events.append(Event(date=lf.since, event=text, source=lf.source))
    return sorted(events, key=lambda e: parse_period(e.date).sort_key())


def notes_on(case: Case, item_id: str) -> list[DataNote]:
    """The data notes that name a figure or member count (refers_to), in note order."""
    return [n for n in case.data_notes if item_id in n.refers_to]


def notes_concerning(case: Case, fields) -> list[DataNote]:
    """The data notes that concern any of these parts of the case (concerns), in note order."""
    wanted = set(fields)
    return [n for n in case.data_notes if wanted & set(n.concerns)]


def page_marks_in(label: str, sources) -> list:
    """The page numbers the source text keeps inside one case or column (label: 事例1, コラム2)."""
    pattern = re.compile(rf"^{re.escape(label)}(?![0-9])")
    return [m for s in sources for m in s.page_marks if pattern.match(m.ref)]


def note_targets(case: Case, note: DataNote) -> list[tuple[str, str]]:
    """(anchor on the case page, label) of each figure and member count a data note names."""
    anchors = {f.id: (f"figure-{f.id}", f.label) for f in case.figures}
    anchors |= {m.id: (f"count-{m.id}", m.scope) for m in case.members}
    return [anchors[ref] for ref in note.refers_to if ref in anchors]


def report_order(dataset) -> list[Case]:
    """Cases by number, each column right after the case the report puts it after (else at the end),
    then the cases added from other sources (追加事例), by their own numbers."""
    cases = sorted(dataset.numbered_cases(), key=lambda c: c.number)
    columns = sorted(dataset.columns(), key=lambda c: c.number)
    placed = {n: [c for c in columns if c.after_case == n] for n in {c.number for c in cases}}
    ordered = [item for case in cases for item in (case, *placed.get(case.number, []))]
    return ordered + [c for c in columns if c not in ordered] + dataset.added_cases()


@dataclass(frozen=True)
class TimeScope:
    """What a case page's facts date from: the report, and the other sources its facts cite."""

    from_report: bool  # some fact cites the report
    later: list  # the other sources its facts cite, oldest first
    latest_year: int | None  # the year of the newest of them

    @property
    def report_only(self) -> bool:
        return not self.later


def _source_year(source) -> int | None:
    dated = source.published or source.accessed
    return parse_period(dated).start_year if dated else None


def _scope(cited: set[str], source_ids, dataset) -> TimeScope:
    others = [dataset.source_by_id[s] for s in source_ids if s in cited and s != vocab.REPORT_SOURCE]
    others.sort(key=lambda s: _source_year(s) or 0)
    years = [y for y in map(_source_year, others) if y]
    return TimeScope(vocab.REPORT_SOURCE in cited, others, max(years) if years else None)


def time_scope(case: Case, dataset) -> TimeScope:
    """What one case's facts date from (the page's time note)."""
    return _scope({citation_source_id(c) for _, c in values_of_kind(case, CITE)}, case.sources, dataset)


def data_time_scope(dataset) -> TimeScope:
    """What the whole data set's facts date from (the time notes of lists, comparisons and downloads)."""
    return _scope(dataset.cited_source_ids, [s.id for s in dataset.sources], dataset)
