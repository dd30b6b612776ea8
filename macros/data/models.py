"""The one schema of the data (pydantic). Validation, the JSON Schema for
editors, the data dictionary page and the export column docs all come from it.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Iterator
from functools import cache
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    AllowInfNan,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
)

from . import characters, vocab
from .periods import FORMAT_HELP, parse_period

# ---------------------------------------------------------------- scalar types


class FieldKind:
    """A mark on a field type, so that checks across files find every value of that kind (values_of_kind).

    A kind whose values may be models (a citation {id, at}) yields them whole instead of looking inside.
    """

    def __init__(self, name: str, whole_models: bool = False):
        self.name = name
        self.whole_models = whole_models

    def __repr__(self) -> str:
        return f"FieldKind({self.name!r})"


PERIOD = FieldKind("period")
REF = FieldKind("ref")


def _period(value: object) -> str:
    return parse_period(value).text


def _plain(pattern):
    """A validator refusing control and invisible characters (and, on one line, tab and line feed)."""

    def check(text: str) -> str:
        message = characters.hidden_character_message(text, pattern)
        if message:
            raise ValueError(message)
        return text

    return AfterValidator(check)


_MULTI_LINE = _plain(characters.MULTI_LINE)
_SINGLE_LINE = _plain(characters.SINGLE_LINE)


def _literal(values: dict) -> object:
    return Literal.__getitem__(tuple(values))


PeriodStr = Annotated[
    str,
    BeforeValidator(_period),
    PERIOD,
    Field(description=f"時点または期間。{FORMAT_HELP}", examples=["1999", "2003-11", "FY2002", "FP2003-02"]),
]

# 事例N, コラムN or a numbered part of the chapter (3．); a subsection as the report writes it, （k）
# with half-width digits; then a table, figure or footnote of it, or a heading quoted in 「」 (no markup).
# Which cases, columns and parts exist is checked against the data (checks.py).
_REF_HEAD = r"事例[1-9][0-9]*|コラム[1-9][0-9]*|[1-9]．"
_REF_SUBSECTION = r"（[1-9][0-9]?）"
_REF_DETAIL = r"表|図表|図|脚注[1-9][0-9]*"
_REF_HEADING = "「[^「」<>&\"'`\\n]{1,40}」"  # no escape in the class: editors read it as a JavaScript regex
REF_PATTERN = rf"^({_REF_HEAD})({_REF_SUBSECTION})?({_REF_DETAIL})?({_REF_HEADING})?$"
_REF = re.compile(REF_PATTERN)


def ref_location(ref: str) -> tuple[str, str]:
    """('事例5', '（2）') of '事例5（2）脚注17': the part of the chapter a reference names, and its subsection."""
    match = _REF.match(ref)
    return (match.group(1), match.group(2) or "") if match else ("", "")


Ref = Annotated[
    str,
    Field(
        pattern=REF_PATTERN,
        description="報告書内の出典箇所（事例番号と小見出し）",
        examples=["事例5（2）", "事例11（2）脚注17", "3．（8）"],
    ),
    _SINGLE_LINE,
    REF,
]
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# A place inside a source other than the report: one or more forms of vocab.LOCATOR_FORMS joined by 「、」.
# Which forms fit which kind of source is checked against data/sources.yaml (checks.py).
_LOCATOR_PART = "|".join(pattern for pattern, _ in vocab.LOCATOR_FORMS.values())
LOCATOR_PATTERN = rf"^({_LOCATOR_PART})(、({_LOCATOR_PART}))*$"
LOCATOR_HELP = "、".join(words for _, words in vocab.LOCATOR_FORMS.values())
# What a contributor reads after 「書式が違います」 (messages.py), by the pattern that failed.
PATTERN_HINTS = {
    REF_PATTERN: "出典は 事例5（2）、事例11（2）脚注17、事例7（1）表、コラム1「見出し」、3．（8） のように書きます"
    "（括弧は全角、番号は半角数字。後ろに付けられるのは 表・図・図表・脚注N・「見出し」だけ）",
    ID_PATTERN: "ID は英小文字・数字・ハイフンで書きます（例: adock-kobe）",
    LOCATOR_PATTERN: f"箇所（at）は {LOCATOR_HELP} のどれかで書きます（いくつかを「、」でつなげます）",
}
Id = Annotated[
    str,
    Field(pattern=ID_PATTERN, max_length=60, description="英小文字・数字・ハイフンのID"),
]


class SourceCite(BaseModel):
    """報告書以外の出典の箇所：{id: 出典ID, at: 箇所}（例：{id: kobe-report-2021, at: p. 12}）。"""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
    id: Id = Field(
        description="data/sources.yaml の出典ID（この事例の sources に挙げたもの）", examples=["kobe-report-2021"]
    )
    at: Annotated[str, _SINGLE_LINE] = Field(
        pattern=LOCATOR_PATTERN,
        max_length=120,
        description=f"出典の中の箇所。{LOCATOR_HELP}",
        examples=["p. 12", "第3章、p. 45", "#members"],
    )


# The two forms of a citation; the tags name them in pydantic's errors, and messages.py leaves them out.
CITATION_TAGS = ("report-place", "source-place")


def _citation_form(value: object) -> str:
    return CITATION_TAGS[1] if isinstance(value, (dict, SourceCite)) else CITATION_TAGS[0]


CITE = FieldKind("citation", whole_models=True)
Citation = Annotated[
    Annotated[Ref, Tag(CITATION_TAGS[0])] | Annotated[SourceCite, Tag(CITATION_TAGS[1])],
    Discriminator(_citation_form),
    CITE,
    Field(
        description=(
            "出典：報告書の箇所（事例5（2））か、ほかの出典の {id: 出典ID, at: 箇所}（p. 12、第3章、#members など）"
        )
    ),
]


def is_report_place(citation: object) -> bool:
    """Whether a citation is a place in the report (事例5（2）), not {id, at} of another source."""
    return isinstance(citation, str)


def citation_source_id(citation: str | SourceCite) -> str:
    return vocab.REPORT_SOURCE if isinstance(citation, str) else citation.id


# YAML folds a line break in a ">-" block into a space, which Japanese does
# not use between words: drop a space that sits between two wide characters.
_FOLDED_SPACE = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef]) (?=[\u3000-\u9fff\uff00-\uffef])")


def _unfold_japanese(text: str) -> str:
    return _FOLDED_SPACE.sub("", text)


# Text may span lines (tab and line feed allowed); ShortText is one line. Neither holds control,
# direction-changing or invisible characters (characters.py).
Text = Annotated[str, AfterValidator(_unfold_japanese), _MULTI_LINE, Field(min_length=1, max_length=4000)]
ShortText = Annotated[str, AfterValidator(_unfold_japanese), _SINGLE_LINE, Field(min_length=1, max_length=200)]
# Every number in the data: .inf, .nan and values too big for a float are refused (messages.py).
Number = Annotated[float, AllowInfNan(False)]

_UNSAFE_URL = re.compile(r"^\s*(javascript|data|vbscript|file):", re.IGNORECASE)


def _safe_url(url: str) -> str:
    if _UNSAFE_URL.match(url) or not re.match(r"^https?://[^\s<>\"']+$", url):
        raise ValueError("URL は http:// か https:// で始まる通常のアドレスにしてください")
    return url


Url = Annotated[str, _SINGLE_LINE, AfterValidator(_safe_url)]


class Strict(BaseModel):
    """Unknown fields are errors; types are not silently coerced."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# ------------------------------------------------------------------- parts


