"""Open-data downloads: CSV contract, XLSX, JSON round trip, datapackage, the data page."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
import time
import types
import typing
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook
from pydantic import BaseModel

from macros.data.load import load_dataset
from macros.data.models import Case, Metric, Region, Source, Term, Theme
from macros.export import downloads as exports
from macros.export.cells import cell_text, neutralise
from macros.export.tables import LIST_SEPARATOR, _unwrap, build_tables, table_columns
from macros.export.writers import DATA_VERSION, JSON_NAME, PACKAGE_NAME, XLSX_NAME, json_text

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
MINIMAL = FIXTURES / "minimal"
BEYOND = FIXTURES / "beyond-report"
HOSTILE = '=HYPERLINK("http://example.com/x","クリック")'

# The column names promised to users, in this order, at the start of each file.
CONTRACT = {
    "cases": [
        "case_id",
        "case_no",
        "kind",
        "name_ja",
        "name_en",
        "section",
        "country",
        "prefecture",
        "municipality",
        "founded",
        "latitude",
        "longitude",
    ],
    "legal_forms": ["case_id", "legal_form", "since", "capital_jpy", "source"],
    "member_counts": ["case_id", "as_of", "count", "unit", "breakdown", "source"],
    "metrics": ["case_id", "metric", "value", "unit", "period", "source"],
    "products": ["case_id", "name", "source"],
    "relations": ["case_id", "related_case_id", "relation"],
    "lessons": ["case_id", "theme_id", "lesson_ja"],
    "themes": ["theme_id", "number", "title_ja"],
    "glossary": ["term_id", "term", "reading", "aliases", "definition_ja"],
    "members": ["case_id", "name", "business", "location", "role", "source"],
    "data_notes": ["case_id", "note_id", "kind", "text", "refers_to", "source"],
}


def expected_rows(dataset) -> dict[str, int]:
    cases = dataset.cases
    return {
        "cases": len(cases),
        "legal_forms": sum(len(c.legal_forms) for c in cases),
        "member_counts": sum(1 + len(m.breakdown) for c in cases for m in c.members),
        "metrics": sum(1 + len(f.breakdown) for c in cases for f in c.figures),
        "products": sum(len(c.products) for c in cases),
        "product_partners": sum(len(p.partners) for c in cases for p in c.products),
        "relations": sum(len(c.relations) for c in cases),
        "lessons": sum(len(lesson.themes) for c in cases for lesson in c.lessons),
        "themes": len(dataset.themes),
        "glossary": len(dataset.terms),
        "members": sum(len(c.member_companies) for c in cases),
        "data_notes": sum(len(c.data_notes) for c in cases),
        "support": sum(len(c.support) for c in cases),
        "timeline": sum(len(c.timeline) for c in cases),
        "people": sum(len(c.people) for c in cases),
        "activities": sum(len(c.activities) for c in cases),
        "narrative": sum(len(c.narrative) for c in cases),
        "joint_orders": sum(c.joint_orders is not None for c in cases),
        "bases": sum(len(c.bases) for c in cases),
        "unstated": sum(len(c.unstated) for c in cases),
        "links": sum(len(c.links) for c in cases),
        "metric_definitions": len(dataset.metrics),
        "theme_metrics": sum(1 + len(f.breakdown) for t in dataset.themes for f in t.figures),
        "sources": len(dataset.sources),
        "source_pages": sum(len(s.page_marks) for s in dataset.sources),
        "regions": sum(len(r.prefectures) for r in dataset.regions),
    }


def write_downloads(dataset, folder: Path) -> list[dict]:
    """Write the files as the build publishes them; the data page's info on each, with its path."""
    folder.mkdir(parents=True, exist_ok=True)
    files = exports.render_downloads(dataset).files
    info = exports.download_info(exports.render_downloads(dataset))
    for item in info:
        item["path"] = folder / item["name"]
        item["path"].write_bytes(files[item["name"]])
    return info


@pytest.fixture(scope="module")
def minimal():
    return load_dataset(MINIMAL)


@pytest.fixture(scope="module", params=["minimal", "beyond-report", "real"])
def written(request, tmp_path_factory):
    """(dataset, folder, per-file info) for the fixture data (the report only, and with other sources) and the real data."""
    dataset = load_dataset(ROOT / "data" if request.param == "real" else FIXTURES / request.param)
    folder = tmp_path_factory.mktemp(f"downloads-{request.param}")
    return dataset, folder, write_downloads(dataset, folder)


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM missing"
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))


