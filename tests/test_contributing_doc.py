"""CONTRIBUTING.md: its table of validation messages and its guide to other sources agree with the code."""

from __future__ import annotations

import re

import yaml

from macros.data.load import load_dataset
from tests.conftest import ROOT

# ------------------------------------------------------- the table of validation messages


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