class Name(Strict):
    ja: ShortText = Field(description="正式名称（日本語）", examples=["アドック神戸"])
    short: ShortText = Field(description="表やグラフで使う短い名称", examples=["アドック神戸"])
    en: ShortText = Field(description="英語名", examples=["ADOC Kobe"])
    en_official: bool = Field(
        default=False, description="英語名が出典に書かれた正式なものなら true、編集部の訳なら false"
    )
    kana: ShortText | None = Field(default=None, description="読み（分かる場合）")


class Coordinates(Strict):
    lat: Number = Field(ge=-90, le=90, description="緯度（世界測地系）")
    lon: Number = Field(ge=-180, le=180, description="経度")
    precision: _literal(vocab.COORDINATE_PRECISION) = Field(
        description="座標の精度。出典は座標を記さないことが多いので編集部が代表点を置く"
    )


class Place(Strict):
    """Where the case stands (for the map)."""

    country: _literal(vocab.COUNTRIES) = Field(description="国（ISO 3166-1 alpha-2）")
    prefecture: ShortText | None = Field(default=None, description="都道府県・州", examples=["兵庫県"])
    municipality: ShortText | None = Field(default=None, description="市区町村（出典が記す場合）")
    area_note: ShortText | None = Field(default=None, description="範囲が広い場合の説明", examples=["京都府南部"])
    coordinates: Coordinates = Field(description="地図上の代表点")
    source: Citation


