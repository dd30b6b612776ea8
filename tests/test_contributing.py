"""Contributing by pull request: CI workflow, scaffold, GitHub annotations, edit links, data history."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
import typing
from pathlib import Path

import pytest
import yaml

from macros import cli, scaffold
from macros.data import placeholders
from macros.data.load import DataInvalid, load_dataset
from macros.data.models import Case
from macros.data.yaml_source import Problem, load_yaml
from macros.history.commits import Commit
from macros.site import changelog, edit_links
from tests.conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"


# ------------------------------------------------------------------ workflow


def _workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def _steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_workflow_runs_on_push_and_pull_request():
    workflow = _workflow()
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "push" in triggers and "pull_request" in triggers


def test_workflow_names_every_step():
    workflow = _workflow()
    build = workflow["jobs"]["build"]["steps"]
    runs = "\n".join(step.get("run", "") for step in _steps(workflow))
    uses = [step.get("uses", "") for step in _steps(workflow)]
    checkout = next(step for step in build if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # page dates come from the whole history
    setup = next(step for step in build if step.get("uses", "").startswith("actions/setup-python@"))
    assert str(setup["with"]["python-version"]) == "3.11"
    assert "pip install -r requirements-dev.lock" in runs
    assert "ruff check . && ruff format --check ." in runs
    assert "python -m macros validate --format github" in runs
    assert "python -m macros schema --check" in runs
    assert re.search(r"pytest --ignore=tests/browser", runs)
    assert re.search(r"pytest tests/browser", runs)
    assert "apt-get install -y chromium" in runs
    assert "mkdocs build --strict" in runs
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    # the order of the build job: validate before tests before the build before the upload
    order = [step.get("run", step.get("uses", "")) for step in build]
    positions = [
        next(i for i, s in enumerate(order) if needle in s)
        for needle in ("macros validate", "schema --check", "pytest", "mkdocs build", "upload-pages-artifact")
    ]
    assert positions == sorted(positions)


def test_deploy_runs_on_main_only_with_pages_permissions():
    deploy = _workflow()["jobs"]["deploy"]
    assert "refs/heads/main" in deploy["if"]
    assert "build" in deploy["needs"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert any(step.get("uses", "").startswith("actions/deploy-pages@") for step in deploy["steps"])


def test_every_action_is_pinned_to_a_version():
    uses = [step["uses"] for step in _steps(_workflow()) if "uses" in step]
    assert uses
    for action in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})", action), action


def test_precommit_hooks_are_local_and_named():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert hooks["validate-data"]["entry"] == "python -m macros validate"
    assert hooks["schema-check"]["entry"] == "python -m macros schema --check"
    assert hooks["yamllint"]["entry"].startswith("yamllint")
    assert hooks["ruff"]["entry"].startswith("ruff check")
    assert all(repo["repo"] == "local" for repo in config["repos"])  # nothing fetched


def test_yamllint_config_passes_the_data():
    pytest.importorskip("yamllint")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "yamllint",
            "--strict",
            "-c",
            ".yamllint.yml",
            "data",
            "tests/fixtures",
            "mkdocs.yml",
            ".github",
            ".pre-commit-config.yaml",
        ],
        check=False,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_editor_settings_map_every_schema():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    for schema, globs in mapping.items():
        assert (ROOT / schema).is_file(), schema
        for pattern in globs:
            assert list(ROOT.glob(pattern)), pattern
    assert set(mapping["./data/schema/case.schema.json"]) == {"data/cases/*.yaml", "data/columns/*.yaml"}
    extensions = json.loads((ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


# ------------------------------------------------------------------ scaffold


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
    from tests.conftest import FIXTURES

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


# ------------------------------------------------------------- issue form

ISSUE_FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "case-update.yml"
# The site links to issues/new?template=case-update.yml&case=…&title=…: the ids are the query's names.
ISSUE_FORM_IDS = {"case": "input", "known": "textarea", "source": "textarea", "contact": "input"}


def test_issue_form_has_the_ids_the_site_links_to():
    text = ISSUE_FORM.read_text(encoding="utf-8")
    form = yaml.safe_load(text)
    assert form["name"] and form["description"]
    assert form["title"].startswith("その後・誤り：")
    assert "data-report" in form["labels"]
    fields = {item["id"]: item for item in form["body"] if "id" in item}
    assert {name: item["type"] for name, item in fields.items()} == ISSUE_FORM_IDS
    assert fields["known"]["validations"]["required"] is True
    assert fields["source"]["validations"]["required"] is True
    assert fields["contact"]["validations"]["required"] is False
    for item in form["body"]:  # what GitHub requires of a form: a label on each field, text in each note
        key = "value" if item["type"] == "markdown" else "label"
        assert item["attributes"][key].strip(), item
        assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", item["attributes"][key]), item  # in Japanese
    comment = text.split("\nname:", 1)[0]  # the warning above the form: these ids are the link's
    assert "template=case-update.yml" in comment
    assert all(name in comment for name in ISSUE_FORM_IDS)


# --------------------------------------------------------- GitHub annotations


def test_github_annotation_escapes_properties_and_message():
    problem = Problem("data/cases/a,b:c.yaml", 12, "odd,key: 100%\nx", "50% 完了\r\n次の行")
    assert cli.github_annotation(problem) == (
        "::error file=data/cases/a%2Cb%3Ac.yaml,line=12,title=odd%2Ckey%3A 100%25%0Ax::50%25 完了%0D%0A次の行"
    )
    whole_file = cli.github_annotation(Problem("data/cases/x.yaml", None, "", "ファイルが空です"))
    assert whole_file == "::error file=data/cases/x.yaml,title=(ファイル全体)::ファイルが空です"


def test_validate_format_github_annotates_a_bad_file(data_copy):
    bad = (ROOT / "tests" / "bad_inputs" / "wrong-type.yaml").read_text(encoding="utf-8")
    bad = bad.replace('count: "27社"', 'count: "50%"')
    bad = bad.replace("summary:", '"odd,key: x": 1\nsummary:', 1)
    (data_copy / "cases" / "hit.yaml").write_text(bad, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "macros", "validate", "--data", str(data_copy), "--format", "github"],
        check=False,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert all(line.startswith("::error file=") for line in lines), lines
    assert (
        "::error file=data/cases/hit.yaml,line=19,title=members[0].count::整数が必要です（書かれている値: '50%25'）"
        in lines
    )
    assert any(
        line.startswith("::error file=data/cases/hit.yaml,line=7,title=odd%2Ckey%3A x::")
        and "スキーマにありません" in line
        for line in lines
    ), lines
    assert "data/cases/hit.yaml:19: members[0].count" in result.stderr  # the readable form stays in the log


# -------------------------------------------------------------- edit links and the changelog

EXTRA = {"repository": "https://github.com/OWNER/REPO", "branch": "main"}


def test_case_edit_links_and_date(dataset):
    commits = changelog.data_commits()
    out = edit_links.case_edit(dataset, "adock-kobe", "cases/adock-kobe/", EXTRA, commits)
    assert 'href="https://github.com/OWNER/REPO/edit/main/data/cases/adock-kobe.yaml"' in out
    assert 'href="https://github.com/OWNER/REPO/blob/main/data/cases/adock-kobe.yaml"' in out
    assert "このデータを編集" in out
    if commits:
        assert re.search(r'<time datetime="\d{4}-\d{2}-\d{2}">\d{4}年\d{1,2}月\d{1,2}日</time>', out)
    # no repository configured and no history: nothing, rather than a broken link or a failure
    assert edit_links.case_edit(dataset, "adock-kobe", "cases/adock-kobe/", {}, []) == ""


def test_changelog_lists_commits_with_case_links_escaped(dataset):
    commit = Commit(
        "a" * 40,
        "2026-11-23",
        "<b>事例5（2）の売上を訂正</b>",
        ("data/cases/adock-kobe.yaml", "data/glossary.yaml", "data/cases/gone.yaml"),
    )
    out = changelog.data_changelog(dataset, "changelog/", EXTRA, [commit] * 3, limit=2)
    assert out.count("<li>\n") + out.count("<li>") >= 2
    assert out.count('<time datetime="2026-11-23">2026年11月23日</time>') == 2  # limited
    assert "&lt;b&gt;事例5（2）の売上を訂正&lt;/b&gt;" in out and "<b>" not in out
    assert '<a href="../cases/adock-kobe/">アドック神戸</a>' in out
    assert '<a href="../glossary/">用語集</a>' in out
    assert "gone（現在はない事例）" in out
    assert f'href="https://github.com/OWNER/REPO/commit/{"a" * 40}"' in out
    assert "全 3 件" in out


# ------------------------------------------------------- built site: edit links


@pytest.fixture(scope="module")
def edit_site(request) -> Path:
    return request.getfixturevalue("built_site")


_EDIT_LINK = re.compile(r'href="(https?://[^"]+?)/(blob|edit)/([^/"]+)/([^"]+)"')


def test_every_case_page_links_to_its_yaml_file_and_every_link_resolves(edit_site, dataset):
    for case in dataset.cases:
        folder = "cases" if case.kind == "case" else "columns"
        page = (edit_site / folder / case.id / "index.html").read_text(encoding="utf-8")
        links = _EDIT_LINK.findall(page)
        assert {kind for _, kind, _, _ in links} == {"blob", "edit"}, case.id
        assert "このデータを編集" in page
        for _, _, branch, path in links:
            path = html.unescape(path)
            assert branch == "main"
            assert path == f"data/{folder}/{case.id}.yaml"
            assert (ROOT / path).is_file(), path


def test_edit_links_on_every_page_resolve(edit_site):
    found = 0
    for page in edit_site.rglob("*.html"):
        for _, _, _, path in _EDIT_LINK.findall(page.read_text(encoding="utf-8")):
            found += 1
            assert (ROOT / html.unescape(path)).is_file(), (page, path)
    assert found


def test_changelog_page_is_built(edit_site):
    page = (edit_site / "changelog" / "index.html").read_text(encoding="utf-8")
    assert "データの更新履歴" in page
    history = changelog.data_commits()
    assert history, "the repository has data commits"
    assert history[0].short in page


def _readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## はじめに", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)\n```", section, re.S)


def test_readme_has_a_site_command_and_a_test_command_and_ci_runs_the_test_command():
    site, tests = _readme_commands()
    assert "pip install -r requirements.lock" in site and site.endswith("mkdocs serve")
    assert "pip install -r requirements-dev.lock" in tests and tests.endswith("python -m pytest")
    assert "ruff check ." in tests and "ruff format --check ." in tests
    assert tests in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_the_site_lock_holds_only_what_the_site_needs_and_the_dev_lock_adds_the_rest():
    def names(path: Path) -> set[str]:
        lines = path.read_text(encoding="utf-8").splitlines()
        return {line.split("==")[0].lower().replace("_", "-") for line in lines if "==" in line}

    site, dev = names(ROOT / "requirements.lock"), names(ROOT / "requirements-dev.lock")
    assert {"mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "pyyaml", "plotly", "pydantic", "xlsxwriter"} <= site
    assert not site & {"pytest", "playwright", "ruff", "pre-commit", "hypothesis", "openpyxl", "frictionless"}
    assert {"pytest", "playwright", "ruff", "pre-commit", "hypothesis", "openpyxl", "frictionless"} <= dev
    assert "-r requirements.lock" in (ROOT / "requirements-dev.lock").read_text(encoding="utf-8")
    assert not site & dev
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        assert line.startswith("#") or "==" in line, line  # every version pinned


# ------------------------------------------------------- error table


def _normalised(text: str) -> str:
    """A message with what varies from case to case (numbers, code points, tags) made alike."""
    text = re.sub(r"U\+[0-9A-F]{4}", "U+X", text)
    text = re.sub(r"![!\w/:.-]*", "!t", text)
    return re.sub(r"\d+|\bN\b", "0", text)


def test_every_bad_input_message_is_in_the_error_table():
    """CONTRIBUTING.md explains each message the hostile corpus shows a contributor."""
    from tests.data.test_bad_inputs import EXPECTED

    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    table = _normalised(guide.split("## 検証メッセージの読み方", 1)[1].split("\n## ", 1)[0])
    japanese = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
    messages = {e["message"] for e in EXPECTED.values() if "message" in e and japanese.search(e["message"])}
    assert len(messages) > 30
    missing = sorted(m for m in messages if _normalised(m) not in table)
    assert not missing, missing


# ------------------------------------------------- the guide to other sources


def _guide_section(title: str) -> str:
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    return guide.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_the_guide_to_other_sources_follows_the_vocabularies():
    """Kinds of source, places in them and states of その後 as vocab.py has them."""
    from macros.data import vocab

    section = _guide_section("報告書以外の出典を使うとき")
    for kind, label in vocab.SOURCE_KINDS.items():
        assert f"| `{kind}` | {label} |" in section, kind
    for state, label in vocab.STATUS_STATES.items():
        assert f"| `{state}` | {label} |" in section, state
    rows = {line.split(" | ")[0].removeprefix("| "): line.split(" | ") for line in section.splitlines()}
    for form, (_, words) in vocab.LOCATOR_FORMS.items():
        kinds = set(re.findall(r"`(\w+)`", rows[words][1]))
        fitting = {kind for kind, forms in vocab.SOURCE_LOCATORS.items() if form in forms}
        assert kinds == fitting - {vocab.REPORT_SOURCE}, form


def test_the_guide_s_examples_validate(data_copy):
    """Its sources.yaml entries, citations and status, put into the minimal data's HIT, pass every check."""
    section = _guide_section("報告書以外の出典を使うとき")
    blocks = [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)\n```", section, re.S)]
    (sources,) = [b["sources"] for b in blocks if isinstance(b.get("sources", [None])[0], dict)]
    assert {s["kind"] for s in sources} == {"web", "book"}
    (facts,) = [b for b in blocks if "members" in b]
    (status,) = [b["status"] for b in blocks if "status" in b]
    data_file = data_copy / "sources.yaml"
    data = yaml.safe_load(data_file.read_text(encoding="utf-8"))
    data["sources"] += sources
    data_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    hit_file = data_copy / "cases" / "hit.yaml"
    hit = yaml.safe_load(hit_file.read_text(encoding="utf-8")) | facts | {"status": status}
    hit_file.write_text(yaml.safe_dump(hit, allow_unicode=True), encoding="utf-8")
    case = load_dataset(data_copy).case_by_id["hit"]
    assert [c.id for c in (case.members[1].source, case.figures[0].source, case.timeline[0].source)] == [
        "town-factory-history-2010",
        "town-factory-history-2010",
        "city-networks-page",
    ]
    assert case.status.state == "reorganised"


# ------------------------------------------- every page built from data: edit links, date, no placeholder

_PAGE_EDIT = re.compile(r'<p class="case-edit page-edit">(.*?)</p>', re.S)

# page -> the data files (edit links) and folders (view links) it is built from
PAGE_DATA = {
    "glossary": ({"data/glossary.yaml"}, set()),
    "lessons/key-persons": ({"data/themes.yaml"}, {"data/cases", "data/columns"}),
    "lessons": ({"data/themes.yaml"}, {"data/cases", "data/columns"}),
    "lessons/levers": ({"data/themes.yaml"}, {"data/cases", "data/columns"}),
    "compare": ({"data/metrics.yaml", "data/regions.yaml"}, {"data/cases", "data/columns"}),
    "compare/legal-forms": (set(), {"data/cases", "data/columns"}),
    "charts/funnels": ({"data/metrics.yaml"}, {"data/cases", "data/columns"}),
    "map": (set(), {"data/cases", "data/columns"}),
    "about": ({"data/sources.yaml"}, set()),
    "data": ({"data/sources.yaml"}, {"data"}),
}


def test_pages_built_from_data_link_their_yaml_files_and_show_the_last_change(edit_site):
    from tests.conftest import REPOSITORY

    for page, (files, folders) in PAGE_DATA.items():
        block = _PAGE_EDIT.search((edit_site / page / "index.html").read_text(encoding="utf-8"))
        assert block, page
        block = block.group(1)
        edits = set(re.findall(rf'href="{REPOSITORY}/edit/main/([^"]+)"', block))
        views = set(re.findall(rf'href="{REPOSITORY}/blob/main/([^"]+)"', block))
        trees = set(re.findall(rf'href="{REPOSITORY}/tree/main/([^"]+)"', block))
        assert (edits, views, trees) == (files, files, folders), page
        assert re.search(r'<time datetime="\d{4}-\d{2}-\d{2}">', block), page  # the repository has history
    # no second block on a case page, and none on a page that shows no data
    assert not _PAGE_EDIT.search((edit_site / "cases" / "adock-kobe" / "index.html").read_text(encoding="utf-8"))
    assert not _PAGE_EDIT.search((edit_site / "changelog" / "index.html").read_text(encoding="utf-8"))


def test_every_theme_page_has_its_edit_links(edit_site, dataset):
    for theme in dataset.themes:
        page = (edit_site / "lessons" / theme.id / "index.html").read_text(encoding="utf-8")
        assert "/edit/main/data/themes.yaml" in page, theme.id


def test_about_page_links_contributing_and_the_issues(edit_site):
    from tests.conftest import REPOSITORY

    page = (edit_site / "about" / "index.html").read_text(encoding="utf-8")
    assert f'href="{REPOSITORY}/blob/main/CONTRIBUTING.md"' in page
    assert f'href="{REPOSITORY}/issues"' in page
    assert (ROOT / "CONTRIBUTING.md").is_file()
    # without a repository: the advice, no link
    out = edit_links.contributing_links({})
    assert "CONTRIBUTING.md" in out and "href" not in out


def _build_copy(tmp_path, remote: str | None):
    from tests.conftest import build_site, copy_project

    project = copy_project(tmp_path / "project")
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    if remote:
        subprocess.run(["git", "remote", "add", "origin", remote], cwd=project, check=True)
    site = tmp_path / "site"
    result = build_site(site, root=project, extra_env={"SITE_REPOSITORY_URL": None})  # not set at all
    assert result.returncode == 0, result.stdout + result.stderr
    return site, result.stdout + result.stderr


def _all_html(site) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))


def test_without_a_configured_repository_the_links_come_from_the_git_remote(tmp_path):
    site, _ = _build_copy(tmp_path, "git@github.com:acme/sme-data.git")
    text = _all_html(site)
    assert "OWNER" not in text
    assert 'href="https://github.com/acme/sme-data/edit/main/data/glossary.yaml"' in text
    assert 'href="https://github.com/acme/sme-data/edit/main/data/cases/adock-kobe.yaml"' in text
    assert 'href="https://github.com/acme/sme-data/issues"' in text


def test_without_repository_or_remote_the_links_are_left_out(tmp_path):
    site, output = _build_copy(tmp_path, None)
    text = _all_html(site)
    assert "OWNER" not in text
    assert "case-edit__link" not in text and "github.com" not in text
    assert "その後・誤りを知らせる</a>" not in text and "mailto:" not in text  # nowhere to tell: no link at all
    assert "から編集部に知らせることができます" not in text  # nor the about page's pointer to it
    assert "このページのデータ：<code>data/glossary.yaml</code>" in (site / "glossary" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "「このデータを編集」のリンクを省きました" in output
