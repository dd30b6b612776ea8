"""The one schema of the data (pydantic). Validation, the JSON Schema for
editors, the data dictionary page and the export column docs all come from it.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from . import vocab
from .periods import FORMAT_HELP, parse_period

# ---------------------------------------------------------------- scalar types


def _period(value: object) -> str:
    return parse_period(value).text


def _literal(values: dict) -> object:
    return Literal.__getitem__(tuple(values))


PeriodStr = Annotated[
    str,
    BeforeValidator(_period),
    Field(description=f"時点または期間。{FORMAT_HELP}", examples=["1999", "2003-11", "FY2002", "FP2003-02"]),
]

REF_PATTERN = r"^(事例(1[0-6]|[1-9])|コラム[12]|[1-3]．)(（[0-9]+）)?[^\n]{0,40}$"
Ref = Annotated[
    str,
    Field(
        pattern=REF_PATTERN,
        description="報告書内の出典箇所（事例番号と小見出し）",
        examples=["事例5（2）", "事例11（2）脚注17", "3．（8）"],
    ),
]
Id = Annotated[
    str,
    Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60, description="英小文字・数字・ハイフンのID"),
]
# YAML folds a line break in a ">-" block into a space, which Japanese does
# not use between words: drop a space that sits between two wide characters.
_FOLDED_SPACE = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef]) (?=[\u3000-\u9fff\uff00-\uffef])")


def _unfold_japanese(text: str) -> str:
    return _FOLDED_SPACE.sub("", text)


Text = Annotated[str, AfterValidator(_unfold_japanese), Field(min_length=1, max_length=4000)]
ShortText = Annotated[str, AfterValidator(_unfold_japanese), Field(min_length=1, max_length=200)]

_UNSAFE_URL = re.compile(r"^\s*(javascript|data|vbscript|file):", re.IGNORECASE)


def _safe_url(url: str) -> str:
    if _UNSAFE_URL.match(url) or not re.match(r"^https?://[^\s<>\"']+$", url):
        raise ValueError("URL は http:// か https:// で始まる通常のアドレスにしてください")
    return url


Url = Annotated[str, AfterValidator(_safe_url)]


class Strict(BaseModel):
    """Unknown fields are errors; types are not silently coerced."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# ------------------------------------------------------------------- parts


class Name(Strict):
    ja: ShortText = Field(description="正式名称（日本語）", examples=["アドック神戸"])
    short: ShortText = Field(description="表やグラフで使う短い名称", examples=["アドック神戸"])
    en: ShortText = Field(description="英語名", examples=["ADOC Kobe"])
    en_official: bool = Field(
        default=False, description="英語名が報告書に書かれた正式なものなら true、編集部の訳なら false"
    )
    kana: ShortText | None = Field(default=None, description="読み（分かる場合）")


class Coordinates(Strict):
    lat: float = Field(ge=-90, le=90, description="緯度（世界測地系）")
    lon: float = Field(ge=-180, le=180, description="経度")
    precision: _literal(vocab.COORDINATE_PRECISION) = Field(
        description="座標の精度。報告書は座標を記さないので編集部が代表点を置いた"
    )


class Place(Strict):
    country: Literal["JP", "US"] = Field(description="国（ISO 3166-1 alpha-2）")
    prefecture: ShortText | None = Field(default=None, description="都道府県・州", examples=["兵庫県"])
    municipality: ShortText | None = Field(default=None, description="市区町村（報告書が記す場合）")
    area_note: ShortText | None = Field(default=None, description="範囲が広い場合の説明", examples=["京都府南部"])
    coordinates: Coordinates
    source: Ref


class Base(Strict):
    name: ShortText = Field(description="ネットワークを生んだ基盤となる組織", examples=["兵庫県中小企業家同友会"])
    kind: ShortText = Field(description="基盤の種類", examples=["中小企業家同友会"])
    note: Text | None = None
    source: Ref


class Dated(Strict):
    date: PeriodStr
    source: Ref


