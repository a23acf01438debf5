"""Loading the documents: what is wrong with a file, field documents and drafts, the list of
what is loaded (#14)."""

PHRASES: dict[str, tuple[str, str]] = {}


# -- newcomer trial (branch h) --------------------------------------------------------
PHRASES.update(
    {
        "parse_error_at": ("{where}：{reason}", "{where}: {reason}"),
        "parse_where_line": ("{file} {line}行目", "{file}, line {line}"),
        "parse_not_roadmap": (
            "ロードマップの文書ではありません（分野 … 事業名 … の事業ブロックが見つかりません）。",
            "not a roadmap: no project block (「分野」 … 「事業名」 …) found.",
        ),
        "parse_number_twice": (
            "{edition}版のNo{no}は {other} の{other_line}行目にもあります（同じ番号は一つの文書にだけ置けます）。何も読み込んでいません。",
            "No{no} of {edition} is also in {other}, line {other_line} (two documents cannot hold the same number). Nothing was loaded.",
        ),
        "parse_field_twice": (
            "{code} {field} は {other} の{other_line}行目にもあります（同じ分野は一つの文書だけ）。何も読み込んでいません。",
            "{code} {field} is also in {other}, line {other_line} (one document per field). Nothing was loaded.",
        ),
        "parse_unreadable": ("ファイルを読めません。", "cannot read the file."),
        "parse_empty": ("ファイルが空です。", "the file is empty."),
        "parse_not_utf8": ("UTF-8のテキストではありません。", "not UTF-8 text."),
        "parse_mixed_editions": (
            "事業費の見出しが{odd}の事業があります（ほかは{code}）。一つの文書は一つの版です。",
            "a budget label says {odd}, the others say {code}: one document is one edition.",
        ),
        "parse_heading_alone": (
            "【No{no}】の見出しの後に事業の記載がありません。",
            "【No{no}】 has no project block after it.",
        ),
        "parse_no_number": (
            "この事業には【No..】の見出しがなく、前後から番号を決められません。",
            "this project has no 【No..】 heading and no free number between its neighbours.",
        ),
        "parse_number_repeated": (
            "No{no}が二度あります（{other_line}行目にも）。",
            "No{no} appears twice (also line {other_line}).",
        ),
        "parse_label_twice": (
            "一つの事業に項目「{label}」が二度あります。",
            "the label 「{label}」 appears twice in one project.",
        ),
        "parse_label_missing": (
            "項目「{label}」がありません（途中で切れていませんか）。",
            "the label 「{label}」 is missing (a truncated block?).",
        ),
        "parse_label_empty": (
            "項目「{label}」に値がありません（途中で切れていませんか）。",
            "the label 「{label}」 has no value (a truncated block?).",
        ),
        "parse_bad_budget": (
            "事業費「{value}」が千円単位の数として読めません。",
            "the budget 「{value}」 is not a number of thousand yen.",
        ),
        "parse_bad_year": (
            "「{value}」は年度として読めません。",
            "「{value}」 is not a fiscal year.",
        ),
        "parse_no_year_columns": (
            "取組の表に年度の列がありません。",
            "the initiative table has no fiscal-year columns.",
        ),
        "parse_none_found": (
            "ロードマップの文書が見つかりません。",
            "no roadmap documents found.",
        ),
    }
)


# -- issue #14: field documents, drafts ----------------------------------------------------
PHRASES.update(
    {
        "draft_note": (
            "※ {edition}版は案（ドラフト）です。確定版ではありません。",
            "Note: the {edition} edition is a draft, not the published roadmap.",
        ),
        "documents_title": ("読み込み済みの文書（{n}件）：", "Loaded documents ({n}):"),
        "documents_none": (
            "文書がまだ読み込まれていません（roadmap ingest）。",
            "No document is loaded yet (roadmap ingest).",
        ),
        "documents_row": (
            "・{edition}版 {field}{draft}：{file}（{n}件、{loaded}読込、SHA-256 {sha}）",
            "- {edition} {field}{draft}: {file} ({n} projects, loaded {loaded}, SHA-256 {sha})",
        ),
        "draft_mark": ("（案）", " (draft)"),
    }
)
