"""The report's own conflicts: each is recorded as a data note of its kind, linked from what it concerns.

FOUND lists what the check of every case against the report found (CONTRIBUTING.md,
「報告書と照らし合わせる手順」): the note, its kind, the figures and parts it must
point at, and passages of the report that show the conflict. A note that is
removed, changes kind or stops pointing at its figures fails here; so does a new
conflict note that is not added to the list. The passages are looked up in the
report's text when it is there (../shared/seed/), so the list cannot cite
words the report does not contain.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from macros.data.checks import CONFLICT_NOTES

from .report_text import normalise, report_text


class Found(NamedTuple):
    case: str
    note: str
    kind: str
    refers_to: tuple[str, ...] = ()
    concerns: tuple[str, ...] = ()
    passages: tuple[str, ...] = ()  # as the report writes them (spaces and widths do not matter)


FOUND = [
    # A body acting before it existed
    Found("hope", "founder-before-founding", "inconsistency", (), ("summary", "founded", "timeline", "relations"),
          ("2001 年 6 月、北海道中小企業家同友会", "2000 年頃には、産学官連携の諸機関（北海道大学、ノース",
           "2001 年 7 月、北海道経済連合会等")),
    Found("noastec", "hope-founder-dates", "inconsistency", (), ("founded", "relations"),
          ("2001 年 6 月、北海道中小企業家同友会", "2001 年 7 月、北海道経済連合会等")),
    Found("tama", "association-founding-date", "inconsistency", (), ("founded", "legal_forms", "products"),
          ("98 年 4 月に設立", "01 年 4 月に現在の 首都圏 TAMA 産業活性化協会", "2000 年７月に、地域の９つの")),
    Found("tama", "fund-dates", "inconsistency", ("fund1-set", "fund1-increased", "fund-total-expected"), (),
          ("03 年の 4 月に 5 億円が設定", "03 年 3 月に予定されており、同月に 1 号ファンドを 5 億円から 10 億円に増額")),
    Found("adock-kobe", "project-before-founding", "ambiguous", (), ("products",),
          ("これまでの共同受注プロジェクトとして「クッキングオイル回収装置」", "アドック神戸が設立したのは 99 年だが、そこに至るまでの 97 年")),
    # A duration that does not match its dates; dates against dates
    Found("geartec", "founding-dates", "inconsistency", ("members-founding-1995", "members-1997"), ("founded",),
          ("1995 年 11 月に東大阪市経済部", "交流会の実質的な活動が始まって２年後の 97 年３月", "95 年度末に第１回目の組織化")),
    Found("silicon-valley", "half-century", "ambiguous", (), ("summary", "timeline"),
          ("シリコンバレーが半世紀をかけて成長してきた", "1891 年、妻のジェーン・スタンフォード")),
    Found("rodan21", "founding-year-vs-round", "ambiguous", (), ("founded", "legal_forms"),
          ("1997年", "97 年度末（第２回）", "法人としてのロダン 21 が設立されたのは 99 年 11 月")),
    Found("tenmates", "founding-month", "ambiguous", ("members-founding",), ("founded",),
          ("1999 年末、東大阪市の呼びかけ", "99 年度末（第３回）")),
    Found("higashiosaka-city", "round-timing", "ambiguous", ("programme-rounds",), ("timeline",),
          ("95 年度末に第１回目の組織化", "1995 年 11 月に東大阪市経済部")),
    Found("noastec", "origin-mid-1990s", "ambiguous", (), ("timeline",),
          ("早い時期（90 年代中頃）から出来あがっていた", "98 年 4 月より、産業技術及びプロジェクト")),
    Found("naniwa-yumekobo", "growth-before-founding", "inconsistency", ("fa-sales-growth",), ("summary", "narrative"),
          ("98 年度から 02 年度の間に８倍", "2000 年７月に結成された共同受注グループ")),
    # Totals against parts
    Found("rodan21", "cluster-sectors-sum", "sum_mismatch", ("cluster-sectors",), (),
          ("その他　17.0%", "製造　37.9%", "販売　13.7%")),
    Found("tama", "members-1998-sum", "sum_mismatch", ("members-1998",), (), ("企業 193 大学等 20 行政 17 計 328 団体",)),
    Found("tama", "members-now-sum", "sum_mismatch", ("members-now",), (), ("企業 267、大学等 31、行政 18 計 555 団体",)),
    Found("tama", "finance-thirds", "rounding", ("finance-structure",), (), ("会費・補助金・委託事業が概ね各１/3",)),
    Found("silicon-valley", "uk-relief-arithmetic", "inconsistency", ("uk-relief-deduction-cap", "uk-relief-rate"), (),
          ("年間 10 万ポンドまでの投資で、上限３万ポンド、投資額の 20％",)),
    # Lists against counts
    Found("hit", "members-not-all-metalworkers", "inconsistency", ("members-now",), ("summary", "member_companies"),
          ("金属加工業者 17 社から構成される", "⑩㈱マトリックス‥設計", "⑬㈲タカギシステム‥省力機器販売")),
    Found("geartec", "member-list-composition", "inconsistency", ("members-now",), ("member_companies",),
          ("現在では 16 社にまで減少", "⑥近畿大学薬学部有機薬化学研究室")),
    Found("adock-kobe", "manufacturing-division-size", "ambiguous",
          ("members-manufacturing-division-1996", "doyukai-manufacturing-division"), (),
          ("製造部会を 30 社で組織する", "製造部会のメンバーは 200 社を超える")),
    Found("saiki-mechatro", "tsuchikaeru-partners", "inconsistency", (), ("products",),
          ("マグ・末広工業（製造）", "(株)メンテック　など")),
    # Claims against other sections
    Found("geartec", "first-in-japan", "inconsistency", (), ("bases",),
          ("行政の支援のもとで立ち上げられた全国初の異業種交流会", "「融合化法」に基づき、自治体が積極的に組織化を図った")),
    Found("geartec", "investor-name", "inconsistency", ("ownership-share",), (),
          ("大阪投資育成㈱が保有", "大阪中小企業投資育成㈱という半公的")),
    Found("kyoto-shisaku-net", "promise-or-practice", "ambiguous", ("response-time",), ("joint_orders",),
          ("2 時間以内に回答することを約束している", "必ず２時間以内に行われる")),
    Found("kyoto-shisaku-net", "base-membership-condition", "ambiguous", (), ("bases",),
          ("しばりがあるところもある", "そこを卒業したメンバー")),
    Found("saiki-mechatro", "voluntary-start-scope", "ambiguous", (), ("legal_forms",),
          ("すべて任意団体からスタートしている", "1989 年に国、大分県、佐伯市、民間企業の出資によって設立された第三セクター")),
]  # fmt: skip


def _note(dataset, found: Found):
    case = dataset.case_by_id[found.case]
    notes = {n.id: n for n in case.data_notes}
    assert found.note in notes, f"{found.case}: 注記 {found.note} がありません"
    return case, notes[found.note]


@pytest.mark.parametrize("found", FOUND, ids=lambda f: f"{f.case}:{f.note}")
def test_each_conflict_is_a_note_of_its_kind_pointing_at_what_it_concerns(dataset, found):
    case, note = _note(dataset, found)
    assert note.kind == found.kind
    assert set(found.refers_to) <= set(note.refers_to), f"注記が数値を指していません: {found.refers_to}"
    assert set(found.concerns) <= set(note.concerns), f"注記が項目を指していません: {found.concerns}"
    local = {f.id for f in case.figures} | {m.id for m in case.members}
    assert set(note.refers_to) <= local


@pytest.mark.parametrize("found", FOUND, ids=lambda f: f"{f.case}:{f.note}")
def test_the_report_says_what_each_conflict_cites(found):
    text = report_text()
    for passage in found.passages:
        assert normalise(passage) in text, f"報告書にない文です: {passage}"


def test_every_conflict_note_is_listed(dataset):
    """A new conflict note is added to FOUND (CONTRIBUTING.md says so), and so is checked from then on."""
    listed = {(f.case, f.note) for f in FOUND}
    missing = [
        (case.id, note.id)
        for case in dataset.cases
        for note in case.data_notes
        if note.kind in CONFLICT_NOTES and (case.id, note.id) not in listed
    ]
    assert not missing, f"FOUND にない食い違いの注記: {missing}"


# Values the report does not state as numbers: each says how it was derived.
DERIVED = [
    ("higashiosaka-city", "groups-organised"),  # the groups of rounds 1-4 counted from the list (round 4: 1 group)
    ("higashiosaka-city", "programme-rounds"),
    ("higashiosaka-city", "wholesale-districts"),
    ("geartec", "ownership-share"),
    ("geartec", "members-now"),
    ("rodan21", "cluster-sectors"),
    ("tama", "finance-structure"),
    ("tama", "fund-total-expected"),
    ("tenmates", "recovery-unit-sales"),
    ("silicon-valley", "stanford-nobel-laureates"),
    ("hokkaido-npo-bank", "union-lending-rate"),
]


@pytest.mark.parametrize(("case_id", "item_id"), DERIVED)
def test_a_derived_value_says_how_it_was_derived(dataset, case_id, item_id):
    case = dataset.case_by_id[case_id]
    items = {i.id: i for i in [*case.figures, *case.members]}
    assert items[item_id].derivation, f"{case_id}.{item_id} に derivation がありません"