def with_hostile(dataset, **updates):
    first = dataset.cases[0]
    return dataclasses.replace(dataset, cases=[first.model_copy(update=updates)] + dataset.cases[1:])


# ---------------------------------------------------------------- CSV


def test_every_file_is_written_and_reported(written):
    dataset, folder, info = written
    tables = build_tables(dataset)
    names = [t.filename for t in tables.values()] + [XLSX_NAME, JSON_NAME, PACKAGE_NAME]
    assert [item["name"] for item in info] == names
    for item in info:
        assert item["path"] == folder / item["name"]
        assert item["bytes"] == item["path"].stat().st_size > 0


def test_csv_has_bom_crlf_and_contract_header(written):
    dataset, folder, _ = written
    for table in build_tables(dataset).values():
        data = (folder / table.filename).read_bytes()
        rows = read_csv(data)
        assert rows[0] == table.column_names
        assert data[3:].split(b"\r\n", 1)[0].decode() == ",".join(table.column_names)
        assert data.endswith(b"\r\n")
        assert b"\n" not in data.replace(b"\r\n", b""), "line ends must all be CRLF"
        promised = CONTRACT.get(table.name, [])
        assert rows[0][: len(promised)] == promised, table.name


def test_row_counts_equal_the_data(written):
    dataset, folder, info = written
    counts = {item["name"]: item["rows"] for item in info}
    for name, expected in expected_rows(dataset).items():
        assert len(read_csv((folder / f"{name}.csv").read_bytes())) - 1 == expected, name
        assert counts[f"{name}.csv"] == expected
    assert set(expected_rows(dataset)) == set(build_tables(dataset))


def test_numbers_are_plain(written):
    dataset, folder, _ = written
    for table in build_tables(dataset).values():
        rows = read_csv((folder / table.filename).read_bytes())
        for column in table.columns:
            index = rows[0].index(column.name)
            cells = [r[index] for r in rows[1:] if r[index]]
            if column.type == "integer":
                assert all(re.fullmatch(r"[0-9]+", c) for c in cells), (table.name, column.name, cells)
            elif column.type == "number":  # only longitudes west of Greenwich are negative
                assert all(re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", c) and not c.endswith(".0") for c in cells), (
                    table.name,
                    column.name,
                    cells,
                )
            elif column.type == "boolean":
                assert set(cells) <= {"true", "false"}


def test_rows_are_in_case_order_then_file_order(minimal):
    rows = build_tables(minimal)["cases"].rows
    assert [r["case_id"] for r in rows] == ["adock-kobe", "hit", "leader-conditions"]
    assert [r["case_no"] for r in rows] == [1, 2, None] and rows[2]["column_no"] == 2
    lessons = build_tables(minimal)["lessons"].rows
    keys = [(r["case_id"], r["lesson_no"]) for r in lessons]
    assert keys == sorted(keys, key=lambda k: (["adock-kobe", "hit", "leader-conditions"].index(k[0]), k[1]))


def test_an_added_case_comes_last_with_its_own_number():
    """追加事例1 is numbered apart: never in case_no, where it would read as 事例1."""
    rows = build_tables(load_dataset(BEYOND))["cases"].rows
    assert [r["case_id"] for r in rows] == ["adock-kobe", "hit", "leader-conditions", "example-added-network"]
    assert [(r["kind"], r["case_no"], r["column_no"], r["added_no"]) for r in rows] == [
        ("case", 1, None, None),
        ("case", 2, None, None),
        ("column", None, 2, None),
        ("added", None, None, 1),
    ]


# ------------------------------------------------------- citations


def test_a_citation_is_a_place_and_a_source_id():
    tables = build_tables(load_dataset(BEYOND))
    metrics = {r["figure_id"]: r for r in tables["metrics"].rows if r["case_id"] == "hit" and not r["breakdown"]}
    assert (metrics["commission"]["source"], metrics["commission"]["source_id"]) == ("事例2（2）", "report")
    assert (metrics["sales-2009"]["source"], metrics["sales-2009"]["source_id"]) == (
        "第3章、pp. 46-47",
        "fictional-book-2010",
    )
    cases = {r["case_id"]: r for r in tables["cases"].rows}
    hit, added = cases["hit"], cases["example-added-network"]
    assert (hit["place_source"], hit["place_source_id"]) == ("事例2（1）", "report")
    assert (added["founded_source"], added["founded_source_id"]) == ("#history", "fictional-web-2021")
    assert [hit[k] for k in ("status", "status_label_ja", "status_as_of", "status_source", "status_source_id")] == [
        "reorganised",
        "改組",
        "2010",
        "p. 45",
        "fictional-book-2010",
    ]
    assert hit["status_note"].startswith("架空の書籍によれば")
    assert cases["leader-conditions"]["status"] is None  # a column has no 「その後」
    # every table's source_id points at sources.csv, in the datapackage too
    for table in tables.values():
        for column in table.columns:
            if column.name.endswith("source_id") and table.name not in ("sources", "source_pages"):
                assert (column.name, "sources", "source_id") in table.foreign_keys, (table.name, column.name)


