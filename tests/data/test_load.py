"""Validation: the real data passes; each broken rule names file, line and field."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.data.load import DataInvalid, load_dataset


def test_real_data_validates(dataset):
    assert len(dataset.numbered_cases()) == 16
    assert sorted(c.number for c in dataset.numbered_cases()) == list(range(1, 17))
    assert sorted(c.number for c in dataset.columns()) == [1, 2]
    assert len([t for t in dataset.themes if t.origin == "report"]) == 8


def test_minimal_fixture_validates(data_copy):
    assert load_dataset(data_copy).case_by_id["adock-kobe"].name.ja == "アドック神戸"


def _edit(path: Path, old: str, new: str) -> int:
    """Replace text once; return the 1-based line where the change starts."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def _problems(data_dir: Path) -> list:
    with pytest.raises(DataInvalid) as info:
        load_dataset(data_dir)
    return info.value.problems


def _only(problems, file_part: str):
    found = [p for p in problems if file_part in p.file]
    assert found, [str(p) for p in problems]
    return found


CASES = [
    # (file, old text, new text, field path, words the message must contain)
    ("cases/hit.yaml", "count: 27,", "count: 二十七,", "members[0].count", "整数"),
    (
        "cases/hit.yaml",
        "  - {id: members-now",
        "  - {id: members-now, counted: 17",
        "members[1].counted",
        "スキーマにありません",
    ),
    ("cases/hit.yaml", "founded: {date: 1996-11,", "founded: {date: 1996-02-30,", "founded.date", "存在しない日付"),
    ("cases/hit.yaml", "founded: {date: 1996-11,", "founded: {date: 96年11月,", "founded.date", "書式"),
    ("cases/hit.yaml", "section: base_group", "section: base", "section", "使える値"),
    ("cases/hit.yaml", "target: adock-kobe", "target: adok-kobe", "relations[0].target", "adok-kobe"),
    ("cases/hit.yaml", "themes: [member-renewal,", "themes: [member-renewl,", "lessons[0].themes[0]", "themes.yaml"),
    ("cases/hit.yaml", "metric: commission-rate", "metric: comission-rate", "figures[0].metric", "metrics.yaml"),
    ("cases/hit.yaml", "value: 3, unit: percent", "value: -3, unit: percent", "figures[0].value", "0 以上"),
    ("cases/hit.yaml", "sources: [report]", "sources: [reprot]", "sources[0]", "sources.yaml"),
    ("cases/hit.yaml", "  municipality: 東大阪市\n", "", None, None),  # optional: still valid
    ("glossary.yaml", "cases: [adock-kobe]", "cases: [adock-kobee]", "terms[1].cases[0]", "adock-kobee"),
    ("themes.yaml", "    number: 1\n", "    number: one\n", "themes[0].number", "整数"),
    # where a column stands in the report (全事例集): an existing case number, and only for columns
    ("columns/leader-conditions.yaml", "kind: column\n", "after_case: 99\nkind: column\n", "after_case", "事例99"),
    ("cases/hit.yaml", "section: base_group", "after_case: 1\nsection: base_group", "after_case", "コラムにだけ"),
]


@pytest.mark.parametrize(("name", "old", "new", "field", "words"), CASES)
def test_each_rule_names_file_line_and_field(data_copy, name, old, new, field, words):
    line = _edit(data_copy / name, old, new)
    if field is None:
        load_dataset(data_copy)
        return
    problems = _only(_problems(data_copy), name.split("/")[-1])
    match = [p for p in problems if p.field == field]
    assert match, [str(p) for p in problems]
    assert match[0].line == line
    assert words in match[0].message
    assert str(match[0]) == f"data/{name}:{line}: {field}: {match[0].message}"


def test_missing_required_field(data_copy):
    _edit(
        data_copy / "cases/hit.yaml",
        "summary: 東大阪市の金属加工業者による共同受注グループ（テスト用の簡略版）。\n",
        "",
    )
    (problem,) = _only(_problems(data_copy), "hit.yaml")
    assert problem.field == "summary" and "必須" in problem.message


