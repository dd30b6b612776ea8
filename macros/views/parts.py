"""What each macro and each part of a generated page shows: data in, HTML out (no MkDocs)."""

from __future__ import annotations

from ..data import vocab
from . import case_tables, citation, facts, lessons, overview_tables
from .chart_svg import NARROW_WIDTH, picture
from .compare import compare_rows, facets, legal_form_path, money_rows
from .data_table import DataTable
from .map_svg import map_context
from .plots import for_plotly
from .render import Rendered, base_for, render
from .side_by_side import FIELDS, MAX_CHOSEN, side_columns

# Where each part of a case that a data note can concern (vocab.NOTE_CONCERNS) is
# shown on the case page: the note is linked from each of these page parts.
PARTS_SHOWING = {
    "summary": ("header",),
    "place": ("infobox",),
    "bases": ("infobox", "organisation"),
    "founded": ("infobox", "timeline"),
    "legal_forms": ("organisation", "timeline"),
    "member_companies": ("member-list",),
    "support": ("support",),
    "activities": ("activities",),
    "joint_orders": ("joint-orders",),
    "products": ("products",),
    "timeline": ("timeline",),
    "relations": ("relations",),
    "people": ("people",),
    "narrative": ("narrative",),
    "lessons": ("lessons",),
}


def _render(dataset, template: str, **context) -> str:
    """A part of a page; its citations of other sources than the report name them (cite in _macros.html),
    and its time notes say which years its facts describe (data_scope)."""
    return render(template, source_by_id=dataset.source_by_id, data_scope=facts.data_time_scope(dataset), **context)


def _with_table(dataset, template: str, table: DataTable, **context) -> Rendered:
    """A part that shows one table of data (its template names it `table`)."""
    return Rendered(_render(dataset, template, table=table, **context), (table,))


def _with_note_links(case, part: str, html: str, id_prefix: str) -> str:
    """The part, with links to the data notes about what it shows (after the summary, before a section)."""
    notes = facts.notes_concerning(case, [field for field, shown in PARTS_SHOWING.items() if part in shown])
    if not notes:
        return html
    links = render("case-note-links.html", links=case_tables.note_links(notes), id_prefix=id_prefix)
    return f"{html}\n{links}" if part == "header" else f"{links}\n{html}"


def _case_tables(case, part: str, source_by_id: dict) -> dict[str, DataTable | None]:
    """The tables of data a part of a case page shows, by the name its template gives them."""
    if part == "figures":
        return {"table": case_tables.case_figures(case, source_by_id)}
    if part == "organisation":
        return {
            "legal_forms": case_tables.legal_forms(case, source_by_id) if case.legal_forms else None,
            "member_counts": case_tables.member_counts(case, source_by_id) if case.members else None,
        }
    builders = {
        "member-list": case_tables.member_list,
        "products": case_tables.products,
        "support": case_tables.support,
        "timeline": case_tables.timeline,
        "people": case_tables.people,
    }
    return {"table": builders[part](case, source_by_id)} if part in builders else {}


def case_part(
    dataset,
    case_id: str,
    part: str,
    page_url: str,
    site_url: str = "",
    feedback: citation.Feedback | None = None,
    *,
    id_prefix: str = "",
    heading_offset: int = 0,
    with_title: bool = True,
) -> Rendered:
    """One part of a case page; feedback: where readers tell the editors (none in the 全事例集 or without one).

    On a page that holds many cases (the 全事例集) the part is rendered with a prefix for its ids, same-page
    links and CSV names, its headings heading_offset levels lower, and the header without the case's title.
    """
    case = dataset.case_by_id[case_id]
    tables = {
        name: table.renamed(id_prefix) if table else None
        for name, table in _case_tables(case, part, dataset.source_by_id).items()
    }
    context = {
        "case": case,
        "base": base_for(page_url),
        "themes": dataset.theme_by_id,
        "cite_ctx": citation.case_context(dataset, case, citation.page_address(page_url, site_url), feedback),
        "id_prefix": id_prefix,
        "heading_offset": heading_offset,
        **tables,
    }
    if part == "header":
        context["scope"] = facts.time_scope(case, dataset)
        context["title"] = with_title
    elif part == "status":
        context["tell"] = feedback.tell(case) if feedback else None
    elif part == "relations":
        context["related"] = facts.related_cases(case, dataset)
    elif part == "sources":
        by_id = {s.id: s for s in dataset.sources}
        context["sources"] = [by_id[s] for s in case.sources]
        context["page_marks"] = facts.page_marks_in(f"{vocab.KINDS[case.kind]}{case.number}", context["sources"])
    html = _with_note_links(case, part, _render(dataset, f"case-{part}.html", **context), id_prefix)
    return Rendered(html, tuple(t for t in tables.values() if t))


def case_index(dataset, page_url: str) -> Rendered:
    rows = compare_rows(dataset, dataset.cases)
    table = overview_tables.case_index(rows, facts.data_time_scope(dataset), base_for(page_url))
    return _filtered_table(dataset, "case-index.html", table, rows, page_url)


def theme_page(dataset, theme_id: str, page_url: str, site_url: str = "") -> Rendered:
    found = lessons.evidence(dataset, theme_id)
    theme = dataset.theme_by_id[theme_id]
    figures = case_tables.theme_figures(theme, dataset.source_by_id) if theme.figures else None
    html = _render(
        dataset,
        "theme-page.html",
        theme=theme,
        figures=figures,
        cite_ctx=citation.site_context(dataset, theme.title, citation.page_address(page_url, site_url)),
        evidence=[(c, ls) for c, ls in found if c.kind == "case"],
        columns=[(c, ls) for c, ls in found if c.kind == "column"],
        base=base_for(page_url),
    )
    return Rendered(html, (figures,) if figures else ())