def test_sources_say_what_kind_of_source_and_where_to_find_it():
    rows = {r["source_id"]: r for r in build_tables(load_dataset(BEYOND))["sources"].rows}
    web = rows["fictional-web-2021"]
    assert (web["kind"], web["kind_label_ja"], web["published"], web["accessed"]) == (
        "web",
        "ウェブページ",
        "2021-03",
        "2026-11-30",
    )
    assert web["url"] == "https://example.org/fictional-city/networks" and web["publisher"] == "架空市産業振興課"
    assert rows["report"]["published"] == "2004" and rows["report"]["kind"] == "report"
    assert "year" not in rows["report"]  # replaced by published


def test_a_citation_is_never_written_through_the_plain_column_helper():
    from macros.data.models import Figure
    from macros.export.tables import col

    with pytest.raises(TypeError, match="cite"):
        col("source", Figure, "source")


# -------------------------------------------------- formula injection


def test_formula_like_strings_are_neutralised_in_csv_and_xlsx(minimal):
    first = minimal.cases[0]
    name = first.name.model_copy(update={"en": "+SUM(1,2)", "short": "@cmd"})
    figure = first.figures[0].model_copy(update={"label": "-2+3", "note": "\tタブ"})
    dataset = with_hostile(minimal, summary=HOSTILE, name=name, figures=[figure] + list(first.figures[1:]))
    files = exports.render_downloads(dataset).files

    cases = read_csv(files["cases.csv"])
    row = dict(zip(cases[0], cases[1]))
    assert row["summary_ja"] == "'" + HOSTILE
    assert row["name_en"] == "'+SUM(1,2)" and row["name_short"] == "'@cmd"
    metrics = read_csv(files["metrics.csv"])
    mrow = dict(zip(metrics[0], metrics[1]))
    assert mrow["label_ja"] == "'-2+3" and mrow["note"] == "'\tタブ"
    assert mrow["value"] == "2000"  # numbers stay numbers

    # XLSX: typed string cells, never formulas, holding the exact text (no apostrophe for a reader to see)
    book = load_workbook(io.BytesIO(files[XLSX_NAME]))
    sheet = book["cases"]
    header = [c.value for c in sheet[1]]
    cell = sheet.cell(row=2, column=header.index("summary_ja") + 1)
    assert cell.value == HOSTILE and cell.data_type == "s"
    assert sheet.cell(row=2, column=header.index("name_en") + 1).value == "+SUM(1,2)"
    metrics_sheet = book["metrics"]
    metric_header = [c.value for c in metrics_sheet[1]]
    assert metrics_sheet.cell(row=2, column=metric_header.index("label_ja") + 1).value == "-2+3"
    assert not any(c.data_type == "f" for ws in book for r in ws.iter_rows() for c in r)
    assert not any(
        isinstance(c.value, str) and c.value.startswith("'") for ws in book for r in ws.iter_rows() for c in r
    )

    data = json.loads(files[JSON_NAME])  # the JSON keeps the exact value
    assert data["cases"][0]["summary"] == HOSTILE


def test_neutralise_only_touches_formula_starts():
    assert neutralise("=1") == "'=1" and neutralise("\rx") == "'\rx"
    assert neutralise("アドック神戸") == "アドック神戸" and neutralise("2003/2004") == "2003/2004"
    assert cell_text(2000.0) == "2000" and cell_text(0.5) == "0.5" and cell_text(True) == "true"
    assert cell_text(None) == ""


# --------------------------------------------------------------- XLSX


def _xlsx_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return cell_text(value)


def test_xlsx_equals_the_csvs_and_explains_every_column(written):
    dataset, folder, _ = written
    tables = build_tables(dataset)
    book = load_workbook(folder / XLSX_NAME)
    assert book.sheetnames == ["説明"] + list(tables)
    for table in tables.values():
        sheet_rows = [[_xlsx_text(v) for v in row] for row in book[table.name].iter_rows(values_only=True)]
        assert sheet_rows == read_csv((folder / table.filename).read_bytes()), table.name
        for column in table.columns:  # typed cells
            for row in book[table.name].iter_rows(min_row=2, values_only=True):
                value = row[table.column_names.index(column.name)]
                if value is not None and column.type in ("integer", "number"):
                    assert isinstance(value, (int, float)) and not isinstance(value, bool)
    explained = {(r[0], r[1]) for r in book["説明"].iter_rows(values_only=True)}
    for table in tables.values():
        assert (table.name, table.filename) in explained
        for column in table.columns:
            assert (table.name, column.name) in explained