class LegalForm(Strict):
    form: _literal(vocab.LEGAL_FORMS) = Field(description="法人格・組織形態")
    entity: ShortText = Field(description="その形態をとる組織の名称", examples=["有限会社アドック神戸"])
    since: PeriodStr | None = Field(default=None, description="その形態になった時期（不明なら省略）")
    capital_jpy: int | None = Field(default=None, ge=0, le=10**13, description="資本金（円）")
    third_sector: bool = Field(default=False, description="第三セクター（官民共同出資）なら true")
    note: Text | None = None
    source: Ref


class BreakdownItem(Strict):
    label: ShortText = Field(examples=["産"])
    value: float = Field(ge=0, description="内訳の値（親と同じ単位）")


class MemberCount(Strict):
    id: Id
    scope: ShortText = Field(description="何を数えたか", examples=["会員企業", "メンバークラスター"])
    count: int = Field(ge=0, le=10_000_000)
    unit: _literal({k: vocab.UNITS[k] for k in ("companies", "people", "organisations", "groups")})
    qualifier: _literal(vocab.QUALIFIERS) = "exact"
    as_of: PeriodStr = Field(description="時点。報告書の「現在」は 2003/2004")
    breakdown: list[BreakdownItem] = Field(default_factory=list, description="内訳（産・学・官など）")
    source: Ref


class Figure(Strict):
    id: Id
    metric: Id = Field(description="data/metrics.yaml の指標ID", examples=["sales", "membership_fee"])
    label: ShortText = Field(description="この数値の説明（日本語）", examples=["売上高"])
    value: float = Field(ge=0, le=1e15)
    value_max: float | None = Field(default=None, ge=0, le=1e15, description="範囲の上限（150〜200件など）")
    qualifier: _literal(vocab.QUALIFIERS) = "exact"
    unit: _literal(vocab.UNITS)
    period: PeriodStr = Field(description="数値の時点または対象期間")
    basis: ShortText | None = Field(default=None, description="算定の基礎（売上、利益など）")
    breakdown: list[BreakdownItem] = Field(default_factory=list)
    note: Text | None = None
    source: Ref


class Member(Strict):
    name: ShortText = Field(description="報告書が挙げる会員の名称", examples=["㈱藤井金型製作所"])
    business: ShortText | None = Field(default=None, description="事業内容")
    location: ShortText | None = Field(default=None, description="所在地（報告書が記す場合）")
    role: ShortText | None = Field(default=None, description="グループ内の役割", examples=["代表幹事"])
    source: Ref


class Support(Strict):
    provider: ShortText = Field(examples=["東大阪市"])
    kind: _literal(vocab.SUPPORT_KINDS)
    description: Text
    amount_jpy: int | None = Field(default=None, ge=0, le=10**13)
    amount_basis: Literal["per_year", "total", "per_month"] | None = None
    period: PeriodStr | None = None
    duration_years: float | None = Field(default=None, gt=0, le=100)
    source: Ref


class Activity(Strict):
    name: ShortText
    description: Text
    source: Ref


class JointOrders(Strict):
    mechanism: _literal(vocab.JOINT_ORDER_MECHANISMS)
    window: ShortText = Field(description="発注者の窓口")
    responsibility: ShortText = Field(description="誰が責任を負うか")
    allocation: Text = Field(description="仕事の割り振り方")
    response_promise: ShortText | None = Field(default=None, description="回答の約束（2時間以内など）")
    fee: ShortText | None = Field(default=None, description="グループへの手数料の考え方")
    note: Text | None = None
    source: Ref


class Partner(Strict):
    name: ShortText
    role: ShortText


class Product(Strict):
    name: ShortText
    kind: _literal(vocab.PRODUCT_KINDS)
    date: PeriodStr | None = None
    description: Text
    partners: list[Partner] = Field(default_factory=list)
    outcome: Text | None = None
    source: Ref


class Event(Strict):
    date: PeriodStr
    event: Text
    source: Ref


