"""The text of a rendered page as the search index reads it (macros/search/page_text.py)."""

from __future__ import annotations

from macros.search.page_text import Line, page_lines


def test_lines_follow_blocks_and_remember_their_section():
    html = """
    <h1 id="title">事例の名前</h1>
    <p>最初の段落。</p>
    <h2 id="overview">概要<a class="headerlink" href="#overview">¶</a></h2>
    <p>一つ目の<strong>文</strong>。<br>二つ目の文。</p>
    <ul><li>項目A</li><li>項目B</li></ul>
    <h3 id="detail">詳細</h3>
    <p>&lt;b&gt;は文字のまま &amp; 実体参照も</p>
    """
    assert page_lines(html) == [
        Line("", "", "最初の段落。"),
        Line("overview", "概要", "概要"),
        Line("overview", "概要", "一つ目の文。"),
        Line("overview", "概要", "二つ目の文。"),
        Line("overview", "概要", "項目A"),
        Line("overview", "概要", "項目B"),
        Line("detail", "詳細", "詳細"),
        Line("detail", "詳細", "<b>は文字のまま & 実体参照も"),
    ]


def test_a_table_row_is_one_line_with_its_cells_separated_and_empty_cells_dropped():
    html = "<table><tr><th>名称</th><td>HIT</td><td></td><td> </td><td>事例2（1）</td></tr></table>"
    assert [line.text for line in page_lines(html)] == ["名称 ／ HIT ／ 事例2（1）"]


def test_scripts_charts_buttons_and_the_page_title_are_not_text():
    html = """
    <h1>題名</h1>
    <script>var secret = "スクリプト";</script><style>p{}</style>
    <svg><text>軸の目盛り</text></svg>
    <button>拡大版を表示</button>
    <div data-search-exclude><p>除外</p></div>
    <p>本文だけ</p>
    """
    assert [line.text for line in page_lines(html)] == ["本文だけ"]


def test_unclosed_elements_do_not_swallow_the_rest_of_the_page():
    html = "<p>一つ目<li>二つ目<svg><path></svg><p>三つ目"
    assert [line.text for line in page_lines(html)] == ["一つ目", "二つ目", "三つ目"]


def test_what_is_not_content_ends_the_line_where_it_holds_a_block():
    """A citation box (a block, not content) between two sentences: two lines, as the reader sees them."""
    html = (
        '<p>会員数は38社<a class="permalink" data-search-exclude href="#m">#</a>である'
        '<details class="cite-box" data-search-exclude><summary>引用</summary><p>出典</p></details>と書かれている。</p>'
    )
    assert [line.text for line in page_lines(html)] == ["会員数は38社である", "と書かれている。"]


def test_cells_entities_and_white_space_read_as_the_reader_sees_them():
    html = "<table><tr><td>A&amp;B</td><td>&nbsp;</td><td>x\n  y</td></tr><tr><td>&lt;b&gt;</td></tr></table>"
    assert [line.text for line in page_lines(html)] == ["A&B ／ x y", "<b>"]