class Base(Strict):
    name: ShortText = Field(description="ネットワークを生んだ基盤となる組織", examples=["兵庫県中小企業家同友会"])
    kind: ShortText = Field(description="基盤の種類", examples=["中小企業家同友会"])
    note: Text | None = Field(default=None, description="基盤についての注記")
    source: Citation


class Dated(Strict):
    date: PeriodStr
    source: Citation


class LegalForm(Strict):
    form: _literal(vocab.LEGAL_FORMS) = Field(description="法人格・組織形態")
    entity: ShortText = Field(description="その形態をとる組織の名称", examples=["有限会社アドック神戸"])
    since: PeriodStr | None = Field(default=None, description="その形態になった時期（不明なら省略）")
    capital_jpy: int | None = Field(default=None, ge=0, le=10**13, description="資本金（円）")
    third_sector: bool = Field(default=False, description="第三セクター（官民共同出資）なら true")
    note: Text | None = Field(default=None, description="法人格についての注記")
    source: Citation


class BreakdownItem(Strict):
    label: ShortText = Field(description="内訳の項目名（産・学・官など）", examples=["産"])
    value: Number = Field(ge=0, le=1e15, description="内訳の値（親と同じ単位）")


class MemberCount(Strict):
    id: Id
    scope: ShortText = Field(description="何を数えたか", examples=["会員企業", "メンバークラスター"])
    count: int = Field(ge=0, le=10_000_000, description="数（内訳の行では内訳の値）")
    unit: _literal({k: vocab.UNITS[k] for k in ("companies", "people", "organisations", "groups")}) = Field(
        description="単位"
    )
    qualifier: _literal(vocab.QUALIFIERS) = Field(
        default="exact", description="数の限定（約・超・以上・未満・以下。exact は限定なし）"
    )
    as_of: PeriodStr = Field(description="時点。報告書の「現在」は 2003/2004、ほかの出典の「現在」はその出典の時点")
    breakdown: list[BreakdownItem] = Field(default_factory=list, description="内訳（産・学・官など）")
    derivation: ShortText | None = Field(
        default=None,
        description=(
            "報告書に数として書かれていない値を編集部が導いたときの導き方（一覧から数えた、「皆無」を0とした、など）。"
            "報告書の数値そのものなら省略"
        ),
    )
    source: Citation


