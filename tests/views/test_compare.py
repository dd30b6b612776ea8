"""The comparison table and the thematic tables, built from the data."""

from __future__ import annotations

import re

from macros.views.compare import activity_tags, compare_rows, legal_form_path, region_of


def test_one_row_per_case(dataset, built_site):
    assert [r.case.number for r in compare_rows(dataset)] == list(range(1, 17))
    page = (built_site / "compare" / "index.html").read_text(encoding="utf-8")
    body = page[page.index('class="data-table compare-table') :]
    assert len(re.findall(r"<tr data-section=", body)) == 16


def test_filters_offer_every_value_in_the_rows(dataset, built_site):
    page = (built_site / "compare" / "index.html").read_text(encoding="utf-8")
    for row in compare_rows(dataset):
        assert f'<option value="{row.legal_form}">' in page
        assert f'<option value="{row.region}">' in page
        for tag in row.activities:
            assert f'<option value="{tag}">' in page


def test_activity_tags_follow_the_data(dataset):
    assert "共同受注" in activity_tags(dataset.case_by_id["adock-kobe"])
    assert "共同受注" not in activity_tags(dataset.case_by_id["naniwa-yumekobo"])  # none yet
    assert region_of(dataset.case_by_id["silicon-valley"], dataset) == "海外"


def test_legal_form_path_is_in_date_order(dataset):
    rodan = [lf.form for lf in legal_form_path(dataset.case_by_id["rodan21"])]
    assert rodan == ["任意団体", "有限会社", "株式会社"]


def test_thematic_tables_render(built_site, dataset):
    joint = (built_site / "compare" / "joint-orders" / "index.html").read_text(encoding="utf-8")
    for case in dataset.cases:
        if case.joint_orders:
            assert f"/{case.id}/" in joint
    money = (built_site / "compare" / "money" / "index.html").read_text(encoding="utf-8")
    assert "利益" in money and "売上" in money  # HIT's 3% of profit vs ADOC's 1% of sales
