"""The tables of data of one case's page (and a theme's figures): each table's columns and rows of cells.

The templates (case-*.html) draw them and the build writes each as a CSV beside the page
(macros/views/data_table.py). Every function takes what the table shows and the data's
sources by id (for the citations of other sources than the report).
"""

from __future__ import annotations

from ..data import vocab
from ..data.periods import period_label
from . import facts
from .data_table import LINE_BREAK, Column, DataTable, Link, Row, Span, cite, joined
from .formatting import figure_text, member_text, plain_number, quantity, support_amount

SOURCE = Column("source", "出典")


def note_links(notes) -> tuple:
    """Links from a figure, a count or a part of the page to the data notes about it (on the same page)."""
    if not notes:
        return ()
    links = joined((Link(vocab.NOTE_KINDS[n.kind], anchor=f"note-{n.id}") for n in notes), "、")
    return (Span("note-links", ("注記：", *links)),)


def _breakdown(items) -> str:
    return "、".join(f"{b.label} {plain_number(b.value)}" for b in items)


def _derivation(item) -> tuple:
    return (" ", Span("derivation", f"編集部による値：{item.derivation}。")) if item.derivation else ()


def figure_table(figures, notes_on, source_by_id: dict, title: str) -> DataTable:
    """Figures with unit, time and source; notes_on(figure id): the data notes that name the figure."""
    columns = (
        Column("label", "項目"),
        Column("value", "値"),
        Column("period", "時点・期間"),
        Column("basis", "算定の基礎・注記"),
        SOURCE,
    )
    rows = []
    for f in figures:
        value = (
            (figure_text(f), LINE_BREAK, Span("breakdown", f"内訳：{_breakdown(f.breakdown)}"))
            if f.breakdown
            else figure_text(f)
        )
        basis = (
            f"基礎：{f.basis}。" if f.basis else "",
            f.note or "",
            *_derivation(f),
            " ",
            *note_links(notes_on(f.id)),
        )
        cells = {
            "label": f.label,
            "value": value,
            "period": period_label(f.period),
            "basis": basis,
            "source": cite(f.source, source_by_id),
        }
        rows.append(Row(cells, item=f, anchor=f"figure-{f.id}"))
    return DataTable("figures", title, columns, tuple(rows))


def case_figures(case, source_by_id: dict) -> DataTable:
    return figure_table(
        case.figures, lambda item: facts.notes_on(case, item), source_by_id, "主な数値（単位・時点・出典つき）"
    )


def theme_figures(theme, source_by_id: dict) -> DataTable:
    return figure_table(theme.figures, lambda item: [], source_by_id, f"報告書「３．（{theme.number}）」が引く数値")


def legal_forms(case, source_by_id: dict) -> DataTable:
    columns = (
        Column("since", "時期"),
        Column("form", "形態"),
        Column("entity", "組織"),
        Column("capital", "資本金"),
        Column("note", "注記"),
        SOURCE,
    )
    rows = [
        Row(
            {
                "since": period_label(lf.since) if lf.since else "記載なし",
                "form": lf.form + ("（第三セクター）" if lf.third_sector else ""),
                "entity": lf.entity,
                "capital": quantity(lf.capital_jpy, "JPY") if lf.capital_jpy is not None else "—",
                "note": lf.note or "",
                "source": cite(lf.source, source_by_id),
            },
        )
        for lf in case.legal_forms
    ]
    return DataTable("legal-forms", "組織形態・法人格の変遷", columns, tuple(rows))


def member_counts(case, source_by_id: dict) -> DataTable:
    columns = (
        Column("scope", "数えたもの"),
        Column("count", "数"),
        Column("breakdown", "内訳・注記"),
        Column("as_of", "時点"),
        SOURCE,
    )
    rows = [
        Row(
            {
                "scope": m.scope,
                "count": member_text(m),
                "breakdown": (_breakdown(m.breakdown), *_derivation(m), " ", *note_links(facts.notes_on(case, m.id))),
                "as_of": period_label(m.as_of),
                "source": cite(m.source, source_by_id),
            },
            item=m,
            anchor=f"count-{m.id}",
        )
        for m in case.members
    ]
    return DataTable("member-counts", "会員数（時点つき）", columns, tuple(rows))


def member_list(case, source_by_id: dict) -> DataTable:
    """The member companies the report names; the location column only where some member has one."""
    with_location = any(m.location for m in case.member_companies)
    columns = (
        Column("number", "#"),
        Column("name", "名称"),
        Column("business", "事業内容"),
        *((Column("location", "所在地"),) if with_location else ()),
        Column("role", "役割"),
        SOURCE,
    )
    rows = [
        Row(
            {
                "number": number,
                "name": m.name,
                "business": m.business or "",
                "location": m.location or "",
                "role": m.role or "",
                "source": cite(m.source, source_by_id),
            },
        )
        for number, m in enumerate(case.member_companies, 1)
    ]
    title = f"報告書が挙げる会員（{len(case.member_companies)}件）"
    return DataTable("members", title, columns, tuple(rows))


def products(case, source_by_id: dict) -> DataTable:
    columns = (
        Column("name", "名称"),
        Column("kind", "種類"),
        Column("date", "時期"),
        Column("description", "内容"),
        Column("partners", "参画者"),
        Column("outcome", "結果"),
        SOURCE,
    )
    rows = [
        Row(
            {
                "name": p.name,
                "kind": vocab.PRODUCT_KINDS[p.kind],
                "date": period_label(p.date) if p.date else "",
                "description": p.description,
                "partners": joined((f"{pt.name}（{pt.role}）" for pt in p.partners), LINE_BREAK),
                "outcome": p.outcome or "",
                "source": cite(p.source, source_by_id),
            },
        )
        for p in case.products
    ]
    return DataTable("products", "製品・プロジェクト", columns, tuple(rows))


def support_period(s) -> str:
    """2001年〜2003年（3年間）: when a public support ran, and for how long."""
    years = f"（{plain_number(s.duration_years)}年間）" if s.duration_years else ""
    return (period_label(s.period) if s.period else "") + years


def support(case, source_by_id: dict) -> DataTable:
    columns = (
        Column("provider", "支援者"),
        Column("kind", "種類"),
        Column("description", "内容"),
        Column("amount", "金額"),
        Column("period", "期間"),
        SOURCE,
    )
    rows = [
        Row(
            {
                "provider": s.provider,
                "kind": vocab.SUPPORT_KINDS[s.kind],
                "description": s.description,
                "amount": support_amount(s) or "—",
                "period": support_period(s),
                "source": cite(s.source, source_by_id),
            },
        )
        for s in case.support
    ]
    return DataTable("support", "公的支援", columns, tuple(rows))


def timeline(case, source_by_id: dict) -> DataTable:
    columns = (Column("date", "時期"), Column("event", "出来事"), SOURCE)
    rows = [
        Row({"date": period_label(e.date), "event": e.event, "source": cite(e.source, source_by_id)})
        for e in facts.timeline_events(case)
    ]
    return DataTable("timeline", "沿革（出典に書かれた出来事）", columns, tuple(rows))


def people(case, source_by_id: dict) -> DataTable:
    columns = (Column("name", "表記"), Column("role", "役割"), Column("organisation", "所属"), SOURCE)
    rows = [
        Row(
            {
                "name": p.name,
                "role": p.role,
                "organisation": p.organisation or "",
                "source": cite(p.source, source_by_id),
            },
        )
        for p in case.people
    ]
    return DataTable("people", "報告書に登場する人物（報告書が記す役割のみ）", columns, tuple(rows))
