"""`python -m macros scaffold`: the skeleton of a new case, column or added case (macros/scaffold.py)."""

from __future__ import annotations

import json
import re
import shutil
import typing
from pathlib import Path

import pytest
import yaml

from macros import cli, scaffold
from macros.data import placeholders
from macros.data.load import DataInvalid, load_dataset
from macros.data.models import Case
from macros.data.yaml_source import load_yaml
from tests.conftest import FIXTURES


def _model_paths(model, prefix: str = "") -> set[str]:
    """Every field path of a model, with [0] for list items ("members[0].breakdown[0].value")."""
    paths = set()
    for name, info in model.model_fields.items():
        path = f"{prefix}.{name}" if prefix else name
        paths.add(path)
        inner, _ = scaffold._strip_optional(info.annotation)
        inner = scaffold._unannotate(inner)
        if typing.get_origin(inner) is list:
            item = scaffold._unannotate(scaffold._strip_optional(typing.get_args(inner)[0])[0])
            if scaffold._is_model(item):
                paths |= _model_paths(item, f"{path}[0]")
        elif scaffold._is_model(inner):
            paths |= _model_paths(inner, path)
    return paths


def _data_paths(data, prefix: str = "") -> set[str]:
    paths = set()
    if isinstance(data, dict):
        for key, value in data.items():
            path = f"{prefix}.{key}" if prefix else key
            paths.add(path)
            paths |= _data_paths(value, path)
    elif isinstance(data, list) and data and isinstance(data[0], dict):
        paths |= _data_paths(data[0], f"{prefix}[0]")
    return paths


def test_scaffold_has_every_field_of_the_model_with_a_comment():
    text = scaffold.scaffold_text("new-network", 17, "base_group")
    data = yaml.safe_load(text)
    assert _data_paths(data) == _model_paths(Case)
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if re.match(r"^\s*(- )?[a-z_]+:", line):  # every key has a Japanese comment right above it
            block = []
            while lines[index - 1 - len(block)].lstrip().startswith("# "):
                block.append(lines[index - 1 - len(block)])
            block = [b for b in block if scaffold.ITEM_NOTE not in b]
            assert block, line
            assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", " ".join(block)), line


def test_scaffold_refuses_to_overwrite(data_copy):
    path = scaffold.scaffold_case(data_copy, "new-network", 17, "base_group")
    before = path.read_bytes()
    with pytest.raises(FileExistsError):
        scaffold.scaffold_case(data_copy, "new-network", 17, "base_group")
    assert (
        cli.main(["scaffold", "new-network", "--number", "17", "--section", "base_group", "--data", str(data_copy)])
        == 1
    )
    assert cli.main(["scaffold", "hit", "--number", "2", "--section", "base_group", "--data", str(data_copy)]) == 1
    assert path.read_bytes() == before
    with pytest.raises(ValueError):
        scaffold.scaffold_text("Bad_ID", 17, "base_group")


# Values a contributor would type, by field path (indices as [0]) or by the last key.
_FILL_BY_PATH = {
    "place.country": "JP",
    "place.coordinates.lat": 34.0,
    "place.coordinates.lon": 135.0,
    "place.coordinates.precision": "municipality",
    "bases[0].kind": "中小企業家同友会",
    "legal_forms[0].form": "任意団体",
    "members[0].id": "members-now",
    "members[0].unit": "companies",
    "members[0].count": 10,
    "members[0].breakdown[0].value": 10,
    "figures[0].id": "fee-monthly",
    "figures[0].metric": "membership-fee",
    "figures[0].unit": "JPY/month",
    "figures[0].value": 2000,
    "figures[0].value_max": 3000,
    "figures[0].breakdown[0].value": 2000,
    "support[0].kind": "subsidy",
    "support[0].amount_basis": "total",
    "joint_orders.mechanism": "lead_company",
    "products[0].kind": "joint_order",
    "relations[0].type": "compared_with",
    "relations[0].target": "hit",
    "lessons[0].themes[0]": "regional-crisis",
    "data_notes[0].id": "note-fee",
    "data_notes[0].kind": "editorial",
    "data_notes[0].refers_to[0]": "fee-monthly",
    "data_notes[0].concerns[0]": "summary",
    "links[0].url": "https://example.org/",
    "sources[0]": "report",
    "status.state": "unknown",
    "section": "no_base_network",  # an added case's section is left to fill in
}
_FILL_BY_KEY = {
    "source": "事例1（2）",
    "prefecture": "兵庫県",
    "date": "1999-04",
    "since": "1999",
    "as_of": "2003/2004",
    "period": "FY2002",
    "capital_jpy": 5000000,
    "amount_jpy": 1000000,
    "duration_years": 3,
}


