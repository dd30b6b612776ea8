"""The open-data tables: one CSV (and one XLSX sheet) each, built from the models.

Every column says which schema fields it carries (`Column.fields`); its type,
its allowed values and its Japanese description are read from those pydantic
fields, so the data dictionary is the schema and is never written twice.
A test walks the models and proves that every scalar field lands in a column.

A citation (models.Citation) is either a place in the report (事例5（2）) or
{id, at} of another source; it is written in two columns, the place and the
source's ID (`source`, `source_id`), by one helper (`cite`).

Row order is defined, not incidental: cases by kind (vocab.KIND_ORDER: 事例,
コラム, 追加事例) and number, then the order of the items in the data file (shown
by a *_no column).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Annotated, Literal, Union

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ..data import vocab
from ..data.models import (
    CITE,
    Activity,
    Base,
    BreakdownItem,
    Case,
    Coordinates,
    DataNote,
    Dated,
    Event,
    Figure,
    JointOrders,
    LegalForm,
    Lesson,
    Link,
    Member,
    MemberCount,
    Metric,
    Name,
    NarrativeSection,
    PageMark,
    Partner,
    PeriodStr,
    Person,
    Place,
    Product,
    Region,
    Relation,
    Source,
    Status,
    Support,
    Term,
    Theme,
    citation_source_id,
    is_report_place,
)
from ..views import facts

LIST_SEPARATOR = "|"  # joins a list of values in one cell (ids, aliases)
TYPES = ("string", "integer", "number", "boolean", "period")  # period: a period string such as FY2002

_PERIOD_FUNC = typing.get_args(PeriodStr)[1].func


def _unwrap(annotation):
    """Optional[X] -> X; list[X] -> X; Annotated[X, ...] -> (X, metadata).

    A union of several forms (a citation: 事例5（2） or {id, at}) is one value and is returned whole,
    not as its first form.
    """
    metadata: list = []
    while True:
        origin = typing.get_origin(annotation)
        forms = [a for a in typing.get_args(annotation) if a is not type(None)]
        if origin in (Union, types.UnionType) and len(forms) > 1:
            return annotation, metadata
        if origin in (Union, types.UnionType):
            annotation = forms[0]
        elif origin is list:
            annotation = typing.get_args(annotation)[0]
        elif origin is Annotated:
            args = typing.get_args(annotation)
            annotation, metadata = args[0], metadata + list(args[1:])
        else:
            return annotation, metadata


def is_citation_field(model, name: str) -> bool:
    """Whether a field holds a citation (models.Citation): a place in the report or {id, at} of another source."""
    return CITE in model.model_fields[name].metadata


def is_list_field(model, name: str) -> bool:
    annotation = model.model_fields[name].annotation
    if typing.get_origin(annotation) in (Union, types.UnionType):
        annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
    return typing.get_origin(annotation) is list


def field_type(model, name: str) -> tuple[str, tuple[str, ...]]:
    """(column type, allowed values) of a model field, read from its annotation."""
    info = model.model_fields[name]
    annotation, metadata = _unwrap(info.annotation)
    metadata += info.metadata
    if typing.get_origin(annotation) is Literal:
        return "string", tuple(typing.get_args(annotation))
    if any(getattr(m, "func", None) is _PERIOD_FUNC for m in metadata):
        return "period", ()
    return {bool: "boolean", int: "integer", float: "number"}.get(annotation, "string"), ()


def field_description(model, name: str) -> str:
    info = model.model_fields[name]
    if info.description:
        return info.description
    _, metadata = _unwrap(info.annotation)  # Optional[PeriodStr] keeps it inside
    for item in metadata:
        if isinstance(item, FieldInfo) and item.description:
            return item.description
    raise LookupError(f"{model.__name__}.{name} has no description: give its Field a description in models.py")


def vocabulary_labels(values: tuple[str, ...]) -> dict[str, str]:
    """The Japanese labels of a controlled vocabulary, from vocab.py."""
    for table in (getattr(vocab, n) for n in dir(vocab) if n.isupper()):
        if isinstance(table, dict) and values and set(values) <= set(table):
            return {v: table[v] for v in values}
    return {}


@dataclass(frozen=True)
class Column:
    name: str
    description_ja: str
    type: str  # one of TYPES
    fields: tuple = ()  # ((Model, field name), ...) carried by this column
    enum: tuple = ()  # allowed values, for a controlled vocabulary
    get: Callable = field(default=lambda ctx: None, repr=False, compare=False)  # the cell's value from a row's models
    joined: bool = False  # a list written in one cell, its values joined by LIST_SEPARATOR
    references: tuple = ()  # (table, column) this column's values point at: a foreign key

    @property
    def labels(self) -> dict[str, str]:
        return vocabulary_labels(self.enum)


@dataclass
class Table:
    name: str
    description_ja: str
    columns: list[Column]
    rows: list[dict]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple = ()  # ((column, table, column), ...), with those of the columns' own references

    def __post_init__(self):
        own = tuple((c.name, *c.references) for c in self.columns if c.references)
        self.foreign_keys = tuple(self.foreign_keys) + tuple(k for k in own if k not in self.foreign_keys)

    @property
    def filename(self) -> str:
        return f"{self.name}.csv"

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


def _joined(values) -> str | None:
    for value in values:
        if LIST_SEPARATOR in value:
            raise ValueError(f"{value!r} に区切り文字 {LIST_SEPARATOR} が含まれています")
    return LIST_SEPARATOR.join(values) or None


def col(
    name: str, model, attr: str, note: str = "", get: Callable | None = None, also: tuple = (), kind: str | None = None
) -> Column:
    """A column carrying model.attr: type, values and description from the schema."""
    if is_citation_field(model, attr):  # its value may be {id, at}, which no single cell holds
        raise TypeError(f"{model.__name__}.{attr} is a citation: write its columns with cite()")
    schema_kind, enum = field_type(model, attr)
    kind = kind or schema_kind
    description = field_description(model, attr) + (f"。{note}" if note else "")
    if get is None:
        if is_list_field(model, attr):

            def get(ctx):
                item = ctx.get(model)
                return _joined(getattr(item, attr)) if item is not None else None
        else:

            def get(ctx):
                item = ctx.get(model)
                return getattr(item, attr) if item is not None else None

    return Column(name, description, kind, ((model, attr),) + also, enum, get, is_list_field(model, attr))


_SOURCES = ("sources", "source_id")  # where a citation's source ID points


def _citation_forms(model, attr: str) -> tuple[FieldInfo, type[BaseModel]]:
    """(the schema of a place in the report, the model of {id, at}): the two forms of a citation."""
    report_place, other = None, None
    for form in typing.get_args(model.model_fields[attr].annotation):
        inner, metadata = _unwrap(form)
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            other = inner
        else:
            report_place = next(m for m in metadata if isinstance(m, FieldInfo) and m.description)
    assert report_place is not None and other is not None, f"{model.__name__}.{attr}: a citation has both forms"
    return report_place, other


def _first_sentence(text: str) -> str:
    return text.split("。", 1)[0]


def cite(name: str, model, attr: str, note: str = "") -> list[Column]:
    """The two columns of a citation: the place (`name`) and the cited source's ID (`name`_id).

    The place is what the data wrote: 事例5（2） for the report (the meaning `source` always had),
    else the locator inside the other source (p. 45). The ID is sources.csv's source_id, `report` for a
    place in the report, so that every row names its source whichever form it was written in.
    """
    if not is_citation_field(model, attr):
        raise TypeError(f"{model.__name__}.{attr} is not a citation (models.Citation)")
    report_place, other = _citation_forms(model, attr)
    lead = f"{note}。" if note else ""

    def citation(ctx):
        item = ctx.get(model)
        return getattr(item, attr) if item is not None else None

    def place(ctx):
        value = citation(ctx)
        return value if value is None or is_report_place(value) else value.at

    def source_id(ctx):
        value = citation(ctx)
        return None if value is None else citation_source_id(value)

    at = other.model_fields["at"]
    assert at.description and at.examples and report_place.examples  # the schema documents both forms
    place_doc = (
        f"{lead}{report_place.description}か、報告書以外の出典なら{_first_sentence(at.description)}。"
        f"例 {report_place.examples[0]}、{at.examples[0]}（どの出典かは {name}_id）"
    )
    id_doc = (
        f"{lead}{field_description(other, 'id')}。sources.csv の source_id を指し、"
        f"{name} が報告書の箇所なら {vocab.REPORT_SOURCE}"
    )
    fields = ((model, attr),)
    return [
        Column(name, place_doc, "string", fields + ((other, "at"),), get=place),
        Column(f"{name}_id", id_doc, "string", fields + ((other, "id"),), get=source_id, references=_SOURCES),
    ]


def derived(name: str, description: str, get: Callable, kind: str = "string") -> Column:
    """A column computed from the data (a label, an order number), not a field."""
    return Column(name, description, kind, (), (), get)


def case_id() -> Column:
    """The link of a row to its case (the description is the link, not the ID format)."""
    column = col("case_id", Case, "id")
    return dataclasses.replace(column, description_ja="どの事例・コラムの行か（cases.csv の case_id）")


def ordinal(name: str, what: str) -> Column:
    return derived(
        name, f"その事例の中での{what}の順番（データファイルの記載順、1から）", lambda ctx: ctx["no"], "integer"
    )


def case_order(case: Case) -> tuple:
    return (vocab.KIND_ORDER[case.kind], case.number, case.id)


def _cases(dataset) -> list[Case]:
    return sorted(dataset.cases, key=case_order)


def _items(attr: str):
    def rows(dataset):
        for case in _cases(dataset):
            for no, item in enumerate(getattr(case, attr), 1):
                yield {Case: case, type(item): item, "no": no}

    return rows


def _case_rows(dataset):
    for case in _cases(dataset):
        place = case.place
        yield {
            Case: case,
            Name: case.name,
            Place: place,
            Coordinates: place.coordinates if place else None,
            Dated: case.founded,
            Status: case.status,
        }


def _with_breakdown(attr: str):
    """The total row (breakdown empty), then one row per breakdown item."""

    def rows(dataset):
        for case in _cases(dataset):
            for item in getattr(case, attr):
                yield {Case: case, type(item): item, BreakdownItem: None}
                for part in item.breakdown:
                    yield {Case: case, type(item): item, BreakdownItem: part}

    return rows


def _lesson_rows(dataset):
    for case in _cases(dataset):
        for no, lesson in enumerate(case.lessons, 1):
            for theme in lesson.themes:
                yield {Case: case, Lesson: lesson, "no": no, "theme": theme}


def _partner_rows(dataset):
    for case in _cases(dataset):
        for no, product in enumerate(case.products, 1):
            for pno, partner in enumerate(product.partners, 1):
                yield {Case: case, Product: product, Partner: partner, "no": no, "pno": pno}


def _unstated_rows(dataset):
    for case in _cases(dataset):
        for no, text in enumerate(case.unstated, 1):
            yield {Case: case, "no": no, "text": text}


def _joint_order_rows(dataset):
    for case in _cases(dataset):
        if case.joint_orders is not None:
            yield {Case: case, JointOrders: case.joint_orders}


def _theme_figure_rows(dataset):
    """The figures a theme's section of the report cites: a total row, then one row per breakdown item."""
    for theme in dataset.themes:
        for item in theme.figures:
            yield {Theme: theme, Figure: item, BreakdownItem: None}
            for part in item.breakdown:
                yield {Theme: theme, Figure: item, BreakdownItem: part}