class Figure(Strict):
    id: Id
    metric: Id = Field(description="data/metrics.yaml の指標ID", examples=["sales", "membership-fee"])
    label: ShortText = Field(description="この数値の説明（日本語）", examples=["売上高"])
    value: Number = Field(ge=0, le=1e15, description="数値（範囲のときは下限）")
    value_max: Number | None = Field(default=None, ge=0, le=1e15, description="範囲の上限（150〜200件など）")
    qualifier: _literal(vocab.QUALIFIERS) = Field(
        default="exact", description="数値の限定（約・超・以上・未満・以下・範囲。exact は限定なし）"
    )
    unit: _literal(vocab.UNITS) = Field(description="単位")
    period: PeriodStr = Field(description="数値の時点または対象期間")
    basis: ShortText | None = Field(default=None, description="算定の基礎（売上、利益など）")
    breakdown: list[BreakdownItem] = Field(default_factory=list, description="内訳")
    note: Text | None = Field(default=None, description="数値についての注記")
    derivation: ShortText | None = Field(
        default=None,
        description=(
            "報告書に数として書かれていない値を編集部が導いたときの導き方（一覧から数えた、「皆無」を0とした、など）。"
            "報告書の数値そのものなら省略"
        ),
    )
    source: Citation


class Member(Strict):
    name: ShortText = Field(description="出典が挙げる会員の名称", examples=["㈱藤井金型製作所"])
    business: ShortText | None = Field(default=None, description="事業内容")
    location: ShortText | None = Field(default=None, description="所在地（出典が記す場合）")
    role: ShortText | None = Field(default=None, description="グループ内の役割", examples=["代表幹事"])
    source: Citation


class Support(Strict):
    provider: ShortText = Field(description="支援した組織", examples=["東大阪市"])
    kind: _literal(vocab.SUPPORT_KINDS) = Field(description="支援の種類")
    description: Text = Field(description="支援の内容")
    amount_jpy: int | None = Field(default=None, ge=0, le=10**13, description="金額（円）")
    amount_basis: _literal(vocab.AMOUNT_BASES) | None = Field(
        default=None, description="金額の単位期間（年額・総額・月額）"
    )
    period: PeriodStr | None = Field(default=None, description="支援の時期・期間")
    duration_years: Number | None = Field(default=None, gt=0, le=100, description="支援の期間（年）")
    source: Citation


class Activity(Strict):
    name: ShortText = Field(description="活動の名称")
    description: Text = Field(description="活動の内容（編集部の言葉で）")
    source: Citation


class JointOrders(Strict):
    mechanism: _literal(vocab.JOINT_ORDER_MECHANISMS) = Field(description="共同受注で誰が責任を負うかの方式")
    window: ShortText = Field(description="発注者の窓口")
    responsibility: ShortText = Field(description="誰が責任を負うか")
    allocation: Text = Field(description="仕事の割り振り方")
    response_promise: ShortText | None = Field(default=None, description="回答の約束（2時間以内など）")
    fee: ShortText | None = Field(default=None, description="グループへの手数料の考え方")
    note: Text | None = Field(default=None, description="共同受注の仕組みについての注記")
    source: Citation


class Partner(Strict):
    name: ShortText = Field(description="関わった相手の名称")
    role: ShortText = Field(description="相手の役割（発注者など）")


class Product(Strict):
    name: ShortText = Field(description="製品・プロジェクトの名称")
    kind: _literal(vocab.PRODUCT_KINDS) = Field(description="製品・プロジェクトの種類")
    date: PeriodStr | None = Field(default=None, description="時期")
    description: Text = Field(description="内容（編集部の言葉で）")
    partners: list[Partner] = Field(default_factory=list, description="関わった相手")
    outcome: Text | None = Field(default=None, description="結果・成果")
    source: Citation


class Event(Strict):
    date: PeriodStr = Field(description="時期")
    event: Text = Field(description="出来事（編集部の言葉で）")
    source: Citation


class Relation(Strict):
    type: _literal(vocab.RELATION_TYPES) = Field(description="関係の種類")
    target: Id = Field(description="関係先の事例・コラムのID")
    note: Text | None = Field(default=None, description="関係についての注記")
    source: Citation


class Person(Strict):
    name: ShortText = Field(description="出典に書かれた表記のまま")
    role: ShortText = Field(description="出典が記す公的な役割のみ")
    organisation: ShortText | None = Field(default=None, description="所属する組織")
    source: Citation