def _fill(loc: tuple, at: str | None = None):
    path = re.sub(r"\.\[", "[", ".".join(f"[{p}]" if isinstance(p, int) else p for p in loc))
    if path in _FILL_BY_PATH:
        return _FILL_BY_PATH[path]
    key = next(p for p in reversed(loc) if isinstance(p, str))
    if key == "at":  # the place in the source of {id: …, at: TODO}
        return at
    return _FILL_BY_KEY.get(key, "テスト用に編集部が書いた文")


def _fill_placeholders(path: Path, at: str | None = None) -> None:
    """Replace every TODO in the file, on its own line, as a contributor would (at: a place in the cited source)."""
    source = load_yaml(path)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    for loc in placeholders._placeholders(source.data):
        number = source.lines[loc] - 1
        value = _fill(loc, at)
        text = json.dumps(value, ensure_ascii=False) if isinstance(value, str) else str(value)
        assert "TODO" in lines[number], (loc, lines[number])
        lines[number] = lines[number].replace("TODO", text, 1)
    path.write_text("".join(lines), encoding="utf-8")


def test_unfilled_scaffold_fails_with_the_placeholder_fields_named(data_copy, capsys):
    assert (
        cli.main(["scaffold", "new-network", "--number", "17", "--section", "base_group", "--data", str(data_copy)])
        == 0
    )
    path = data_copy / "cases" / "new-network.yaml"
    assert path.read_text(encoding="utf-8").count("TODO") > 50
    with pytest.raises(DataInvalid) as info:
        load_dataset(data_copy)
    fields = {p.field for p in info.value.problems if p.file.endswith("cases/new-network.yaml")}
    # constrained fields fail the schema itself
    assert {
        "place.source",
        "members[0].count",
        "members[0].unit",
        "founded.date",
        "figures[0].metric",
        "lessons[0].themes[0]",
        "sources[0]",
    } <= fields
    capsys.readouterr()
    assert cli.main(["validate", "--data", str(data_copy)]) == 1
    err = capsys.readouterr().err
    # free-text fields are caught as placeholders, each with its line
    for field in ("name.ja", "summary", "narrative[0].text", "lessons[0].text", "unstated[0]"):
        assert re.search(rf"cases/new-network\.yaml:\d+: {re.escape(field)}: 未記入です", err), field
    assert "members[0].count: 整数が必要です（書かれている値: 'TODO'）" in err


def test_filled_scaffold_validates(data_copy, capsys):
    path = scaffold.scaffold_case(data_copy, "new-network", 17, "base_group")
    _fill_placeholders(path)
    assert "TODO" not in yaml.safe_dump(yaml.safe_load(path.read_text(encoding="utf-8")), allow_unicode=True)
    dataset = load_dataset(data_copy)
    case = dataset.case_by_id["new-network"]
    assert case.number == 17 and case.section == "base_group"
    assert case.figures[0].metric == "membership-fee" and case.lessons[0].themes == ["regional-crisis"]
    capsys.readouterr()
    assert cli.main(["validate", "--data", str(data_copy)]) == 0, capsys.readouterr().err