def _page_mark_rows(dataset):
    for source in dataset.sources:
        for mark in source.page_marks:
            yield {Source: source, PageMark: mark}


def _listed(attr: str):
    def rows(dataset):
        for item in getattr(dataset, attr):
            yield {type(item): item}

    return rows


def _region_rows(dataset):
    for region in dataset.regions:
        for prefecture in region.prefectures:
            yield {Region: region, "prefecture": prefecture}


def _number_if(kind: str) -> Callable:
    """The case's number on rows of this kind (事例, コラム or 追加事例), empty on the others: each kind is numbered apart."""
    return lambda ctx: ctx[Case].number if ctx[Case].kind == kind else None


def _total_only(model, attr: str) -> Callable:
    """A parent's field shown on the total row only, empty on breakdown rows."""
    return lambda ctx: None if ctx[BreakdownItem] else getattr(ctx[model], attr)


def _partners_text(ctx) -> str | None:
    return _joined([f"{p.name}（{p.role}）" for p in ctx[Product].partners])


def _legal_form_now(ctx) -> str | None:
    form = facts.current_legal_form(ctx[Case])
    return form.form if form else None


_BREAKDOWN = "空の行は合計（全体）の値、項目名のある行はその内訳の値"


def _figure_columns(owner: Column) -> list[Column]:
    """The columns of a table of figures (metrics.csv, theme_metrics.csv); owner: the case or theme column."""
    # fmt: off
    return [
        owner, col("metric", Figure, "metric"),
        col("value", Figure, "value", "内訳の行では内訳の値", also=((BreakdownItem, "value"),),
            get=lambda ctx: ctx[BreakdownItem].value if ctx[BreakdownItem] else ctx[Figure].value),
        col("unit", Figure, "unit"), col("period", Figure, "period"), *cite("source", Figure, "source"),
        col("figure_id", Figure, "id", "この数値のID（事例・テーマの中で一意）"),
        col("label_ja", Figure, "label"),
        col("value_max", Figure, "value_max", get=_total_only(Figure, "value_max")),
        col("qualifier", Figure, "qualifier", "内訳の行では空", get=_total_only(Figure, "qualifier")),
        col("basis", Figure, "basis"),
        col("note", Figure, "note", get=_total_only(Figure, "note")),
        col("breakdown", BreakdownItem, "label", _BREAKDOWN),
        derived("unit_label_ja", "単位の日本語表記", lambda ctx: vocab.UNITS[ctx[Figure].unit]),
        col("derivation", Figure, "derivation", get=_total_only(Figure, "derivation")),
    ]
    # fmt: on


