"""What each macro and each part of a generated page shows: data in, HTML out (no MkDocs)."""

from __future__ import annotations

from ..data import vocab
from . import citation, facts, lessons
from .chart_svg import NARROW_WIDTH, picture
from .compare import compare_rows, facet_values, facets, legal_form_path, money_rows
from .map_svg import map_context
from .plots import for_plotly
from .render import base_for, render
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


def _with_note_links(case, part: str, html: str) -> str:
    """The part, with links to the data notes about what it shows (after the summary, before a section)."""
    notes = facts.notes_concerning(case, [field for field, shown in PARTS_SHOWING.items() if part in shown])
    if not notes:
        return html
    links = render("case-note-links.html", notes=notes)
    return f"{html}\n{links}" if part == "header" else f"{links}\n{html}"


def case_part(
    dataset, case_id: str, part: str, page_url: str, site_url: str = "", feedback: citation.Feedback | None = None
) -> str:
    """One part of a case page; feedback: where readers tell the editors (none in the 全事例集 or without one)."""
    case = dataset.case_by_id[case_id]
    context = {
        "case": case,
        "base": base_for(page_url),
        "themes": dataset.theme_by_id,
        "cite_ctx": citation.case_context(dataset, case, citation.page_address(page_url, site_url), feedback),
    }
    if part == "header":
        context["scope"] = facts.time_scope(case, dataset)
    elif part == "status":
        context["tell"] = feedback.tell(case) if feedback else None
    elif part == "timeline":
        context["events"] = facts.timeline_events(case)
    elif part == "relations":
        context["related"] = facts.related_cases(case, dataset)
    elif part == "member-list":
        context["has_location"] = any(m.location for m in case.member_companies)
    elif part == "sources":
        by_id = {s.id: s for s in dataset.sources}
        context["sources"] = [by_id[s] for s in case.sources]
        context["page_marks"] = facts.page_marks_in(f"{vocab.KINDS[case.kind]}{case.number}", context["sources"])
    return _with_note_links(case, part, _render(dataset, f"case-{part}.html", **context))


def case_index(dataset, page_url: str) -> str:
    return _filtered_table(dataset, "case-index.html", compare_rows(dataset, dataset.cases), page_url)


def theme_page(dataset, theme_id: str, page_url: str, site_url: str = "") -> str:
    found = lessons.evidence(dataset, theme_id)
    theme = dataset.theme_by_id[theme_id]
    return _render(
        dataset,
        "theme-page.html",
        theme=theme,
        cite_ctx=citation.site_context(dataset, theme.title, citation.page_address(page_url, site_url)),
        evidence=[(c, ls) for c, ls in found if c.kind == "case"],
        columns=[(c, ls) for c, ls in found if c.kind == "column"],
        base=base_for(page_url),
    )


def themes_overview(dataset, page_url: str) -> str:
    return _render(
        dataset, "theme-matrix.html", rows=lessons.theme_matrix(dataset), cases=dataset.cases, base=base_for(page_url)
    )


def policy_levers(dataset, part: str, page_url: str) -> str:
    data = {
        "support": lessons.supports_with_terms,
        "programmes": lessons.programme_offspring,
        "bases": lessons.bases,
        "people": lessons.people,
    }[part](dataset)
    return _render(dataset, f"levers-{part}.html", rows=data, base=base_for(page_url))


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


def compare_table(dataset, page_url: str) -> str:
    return _filtered_table(dataset, "compare-table.html", compare_rows(dataset), page_url)


def _filtered_table(dataset, template: str, rows, page_url: str) -> str:
    """A table of cases with the shared filters (table-filters.html); each row carries its facet values."""
    return _render(
        dataset,
        template,
        rows=[(r, facet_values(r)) for r in rows],
        facets=facets(rows),
        base=base_for(page_url),
    )


def joint_orders_table(dataset, page_url: str) -> str:
    cases = [c for c in dataset.cases if c.joint_orders]
    response = dataset.metric_ids_in("response")
    replies = {c.id: [f for f in c.figures if f.metric in response] for c in cases}
    return _render(dataset, "compare-joint-orders.html", cases=cases, replies=replies, base=base_for(page_url))


def source_about(dataset, page_url: str) -> str:
    """What is known of the report, what is not, how citations map to its text, and its page numbers."""
    return _render(dataset, "source-about.html", sources=dataset.sources, base=base_for(page_url))


def money_table(dataset, page_url: str) -> str:
    return _render(dataset, "compare-money.html", rows=money_rows(dataset), base=base_for(page_url))


def legal_forms_table(dataset, page_url: str) -> str:
    paths = [(c, legal_form_path(c)) for c in dataset.cases if c.legal_forms]
    return _render(dataset, "compare-legal-forms.html", paths=paths, base=base_for(page_url))


def case_map(dataset, page_url: str) -> str:
    return _render(dataset, "map.html", base=base_for(page_url), **map_context(dataset))


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
