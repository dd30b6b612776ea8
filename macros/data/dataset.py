"""The loaded data set: every case and column with the shared lists, and lookups into them."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from .models import CITE, Case, citation_source_id, values_of_kind


@dataclass
class Dataset:
    cases: list[Case]  # 事例 by number, then コラム, then 追加事例 (vocab.KIND_ORDER)
    themes: list
    terms: list
    metrics: list
    sources: list
    regions: list
    # where each entity came from, for line numbers in later checks
    origins: dict = field(default_factory=dict, repr=False)
    # ids of case files that failed to parse: references to them are not reported again
    unparsed_ids: set = field(default_factory=set, repr=False)
    # the lists whose file did not parse ("sources", "themes"…): references into them are not reported again
    unparsed_lists: set = field(default_factory=set, repr=False)

    # A data set is not changed after loading, so each lookup is built once.
    @cached_property
    def case_by_id(self) -> dict[str, Case]:
        return {c.id: c for c in self.cases}

    @cached_property
    def theme_by_id(self) -> dict:
        return {t.id: t for t in self.themes}

    @cached_property
    def metric_by_id(self) -> dict:
        return {m.id: m for m in self.metrics}

    @cached_property
    def region_of_prefecture(self) -> dict[str, str]:
        """Prefecture -> the label of its region (data/regions.yaml)."""
        return {p: r.label for r in self.regions for p in r.prefectures}

    @cached_property
    def relations_to(self) -> dict[str, list]:
        """Case id -> [(relation, case that declares it)] for relations pointing at it."""
        incoming: dict[str, list] = {}
        for other in self.cases:
            for rel in other.relations:
                incoming.setdefault(rel.target, []).append((rel, other))
        return incoming

    def metric_ids_in(self, group: str) -> set[str]:
        """The metrics of one group of data/metrics.yaml (fee, money, funnel)."""
        return {m.id for m in self.metrics if m.group == group}

    def numbered_cases(self) -> list[Case]:
        return [c for c in self.cases if c.kind == "case"]

    def columns(self) -> list[Case]:
        return [c for c in self.cases if c.kind == "column"]

    def added_cases(self) -> list[Case]:
        """Cases from sources other than the report (追加事例)."""
        return [c for c in self.cases if c.kind == "added"]

    @cached_property
    def source_by_id(self) -> dict:
        return {s.id: s for s in self.sources}

    @cached_property
    def cited_source_ids(self) -> set[str]:
        """The sources some fact of some case cites (the report by its places, 事例5（2）)."""
        return {citation_source_id(c) for case in self.cases for _, c in values_of_kind(case, CITE)}
