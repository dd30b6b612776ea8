"""The tables of data across cases: the lists and comparisons, the policy levers, the theme matrix,
the map's data and the report's page numbers; each as columns and rows of cells (data_table.py).

base: the relative prefix from the page to the site root, for the links to case and theme pages;
data_scope: the years the data's facts describe (facts.data_time_scope), for the titles that say so.
"""

from __future__ import annotations

from ..data import vocab
from ..data.periods import period_label
from .case_tables import SOURCE, support_period
from .citation import case_label
from .compare import CompareRow, facet_values
from .data_table import LINE_BREAK, Column, Content, DataTable, Link, Paragraph, Row, Span, cite, joined
from .facts import page_path
from .formatting import as_of_text, figure_text, quantity, support_amount
from .map_svg import case_number

CASE = Column("case", "事例")


def case_link(case, base: str) -> Link:
    """A case's short name, linked to its page."""
    return Link(case.name.short, base + page_path(case))


def _legal_form_heading(data_scope) -> str:
    return f"法人格（{'調査時点' if data_scope.report_only else '最新の記載'}）"


def _case_row_cells(r: CompareRow, base: str) -> dict:
    """The cells the case index and the comparison share."""
    return {
        "case": case_link(r.case, base),
        "section": r.section,
        "region": r.region,
        "bases": r.bases,
        "founded": period_label(r.founded) if r.founded else "—",
        "legal_form": r.legal_form + r.legal_form_when,
        "members": r.members or "—",
        "activities": "、".join(r.activities) or "—",
    }


def case_index(rows: list[CompareRow], data_scope, base: str) -> DataTable:
    """Every case and column, one row each, with the values its filters read (table-filters.html)."""
    columns = (
        Column("number", "番号", sort="number"),
        Column("case", "名称"),
        Column("section", "分類"),
        Column("region", "地域"),
        Column("place", "所在地"),
        Column("bases", "基盤"),
        Column("founded", "設立"),
        Column("legal_form", _legal_form_heading(data_scope), label="法人格"),
        Column("members", "会員数（時点）", sort="number", label="会員数"),
        Column("supported", "公的支援"),
        Column("activities", "主な活動"),
    )
    out = []
    for r in rows:
        place = r.case.place
        cells = _case_row_cells(r, base) | {
            "number": case_label(r.case),
            "place": f"{place.prefecture or ''}{place.municipality or ''}" if place else "—",
            "supported": r.supported,
        }
        out.append(Row(cells, item=r, facets=facet_values(r)))
    title = f"事例とコラムの一覧（数値は{as_of_text(data_scope)}）"
    return DataTable("case-index", title, columns, tuple(out))


def comparison(rows: list[CompareRow], data_scope, base: str) -> DataTable:
    columns = (
        Column("number", "No."),
        CASE,
        Column("section", "分類"),
        Column("region", "地域"),
        Column("bases", "基盤"),
        Column("founded", "設立"),
        Column("legal_form", _legal_form_heading(data_scope), label="法人格"),
        Column("members", "会員数（時点）", sort="number", label="会員数"),
        Column("fees", "会費・手数料"),
        Column("support", "公的支援（金額・期間）", label="公的支援"),
        Column("mechanism", "共同受注の方式", label="共同受注"),
        Column("activities", "主な活動"),
    )
    out = []
    for r in rows:
        cells = _case_row_cells(r, base) | {
            "number": r.case.number if r.case.kind == "case" else case_label(r.case),
            "fees": r.fees or "—",
            "support": r.support or "—",
            "mechanism": r.mechanism or "—",
        }
        out.append(Row(cells, item=r, facets=facet_values(r)))
    return DataTable("comparison", "事例の比較", columns, tuple(out))


