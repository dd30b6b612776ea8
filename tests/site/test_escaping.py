"""Text from the data is shown as text everywhere: HTML, attributes, titles, JSON, CSV."""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import build_site

HOSTILE = (
    '<script>alert("x")</script><img src=x onerror=alert(1)>{{ 7*7 }}{% if true %}J{% endif %}" onmouseover="alert(2)'
)


def _inject(data_dir):
    hit = data_dir / "cases" / "hit.yaml"
    text = hit.read_text(encoding="utf-8")
    quoted = json.dumps(HOSTILE, ensure_ascii=False)  # a valid YAML double-quoted scalar
    text = text.replace("short: HIT,", f"short: {quoted},")
    text = text.replace(
        "summary: 東大阪市の金属加工業者による共同受注グループ（テスト用の簡略版）。", f"summary: {quoted}"
    )
    text = text.replace("label: グループへの支払い,", f"label: {quoted},")
    text = text.replace("- text: 会員どうしの健全な競争を保つこと。", f"- text: {quoted}")
    hit.write_text(text, encoding="utf-8")
    glossary = data_dir / "glossary.yaml"
    glossary.write_text(
        glossary.read_text(encoding="utf-8").replace(
            "definition: 複数の企業がまとまって仕事を受けること。", f"definition: {quoted}"
        ),
        encoding="utf-8",
    )


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    import shutil

    from tests.conftest import FIXTURES

    root = tmp_path_factory.mktemp("hostile")
    data = root / "data"
    shutil.copytree(FIXTURES / "minimal", data)
    _inject(data)
    result = build_site(root / "site", data)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def _pages(site):
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}


def test_no_markup_from_the_data_reaches_any_page(hostile_site):
    for name, html in _pages(hostile_site).items():
        assert '<script>alert("x")' not in html, name
        assert "<img src=x" not in html, name
        assert 'onmouseover="alert(2)' not in html, name


def test_jinja_in_the_data_is_never_run(hostile_site):
    page = (hostile_site / "cases" / "hit" / "index.html").read_text(encoding="utf-8")
    assert "{{ 7*7 }}" in page and "{% if true %}J{% endif %}" in page
    assert "49" not in page


def test_text_is_shown_escaped_in_body_and_attributes(hostile_site):
    page = (hostile_site / "cases" / "hit" / "index.html").read_text(encoding="utf-8")
    assert (
        "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
        or "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    )
    adock = (hostile_site / "cases" / "adock-kobe" / "index.html").read_text(encoding="utf-8")
    titles = re.findall(r'class="glossary-term" href="[^"]*" title="([^"]*)"', adock)
    assert titles and all("<" not in t for t in titles)


def test_titles_and_nav_use_the_safe_form(hostile_site):
    page = (hostile_site / "cases" / "hit" / "index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", page, re.DOTALL).group(1)
    assert "<" not in title and "{{" not in title
    assert "＜script＞" in page  # the nav label, in full-width form


def test_search_index_holds_the_hostile_text_as_text(hostile_site):
    """The page shows the string escaped, so the index reads it back as the same text; the
    browser puts index text into the page only as text nodes (tests/browser/test_search.py)."""
    lines = [
        text
        for chunk in (hostile_site / "search" / "c").glob("*.json")
        for _, text in json.loads(chunk.read_text(encoding="utf-8"))["lines"]
    ]
    assert any(HOSTILE in line for line in lines)
    meta = json.loads((hostile_site / "search" / "meta.json").read_text(encoding="utf-8"))
    hit = next(page for page in meta["pages"] if page[0] == "cases/hit/")
    assert "<" not in hit[1]  # the title in the theme's safe form (full-width brackets)


def test_chart_json_cannot_close_its_script(hostile_site):
    for name, html in _pages(hostile_site).items():
        for block in re.findall(r'<script type="application/json"[^>]*>(.*?)</script>', html, re.DOTALL):
            assert "<" not in block, name
            json.loads(block)


def test_chart_csv_neutralises_formulas(hostile_site):
    from macros.export.cells import cell_text, cell_value, csv_bytes

    assert cell_text('=HYPERLINK("http://e")') == '\'=HYPERLINK("http://e")'
    assert cell_text("-1+2") == "'-1+2" and cell_text(-3) == "-3" and cell_text("\tx") == "'\tx"
    assert cell_value("-1+2") == "-1+2" and cell_value(-3) == -3  # XLSX cells are typed: text stays as it is
    assert csv_bytes(["a"], [["@SUM(A1)"]]).decode("utf-8-sig").splitlines()[1] == "'@SUM(A1)"
    for csv_file in hostile_site.rglob("*.csv"):  # every chart CSV of the hostile site
        for line in csv_file.read_bytes().decode("utf-8-sig").splitlines()[1:]:
            assert not line.startswith(("=", "+", "@")), csv_file
