"""A corpus of bad inputs: each is refused with file, line, field and a plain message."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from macros.data.load import DataInvalid, load_dataset
from macros.data.models import CITATION_TAGS
from macros.data.periods import MAX_YEAR

CORPUS = Path(__file__).resolve().parents[1] / "bad_inputs"
FIXTURES = CORPUS.parent / "fixtures"
EXPECTED = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))


def _problems_for(data_copy: Path, content: bytes, install: str = "cases/hit.yaml") -> list:
    (data_copy / install).write_bytes(content)
    with pytest.raises(DataInvalid) as info:  # any other exception would be a crash
        load_dataset(data_copy)
    return [p for p in info.value.problems if p.file == f"data/{install}"]


def install(data_copy: Path, name: str) -> str:
    """Put a corpus file where its expectation says, as a file, a link or a folder; return that path in data/.

    data_copy is a copy of the expectation's fixture (data_for); the default, minimal, is the data_copy fixture.
    """
    expected = EXPECTED[name]
    where = expected.get("install", "cases/hit.yaml")
    target = data_copy / where
    kind = expected.get("as", "file")
    if kind == "symlink":  # pointing outside data/, at the corpus file itself
        target.symlink_to(CORPUS / name)
    elif kind == "folder":
        target.mkdir()
        shutil.copy(CORPUS / name, target / "hit.yaml")
    else:
        target.write_bytes((CORPUS / name).read_bytes())
    return where


def data_for(tmp_path: Path, name: str) -> Path:
    """A writable copy of the fixture data set a corpus file is meant for (minimal unless it says `fixture`)."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURES / EXPECTED[name].get("fixture", "minimal"), target)
    return target


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_input_is_refused_clearly(tmp_path, name):
    expected = EXPECTED[name]
    data_copy = data_for(tmp_path, name)
    where = install(data_copy, name)
    if expected.get("ignored"):  # not data: the data set loads as if the file were not there
        assert [c.id for c in load_dataset(data_copy).cases] == ["adock-kobe", "hit", "leader-conditions"]
        return
    with pytest.raises(DataInvalid) as info:  # any other exception would be a crash
        load_dataset(data_copy)
    problems = [p for p in info.value.problems if p.file == f"data/{where}"]
    matching = [p for p in problems if p.field == expected["field"]]
    assert matching, [str(p) for p in info.value.problems]
    problem = matching[0]
    assert problem.line == expected["line"], str(problem)
    assert expected["message"] in problem.message, str(problem)
    assert all(name in problem.message for name in expected.get("names", [])), str(problem)
    assert str(problem).startswith(f"data/{where}")
    assert str(problem).isprintable(), str(problem)  # nothing a terminal would act on
    # a citation's form is pydantic's tag, never a key to look for: members[2].source.at, not ….source-place.at
    assert not [p.field for p in info.value.problems if any(tag in p.field for tag in CITATION_TAGS)]


def test_every_corpus_file_has_an_expectation():
    files = {p.name for p in CORPUS.glob("*.yaml")} - {"expected.yaml"}
    assert files == set(EXPECTED)


def test_very_large_file_is_refused(data_copy):
    big = (CORPUS.parent / "fixtures" / "minimal" / "cases" / "hit.yaml").read_bytes()
    big += b"# " + b"x" * 700_000 + b"\n"
    (problem,) = _problems_for(data_copy, big)
    assert "大きすぎます" in problem.message