def test_duplicate_key_is_an_error(data_copy):
    line = _edit(data_copy / "cases/hit.yaml", "number: 2\n", "number: 2\nnumber: 3\n") + 1
    (problem,) = _only(_problems(data_copy), "hit.yaml")
    assert (problem.line, problem.field) == (line, "number")
    assert "重複" in problem.message


def test_duplicate_case_number_across_files(data_copy):
    _edit(data_copy / "cases/hit.yaml", "number: 2\n", "number: 1\n")
    problems = _problems(data_copy)
    assert {p.file.split("/")[-1] for p in problems if p.field == "number"} == {"hit.yaml", "adock-kobe.yaml"}


def test_every_problem_is_reported_at_once(data_copy):
    _edit(data_copy / "cases/hit.yaml", "count: 27,", "count: x,")
    _edit(data_copy / "cases/adock-kobe.yaml", "number: 1\n", "number: 0\n")
    _edit(data_copy / "glossary.yaml", "cases: [adock-kobe]", "cases: [nowhere]")
    files = {p.file.split("/")[-1] for p in _problems(data_copy)}
    assert {"hit.yaml", "adock-kobe.yaml", "glossary.yaml"} <= files


def test_yaml_syntax_error_names_the_line(data_copy):
    line = _edit(data_copy / "cases/hit.yaml", "number: 2\n", "number: [2\n")
    (problem,) = _only(_problems(data_copy), "hit.yaml")
    assert "YAML の書式エラー" in problem.message
    assert problem.line is not None and problem.line >= line


def test_tabs_and_aliases_and_encoding(data_copy):
    path = data_copy / "cases/hit.yaml"
    _edit(path, "number: 2\n", "number:\t2\n")
    (problem,) = _only(_problems(data_copy), "hit.yaml")
    assert "タブ" in problem.message and problem.line == 4
    path.write_bytes("summary: \u3042".encode("shift_jis"))
    (problem,) = _only(_problems(data_copy), "hit.yaml")
    assert "UTF-8" in problem.message


def test_sum_mismatch_needs_a_data_note(data_copy):
    path = data_copy / "cases/hit.yaml"
    _edit(
        path,
        "as_of: 2003/2004, source: 事例2（1）}",
        "as_of: 2003/2004, breakdown: [{label: 東部, value: 10}, {label: 布施, value: 5}], source: 事例2（1）}",
    )
    (problem,) = _only(_problems(data_copy), "hit.yaml")
    assert problem.field == "members[1].breakdown" and "15" in problem.message and "17" in problem.message
    with path.open("a", encoding="utf-8") as handle:
        handle.write(
            "data_notes:\n  - {id: sum, kind: sum_mismatch, text: 報告書のとおり。, refers_to: [members-now], source: 事例2（1）}\n"
        )
    load_dataset(data_copy)  # acknowledged: no error


def test_a_conflict_note_must_point_at_what_it_concerns(data_copy):
    path = data_copy / "cases/hit.yaml"
    with path.open("a", encoding="utf-8") as handle:
        handle.write(
            "data_notes:\n  - {id: clash, kind: inconsistency, text: 二つの節が食い違う。, source: 事例2（1）}\n"
        )
    (problem,) = _only(_problems(data_copy), "hit.yaml")
    assert problem.field == "data_notes[0].refers_to" and "concerns" in problem.message
    _edit(path, "text: 二つの節が食い違う。,", "text: 二つの節が食い違う。, concerns: [summary, timline],")
    (problem,) = _only(_problems(data_copy), "hit.yaml")
    assert problem.field == "data_notes[0].concerns[1]" and "'timeline'" in problem.message
    _edit(path, "concerns: [summary, timline]", "concerns: [summary, timeline]")
    load_dataset(data_copy)  # pointed at the parts it concerns: no error


