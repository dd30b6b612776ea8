"""Controlled vocabularies: the value written in YAML and its Japanese label.

Each dict is the single list of allowed values; models.py turns the keys into
Literal types so that a typo is reported with the allowed values. These are
words of the schema, not facts of the data: which prefecture lies in which
region, or which metric a chart shows, is written in data/.
"""

SECTIONS = {
    "base_group": "基盤ありのグループ",
    "no_base_network": "基盤なしで誕生したネットワーク",
    "municipality": "基盤：自治体",
    "university": "基盤：大学",
    "composite": "基盤：第3セクター・産学官連携組織など複合組織",
}
# Where each section stands in chapter III, for citations and ordering.
SECTION_REPORT_HEADINGS = {
    "base_group": "1．（1）",
    "no_base_network": "1．（2）",
    "municipality": "2．（1）",
    "university": "2．（2）",
    "composite": "2．（3）",
}
# The part of chapter III that holds the implications: 3．（k） is the theme numbered k.
IMPLICATIONS_HEADING = "3．"

# Short names for narrow places (the relations graph's columns).
SECTION_SHORT_NAMES = {
    "base_group": "基盤あり",
    "no_base_network": "基盤なし",
    "municipality": "自治体",
    "university": "大学",
    "composite": "複合組織",
}

# 事例 and コラム are the report's; an 追加事例 is a case from another source, numbered apart
# (追加事例1, 2…) so that it is never taken for a case of the report.
KINDS = {"case": "事例", "column": "コラム", "added": "追加事例"}
# The kinds whose numbers are the report's own.
REPORT_KINDS = ("case", "column")
# The data folder of each kind: data/cases/*.yaml (事例 and 追加事例) and data/columns/*.yaml.
FOLDERS = {"case": "cases", "column": "columns", "added": "cases"}
# The mark before a number where space is short (the map's markers, the lessons matrix): 5, C1, 追1.
KIND_MARKS = {"case": "", "column": "C", "added": "追"}
# The order of the data set: the report's cases, its columns, then the added cases (each by number).
KIND_ORDER = {"case": 0, "column": 1, "added": 2}

# ------------------------------------------------------------------ sources
# The source a citation written as a place in the report (事例5（2）) names.
REPORT_SOURCE = "report"

SOURCE_KINDS = {
    "report": "報告書",
    "book": "書籍",
    "article": "記事・論文",
    "web": "ウェブページ",
    "statistics": "統計",
    "official": "公的文書（白書・議事録・公報など）",
}

# How a place inside a source is written ({id: …, at: …}): each form with its pattern and the
# words that explain it. A locator is one form, or several joined by 「、」 (第3章、p. 45).
LOCATOR_FORMS = {
    "page": (
        r"(p\. ?[1-9][0-9]{0,3}|pp\. ?[1-9][0-9]{0,3}[-–][1-9][0-9]{0,3}|[1-9][0-9]{0,3}(〜[1-9][0-9]{0,3})?ページ)",
        "ページ（p. 12、pp. 12-14、12ページ）",
    ),
    "section": (
        r"(第[0-9一二三四五六七八九十]{1,4}[章節部編項]|「[^「」<>&\"'`\n]{1,60}」)",
        "章・節（第3章、第2節、「見出し」）",
    ),
    "table": (r"((表|図|図表)[0-9]{1,3}(-[0-9]{1,3})?)", "表・図（表3-1）"),
    "fragment": (r"(#[A-Za-z0-9_.:%-]{1,80})", "ページ内の位置（#のあとに英数字。ウェブの出典だけ）"),
}
# Which forms fit each kind of source (a web page has no pages; a book has no #fragment).
SOURCE_LOCATORS = {
    "report": ("page", "section", "table"),
    "book": ("page", "section", "table"),
    "article": ("page", "section", "table"),
    "web": ("fragment", "section", "table"),
    "statistics": ("table", "page", "section"),
    "official": ("page", "section", "table", "fragment"),
}

# ------------------------------------------------------------------ status
# What became of a network after its sources: 「その後」 on the case page.
STATUS_STATES = {
    "active": "活動中",
    "reorganised": "改組",
    "merged": "統合",
    "dissolved": "解散",
    "unknown": "不明",
}

# Countries a case may stand in (ISO 3166-1 alpha-2); a place abroad is written with its name.
COUNTRIES = {"JP": "日本", "US": "米国"}

LEGAL_FORMS = {
    "任意団体": "任意団体（法人格なし）",
    "有限会社": "有限会社",
    "株式会社": "株式会社",
    "社団法人": "社団法人",
    "財団法人": "財団法人",
    "NPO法人": "特定非営利活動法人",
    "事業組合": "事業組合",
    "地方公共団体": "地方公共団体（の部局）",
    "国立大学": "国立大学",
}