def joint_orders(cases, replies: dict, data_scope, source_by_id: dict, base: str) -> DataTable:
    """How each case takes orders together; replies: each case's figures on how fast it answers."""
    columns = (
        CASE,
        Column("mechanism", "方式"),
        Column("window", "発注者の窓口"),
        Column("responsibility", "責任を負う者"),
        Column("allocation", "仕事の割り振り"),
        Column("promise", "回答の約束"),
        Column("reply", "回答までの時間"),
        Column("fee", "グループへの手数料"),
        SOURCE,
    )
    rows = []
    for c in cases:
        j = c.joint_orders
        links = [Link(figure_text(f), f"{base}{page_path(c)}#figure-{f.id}") for f in replies[c.id]]
        cells = {
            "case": case_link(c, base),
            "mechanism": vocab.JOINT_ORDER_MECHANISMS[j.mechanism],
            "window": j.window,
            "responsibility": j.responsibility,
            "allocation": j.allocation,
            "promise": j.response_promise or "—",
            "reply": joined(links, LINE_BREAK) or "記載なし",
            "fee": j.fee or "—",
            "source": cite(j.source, source_by_id),
        }
        rows.append(Row(cells))
    title = f"共同受注の仕組みの比較（{as_of_text(data_scope)}）"
    return DataTable("joint-orders", title, columns, tuple(rows))


def legal_form_paths(paths, source_by_id: dict, base: str) -> DataTable:
    """paths: (case, its legal forms in order) for each case that has any."""
    columns = (CASE, Column("path", "移り変わり"), Column("notes", "理由・補足（出典の記述の要約）"))
    rows = []
    for case, path in paths:
        steps = []
        for lf in path:
            when = period_label(lf.since) if lf.since else "時期の記載なし"
            capital = f"、資本金{quantity(lf.capital_jpy, 'JPY')}" if lf.capital_jpy else ""
            steps.append(f"{lf.form}{'（第三セクター）' if lf.third_sector else ''}（{when}{capital}）")
        notes = tuple(Paragraph((f"{lf.entity}：{lf.note} ", cite(lf.source, source_by_id))) for lf in path if lf.note)
        rows.append(Row({"case": case_link(case, base), "path": " → ".join(steps), "notes": notes}))
    return DataTable("legal-forms", "組織形態の移り変わり（出典に書かれた時期）", columns, tuple(rows))


def money(items, data_scope, source_by_id: dict, base: str) -> DataTable:
    """items: (case, "figure" or "support", the figure or the support), one row each (compare.money_rows)."""
    columns = (
        CASE,
        Column("kind", "区分"),
        Column("item", "項目"),
        Column("amount", "金額・率"),
        Column("basis", "基礎"),
        Column("period", "期間・時点"),
        Column("note", "注記"),
        SOURCE,
    )
    rows = []
    for case, kind, item in items:
        if kind == "figure":
            cells = {
                "kind": "数値",
                "item": item.label,
                "amount": figure_text(item),
                "basis": item.basis or "—",
                "period": period_label(item.period),
                "note": item.note or "",
            }
        else:
            cells = {
                "kind": f"公的支援（{vocab.SUPPORT_KINDS[item.kind]}）",
                "item": f"{item.provider}：{item.description}",
                "amount": quantity(item.amount_jpy, "JPY") if item.amount_jpy is not None else "—",
                "basis": vocab.AMOUNT_BASES[item.amount_basis] if item.amount_basis else "—",
                "period": support_period(item),
                "note": "",
            }
        cells |= {"case": case_link(case, base), "source": cite(item.source, source_by_id)}
        rows.append(Row(cells, kind=kind))
    title = f"会費・手数料・出資・公的支援（金額は出典の記載どおり、{as_of_text(data_scope)}）"
    return DataTable("money", title, columns, tuple(rows))


def lever_support(items, source_by_id: dict, base: str) -> DataTable:
    """items: (case, public support with an amount or a length)."""
    columns = (
        CASE,
        Column("provider", "支援者"),
        Column("description", "内容"),
        Column("amount", "金額"),
        Column("period", "期間"),
        SOURCE,
    )
    rows = [
        Row(
            {
                "case": case_link(case, base),
                "provider": s.provider,
                "description": f"{vocab.SUPPORT_KINDS[s.kind]}：{s.description}",
                "amount": support_amount(s) or "—",
                "period": support_period(s),
                "source": cite(s.source, source_by_id),
            },
        )
        for case, s in items
    ]
    return DataTable("support", "金額や期間が書かれた公的支援", columns, tuple(rows))