class Lesson(Strict):
    text: Text = Field(description="北九州への示唆（編集部の言葉で要約）")
    themes: list[Id] = Field(min_length=1, description="data/themes.yaml のテーマID")
    source: Citation


class NarrativeSection(Strict):
    title: ShortText = Field(description="要約の見出し")
    text: Text = Field(description="編集部の言葉による要約（引用は短く「」で）")
    source: Citation


class DataNote(Strict):
    id: Id
    kind: _literal(vocab.NOTE_KINDS) = Field(description="注記の種類")
    text: Text = Field(description="注記の本文")
    refers_to: list[Id] = Field(default_factory=list, description="関係する数値・会員数のID")
    concerns: list[_literal(vocab.NOTE_CONCERNS)] = Field(
        default_factory=list,
        description="注記が関係する、数値・会員数以外の項目（要約・沿革・関連する事例など）。ページのその項目から注記へリンクする",
    )
    source: Citation


class Link(Strict):
    title: ShortText = Field(description="リンク先の名称")
    url: Url = Field(description="リンク先のアドレス（http:// か https://）")


class Status(Strict):
    """その後：出典のあと、ネットワークがどうなったか（状態・時点・出典）。"""

    state: _literal(vocab.STATUS_STATES) = Field(
        description="その後の状態。分からなければ unknown（不明）とし、時点は最後に分かっている出典の時点にする"
    )
    as_of: PeriodStr = Field(description="この状態の時点（出典が記す時点）", examples=["2004", "2012-03"])
    note: Text | None = Field(default=None, description="状態についての補足（改組・統合の相手など、編集部の言葉で）")
    source: Citation


# ---------------------------------------------------------------- entities


class Case(Strict):
    """One case (事例) or column (コラム) of chapter III."""

    id: Id = Field(description="URL とファイル名に使うID", examples=["adock-kobe"])
    kind: _literal(vocab.KINDS) = Field(
        description="報告書の事例（case）かコラム（column）か、報告書以外の出典による追加事例（added）か"
    )
    number: int = Field(
        ge=1,
        le=99999,
        description="報告書の事例番号・コラム番号。追加事例は報告書とは別の通し番号（追加事例1、2…）",
    )
    section: _literal(vocab.SECTIONS) | None = Field(
        default=None, description="報告書の節（コラムは省略。追加事例は近い節を選ぶか省略）"
    )
    after_case: int | None = Field(
        default=None,
        ge=1,
        le=99999,
        description="コラムが報告書で置かれている位置：直前の事例の番号（全事例集の並びに使う。事例は省略）",
    )
    name: Name = Field(description="名称（正式名称・短い名称・英語名）")
    summary: Text = Field(description="数行の要約（編集部の言葉で）")
    status: Status | None = Field(
        default=None,
        title="その後",
        description="出典のあとどうなったか（事例・追加事例は必須。分からなければ state: unknown）",
    )
    place: Place | None = Field(default=None, description="所在地（地図に使う）")
    bases: list[Base] = Field(default_factory=list, description="ネットワークを生んだ基盤（同友会・自治体・大学など）")
    founded: Dated | None = Field(default=None, description="設立の時期")
    legal_forms: list[LegalForm] = Field(default_factory=list, description="設立以降の法人格の変遷（古い順）")
    members: list[MemberCount] = Field(default_factory=list, title="会員数", description="会員数（時点ごとに1件）")
    member_companies: list[Member] = Field(
        default_factory=list, title="会員企業・団体", description="出典が名前を挙げる会員企業・団体"
    )
    support: list[Support] = Field(default_factory=list, description="公的な支援（補助金・事務局の引受けなど）")
    activities: list[Activity] = Field(default_factory=list, description="主な活動")
    joint_orders: JointOrders | None = Field(default=None, description="共同受注の仕組み")
    products: list[Product] = Field(default_factory=list, description="製品・共同受注案件・共同開発などのプロジェクト")
    figures: list[Figure] = Field(
        default_factory=list, title="数値", description="出典に書かれた数値（単位・時点・出典つき）"
    )
    timeline: list[Event] = Field(default_factory=list, description="沿革（出来事）")
    relations: list[Relation] = Field(default_factory=list, description="他の事例・コラムとの関係")
    people: list[Person] = Field(default_factory=list, description="出典に登場する人物（出典が記す公的な役割のみ）")
    narrative: list[NarrativeSection] = Field(default_factory=list, description="経緯と特徴（見出しつきの要約）")
    lessons: list[Lesson] = Field(default_factory=list, description="北九州への示唆")
    data_notes: list[DataNote] = Field(
        default_factory=list,
        title="データの注記",
        description="出典の食い違い・あいまいさなどの注記（黙って直さずここに書く）",
    )
    unstated: list[ShortText] = Field(default_factory=list, description="出典が記していない項目")
    links: list[Link] = Field(default_factory=list, description="関連するウェブページ")
    sources: list[Id] = Field(min_length=1, description="data/sources.yaml の出典ID")


