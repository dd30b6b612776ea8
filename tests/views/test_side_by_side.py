"""Cases side by side: the column data of each case (pure: no site build)."""

from __future__ import annotations

from macros.data.periods import parse_period, period_label
from macros.views import facts
from macros.views.formatting import figure_text, legal_form_text, member_text, place_text, quantity
from macros.views.side_by_side import FIELDS, side_columns


def _by_id(dataset):
    return {col.case.id: col for col in side_columns(dataset)}


def test_every_case_and_column_in_report_order_with_every_field(dataset):
    columns = side_columns(dataset)
    assert [c.case.id for c in columns] == [c.id for c in facts.report_order(dataset)]
    assert len([c for c in columns if c.case.kind == "case"]) == 16
    assert [c.label for c in columns][:2] == ["事例1", "事例2"]
    assert {c.label for c in columns} >= {"コラム1", "コラム2"}
    for col in columns:
        assert list(col.cells) == [field for field, _ in FIELDS]


def test_infobox_facts_carry_their_source_and_as_of(dataset):
    for col in side_columns(dataset):
        case = col.case
        if case.place:
            assert col.cells["place"][0].text == place_text(case.place)
            assert col.cells["place"][0].source == case.place.source
        if case.founded:
            assert col.cells["founded"][0].text == period_label(case.founded.date)
            assert col.cells["founded"][0].source == case.founded.source
        latest = facts.latest_members(case)
        if latest:
            (entry,) = col.cells["members"]
            assert member_text(latest) in entry.text and period_label(latest.as_of) in entry.text
            assert entry.source == latest.source


def test_member_counts_over_time_are_all_there_oldest_first(dataset):
    for col in side_columns(dataset):
        members = col.case.members
        entries = col.cells["member_history"]
        assert len(entries) == len(members)
        ordered = sorted(members, key=lambda m: parse_period(m.as_of).sort_key())
        for member, entry in zip(ordered, entries, strict=True):
            assert entry.text.startswith(period_label(member.as_of) + "：")
            assert member_text(member) in entry.text and entry.source == member.source
    tama = _by_id(dataset)["tama"].cells["member_history"]
    assert len(tama) >= 3  # 準備会, 発足時, 調査時点


def test_money_gives_each_amount_as_the_report_does_with_its_period_and_basis(dataset):
    money_metrics = dataset.metric_ids_in("fee") | dataset.metric_ids_in("money")
    for col in side_columns(dataset):
        figures = [f for f in col.case.figures if f.metric in money_metrics]
        entries = col.cells["money"]
        assert len(entries) == len(figures)
        for figure, entry in zip(figures, entries, strict=True):
            assert figure_text(figure) in entry.text and period_label(figure.period) in entry.text
            assert (figure.basis or "") in entry.text and entry.source == figure.source
    hit = " ".join(e.text for e in _by_id(dataset)["hit"].cells["money"])
    adock = " ".join(e.text for e in _by_id(dataset)["adock-kobe"].cells["money"])
    assert "3％" in hit and "基礎：利益" in hit  # HIT: 3% of profit
    assert "1％" in adock and "基礎：売上" in adock  # ADOC Kobe: 1% of sales


def test_public_support_lists_every_item_with_its_amount_or_says_there_is_none(dataset):
    for col in side_columns(dataset):
        entries = col.cells["support"]
        assert len(entries) == len(col.case.support)
        for support, entry in zip(col.case.support, entries, strict=True):
            assert entry.text.startswith(support.provider) and entry.source == support.source
            if support.amount_jpy is None:
                assert "金額の記載なし" in entry.text
            else:
                assert quantity(support.amount_jpy, "JPY") in entry.text
            if support.period:
                assert period_label(support.period) in entry.text
    (grant,) = [e.text for e in _by_id(dataset)["hit"].cells["support"] if "助成金" in e.text]
    assert "1,000万円（総額）" in grant and "2年間" in grant


def test_legal_form_history_is_in_date_order_and_says_when_the_date_is_unknown(dataset):
    for col in side_columns(dataset):
        assert len(col.cells["legal_form_history"]) == len(col.case.legal_forms)
    rodan = [e.text for e in _by_id(dataset)["rodan21"].cells["legal_form_history"]]
    assert [t.split("：")[0] for t in rodan] == ["任意団体", "有限会社", "株式会社"]
    adock = [e.text for e in _by_id(dataset)["adock-kobe"].cells["legal_form_history"]]
    assert any("時期の記載なし" in t and "資本金500万円" in t for t in adock)


def test_current_legal_form_names_the_entity_only_when_it_is_another(dataset):
    cases = dataset.case_by_id
    saiki = _by_id(dataset)["saiki-mechatro"].cells["legal_form"][0].text
    assert saiki == legal_form_text(facts.current_legal_form(cases["saiki-mechatro"]), cases["saiki-mechatro"].name.ja)
    assert "（第三セクター）" in saiki
    assert _by_id(dataset)["adock-kobe"].cells["legal_form"][0].text == "任意団体"  # its own name left out


def test_joint_orders_and_lessons_with_their_sources(dataset):
    for col in side_columns(dataset):
        case = col.case
        lessons = col.cells["lessons"]
        assert [(e.text, e.source) for e in lessons] == [(lesson.text, lesson.source) for lesson in case.lessons]
        joint = col.cells["joint_orders"]
        if case.joint_orders is None:
            assert joint == []
        else:
            assert joint[0].source == case.joint_orders.source
            assert any(case.joint_orders.window in e.text for e in joint)


def test_a_column_without_facts_has_empty_cells_not_made_up_ones(dataset):
    leader = _by_id(dataset)["leader-conditions"]
    assert leader.cells["section"][0].text == "コラム"
    for field in ("place", "founded", "legal_form", "members", "money", "support", "joint_orders"):
        assert leader.cells[field] == []
    assert leader.cells["lessons"]


def test_place_abroad_names_the_country(dataset):
    place = dataset.case_by_id["silicon-valley"].place
    assert place_text(place).endswith("（米国）")
