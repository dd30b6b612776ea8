"""A table of data is one row source: the template shows exactly the text its CSV holds."""

from __future__ import annotations

import html
import re

from macros.data.models import SourceCite
from macros.views import data_table as dt
from macros.views.render import environment

OTHER = SourceCite(id="book", at="p. 12")


def _shown(content, id_prefix: str = "") -> str:
    """The cell as the template draws it."""
    template = environment().from_string('{% from "_macros.html" import show with context %}{{ show(content) }}')
    return template.render(content=content, source_by_id={}, id_prefix=id_prefix)


def _text_of(markup: str) -> str:
    """What a reader sees of drawn markup, on one line (a line break reads as a space)."""
    markup = markup.replace("<br>", " ")
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", markup))).strip()


CELLS = [
    "会員企業",
    17,
    37.43,
    ("3セット", dt.LINE_BREAK, dt.Span("breakdown", "内訳：A 2、B 1")),
    ("基礎：利益。", "", " ", dt.Span("derivation", "編集部による値：X。"), " "),
    dt.Link("HIT", "../../cases/hit/"),
    dt.Link(("1", " ", dt.Span("matrix-name", "アドック神戸")), "../cases/adock-kobe/"),
    dt.joined([dt.Link("3日", "#a"), dt.Link("1週間", "#b")], dt.LINE_BREAK),
    (dt.Paragraph(("組合：改組 ", dt.cite("事例5（2）", {}))), dt.Paragraph("会社：設立")),
    ("名称", dt.LINE_BREAK, dt.Span("breakdown", ("値：", dt.Code("case"), "（事例）、", dt.Code("column")))),
    dt.cite("事例2（1）", {}),
    dt.cite(OTHER, {}),
    "<script>alert(1)</script> & 「引用」\n 改行",
    None,
]


def test_every_kind_of_cell_shows_exactly_its_text():
    for content in CELLS:
        assert _text_of(_shown(content)) == dt.text(content), content


def test_the_text_is_one_line_and_a_line_break_reads_as_a_space():
    assert dt.text(("A", dt.LINE_BREAK, "B")) == "A B"
    assert dt.text("  複数の\n 行  ") == "複数の 行"
    assert dt.text(dt.cite(OTHER, {})) == "報告書以外 book p. 12"


def test_a_number_stays_a_number_for_the_csv_and_shows_without_a_trailing_zero():
    assert dt.plain(17) == 17 and dt.plain(-122.17) == -122.17 and dt.plain("17") == "17"
    assert dt.plain(None) == ""
    assert _shown(35.0) == "35" and _shown(-122.17) == "-122.17"


def test_markup_in_the_data_is_shown_as_text():
    shown = _shown("<b>太字</b>")
    assert "<b>" not in shown and "&lt;b&gt;" in shown


def test_a_link_to_the_same_page_takes_the_page_s_id_prefix_and_others_do_not():
    assert _shown(dt.Link("食い違い", anchor="note-x"), id_prefix="hit--") == '<a href="#hit--note-x">食い違い</a>'
    assert _shown(dt.Link("HIT", "../hit/"), id_prefix="hit--") == '<a href="../hit/">HIT</a>'
    assert _shown(dt.Link("a.csv", "a.csv", download=True)) == '<a href="a.csv" download>a.csv</a>'


def test_the_table_gives_its_header_and_rows_in_column_order():
    table = dt.DataTable(
        "people",
        "人物",
        (dt.Column("name", "表記"), dt.Column("n", dt.Span("matrix-name", "数"))),
        (dt.Row({"n": 2, "name": ("山田", dt.LINE_BREAK, "太郎")}),),
    )
    assert table.filename == "people.csv"
    assert table.header == ["表記", "数"]
    assert table.values() == [["山田 太郎", 2]]
    assert table.renamed("hit--").filename == "hit--people.csv"