class Theme(Strict):
    id: Id
    number: int | None = Field(default=None, ge=1, le=99, description="報告書３．の番号（追加テーマは省略）")
    title: ShortText = Field(description="テーマの見出し（編集部の言葉）")
    report_heading: ShortText | None = Field(default=None, description="報告書の見出し（短い引用）")
    summary: Text = Field(description="テーマの要約（編集部の言葉で）")
    origin: _literal(vocab.THEME_ORIGINS) = Field(description="報告書の示唆か、編集部が加えたテーマか")
    figures: list[Figure] = Field(
        default_factory=list,
        title="数値",
        description="報告書がこの示唆の節で引く数値（全国の統計など。単位・時点・出典つき）",
    )
    source: Citation


class Term(Strict):
    id: Id
    term: ShortText = Field(description="用語")
    reading: ShortText | None = Field(default=None, description="読み")
    aliases: list[ShortText] = Field(default_factory=list, description="別の表記")
    definition: Text = Field(description="用語の説明（編集部の言葉で）")
    cases: list[Id] = Field(default_factory=list, description="この用語が重要な事例")
    autolink: bool = Field(
        default=True, description="本文中の語に説明を自動で付けるか（「現在」のように普通の意味でも使う語は false）"
    )


class Metric(Strict):
    id: Id
    label: ShortText = Field(description="指標の名称")
    description: Text = Field(description="指標の説明")
    group: _literal(vocab.METRIC_GROUPS) | None = Field(
        default=None, description="サイトのどの表・グラフに載る指標か（なければどれにも載せない）"
    )


class PageMark(Strict):
    page: int = Field(ge=1, le=9999, description="テキストに残るページ番号（ページ下の「- 12 -」など）")
    ref: Ref = Field(description="そのページが終わる箇所（事例番号と小見出し）")
    note: ShortText | None = Field(default=None, description="位置の補足（どの段落の途中かなど）")


def _https(url: str) -> str:
    if not url.startswith("https://"):
        raise ValueError("出典の URL は https:// で始まるアドレスにしてください")
    return url