# --------------------------------------------------------------- JSON


def test_json_round_trip_equals_the_yaml_models(written):
    dataset, folder, _ = written
    data = json.loads((folder / JSON_NAME).read_text(encoding="utf-8"))
    assert [Case.model_validate(c) for c in data["cases"]] == dataset.cases
    assert [Theme.model_validate(t) for t in data["themes"]] == dataset.themes
    assert [Term.model_validate(t) for t in data["terms"]] == dataset.terms
    assert [Metric.model_validate(m) for m in data["metrics"]] == dataset.metrics
    assert [Source.model_validate(s) for s in data["sources"]] == dataset.sources
    assert [Region.model_validate(r) for r in data["regions"]] == dataset.regions
    assert data["about"]["license"] == "CC-BY-4.0"


def test_json_is_indented_utf8_readable_in_an_editor(written):
    """The JSON files are indented, keep Japanese as it is (no \\u escapes) and end with a newline."""
    _, folder, _ = written
    for name in (JSON_NAME, PACKAGE_NAME):
        text = (folder / name).read_text(encoding="utf-8")
        assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"
    awkward = {"改行\nと\u2028": ["\x1f", '"', "\\", "</script>"], "数": [0.1, 3.0, 2**63, 1e-05], "真偽": [True, None]}
    assert json.loads(json_text(awkward)) == awkward


# ------------------------------------------------ every field in a CSV


def _scalar_fields(model, seen=None) -> set[tuple[type, str]]:
    seen = seen if seen is not None else set()
    if model in seen:
        return set()
    seen.add(model)
    out = set()
    for name, info in model.model_fields.items():
        inner, _ = _unwrap(info.annotation)
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            out |= _scalar_fields(inner, seen)
        else:
            out.add((model, name))
        for form in typing.get_args(inner) if typing.get_origin(inner) in (typing.Union, types.UnionType) else ():
            form, _ = _unwrap(form)  # each form of a citation: {id, at} must land in columns too
            if isinstance(form, type) and issubclass(form, BaseModel):
                out |= _scalar_fields(form, seen)
    return out


def test_every_scalar_field_of_the_schema_has_a_column():
    wanted = set().union(*(_scalar_fields(m) for m in (Case, Theme, Term, Metric, Source, Region)))
    carried = {f for columns in table_columns().values() for c in columns for f in c.fields}
    missing = sorted(f"{m.__name__}.{n}" for m, n in wanted - carried)
    assert not missing, f"fields in no CSV column: {missing}"
    for columns in table_columns().values():
        for column in columns:
            assert column.description_ja, column.name


def _leaves(value):
    if isinstance(value, dict):
        for v in value.values():
            yield from _leaves(v)
    elif isinstance(value, list):
        for v in value:
            yield from _leaves(v)
    elif value is not None:
        yield value


def _cells(rows: list[list[str]]) -> set[str]:
    out = set()
    for row in rows[1:]:
        for cell in row:
            out.add(cell)
            out.update(cell.split(LIST_SEPARATOR))
    return out


def test_every_value_of_the_data_appears_in_the_csvs(written):
    """Value by value: each case's data is found in that case's rows."""
    dataset, folder, _ = written
    by_case: dict[str, set[str]] = {}
    everything: set[str] = set()
    for table in build_tables(dataset).values():
        rows = read_csv((folder / table.filename).read_bytes())
        everything |= _cells(rows)
        if "case_id" in rows[0]:
            index = rows[0].index("case_id")
            for row in rows[1:]:
                by_case.setdefault(row[index], set()).update(_cells([[], row]))
    for case in dataset.cases:
        for leaf in _leaves(case.model_dump(mode="json")):
            assert cell_text(leaf) in by_case[case.id], (case.id, leaf)
    for item in dataset.themes + dataset.terms + dataset.metrics + dataset.sources:
        for leaf in _leaves(item.model_dump(mode="json")):
            assert cell_text(leaf) in everything, (item.id, leaf)


