"""The CSV of a table is read from the rendered table: the header and cells a reader sees, nothing else."""

from __future__ import annotations

from macros.export.html_tables import csv_tables

PAGE = """
<h2 id="x">見出し</h2>
<table class="data-table"><tr><td>箱の外の表</td></tr></table>
<div class="data-table-wrap" data-csv="figures.csv"><table class="data-table">
  <caption>主な数値</caption>
  <thead><tr><th>項目</th><th>値</th></tr></thead>
  <tbody>
    <tr><td>会員数 <a class="permalink" data-search-exclude href="#f">#</a><details class="cite-box" data-search-exclude>
      <summary>この数値を引用</summary><p>出典：…</p><button>引用文をコピー</button></details></td>
      <td class="num">17社<br><span>内訳：A 1、B 2</span></td></tr>
    <tr><td>&lt;script&gt;alert(1)&lt;/script&gt; &amp; 「引用」</td><td>=1+2</td></tr>
    <tr><td>入れ子<table><tr><td>内側</td></tr></table></td><td></td></tr>
  </tbody>
</table></div>
<p class="table-csv"><a href="figures.csv">この表をCSVで</a></p>
<div class="data-table-wrap" data-csv="people.csv"><table><thead><tr><th>名前</th></tr></thead>
<tbody><tr><td>山田</td></tr></tbody></table></div>
"""


def test_only_tables_in_a_box_that_names_a_file_are_read_in_page_order():
    assert [t.filename for t in csv_tables(PAGE)] == ["figures.csv", "people.csv"]


def test_header_and_cells_are_the_visible_text_without_citations_or_permalinks():
    figures = csv_tables(PAGE)[0]
    assert figures.header == ["項目", "値"]
    assert figures.rows[0] == ["会員数", "17社 内訳：A 1、B 2"]


def test_markup_in_text_stays_text_and_a_nested_table_does_not_split_the_row():
    figures = csv_tables(PAGE)[0]
    assert figures.rows[1] == ["<script>alert(1)</script> & 「引用」", "=1+2"]
    assert figures.rows[2] == ["入れ子内側", ""]
    assert len(figures.rows) == 3