def themes_overview(dataset, page_url: str) -> Rendered:
    table = overview_tables.theme_matrix(lessons.theme_matrix(dataset), dataset.cases, base_for(page_url))
    return _with_table(dataset, "theme-matrix.html", table)


_LEVERS = {
    "support": (lessons.supports_with_terms, overview_tables.lever_support),
    "programmes": (lessons.programme_offspring, overview_tables.lever_programmes),
    "bases": (lessons.bases, overview_tables.lever_bases),
    "people": (lessons.people, overview_tables.lever_people),
}


def policy_levers(dataset, part: str, page_url: str) -> Rendered:
    items, build = _LEVERS[part]
    table = build(items(dataset), dataset.source_by_id, base_for(page_url))
    return _with_table(dataset, f"levers-{part}.html", table)


def lessons_brief(dataset, page_url: str) -> str:
    themes = [(t, lessons.evidence(dataset, t.id)) for t in dataset.themes]
    return _render(dataset, "lessons-brief.html", themes=themes, base=base_for(page_url))


def glossary(dataset, page_url: str) -> str:
    terms = sorted(dataset.terms, key=lambda t: t.reading or t.term)
    return _render(dataset, "glossary.html", terms=terms, cases=dataset.case_by_id, base=base_for(page_url))


def home_stats(dataset) -> dict:
    return {
        "cases": len(dataset.numbered_cases()),
        "columns": len(dataset.columns()),
        "added": len(dataset.added_cases()),
        "later_sources": len([s for s in dataset.sources if s.id != vocab.REPORT_SOURCE]),
        "themes": len([t for t in dataset.themes if t.origin == "report"]),
        "figures": sum(len(c.figures) + len(c.members) for c in dataset.cases),
        "lessons": sum(len(c.lessons) for c in dataset.cases),
        "member_companies": sum(len(c.member_companies) for c in dataset.cases),
    }


def _chart_html(dataset, chart, page_url: str, site_url: str) -> str:
    return _render(
        dataset,
        "chart.html",
        chart=chart,
        pic=picture(chart.figure),
        narrow=picture(chart.figure, NARROW_WIDTH),
        plotly=for_plotly(chart.figure),
        base=base_for(page_url),
        cite_ctx=citation.site_context(dataset, "", citation.page_address(page_url, site_url)),
    )


def chart(dataset, charts: dict, chart_id: str, page_url: str, site_url: str = "") -> str:
    """One chart of charts (all_charts of the data set, made once per build)."""
    return _chart_html(dataset, charts[chart_id], page_url, site_url)


def charts_of_kind(dataset, charts: dict, kind: str, page_url: str, site_url: str = "") -> str:
    return "\n".join(_chart_html(dataset, c, page_url, site_url) for c in charts.values() if c.kind == kind)


def compare_table(dataset, page_url: str) -> Rendered:
    rows = compare_rows(dataset)
    table = overview_tables.comparison(rows, facts.data_time_scope(dataset), base_for(page_url))
    return _filtered_table(dataset, "compare-table.html", table, rows, page_url)


def _filtered_table(dataset, template: str, table: DataTable, rows, page_url: str) -> Rendered:
    """A table of cases with the shared filters (table-filters.html); each row carries its facet values."""
    return _with_table(dataset, template, table, facets=facets(rows), base=base_for(page_url))


def joint_orders_table(dataset, page_url: str) -> Rendered:
    cases = [c for c in dataset.cases if c.joint_orders]
    response = dataset.metric_ids_in("response")
    replies = {c.id: [f for f in c.figures if f.metric in response] for c in cases}
    scope = facts.data_time_scope(dataset)
    table = overview_tables.joint_orders(cases, replies, scope, dataset.source_by_id, base_for(page_url))
    return _with_table(dataset, "compare-joint-orders.html", table)


def source_about(dataset, page_url: str) -> Rendered:
    """What is known of the report, what is not, how citations map to its text, and its page numbers."""
    page_marks = {s.id: overview_tables.page_marks(s) for s in dataset.sources if s.page_marks}
    html = _render(
        dataset, "source-about.html", sources=dataset.sources, page_marks=page_marks, base=base_for(page_url)
    )
    return Rendered(html, tuple(page_marks.values()))


def money_table(dataset, page_url: str) -> Rendered:
    scope = facts.data_time_scope(dataset)
    table = overview_tables.money(money_rows(dataset), scope, dataset.source_by_id, base_for(page_url))
    return _with_table(dataset, "compare-money.html", table)


def legal_forms_table(dataset, page_url: str) -> Rendered:
    paths = [(c, legal_form_path(c)) for c in dataset.cases if c.legal_forms]
    table = overview_tables.legal_form_paths(paths, dataset.source_by_id, base_for(page_url))
    return _with_table(dataset, "compare-legal-forms.html", table)


def case_map(dataset, page_url: str) -> Rendered:
    context = map_context(dataset)
    table = overview_tables.map_data(context["places"] + context["abroad"], dataset.source_by_id, base_for(page_url))
    return _with_table(dataset, "map.html", table, base=base_for(page_url), **context)


def side_by_side(dataset, page_url: str) -> str:
    """Every case and column in a column of its own; side-by-side.js shows the chosen few."""
    return _render(
        dataset,
        "side-by-side.html",
        columns=side_columns(dataset),
        fields=FIELDS,
        max_chosen=MAX_CHOSEN,
        base=base_for(page_url),
    )