class Relation(Strict):
    type: _literal(vocab.RELATION_TYPES)
    target: Id = Field(description="関係先の事例・コラムのID")
    note: Text | None = None
    source: Ref


class Person(Strict):
    name: ShortText = Field(description="報告書に書かれた表記のまま")
    role: ShortText = Field(description="報告書が記す公的な役割のみ")
    organisation: ShortText | None = None
    source: Ref


class Lesson(Strict):
    text: Text = Field(description="北九州への示唆（編集部の言葉で要約）")
    themes: list[Id] = Field(min_length=1, description="data/themes.yaml のテーマID")
    source: Ref


class NarrativeSection(Strict):
    title: ShortText
    text: Text = Field(description="編集部の言葉による要約（引用は短く「」で）")
    source: Ref


class DataNote(Strict):
    id: Id
    kind: _literal(vocab.NOTE_KINDS)
    text: Text
    refers_to: list[Id] = Field(default_factory=list, description="関係する数値・会員数のID")
    source: Ref


class Link(Strict):
    title: ShortText
    url: Url


# ---------------------------------------------------------------- entities


class Case(Strict):
    """One case (事例) or column (コラム) of chapter III."""

    id: Id = Field(description="URL とファイル名に使うID", examples=["adock-kobe"])
    kind: _literal(vocab.KINDS)
    number: int = Field(ge=1, le=99999, description="報告書の事例番号・コラム番号（追加事例は17から）")
    section: _literal(vocab.SECTIONS) | None = Field(default=None, description="報告書の節（コラムは省略）")
    name: Name
    summary: Text = Field(description="数行の要約（編集部の言葉で）")
    place: Place | None = None
    bases: list[Base] = Field(default_factory=list)
    founded: Dated | None = None
    legal_forms: list[LegalForm] = Field(default_factory=list, description="設立以降の法人格の変遷（古い順）")
    members: list[MemberCount] = Field(default_factory=list)
    member_companies: list[Member] = Field(default_factory=list)
    support: list[Support] = Field(default_factory=list)
    activities: list[Activity] = Field(default_factory=list)
    joint_orders: JointOrders | None = None
    products: list[Product] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    timeline: list[Event] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    narrative: list[NarrativeSection] = Field(default_factory=list)
    lessons: list[Lesson] = Field(default_factory=list)
    data_notes: list[DataNote] = Field(default_factory=list)
    unstated: list[ShortText] = Field(default_factory=list, description="報告書が記していない項目")
    links: list[Link] = Field(default_factory=list)
    sources: list[Id] = Field(min_length=1, description="data/sources.yaml の出典ID")


class Theme(Strict):
    id: Id
    number: int | None = Field(default=None, ge=1, le=99, description="報告書３．の番号（追加テーマは省略）")
    title: ShortText = Field(description="テーマの見出し（編集部の言葉）")
    report_heading: ShortText | None = Field(default=None, description="報告書の見出し（短い引用）")
    summary: Text
    origin: _literal(vocab.THEME_ORIGINS)
    source: Ref


class Term(Strict):
    id: Id
    term: ShortText
    reading: ShortText | None = None
    aliases: list[ShortText] = Field(default_factory=list)
    definition: Text
    cases: list[Id] = Field(default_factory=list, description="この用語が重要な事例")
    autolink: bool = Field(
        default=True, description="本文中の語に説明を自動で付けるか（「現在」のように普通の意味でも使う語は false）"
    )


class Metric(Strict):
    id: Id
    label: ShortText
    description: Text


class Source(Strict):
    id: Id
    title: ShortText
    author: ShortText | None = None
    year: int | None = Field(default=None, ge=1800, le=2100)
    note: Text | None = None


class ThemeFile(Strict):
    themes: list[Theme]


class GlossaryFile(Strict):
    terms: list[Term]


class MetricFile(Strict):
    metrics: list[Metric]


class SourceFile(Strict):
    sources: list[Source]