def lever_programmes(items, source_by_id: dict, base: str) -> DataTable:
    """items: (group, its relation to the programme, the programme's case)."""
    columns = (
        Column("group", "グループ"),
        Column("programme", "生んだ支援事業"),
        Column("forms", "その後の組織形態"),
        SOURCE,
    )
    rows = []
    for case, rel, programme in items:
        forms = [f"{lf.form}（{period_label(lf.since) if lf.since else '時期の記載なし'}）" for lf in case.legal_forms]
        cells: dict[str, Content] = {
            "group": case_link(case, base),
            "programme": (case_link(programme, base), f"：{rel.note}" if rel.note else ""),
            "forms": " → ".join(forms),
            "source": cite(rel.source, source_by_id),
        }
        rows.append(Row(cells))
    return DataTable("programmes", "行政の支援事業から生まれたグループと、その後の組織形態", columns, tuple(rows))


def lever_bases(items, source_by_id: dict, base: str) -> DataTable:
    """items: (case, a base it grew from)."""
    columns = (CASE, Column("name", "基盤"), Column("kind", "種類"), Column("note", "補足"), SOURCE)
    rows = [
        Row(
            {
                "case": case_link(case, base),
                "name": b.name,
                "kind": b.kind,
                "note": b.note or "",
                "source": cite(b.source, source_by_id),
            },
        )
        for case, b in items
    ]
    return DataTable("bases", "ネットワークを生んだ基盤", columns, tuple(rows))


def lever_people(items, source_by_id: dict, base: str) -> DataTable:
    """items: (case, a person the report names)."""
    columns = (CASE, Column("name", "表記"), Column("role", "役割"), Column("organisation", "所属"), SOURCE)
    rows = [
        Row(
            {
                "case": case_link(case, base),
                "name": p.name,
                "role": p.role,
                "organisation": p.organisation or "",
                "source": cite(p.source, source_by_id),
            },
        )
        for case, p in items
    ]
    return DataTable("people", "報告書に登場するキーパーソン（報告書が記す役割のみ）", columns, tuple(rows))


def theme_matrix(matrix, cases, base: str) -> DataTable:
    """matrix: lessons.theme_matrix; a column per case (its number and short name), a row per theme."""
    columns = (
        Column("theme", "テーマ"),
        Column("cases", "事例数"),
        *(
            Column(
                f"case-{c.id}",
                Link(
                    (Span("matrix-number", case_number(c)), " ", Span("matrix-name", c.name.short)), base + page_path(c)
                ),
                sort="none",
                item=c,
            )
            for c in cases
        ),
    )
    rows = []
    for row in matrix:
        theme = row.theme
        name = f"（{theme.number}）{theme.title}" if theme.number else f"追加：{theme.title}"
        cells = {"theme": Link(name, f"{base}lessons/{theme.id}/"), "cases": row.cases}
        cells |= {f"case-{c.id}": n or None for c, n in zip(cases, row.counts)}
        rows.append(Row(cells))
    title = "テーマ × 事例：各事例の示唆のうち、そのテーマに当たるものの数（色が濃いほど多い）"
    return DataTable("matrix", title, columns, tuple(rows))


def page_marks(source) -> DataTable:
    """Where each page of a source ends, as far as its text keeps the page numbers."""
    columns = (Column("page", "ページ"), Column("ref", "そのページが終わる箇所"), Column("note", "位置"))
    rows = [Row({"page": m.page, "ref": m.ref, "note": m.note or ""}) for m in source.page_marks]
    return DataTable(f"page-marks-{source.id}", "テキストに残るページ番号", columns, tuple(rows))


def map_data(places, source_by_id: dict, base: str) -> DataTable:
    """places: the map's places (in Japan, then abroad), each with its cases."""
    columns = (
        Column("number", "番号"),
        CASE,
        Column("place", "場所"),
        Column("lat", "緯度"),
        Column("lon", "経度"),
        Column("precision", "精度"),
        Column("source", "所在地の出典"),
    )
    rows = [
        Row(
            {
                "number": case_label(c),
                "case": case_link(c, base),
                "place": p.label,
                "lat": c.place.coordinates.lat,
                "lon": c.place.coordinates.lon,
                "precision": vocab.COORDINATE_PRECISION[c.place.coordinates.precision],
                "source": cite(c.place.source, source_by_id),
            },
        )
        for p in places
        for c in p.cases
    ]
    return DataTable("map", "地図のデータ（所在地と代表点の精度）", columns, tuple(rows))