def test_cli_reports_without_a_traceback(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(CORPUS.parent / "fixtures" / "minimal", data)
    names = ["alias-bomb.yaml", "not-utf8.yaml", "yaml-syntax.yaml", "deep-nesting.yaml", "huge-integer.yaml"]
    names += ["tag-on-list.yaml", "control-byte.yaml", "control-escaped.yaml", "inf-breakdown.yaml"]
    for name in names:
        shutil.copy(CORPUS / name, data / "cases" / name.replace(".yaml", "-x.yaml"))
    (data / "cases" / "linked.yaml").symlink_to(CORPUS / "symlink-outside.yaml")
    (data / "cases" / "folder.yaml").mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "macros", "validate", "--data", str(data)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    for name in names:
        assert f"cases/{name.replace('.yaml', '-x.yaml')}:" in result.stderr, name
    assert "cases/linked.yaml" in result.stderr and "cases/folder.yaml" in result.stderr
    assert all(line.isprintable() for line in result.stderr.splitlines())  # no escape reaches the terminal


def test_duplicate_id_in_two_files_names_both(data_copy):
    shutil.copy(data_copy / "cases" / "hit.yaml", data_copy / "cases" / "hit-copy.yaml")
    with pytest.raises(DataInvalid) as info:
        load_dataset(data_copy)
    duplicate = [p for p in info.value.problems if "重複" in p.message and p.field == "id"]
    assert len(duplicate) == 1
    assert {"hit-copy.yaml", "hit.yaml"} <= {
        duplicate[0].file.split("/")[-1],
        duplicate[0].message.split("data/cases/")[-1].split(" ")[0],
    }


def test_a_date_after_today_is_refused_even_when_the_source_is_this_years(data_copy):
    """With a source published this year, only today stops a date: tomorrow is refused, today is not."""
    import datetime

    today = datetime.date.today()
    tomorrow = today + datetime.timedelta(days=1)
    if tomorrow.year > MAX_YEAR:  # pragma: no cover - the year range check would answer first
        pytest.skip(f"after {MAX_YEAR} the year range of periods.py refuses the date first")
    sources = data_copy / "sources.yaml"
    text = sources.read_text(encoding="utf-8")
    assert 'published: "2004"' in text
    sources.write_text(text.replace('published: "2004"', f'published: "{today.year}"'), encoding="utf-8")
    hit = data_copy / "cases" / "hit.yaml"
    fixture = hit.read_text(encoding="utf-8")
    line = fixture.count("\n") + 2  # the event below the key
    today_event = f"timeline:\n  - {{date: {today.isoformat()}, event: 今日の出来事。, source: 事例2（1）}}\n"
    hit.write_text(fixture + today_event, encoding="utf-8")
    load_dataset(data_copy)  # today itself is not after today
    tomorrow_event = f"timeline:\n  - {{date: {tomorrow.isoformat()}, event: 明日の出来事。, source: 事例2（1）}}\n"
    hit.write_text(fixture + tomorrow_event, encoding="utf-8")
    (problem,) = _problems_for(data_copy, hit.read_bytes())
    assert problem.field == "timeline[0].date" and problem.line == line
    assert f"今日（{today.isoformat()}）より後" in problem.message


@pytest.mark.parametrize("field", ["published", "accessed"])
def test_a_source_cannot_be_published_or_read_after_today(data_copy, field):
    import datetime

    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    if tomorrow.year > MAX_YEAR:  # pragma: no cover - the year range check would answer first
        pytest.skip(f"after {MAX_YEAR} the year range of periods.py refuses the date first")
    sources = data_copy / "sources.yaml"
    text = sources.read_text(encoding="utf-8")
    if field == "published":
        text = text.replace('published: "2004"', f'published: "{tomorrow.isoformat()}"')
    else:
        text = text.replace('published: "2004"', f'published: "2004"\n    accessed: {tomorrow.isoformat()}')
    sources.write_text(text, encoding="utf-8")
    with pytest.raises(DataInvalid) as info:
        load_dataset(data_copy)
    (problem,) = [p for p in info.value.problems if p.file == "data/sources.yaml"]
    assert problem.field == f"sources[0].{field}" and problem.line == (4 if field == "published" else 5)
    assert f"{tomorrow.isoformat()} は今日（" in problem.message


def test_a_later_source_lets_a_case_cite_later_facts(data_copy):
    """The way the date message names: a later source in sources.yaml, in the case's sources, cited on the fact."""
    sources = data_copy / "sources.yaml"
    sources.write_text(
        sources.read_text(encoding="utf-8")
        + '  - {id: follow-up, kind: book, title: 追跡調査, author: 調査 花子, published: "2010", quoting: 引用しない。}\n',
        encoding="utf-8",
    )
    hit = data_copy / "cases" / "hit.yaml"
    text = (
        hit.read_text(encoding="utf-8")
        + "timeline:\n  - {date: 2008-04, event: 会員が30社になる。, source: 事例2（1）}\n"
    )

    def problems(text: str) -> list[str]:
        hit.write_text(text, encoding="utf-8")
        try:
            load_dataset(data_copy)
        except DataInvalid as exc:
            return [f"{p.field}: {p.message}" for p in exc.problems]
        return []

    # the later source only in the case's sources: the fact still cites the 2004 report
    listed = text.replace("sources: [report]", "sources: [report, follow-up]")
    (problem,) = problems(listed)
    assert problem.startswith("timeline[0].date: 2008年4月（2008-04）は出典 report の発行（2004年）より後")
    # the fact cites the later source, which the case does not list
    cited = text.replace("30社になる。, source: 事例2（1）}", "30社になる。, source: {id: follow-up, at: p. 3}}")
    assert problems(cited) == [
        "timeline[0].source: 出典ID 'follow-up' はこの事例の sources にありません（sources: report）。sources に加えてください"
    ]
    # both: the way the message names
    assert problems(cited.replace("sources: [report]", "sources: [report, follow-up]")) == []
    assert load_dataset(data_copy).case_by_id["hit"].timeline[0].date == "2008-04"


def test_a_web_page_without_a_publication_date_dates_its_facts_by_the_day_it_was_read(tmp_path):
    shutil.copytree(FIXTURES / "beyond-report", tmp_path / "data")
    sources = tmp_path / "data" / "sources.yaml"
    sources.write_text(sources.read_text(encoding="utf-8").replace("    published: 2021-03\n", ""), encoding="utf-8")
    added = tmp_path / "data" / "cases" / "example-added-network.yaml"
    text = added.read_text(encoding="utf-8")
    assert "period: FY2020," in text
    load_dataset(tmp_path / "data")  # FY2020 began before 2026-11-30, the day the page was read
    added.write_text(text.replace("period: FY2020,", "period: 2026-12,"), encoding="utf-8")
    with pytest.raises(DataInvalid) as info:
        load_dataset(tmp_path / "data")
    (problem,) = [p for p in info.value.problems if p.file.endswith("example-added-network.yaml")]
    assert problem.field == "figures[0].period" and problem.line == 22
    assert "出典 fictional-web-2021 を確かめた日（2026-11-30）より後の時点です" in problem.message


def test_nesting_is_read_without_recursion():
    """A file of nothing but brackets, as deep as the size limit allows, is refused at its line."""
    import tempfile

    from macros.data.yaml_source import MAX_BYTES, DataFileError, load_yaml

    depth = MAX_BYTES // 2 - 10
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "deep.yaml"
        path.write_text("\n" + "[" * depth + "]" * depth + "\n", encoding="utf-8")
        with pytest.raises(DataFileError) as info:
            load_yaml(path)
    assert info.value.problem.line == 2 and "入れ子が深すぎます" in info.value.problem.message


@pytest.mark.parametrize("name", ["sources", "themes", "metrics"])
def test_a_list_file_that_does_not_parse_is_reported_once(data_copy, name):
    """Not again at every citation, theme or metric that names an id of it (a sources.yaml error is one line)."""
    (data_copy / f"{name}.yaml").write_text(f"{name}: 3\n", encoding="utf-8")
    with pytest.raises(DataInvalid) as info:
        load_dataset(data_copy)
    assert [str(p) for p in info.value.problems] == [
        f"data/{name}.yaml:1: {name}: リスト（- で始まる行）が必要です（書かれている値: 3）"
    ]