class Source(Strict):
    id: Id
    kind: _literal(vocab.SOURCE_KINDS) = Field(description="出典の種類")
    title: ShortText = Field(description="出典の表題")
    author: ShortText | None = Field(default=None, description="著者（分かる場合。著者か発行者のどちらかは必須）")
    publisher: ShortText | None = Field(default=None, description="発行者（自治体・出版社・サイトの運営者など）")
    published: PeriodStr | None = Field(
        default=None,
        description="発行の時点（分かる精度で：2021、2021-03、2021-03-15）。ウェブページで分からなければ省略し accessed で限る",
        examples=["2004", "2021-03"],
    )
    url: Annotated[Url, AfterValidator(_https)] | None = Field(
        default=None, description="出典のアドレス（https://。ウェブページは必須）"
    )
    accessed: PeriodStr | None = Field(
        default=None, description="ウェブページを確かめた日（YYYY-MM-DD。ウェブページは必須）", examples=["2026-11-30"]
    )
    quoting: Text = Field(
        description="この出典から引用してよい範囲（例：短い語句だけを「」で。数値と事実は編集部の言葉で）"
    )
    note: Text | None = Field(default=None, description="出典についての注記")
    known: list[Text] = Field(default_factory=list, description="この出典について分かっていること（根拠とともに）")
    unknown: list[ShortText] = Field(default_factory=list, description="この出典について分かっていないこと")
    page_marks: list[PageMark] = Field(
        default_factory=list, description="テキストに残るページ番号と、そのページが終わる箇所（古い順）"
    )


class Region(Strict):
    id: Id
    label: ShortText = Field(description="地方の名称（比較表の絞り込みに使う）", examples=["近畿"])
    prefectures: list[ShortText] = Field(min_length=1, description="この地方に入る都道府県", examples=[["大阪府"]])


class ThemeFile(Strict):
    themes: list[Theme] = Field(description="示唆のテーマ")


class GlossaryFile(Strict):
    terms: list[Term] = Field(description="用語")


class MetricFile(Strict):
    metrics: list[Metric] = Field(description="数値の指標")


class SourceFile(Strict):
    sources: list[Source] = Field(description="出典")


class RegionFile(Strict):
    regions: list[Region] = Field(description="地方区分")


# ------------------------------------------------------------- field kinds


def _kinds_in(annotation) -> frozenset:
    found: set[FieldKind] = set()
    for arg in typing.get_args(annotation):  # through X | None, list[X] and Annotated[X, ...]
        found |= {arg} if isinstance(arg, FieldKind) else _kinds_in(arg)
    return frozenset(found)


def _models_in(annotation) -> set:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return {annotation}
    return {m for arg in typing.get_args(annotation) for m in _models_in(arg)}


@cache
def _plan(model: type[BaseModel], kind: FieldKind) -> tuple:
    """(name, whether its values are of the kind) of the fields of a model class that are, or hold models that hold, values of one kind."""
    plan = []
    for name, info in model.model_fields.items():
        marked = kind in (frozenset(m for m in info.metadata if isinstance(m, FieldKind)) | _kinds_in(info.annotation))
        if marked or any(_plan(inner, kind) for inner in _models_in(info.annotation)):
            plan.append((name, marked))
    return tuple(plan)


def values_of_kind(model: BaseModel, kind: FieldKind, loc: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """(where, value) of every value of one kind (PERIOD, REF) in a model and the models inside it."""
    for name, marked in _plan(type(model), kind):
        value = getattr(model, name)
        items = enumerate(value) if isinstance(value, list) else [(None, value)]
        for index, item in items:
            where = loc + ((name,) if index is None else (name, index))
            if marked and (isinstance(item, str) or kind.whole_models):
                yield where, item
            elif isinstance(item, BaseModel):
                yield from values_of_kind(item, kind, where)


def periods_with_citations(model: BaseModel, citation: object = None, loc: tuple = ()) -> Iterator[tuple]:
    """(where, period, the citation of the innermost fact that holds it) of every period in a model.

    A fact is a model with its own `source`; a period is dated by the source its own fact cites.
    """
    if "source" in type(model).model_fields:
        citation = model.source  # type: ignore[attr-defined]  # any model with the field, looked up just above
    for name, marked in _plan(type(model), PERIOD):
        value = getattr(model, name)
        items = enumerate(value) if isinstance(value, list) else [(None, value)]
        for index, item in items:
            where = loc + ((name,) if index is None else (name, index))
            if isinstance(item, BaseModel):
                yield from periods_with_citations(item, citation, where)
            elif marked and isinstance(item, str):
                yield where, item, citation
