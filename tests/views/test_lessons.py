"""The lessons section: theme pages, the matrix and the validation rules of issue 4."""

from __future__ import annotations

import re

import pytest

from macros.data.load import DataInvalid, load_dataset
from macros.views.lessons import evidence, theme_matrix


def test_matrix_counts_equal_the_data(dataset):
    for row in theme_matrix(dataset):
        for case, count in zip(dataset.cases, row.counts):
            assert count == sum(1 for lesson in case.lessons if row.theme.id in lesson.themes)


def test_matrix_page_shows_the_counts(built_site, dataset):
    page = (built_site / "lessons" / "index.html").read_text(encoding="utf-8")
    matrix = page.index('class="data-table theme-matrix"')
    for row in theme_matrix(dataset):
        start = page.index(f'href="../lessons/{row.theme.id}/"', matrix)
        line = page[start : page.index("</tr>", start)]
        shown = [
            int(n) if n else 0
            for n in re.findall(r'<td class="matrix-cell level-\d">(?:<span[^>]*>(\d+)</span>)?</td>', line)
        ]
        assert shown == row.counts, row.theme.id


def test_every_case_has_a_lesson_and_every_report_theme_a_case(dataset):
    assert all(case.lessons for case in dataset.cases)
    for theme in dataset.themes:
        if theme.origin == "report":
            assert evidence(dataset, theme.id), theme.id


def test_unknown_theme_in_a_lesson_is_an_error(data_copy):
    path = data_copy / "cases" / "hit.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("themes: [member-renewal,", "themes: [nowhere,"), encoding="utf-8"
    )
    with pytest.raises(DataInvalid) as info:
        load_dataset(data_copy)
    assert any("nowhere" in p.message and p.field == "lessons[0].themes[0]" for p in info.value.problems)


def test_case_without_lessons_is_an_error(data_copy):
    path = data_copy / "columns" / "leader-conditions.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"lessons:\n  - .*\n", "", text), encoding="utf-8")
    with pytest.raises(DataInvalid) as info:
        load_dataset(data_copy)
    assert any(p.field == "lessons" and "leader-conditions" in p.file for p in info.value.problems)


def test_report_theme_without_any_case_is_an_error(data_copy):
    path = data_copy / "cases" / "hit.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(" factory-visits,", ""), encoding="utf-8")
    adock = data_copy / "cases" / "adock-kobe.yaml"
    adock.write_text(
        adock.read_text(encoding="utf-8").replace("themes: [factory-visits]", "themes: [key-persons]"), encoding="utf-8"
    )
    with pytest.raises(DataInvalid) as info:
        load_dataset(data_copy)
    assert any("themes.yaml" in p.file and "どの事例" in p.message for p in info.value.problems)


def test_brief_and_levers_render(built_site, dataset):
    brief = (built_site / "lessons" / "brief" / "index.html").read_text(encoding="utf-8")
    for theme in dataset.themes:
        assert f'id="{theme.id}"' in brief
    levers = (built_site / "lessons" / "levers" / "index.html").read_text(encoding="utf-8")
    assert "500,000" in levers or "50万" in levers
    assert "300万" in levers
