"""The lessons for Kitakyushu gathered by theme: matrix counts and policy levers."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class MatrixRow:
    theme: object
    counts: list[int]  # lessons per case, in dataset.cases order

    @property
    def cases(self) -> int:
        return sum(1 for n in self.counts if n)


def theme_matrix(dataset) -> list[MatrixRow]:
    """For each theme, how many of each case's lessons carry it."""
    return [
        MatrixRow(theme, [sum(1 for lesson in case.lessons if theme.id in lesson.themes) for case in dataset.cases])
        for theme in dataset.themes
    ]


def evidence(dataset, theme_id: str) -> list[tuple]:
    """(case, its lessons with this theme) for every case or column that has one."""
    pairs = [(case, [lesson for lesson in case.lessons if theme_id in lesson.themes]) for case in dataset.cases]
    return [(case, lessons) for case, lessons in pairs if lessons]


def supports_with_terms(dataset) -> list[tuple]:
    """Public support with an amount or a stated length: the time-limited-support lever."""
    return [(case, s) for case in dataset.cases for s in case.support if s.amount_jpy is not None or s.duration_years]


def programme_offspring(dataset) -> list[tuple]:
    """(case, relation, programme case): groups that a public programme started."""
    by_id = dataset.case_by_id
    return [
        (case, rel, by_id[rel.target])
        for case in dataset.cases
        for rel in case.relations
        if rel.type == "created_by_programme"
    ]


def bases(dataset) -> list[tuple]:
    return [(case, base) for case in dataset.cases for base in case.bases]


def people(dataset) -> list[tuple]:
    return [(case, person) for case in dataset.cases for person in case.people]