def test_column_descriptions_come_from_the_schema():
    from macros.data.models import LegalForm, MemberCount

    columns = {c.name: c for c in table_columns()["legal_forms"]}
    assert columns["capital_jpy"].description_ja == LegalForm.model_fields["capital_jpy"].description
    assert columns["legal_form"].enum == typing.get_args(LegalForm.model_fields["form"].annotation)
    counts = {c.name: c for c in table_columns()["member_counts"]}
    assert counts["as_of"].description_ja == MemberCount.model_fields["as_of"].description
    assert counts["as_of"].type == "period"


# -------------------------------------------------------- datapackage


def test_frictionless_validates_the_package(written):
    from frictionless import validate

    dataset, folder, _ = written
    report = validate(folder / PACKAGE_NAME)
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "message"])[:10]
    package = json.loads((folder / PACKAGE_NAME).read_text(encoding="utf-8"))
    assert package["profile"] == "tabular-data-package"
    assert package["licenses"][0]["name"] == "CC-BY-4.0" and package["version"] == DATA_VERSION
    tables = build_tables(dataset)
    assert [r["path"] for r in package["resources"]] == [t.filename for t in tables.values()]
    for resource, table in zip(package["resources"], tables.values()):
        assert [f["name"] for f in resource["schema"]["fields"]] == table.column_names
        assert all(f["description"] for f in resource["schema"]["fields"])


def test_frictionless_catches_a_broken_reference(tmp_path, minimal):
    from frictionless import validate

    dataset = with_hostile(minimal, relations=[minimal.cases[0].relations[0].model_copy(update={"target": "nowhere"})])
    write_downloads(dataset, tmp_path)
    assert not validate(tmp_path / PACKAGE_NAME).valid


def test_frictionless_catches_a_citation_of_an_unknown_source(tmp_path, minimal):
    from frictionless import validate

    from macros.data.models import SourceCite

    figure = minimal.cases[0].figures[0].model_copy(update={"source": SourceCite(id="nowhere", at="p. 1")})
    write_downloads(with_hostile(minimal, figures=[figure]), tmp_path)
    report = validate(tmp_path / PACKAGE_NAME)
    assert not report.valid
    assert {e["type"] for task in report.to_dict()["tasks"] for e in task["errors"]} == {"foreign-key"}


# -------------------------------------------------------- determinism


def test_two_writes_are_byte_identical(tmp_path, monkeypatch):
    first = write_downloads(load_dataset(MINIMAL), tmp_path / "a")
    later = time.time() + 400 * 86400  # a different clock must not change a byte
    monkeypatch.setattr(time, "time", lambda: later)
    second = write_downloads(load_dataset(MINIMAL), tmp_path / "b")
    for a, b in zip(first, second, strict=True):
        assert a["path"].read_bytes() == b["path"].read_bytes(), a["name"]


# --------------------------------------------------------------- page


def test_page_lists_files_with_sizes_rows_and_columns(written):
    dataset, _, info = written
    page = exports.downloads_page(dataset, exports.render_downloads(dataset), "data/", "https://example.org/sme/").html
    for item in info:
        assert f'href="../downloads/{item["name"]}"' in page
        assert f'title="{item["bytes"]} バイト"' in page
    for table in build_tables(dataset).values():
        assert f'id="table-{table.name}"' in page
        for column in table.columns:
            assert f"<code>{column.name}</code>" in page
    assert "CC BY 4.0" in page and "' を付けています" in page.replace("&#39;", "'")
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.DOTALL).group(1))
    assert ld["@type"] == "Dataset" and ld["license"].startswith("https://creativecommons.org/licenses/by/4.0")
    assert ld["url"] == "https://example.org/sme/data/"
    assert {d["contentUrl"].rsplit("/", 1)[1] for d in ld["distribution"]} == {i["name"] for i in info}


def test_json_ld_cannot_be_closed_by_the_data(minimal):
    evil = "</script><script>alert(1)</script><!--&"
    metrics = [minimal.metrics[0].model_copy(update={"label": evil})] + minimal.metrics[1:]
    dataset = dataclasses.replace(minimal, metrics=metrics)
    page = exports.downloads_page(dataset, exports.render_downloads(dataset), "data/").html
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.DOTALL).group(1)
    assert "<" not in script and ">" not in script and "&" not in script
    assert evil in json.loads(script)["variableMeasured"]
    assert "<script>alert(1)" not in page


# ------------------------------------------------------------ version


def test_version_is_the_same_everywhere():
    version = DATA_VERSION
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["version"] == version and citation["license"] == "CC-BY-4.0"
    assert f"データ版 {version}" in (ROOT / "LICENSE-DATA.md").read_text(encoding="utf-8")
    assert f"**{version}**" in (ROOT / "docs" / "data.md").read_text(encoding="utf-8")  # changelog entry