UNITS = {
    "JPY": "円",
    "JPY/month": "円／月",
    "JPY/year": "円／年",
    "USD": "米ドル",
    "GBP": "英ポンド",
    "percent": "％",
    "companies": "社",
    "organisations": "団体",
    "people": "人",
    "cases": "件",
    "projects": "件（プロジェクト）",
    "groups": "グループ",
    "sets": "セット",
    "machines": "台",
    "times": "回",
    "universities": "校",
    "municipalities": "市町村",
    "regions": "地域",
    "sites": "か所",
    "m2": "㎡",
    "km2": "km²",
    "acres": "エーカー",
    "km": "km",
    "accesses/month": "件／月",
    "multiple": "倍",
    "years": "年",
    "hours": "時間",
    "contracts": "契約",
}

# The word a qualifier adds to a number: before it for those in QUALIFIER_PREFIXES
# (約300件), after it for the others (1,000件超); exact and range add none.
QUALIFIERS = {
    "exact": "",
    "approx": "約",
    "over": "超",
    "at_least": "以上",
    "under": "未満",
    "at_most": "以下",
    "within": "以内",
    "range": "",
}
QUALIFIER_PREFIXES = {"approx"}

AMOUNT_BASES = {"per_year": "年額", "total": "総額", "per_month": "月額"}

SUPPORT_KINDS = {
    "subsidy": "補助金",
    "grant": "助成金",
    "secretariat": "事務局の引受け",
    "coordinator": "コーディネーター派遣",
    "staff_secondment": "職員の出向・派遣",
    "office_space": "事務所・施設の無償提供",
    "investment": "出資・投資",
    "technical": "技術支援",
    "programme": "支援事業への指定・採択",
    "other": "その他",
}

JOINT_ORDER_MECHANISMS = {
    "lead_company": "幹事会社方式（幹事会社が全責任を負う）",
    "broker": "受発注責任者（ブローカー）が割り振り、受注企業が責任を負う",
    "company": "法人（会社）が責任主体となる",
    "member_reply": "窓口が配信し、最適なメンバー企業が直接回答・責任を負う",
    "joint_liability": "参加企業の共同責任",
    "none_yet": "共同受注の実績なし",
}

RELATION_TYPES = {
    "modelled_on": "手本にした",
    "created_by_programme": "支援事業から生まれた",
    "partner_of": "連携している",
    "spun_out_of": "から生まれた（派生）",
    "supported_by": "支援を受けている",
    "leader_shared": "同じ人物が関わる",
    "compared_with": "報告書が比較している",
}

PRODUCT_KINDS = {
    "product": "製品",
    "joint_order": "共同受注案件",
    "joint_development": "共同開発プロジェクト",
    "research_group": "研究会・研究グループ",
    "venture": "ベンチャー・新会社",
    "programme": "事業・プログラム",
    "technology_transfer": "技術移転",
}

# The parts of a case (its fields) a data note can concern besides figures and
# member counts, which notes name by id (refers_to). The page shows a link to
# the note where the part is shown.
NOTE_CONCERNS = {
    "summary": "要約",
    "place": "所在地",
    "bases": "基盤",
    "founded": "設立の時期",
    "legal_forms": "法人格",
    "member_companies": "会員の一覧",
    "support": "公的支援",
    "activities": "主な活動",
    "joint_orders": "共同受注の仕組み",
    "products": "製品・プロジェクト",
    "timeline": "沿革",
    "relations": "関連する事例",
    "people": "人物",
    "narrative": "経緯と特徴",
    "lessons": "北九州への示唆",
}

NOTE_KINDS = {
    "sum_mismatch": "合計と内訳が一致しない",
    "inconsistency": "報告書内の記述が食い違う",
    "rounding": "端数処理による差",
    "ambiguous": "記述があいまい",
    "unstated": "報告書に記載がない",
    "editorial": "編集上の注記",
}

COORDINATE_PRECISION = {
    "site": "所在地",
    "municipality": "市町村の代表点",
    "prefecture": "都道府県の代表点",
    "region": "地域の代表点",
}

# Where a metric's figures appear besides the case page (data/metrics.yaml: group).
METRIC_GROUPS = {
    "fee": "会費・手数料（比較表の列と「お金の流れ」）",
    "money": "出資・補助金（「お金の流れ」）",
    "funnel": "相談から事業化までの段階（段階別件数のグラフ）",
    "response": "問い合わせへの回答までの時間（共同受注の比較表）",
}

THEME_ORIGINS = {"report": "報告書３．の示唆", "editor": "編集部が事例から追加"}
