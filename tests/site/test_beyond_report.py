"""Facts from other sources than the 2004 report, end to end in a built site.

The fixture project tests/fixtures/beyond-report/ holds two fictional sources (a web page of 2021
and a book of 2010), a fictional 追加事例 from the web page, a later status, member count, figure
and event for HIT from the book, and a later status for アドック神戸 from the web page. Every page
that shows one of those facts must say it is not from the report, name the source and its time,
and never number the added case as if the report had it.
"""

from __future__ import annotations

import csv
import html
import io
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.conftest import FIXTURES, REPOSITORY, build_site

CONTACT = "editors@example.org"
BOOK = "架空の町工場ネットワーク史（テスト用の架空の書籍）"
WEB = "架空市中小企業ネットワークの現況（テスト用の架空のページ）"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("beyond-report")
    extra = {"SITE_REPOSITORY_URL": REPOSITORY, "SITE_CONTACT_EMAIL": CONTACT}
    result = build_site(target, FIXTURES / "beyond-report", extra_env=extra)
    assert result.returncode == 0, result.stdout + result.stderr
    return target


def read(site: Path, path: str) -> str:
    return (
        (site / path / "index.html").read_text(encoding="utf-8")
        if not path.endswith(".csv")
        else (site / path).read_text(encoding="utf-8-sig")
    )