_CASE_FK = (("case_id", "cases", "case_id"),)

# One table per block, its columns side by side: easier to scan than one per line.
# fmt: off
# (name, description, row source, columns, primary key, foreign keys)
SPECS = [
    ("cases", "事例とコラムの一覧。1行が1事例", _case_rows, lambda: [
        col("case_id", Case, "id", "事例・コラムのID（ほかの表の case_id はこれを指す）"),
        col("case_no", Case, "number", "報告書の事例のみ（コラムは column_no、追加事例は added_no を使い、ここは空）",
            get=_number_if("case")),
        col("kind", Case, "kind"),
        col("name_ja", Name, "ja"),
        col("name_en", Name, "en"),
        col("section", Case, "section"),
        col("country", Place, "country"),
        col("prefecture", Place, "prefecture"),
        col("municipality", Place, "municipality"),
        col("founded", Dated, "date", "設立の時点"),
        col("latitude", Coordinates, "lat"),
        col("longitude", Coordinates, "lon"),
        col("column_no", Case, "number", "コラムのみ（事例・追加事例は空）", get=_number_if("column")),
        col("name_short", Name, "short"),
        col("name_en_official", Name, "en_official"),
        col("name_kana", Name, "kana"),
        col("summary_ja", Case, "summary"),
        derived("section_label_ja", "報告書の節の名称（section の日本語）",
                lambda ctx: vocab.SECTIONS.get(ctx[Case].section)),
        col("area_note", Place, "area_note"),
        col("coordinates_precision", Coordinates, "precision"),
        *cite("place_source", Place, "source", "所在地の出典"),
        *cite("founded_source", Dated, "source", "設立時点の出典"),
        derived("legal_form_now", "調査時点の法人格・組織形態（legal_forms.csv のうち最新のもの）", _legal_form_now),
        col("source_ids", Case, "sources", f"複数あるときは {LIST_SEPARATOR} で区切る（sources.csv の source_id）"),
        col("after_case_no", Case, "after_case"),
        col("added_no", Case, "number", "追加事例のみ（報告書の事例・コラムの番号とは別の通し番号。ほかは空）",
            get=_number_if("added")),
        col("status", Status, "state"),
        derived("status_label_ja", "その後の状態の日本語表記",
                lambda ctx: vocab.STATUS_STATES[ctx[Status].state] if ctx[Status] else None),
        col("status_as_of", Status, "as_of"),
        *cite("status_source", Status, "source", "その後の状態の出典"),
        col("status_note", Status, "note"),
    ], ("case_id",), ()),
    ("legal_forms", "法人格・組織形態の変遷（古い順）", _items("legal_forms"), lambda: [
        case_id(), col("legal_form", LegalForm, "form"), col("since", LegalForm, "since"),
        col("capital_jpy", LegalForm, "capital_jpy"), *cite("source", LegalForm, "source"),
        col("entity", LegalForm, "entity"), col("third_sector", LegalForm, "third_sector"),
        col("note", LegalForm, "note"), ordinal("legal_form_no", "法人格"),
    ], (), _CASE_FK),
    ("member_counts", "会員数などの数（時点つき）。合計の行と内訳の行", _with_breakdown("members"), lambda: [
        case_id(), col("as_of", MemberCount, "as_of"),
        col("count", MemberCount, "count", also=((BreakdownItem, "value"),), kind="number",
            get=lambda ctx: ctx[BreakdownItem].value if ctx[BreakdownItem] else ctx[MemberCount].count),
        col("unit", MemberCount, "unit"),
        col("breakdown", BreakdownItem, "label", _BREAKDOWN),
        *cite("source", MemberCount, "source"),
        col("count_id", MemberCount, "id", "この数のID（data_notes.csv の refers_to から参照）"),
        col("scope", MemberCount, "scope"),
        col("qualifier", MemberCount, "qualifier", "内訳の行では空", get=_total_only(MemberCount, "qualifier")),
        derived("unit_label_ja", "単位の日本語表記", lambda ctx: vocab.UNITS[ctx[MemberCount].unit]),
        col("derivation", MemberCount, "derivation", get=_total_only(MemberCount, "derivation")),
    ], (), _CASE_FK),
    ("metrics", "数値（売上、会費、件数など）。1行が1つの数値、内訳は別の行", _with_breakdown("figures"),
     lambda: _figure_columns(case_id()), (), _CASE_FK + (("metric", "metric_definitions", "metric"),)),
    ("products", "製品・共同受注案件・共同開発プロジェクトなど", _items("products"), lambda: [
        case_id(), col("name", Product, "name"), *cite("source", Product, "source"),
        col("kind", Product, "kind"), col("date", Product, "date"), col("description", Product, "description"),
        derived("partners", f"関わった相手（名称（役割））。複数は {LIST_SEPARATOR} で区切る。"
                "product_partners.csv と同じ内容", _partners_text),
        col("outcome", Product, "outcome"), ordinal("product_no", "製品・プロジェクト"),
    ], (), _CASE_FK),
    ("product_partners", "製品・プロジェクトに関わった相手（1行が1つの相手）", _partner_rows, lambda: [
        case_id(), derived("product_no", "products.csv の product_no", lambda ctx: ctx["no"], "integer"),
        col("product_name", Product, "name"), col("partner", Partner, "name"), col("role", Partner, "role"),
        derived("partner_no", "その製品・プロジェクトの中での順番", lambda ctx: ctx["pno"], "integer"),
    ], (), _CASE_FK),
    ("relations", "事例どうしの関係", _items("relations"), lambda: [
        case_id(), col("related_case_id", Relation, "target"), col("relation", Relation, "type"),
        col("note", Relation, "note"), *cite("source", Relation, "source"),
        derived("relation_label_ja", "関係の種類の日本語表記", lambda ctx: vocab.RELATION_TYPES[ctx[Relation].type]),
        ordinal("relation_no", "関係"),
    ], (), _CASE_FK + (("related_case_id", "cases", "case_id"),)),
    ("lessons", "北九州への示唆。1行が1つの示唆×1つのテーマ（示唆が複数のテーマに関わるときは複数行）",
     _lesson_rows, lambda: [
        case_id(), col("theme_id", Lesson, "themes", "この行のテーマ（themes.csv の theme_id）",
                       get=lambda ctx: ctx["theme"]),
        col("lesson_ja", Lesson, "text"), ordinal("lesson_no", "示唆"), *cite("source", Lesson, "source"),
    ], (), _CASE_FK + (("theme_id", "themes", "theme_id"),)),
    ("themes", "示唆のテーマ（報告書３．の8項目と編集部が加えたテーマ）", _listed("themes"), lambda: [
        col("theme_id", Theme, "id"), col("number", Theme, "number"), col("title_ja", Theme, "title"),
        col("origin", Theme, "origin"), col("report_heading", Theme, "report_heading"),
        col("summary_ja", Theme, "summary"), *cite("source", Theme, "source"),
    ], ("theme_id",), ()),
    ("theme_metrics", "報告書３．の各項目が引く数値（全国の統計など）。1行が1つの数値、内訳は別の行", _theme_figure_rows,
     lambda: _figure_columns(col("theme_id", Theme, "id", "どのテーマの数値か（themes.csv の theme_id）")),
     (), (("theme_id", "themes", "theme_id"), ("metric", "metric_definitions", "metric"))),
    ("glossary", "用語集", _listed("terms"), lambda: [
        col("term_id", Term, "id"), col("term", Term, "term"), col("reading", Term, "reading"),
        col("aliases", Term, "aliases", f"複数あるときは {LIST_SEPARATOR} で区切る"), col("definition_ja", Term, "definition"),
        col("case_ids", Term, "cases", f"複数あるときは {LIST_SEPARATOR} で区切る"),
        col("autolink", Term, "autolink"),
    ], ("term_id",), ()),
    ("members", "報告書が名前を挙げる会員企業・会員組織", _items("member_companies"), lambda: [
        case_id(), col("name", Member, "name"), col("business", Member, "business"),
        col("location", Member, "location"), col("role", Member, "role"), *cite("source", Member, "source"),
        ordinal("member_no", "会員"),
    ], (), _CASE_FK),
    ("data_notes", "データに関する注記（報告書の数値の食い違いなど）", _items("data_notes"), lambda: [
        case_id(), col("note_id", DataNote, "id"), col("kind", DataNote, "kind"), col("text", DataNote, "text"),
        col("refers_to", DataNote, "refers_to",
            f"metrics.csv の figure_id・member_counts.csv の count_id。複数は {LIST_SEPARATOR} で区切る"),
        *cite("source", DataNote, "source"),
        col("concerns", DataNote, "concerns", f"複数は {LIST_SEPARATOR} で区切る"),
    ], (), _CASE_FK),
    ("support", "公的な支援（補助金、事務局の引受けなど）", _items("support"), lambda: [
        case_id(), col("provider", Support, "provider"), col("kind", Support, "kind"),
        col("description", Support, "description"), col("amount_jpy", Support, "amount_jpy"),
        col("amount_basis", Support, "amount_basis"), col("period", Support, "period"),
        col("duration_years", Support, "duration_years"), *cite("source", Support, "source"),
        ordinal("support_no", "支援"),
    ], (), _CASE_FK),
    ("timeline", "沿革（報告書が記す出来事）", _items("timeline"), lambda: [
        case_id(), col("date", Event, "date"), col("event", Event, "event"), *cite("source", Event, "source"),
        ordinal("event_no", "出来事"),
    ], (), _CASE_FK),
    ("people", "報告書に公的な役割で登場する人物", _items("people"), lambda: [
        case_id(), col("name", Person, "name"), col("role", Person, "role"),
        col("organisation", Person, "organisation"), *cite("source", Person, "source"), ordinal("person_no", "人物"),
    ], (), _CASE_FK),
    ("activities", "主な活動", _items("activities"), lambda: [
        case_id(), col("name", Activity, "name"), col("description", Activity, "description"),
        *cite("source", Activity, "source"), ordinal("activity_no", "活動"),
    ], (), _CASE_FK),
    ("narrative", "経緯と特徴の要約（編集部の言葉で）", _items("narrative"), lambda: [
        case_id(), ordinal("section_no", "要約"), col("title", NarrativeSection, "title"),
        col("text_ja", NarrativeSection, "text"), *cite("source", NarrativeSection, "source"),
    ], (), _CASE_FK),
    ("joint_orders", "共同受注の仕組み（1事例1行、仕組みのない事例は行なし）", _joint_order_rows, lambda: [
        case_id(), col("mechanism", JointOrders, "mechanism"), col("window", JointOrders, "window"),
        col("responsibility", JointOrders, "responsibility"), col("allocation", JointOrders, "allocation"),
        col("response_promise", JointOrders, "response_promise"), col("fee", JointOrders, "fee"),
        col("note", JointOrders, "note"), *cite("source", JointOrders, "source"),
    ], ("case_id",), _CASE_FK),
    ("bases", "ネットワークを生んだ基盤となる組織", _items("bases"), lambda: [
        case_id(), col("name", Base, "name"), col("kind", Base, "kind"), col("note", Base, "note"),
        *cite("source", Base, "source"), ordinal("base_no", "基盤"),
    ], (), _CASE_FK),
    ("unstated", "報告書が記していない項目（空欄の意味を示す）", _unstated_rows, lambda: [
        case_id(), ordinal("item_no", "項目"),
        col("item", Case, "unstated", "この行の項目", get=lambda ctx: ctx["text"]),
    ], (), _CASE_FK),
    ("links", "関連するウェブページ", _items("links"), lambda: [
        case_id(), col("title", Link, "title"), col("url", Link, "url"), ordinal("link_no", "リンク"),
    ], (), _CASE_FK),
    ("metric_definitions", "数値の指標（metrics.csv の metric の意味）", _listed("metrics"), lambda: [
        col("metric", Metric, "id"), col("label_ja", Metric, "label"), col("description_ja", Metric, "description"),
        col("group", Metric, "group"),
    ], ("metric",), ()),
    ("sources", "出典", _listed("sources"), lambda: [
        col("source_id", Source, "id"), col("title", Source, "title"), col("author", Source, "author"),
        col("published", Source, "published"), col("note", Source, "note"),
        col("known", Source, "known", f"複数は {LIST_SEPARATOR} で区切る"),
        col("unknown", Source, "unknown", f"複数は {LIST_SEPARATOR} で区切る"),
        col("kind", Source, "kind"),
        derived("kind_label_ja", "出典の種類の日本語表記", lambda ctx: vocab.SOURCE_KINDS[ctx[Source].kind]),
        col("publisher", Source, "publisher"), col("url", Source, "url"), col("accessed", Source, "accessed"),
        col("quoting", Source, "quoting"),
    ], ("source_id",), ()),
    ("source_pages", "出典のテキストに残るページ番号と、そのページが終わる箇所", _page_mark_rows, lambda: [
        col("source_id", Source, "id", "どの出典か（sources.csv の source_id）"), col("page", PageMark, "page"),
        col("ref", PageMark, "ref"), col("note", PageMark, "note"),
    ], ("source_id", "page"), (("source_id", "sources", "source_id"),)),
    ("regions", "地方区分（都道府県がどの地方に入るか。1行が1つの都道府県）", _region_rows, lambda: [
        col("region_id", Region, "id"), col("label_ja", Region, "label"),
        col("prefecture", Region, "prefectures", "この行の都道府県", get=lambda ctx: ctx["prefecture"]),
    ], ("prefecture",), ()),
]
# fmt: on


def empty_tables() -> dict[str, Table]:
    """Every table's name, description, columns and keys, without rows (no data needed)."""
    return {
        name: Table(name, description, columns(), [], primary_key, foreign_keys)
        for name, description, _, columns, primary_key, foreign_keys in SPECS
    }


def table_columns() -> dict[str, list[Column]]:
    """The columns of every table (no data needed): the data dictionary."""
    return {name: table.columns for name, table in empty_tables().items()}


def build_tables(dataset) -> dict[str, Table]:
    tables = {}
    for name, description, source, make_columns, primary_key, foreign_keys in SPECS:
        columns = make_columns()
        rows = [{c.name: c.get(ctx) for c in columns} for ctx in source(dataset)]
        tables[name] = Table(name, description, columns, rows, primary_key, foreign_keys)
    return tables
