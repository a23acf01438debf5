"""Facts inside a project's text, and each year's plan and actual (#24)."""

PHRASES: dict[str, tuple[str, str]] = {}


# -- issue #24: facts inside the text; each year's plan and actual --------------------------
PHRASES.update(
    {
        "text_value_is": ("{ref}：{value}", "{ref}: {value}"),
        "text_total_is": (
            "{ref}：合計{total}（{parts}）",
            "{ref}: {total} in total ({parts})",
        ),
        "text_none_happened": ("{zero}（「{text}」）", "{zero} (“{text}”)"),
        "text_quote": (
            "・{project}：「{sentence}」（{where}）",
            "- {project}: “{sentence}” ({where})",
        ),
        "text_closest": (
            "近い記載：「{sentence}」（{where}）",
            "Closest passage: “{sentence}” ({where})",
        ),
        "text_where_summary": ("概要", "summary"),
        "text_where_achievement": (
            "主な取組実績：{year}の実績",
            "「主な取組実績」: results of {year}",
        ),
        "text_where_plan": ("{year}の目標/計画：{initiative}", "{year} plan: {initiative}"),
        "text_where_actual": ("{year}の実績：{initiative}", "{year} result: {initiative}"),
        "text_where_plan_in_actual_row": (
            "{year}の計画（実績の行に印刷）：{initiative}",
            "{year} plan, printed in the 「実績」 row: {initiative}",
        ),
        "text_where_entry": ("記録 #{id}：{year}", "record #{id}: {year}"),
        "text_value_not_stated": (
            "{ref}の記載（概要・主な取組実績・取組の目標と実績、「{words}」を含むもの）には、{what}は書かれていません。",
            "{ref}: the roadmap's text (summary, 「主な取組実績」, the initiatives' plans and results "
            "mentioning {words}) states no {what}.",
        ),
        "text_what_count_of": ("「{counter}」の数", "number of {counter}"),
        "text_what_count": ("数", "number"),
        "text_what_of_year": ("{year}の{what}", "{what} for {year}"),
        "text_what_date": ("日付・時期", "date"),
        "text_what_span": ("期間", "period"),
        "text_what_time": ("時間帯・曜日", "time"),
        "text_what_place": ("場所", "place"),
        "text_what_organisation": ("相手先の名称", "organisation's name"),
        "text_what_amount": ("金額", "amount"),
        "text_what_rate": ("率・割合", "rate"),
        "plan_in_actual_row_note": (
            "※ {year}の欄は実績の行に印刷されていますが、版の年度以降の実績は報告されないため計画として読んでいます。",
            "Note: the {year} cell is printed in the 「実績」 row, but an edition reports no results for its own year or later, so it is read as a plan.",
        ),
    }
)

PHRASES.update(
    {
        "printed_in_actual_row": ("（実績の行に印刷）", " (printed in the 「実績」 row)"),
        "short_row_from_first": (
            "※ {initiative}の行は年度の数より1つ少ないセルで印刷されています。最初のセルを{first}として読み、{last}は空欄としています。",
            "Note: the row of {initiative} prints one cell fewer than there are years; its first cell is read as {first} and {last} as blank.",
        ),
        "short_row_from_second": (
            "※ {initiative}の行は年度の数より1つ少ないセルで印刷されています。目標/実績の見出しが最初の年度の列にあるとみなし、最初のセルを{first}（事業始期 {start}）として読んでいます。",
            "Note: the row of {initiative} prints one cell fewer than there are years; the 「目標」/「実績」 heading is taken to stand in the first year's column, so its first cell is read as {first} (the project starts in {start}).",
        ),
        "plan_none_ended": (
            "{ref}の{year}の計画/目標はありません（事業期間 {period}）。",
            "{ref}: nothing is planned for {year} (the project runs {period}).",
        ),
        "plan_other_years": ("計画/目標のある年度：", "Years with a plan:"),
        "plan_in_older_edition": ("{ref}（前の版）では：", "In {ref} (the earlier edition):"),
        "years_gt": ("{year}より後", "after {year}"),
        "years_ge": ("{year}以降", "{year} and later"),
        "actual_told_by": (
            "※ {year}の実績は翌年度以降の版が報告します：{ref}の記載です。",
            "Note: {year}'s results are reported by a later edition: these are from {ref}.",
        ),
        "actual_not_yet": (
            "{ref}の{year}の実績はまだありません（読み込み済みの最新の{edition}版が報告するのはその前年度までの実績です）。",
            "{ref}: there are no {year} results yet (the latest edition loaded, {edition}, reports results up to the year before it).",
        ),
        "actual_planned_instead": ("計画/目標：", "Planned:"),
    }
)

PHRASES.update(
    {
        "entries_more_than": (
            "…ほか{n}件以上の記録があります（全件は history --all で）。",
            "…and more than {n} other entries (history --all gives them all).",
        ),
    }
)

PHRASES.update(
    {
        "text_value_in_edition": (
            "{edition}：{value}（{where}：「{quote}」）",
            "{edition}: {value} (“{quote}”, {where})",
        ),
        "text_value_changed": (
            "{ref}：{old}と{new}で変わっています。",
            "{ref}: it differs between the {old} and the {new}.",
        ),
        "text_value_same": (
            "{ref}：{old}と{new}で同じです。",
            "{ref}: the same in the {old} and the {new}.",
        ),
        "verdict_changed": ("変わった", "changed"),
        "verdict_same": ("同じ", "the same"),
    }
)