def text_of(page: str) -> str:
    """The page's visible words, tags dropped and whitespace folded."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))


def section(page: str, anchor: str) -> str:
    start = page.index(f'id="{anchor}"')
    end = page.find("<h2", start)
    return page[start : end if end > 0 else None]


def test_a_case_page_has_its_later_status_with_time_and_source(site):
    page = read(site, "cases/hit")
    after = text_of(section(page, "after"))
    assert "改組（2010年時点）" in after
    assert f"報告書以外 『{BOOK}』（2010年）p. 45" in after
    header = text_of(page[: page.index('id="overview"')])
    assert "報告書以外の1件の出典（2010年まで）" in header and "2003〜2004年時点" in header


def test_every_later_fact_on_the_case_page_says_it_is_not_from_the_report(site):
    page = read(site, "cases/hit")
    for anchor, value in (("count-members-2009", "12社"), ("figure-sales-2009", "4,800万円")):
        row = page[page.index(f'<tr id="{anchor}"') :]
        row = text_of(row[: row.index("</tr>")])
        assert value in row and "報告書以外" in row and BOOK in row, anchor
    timeline = text_of(section(page, "timeline"))
    assert "2008年4月 事業協同組合への改組を決めた" in timeline and f"報告書以外 『{BOOK}』" in timeline
    sources = text_of(section(page, "sources"))
    assert "書籍 " + BOOK in sources and "報告書以外の出典" in sources


def test_the_citation_box_cites_the_fact_s_own_source(site):
    page = read(site, "cases/hit")
    row = page[page.index('<tr id="figure-sales-2009"') :]
    box = text_of(row[: row.index("</details>")])
    assert f"出典：『{BOOK}』（架空太郎、2010年）第3章、pp. 46-47（報告書以外の出典）" in box
    assert "報告書の該当箇所" not in box  # the report is not where this figure comes from
    report_row = page[page.index('<tr id="count-members-now"') :]
    report_box = text_of(report_row[: report_row.index("</details>")])
    assert "報告書の該当箇所：事例2（1）" in report_box and BOOK not in report_box


def test_readers_can_tell_the_editors_by_a_prefilled_issue_form_and_by_mail(site):
    page = read(site, "cases/hit")
    after = section(page, "after")
    issue = re.search(r'<a href="(https://github\.com/[^"]+)">この事例のその後・誤りを知らせる</a>', after)
    assert issue, after
    url = urlsplit(html.unescape(issue.group(1)))
    query = parse_qs(url.query)
    assert url.path == "/example/sme-networks/issues/new" and query["template"] == ["case-update.yml"]
    assert query["case"] == ["東大阪金属加工グループ HIT（事例2、hit）"]
    mail = re.search(r'<a href="(mailto:[^"]+)">メールで知らせる</a>', after)
    assert mail and mail.group(1).startswith(f"mailto:{CONTACT}?")
    # every figure's citation box offers the same
    assert page.count("この事例のその後・誤りを知らせる</a>") > 5


def test_an_added_case_is_numbered_apart_and_never_as_case_17(site):
    page = read(site, "cases/example-added-network")
    kicker = text_of(re.search(r"<p class=\"case-kicker\">.*?</p>", page).group(0)).strip()
    assert kicker.startswith("追加事例1（報告書以外の出典による追加事例）")
    assert "この追加事例は報告書（2004年）にはなく" in text_of(page)
    for path in ("cases/example-added-network", "cases", "compare", "compare/side-by-side", "map", "all-cases"):
        assert not re.search(r"事例\s*17|事例3\b", text_of(read(site, path))), path
    nav = page[page.index('class="md-nav md-nav--primary"') :]
    assert "追加事例（報告書以外の出典）" in text_of(nav) and "追加1. 架空ネット" in text_of(nav)


def test_the_comparison_marks_later_values_and_the_added_case(site):
    page = read(site, "compare")
    caption = text_of(re.search(r"<caption>.*?</caption>", page, re.S).group(0))
    assert "2003〜2004年時点（報告書）と、報告書以外の出典による2021年までの時点" in caption
    hit = text_of(re.search(r"<tr[^>]*>\s*<td[^>]*>2</td>.*?</tr>", page, re.S).group(0))
    assert "12社（2009年12月・報告書以外の出典）" in hit
    added = text_of(re.search(r"<tr[^>]*>\s*<td[^>]*>追加事例1</td>.*?</tr>", page, re.S).group(0))
    assert "21社（2021年3月・報告書以外の出典）" in added
    assert re.search(r'<select name="origin"[^>]*>.*追加事例（報告書以外の出典）', page, re.S)


def test_side_by_side_shows_status_and_marks_later_values(site):
    page = read(site, "compare/side-by-side")
    assert re.search(r'<th scope="col" data-case="example-added-network">追加事例1<br>', page)
    status = text_of(re.search(r'<tr data-field="status">.*?</tr>', page, re.S).group(0))
    assert "改組（2010年時点）" in status and "活動中（2021年3月時点）" in status
    members = text_of(re.search(r'<tr data-field="members">.*?</tr>', page, re.S).group(0))
    assert f"報告書以外 『{BOOK}』" in members


def test_a_chart_of_mixed_years_says_so_and_its_csv_names_the_sources(site):
    page = read(site, "charts")
    chart = page[page.index('id="chart-members-size"') :]
    chart = text_of(chart[: chart.index("</figure>")])
    assert "時点：各行の時点（2003〜2021年）" in chart
    assert "報告書以外の出典による別の時点の値が並んでいます：HIT（2009年12月）、架空ネット（2021年3月）" in chart
    rows = list(csv.reader(io.StringIO(read(site, "charts/data/members-size.csv"))))
    by_case = {row[0]: row for row in rows[1:]}
    assert by_case["HIT"][4] == "2009年12月" and by_case["HIT"][-1].startswith(f"報告書以外：『{BOOK}』")
    assert by_case["アドック神戸"][-1].startswith("事例1")


def test_the_map_draws_the_added_case_apart_and_cites_places(site):
    page = read(site, "map")
    marker = re.search(r'<a href="[^"]*example-added-network/" class="map-place map-place--added".*?</a>', page, re.S)
    assert marker and ">追1</text>" in marker.group(0)
    assert "「追」は報告書以外の出典による追加事例" in text_of(page)
    assert f"報告書以外 『{WEB}』" in text_of(page)  # the added case's place is cited to the web page


def test_the_compendium_puts_the_added_case_after_the_report_s_cases(site):
    page = read(site, "all-cases")
    part = page.index('<p class="compendium-part"')
    assert page.index('<section class="compendium-case" id="hit"') < part
    assert part < page.index('<section class="compendium-case" id="example-added-network"')
    assert "ここからは追加事例です" in text_of(page[part : part + 400])


def test_search_finds_the_later_facts_with_their_mark(site):
    texts = "".join(p.read_text(encoding="utf-8") for p in (site / "search").rglob("*.json"))
    assert "報告書以外" in texts and "改組（2010年時点）" in texts


def test_the_real_site_shows_every_case_s_status_and_where_to_tell(built_site, dataset):
    for case in dataset.numbered_cases():
        page = (built_site / "cases" / case.id / "index.html").read_text(encoding="utf-8")
        after = text_of(section(page, "after"))
        assert f"不明（2004年時点） 事例{case.number}" in after, case.id
        assert "この事例のその後・誤りを知らせる" in after, case.id
        assert "報告書以外" not in text_of(page), case.id