def test_a_theme_figure_names_a_known_metric(data_copy):
    figure = (
        "    figures:\n      - {id: users, metric: internet-users, label: 利用人口, value: 1, unit: people,"
        " period: 2002-12, source: 3．（6）}\n"
    )
    line = _edit(
        data_copy / "themes.yaml",
        "    origin: report\n    source: 3．（1）\n",
        figure + "    origin: report\n    source: 3．（1）\n",
    )
    (problem,) = _only(_problems(data_copy), "themes.yaml")
    assert problem.field == "themes[0].figures[0].metric" and "internet-users" in problem.message
    assert problem.line == line + 1  # the line of the figure


def test_member_counts_must_be_oldest_first(data_copy):
    _edit(data_copy / "cases/hit.yaml", "as_of: 1996-11, source: 事例2（1）}", "as_of: 2005, source: 事例2（1）}")
    problems = _only(_problems(data_copy), "hit.yaml")
    assert any(p.field == "members[1].as_of" and "古い順" in p.message for p in problems), [str(p) for p in problems]


def test_legal_form_before_founding_is_an_error(data_copy):
    _edit(data_copy / "cases/hit.yaml", "since: 1996-11, source", "since: 1990, source")
    problems = _only(_problems(data_copy), "hit.yaml")
    assert any(p.field == "legal_forms[0].since" and "設立" in p.message for p in problems), [str(p) for p in problems]


def test_merge_keys_and_comment_only_files_are_refused(data_copy):
    line = _edit(data_copy / "cases/hit.yaml", "number: 2\n", "number: 2\n<<: {kind: column}\n") + 1
    (problem,) = _only(_problems(data_copy), "hit.yaml")
    assert problem.line == line and "<<" in problem.message
    (data_copy / "cases/hit.yaml").write_text("# コメントだけ\n", encoding="utf-8")
    (problem,) = _only(_problems(data_copy), "hit.yaml")
    assert "空" in problem.message


def test_scalars_keep_their_yaml_types(tmp_path):
    from macros.data.yaml_source import load_yaml

    path = tmp_path / "types.yaml"
    path.write_text("a: 12\nb: 1.5\nc: true\nd: null\ne: '12'\nf: 2003-11\ng: 2004-01-01\nh: ~\n", encoding="utf-8")
    loaded = load_yaml(path)
    assert loaded.data == {
        "a": 12,
        "b": 1.5,
        "c": True,
        "d": None,
        "e": "12",
        "f": "2003-11",
        "g": "2004-01-01",
        "h": None,
    }
    assert loaded.lines[("g",)] == 7


def test_line_of_falls_back_to_the_nearest_parent(tmp_path):
    from macros.data.yaml_source import load_yaml

    path = tmp_path / "case.yaml"
    path.write_text("id: x\nmembers:\n  - name: a\n    count: 3\n", encoding="utf-8")
    loaded = load_yaml(path, "data/cases/case.yaml")
    assert [loaded.line_of(loc) for loc in [("id",), ("members", 0, "count"), ("members", 5), ()]] == [1, 4, 3, 1]


def test_a_contributors_case_17_and_column_3_validate(data_copy):
    """No cap at 事例16 or コラム2: a new case cites its own number, a new column its own (and so do the others)."""
    hit = data_copy / "cases/hit.yaml"
    hit.write_text(hit.read_text(encoding="utf-8").replace("number: 2\n", "number: 17\n"), encoding="utf-8")
    column = next((data_copy / "columns").glob("*.yaml"))
    text = column.read_text(encoding="utf-8")
    number = re.search(r"^number: (\d+)$", text, re.M).group(1)
    column.write_text(text.replace(f"number: {number}\n", "number: 3\n"), encoding="utf-8")
    for path in data_copy.rglob("*.yaml"):  # every reference to the renumbered case and column
        text = re.sub(r"事例2(?![0-9])", "事例17", path.read_text(encoding="utf-8"))
        path.write_text(re.sub(f"コラム{number}(?![0-9])", "コラム3", text), encoding="utf-8")
    dataset = load_dataset(data_copy)
    assert {c.number for c in dataset.numbered_cases()} >= {17}
    assert dataset.case_by_id["hit"].founded.source == "事例17（1）"
    assert [c.number for c in dataset.columns()] == [3]
