"""JSON-LD and the Data Package name every source the data cites, not only the report."""

from __future__ import annotations

import json

from macros.data import vocab
from macros.data.load import load_dataset
from macros.export import downloads
from macros.export.linked_data import WORK_TYPES, case_json_ld
from macros.export.writers import PACKAGE_NAME
from tests.conftest import FIXTURES

BEYOND = load_dataset(FIXTURES / "beyond-report")


def _ld(case_id: str) -> dict:
    return case_json_ld(BEYOND, BEYOND.case_by_id[case_id], f"cases/{case_id}/")


def test_every_kind_of_source_has_a_schema_org_type():
    assert set(WORK_TYPES) == set(vocab.SOURCE_KINDS)


def test_a_case_is_based_on_each_source_it_cites():
    hit = _ld("hit")
    report, book = hit["isBasedOn"]
    assert report == {"@type": "Report", "name": BEYOND.source_by_id["report"].title, "datePublished": "2004"}
    assert book == {
        "@type": "Book",
        "name": "架空の町工場ネットワーク史（テスト用の架空の書籍）",
        "author": "架空太郎",
        "publisher": {"@type": "Organization", "name": "架空書房"},
        "datePublished": "2010",
    }
    assert hit["citation"][0].endswith("（2004年）事例2")  # the case's own place in the report
    assert hit["citation"][1] == "『架空の町工場ネットワーク史（テスト用の架空の書籍）』（架空太郎、2010年）"
    assert hit["temporalCoverage"] == "1996/2010"  # its member count of 1996 to its status of 2010


def test_an_added_case_is_an_organisation_based_on_its_own_source_only():
    added = _ld("example-added-network")
    assert added["about"]["@type"] == "Organization" and added["about"]["foundingDate"] == "2015-06"
    (web,) = added["isBasedOn"]
    assert web["@type"] == "WebPage" and web["url"] == "https://example.org/fictional-city/networks"
    assert web["publisher"]["name"] == "架空市産業振興課" and web["datePublished"] == "2021-03"
    assert added["name"] == "架空市ものづくりネットワーク（追加事例1）のデータ"
    assert added["citation"] == [
        "『架空市中小企業ネットワークの現況（テスト用の架空のページ）』（架空市産業振興課、2021年3月）"
    ]
    assert added["temporalCoverage"] == "2020/2021"  # FY2020 to 2021-03, not the report's survey time
    assert "temporalCoverage" not in _ld("leader-conditions")  # a column has no dated figures


def test_the_download_page_and_the_package_list_every_source():
    info = downloads.download_info(downloads.render_downloads(BEYOND))
    site = downloads.json_ld(BEYOND, info, "data/")
    assert [w["name"] for w in site["isBasedOn"]] == [s.title for s in BEYOND.sources]
    package = json.loads(downloads.render_downloads(BEYOND).files[PACKAGE_NAME])
    titles = [s["title"] for s in package["sources"]]
    assert (
        len(titles) == 3 and titles[2] == "『架空の町工場ネットワーク史（テスト用の架空の書籍）』（架空太郎、2010年）"
    )
    assert package["sources"][1]["path"] == "https://example.org/fictional-city/networks"
    assert "path" not in package["sources"][0]  # the report has no address