@pytest.fixture
def beyond_copy(tmp_path) -> Path:
    """A writable copy of the fixture with a web page, a book and an added case (追加事例1)."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURES / "beyond-report", target)
    return target


@pytest.mark.parametrize(("source_id", "at"), [("fictional-book-2010", "p. 12"), ("fictional-web-2021", "#members")])
def test_scaffold_from_a_source_once_filled_validates(beyond_copy, capsys, source_id, at):
    from macros.data.models import CITE, values_of_kind

    path = scaffold.scaffold_case(beyond_copy, "new-network", None, None, source_id=source_id)
    assert path == beyond_copy / "cases" / "new-network.yaml"
    with pytest.raises(DataInvalid) as info:  # unfilled: every place in the source is still TODO
        load_dataset(beyond_copy)
    fields = {p.field for p in info.value.problems if p.file.endswith("cases/new-network.yaml")}
    assert {"place.source.at", "status.source.at", "members[0].source.at", "section"} <= fields
    _fill_placeholders(path, at)
    dataset = load_dataset(beyond_copy)
    case = dataset.case_by_id["new-network"]
    assert (case.kind, case.number, case.sources) == ("added", 2, [source_id])  # 追加事例2: after 追加事例1
    assert case.status.state == "unknown"
    citations = [citation for _, citation in values_of_kind(case, CITE)]
    assert len(citations) > 15
    assert all((c.id, c.at) == (source_id, at) for c in citations), citations
    capsys.readouterr()
    assert cli.main(["validate", "--data", str(beyond_copy)]) == 0, capsys.readouterr().err


def test_scaffold_from_a_source_has_every_field_and_speaks_of_that_source(beyond_copy):
    from macros.data.load import load_sources

    source = next(s for s in load_sources(beyond_copy) if s.id == "fictional-web-2021")
    text = scaffold.scaffold_text("new-network", 2, None, "added", source)
    data = yaml.safe_load(text)
    citation_keys = {path for path in _data_paths(data) if re.search(r"(^|\.)source\.(id|at)$", path)}
    assert _data_paths(data) - citation_keys == _model_paths(Case)
    assert (data["kind"], data["number"], data["sources"], data["section"]) == (
        "added",
        2,
        ["fictional-web-2021"],
        "TODO",
    )
    assert data["status"]["source"] == {"id": "fictional-web-2021", "at": "TODO"}
    assert "source: TODO" not in text  # every citation is a place in this source
    assert text.count("source: {id: fictional-web-2021, at: TODO}") == text.count("source:")
    header = text.split("\nid:", 1)[0]
    assert header.startswith("# 追加事例2：TODO（名称）— 出典：")
    assert "出典 fictional-web-2021 にもとづく値" in header and "報告書にもとづく" not in header
    assert "報告書から" not in header and "2003〜2004年時点" not in header
    assert "事例17 のように報告書の事例に続けません" in header
    assert "#のあとに英数字" in header and "p. 12" not in header  # the places a web page has, not pages
    assert "この出典の発行（2021年3月）より後にできません" in header
    # the scaffold of a case of the report is as it was: places in the report, from the report
    report_text = scaffold.scaffold_text("new-network", 17, "base_group")
    assert "source: {id:" not in report_text and "source: TODO" in report_text
    assert "TODO をすべて報告書にもとづく値に置き換えてください" in report_text


def test_added_cases_are_numbered_after_the_last_one_unless_a_number_is_given(beyond_copy):
    first = scaffold.scaffold_case(beyond_copy, "second-network", None, None, source_id="fictional-web-2021")
    second = scaffold.scaffold_case(beyond_copy, "third-network", None, "composite", source_id="fictional-book-2010")
    chosen = scaffold.scaffold_case(beyond_copy, "chosen-network", 9, None, source_id="fictional-book-2010")
    numbers = [yaml.safe_load(p.read_text(encoding="utf-8"))["number"] for p in (first, second, chosen)]
    assert numbers == [2, 3, 9]
    assert yaml.safe_load(second.read_text(encoding="utf-8"))["section"] == "composite"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--kind", "added", "--number", "2"], "追加事例（kind: added）には出典が必要です。"),
        (
            ["--source", "fictional-book-2001"],
            "出典ID 'fictional-book-2001' は data/sources.yaml にありません"
            "（ある出典ID: fictional-book-2010、fictional-web-2021、report）",
        ),
        (["--source", "report"], "報告書（report）の事例は --source なしで作ります"),
        (
            ["--source", "fictional-book-2010", "--kind", "column", "--number", "3"],
            "--kind case・column とは一緒に使えません",
        ),
        (["--kind", "column"], "コラムには --number"),
    ],
)
def test_scaffold_refuses_an_added_case_without_a_known_source(beyond_copy, capsys, arguments, message):
    before = sorted(p.name for p in (beyond_copy / "cases").iterdir())
    assert cli.main(["scaffold", "new-network", *arguments, "--data", str(beyond_copy)]) == 1
    assert message in capsys.readouterr().err
    assert sorted(p.name for p in (beyond_copy / "cases").iterdir()) == before
    assert not (beyond_copy / "columns" / "new-network.yaml").exists()


def test_scaffold_from_a_source_reports_a_broken_sources_file(beyond_copy, capsys):
    (beyond_copy / "sources.yaml").write_text("sources: 3\n", encoding="utf-8")
    assert cli.main(["scaffold", "new-network", "--source", "fictional-book-2010", "--data", str(beyond_copy)]) == 1
    assert "sources.yaml:1: sources: リスト" in capsys.readouterr().err


def test_scaffolded_column_is_written_to_columns(data_copy):
    path = scaffold.scaffold_case(data_copy, "new-column", 3, None, kind="column")
    assert path == data_copy / "columns" / "new-column.yaml"
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["section"] is None
