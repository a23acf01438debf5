"""Answers to questions about the roadmap: one project's facts, lists, counts and totals,
what was not found or is not clear, and what each answer says it computed (#13, #22)."""

PHRASES: dict[str, tuple[str, str]] = {}

PHRASES.update(
    {
        "empty_store": (
            "ロードマップがまだ読み込まれていません（roadmap ingest）。",
            "No roadmap is loaded yet (roadmap ingest).",
        ),
        "and_more": (
            "…ほか{n}件（条件を絞ってください）",
            "…and {n} more (narrow the question to see them)",
        ),
        "suggestions": ("候補：", "Try:"),
        "list_title": ("{edition}{what}の事業は{n}件です。", "{edition}: {n} projects {what}."),
        "none_match": ("該当する事業はありません。", "No project matches."),
        "unit_count": ("件", "projects"),
        "unit_thousand_yen": ("千円", "thousand yen"),
        "scope": ("{edition}{what}", "{edition} {what}"),
        "n_projects": ("{n}件", "{n} projects"),
        "group_title": ("{scope}の{by}{count}：", "{scope} {by}{count}:"),
        "by_department": ("部局別", "by department"),
        "by_category": ("項目別", "by category"),
        "by_section": ("担当課別", "by section"),
        "by_field": ("分野別", "by field"),
        "group_word_category": ("項目", "Categories"),
        "group_word_department": ("部局", "Departments"),
        "group_word_section": ("課", "Sections"),
        "group_word_field": ("分野", "Fields"),
        "groups_without": (
            "{scope}のうち、{condition}の事業が1つもない{kind}（{n}{counter}）：",
            "{kind} with no project {condition}, among the {scope} ({n}):",
        ),
        "group_has_only": ("ある事業は{projects}", "its projects: {projects}"),
        "and_n_more": ("ほか{n}件", " and {n} more"),
        "none_then": ("{scope}はありません。", "There are no {scope}."),
        "groups_without_none": (
            "{condition}の事業はどの{kind}にもあります。",
            "Every one of them has a project {condition}.",
        ),
        "count_is": ("{scope}の事業は{n}件です。", "{scope}: {n} projects."),
        "sum_is": (
            "{scope}の事業費の合計は{money}です（{n}件）。",
            "{scope}: total budget {money} ({n} projects).",
        ),
        "avg_is": (
            "{scope}の事業費の平均は{money}です（{n}件）。",
            "{scope}: average budget {money} ({n} projects).",
        ),
        "max_is": ("{scope}で事業費が最も大きい事業：", "{scope}: the largest budget:"),
        "min_is": ("{scope}で事業費が最も小さい事業：", "{scope}: the smallest budget:"),
        "top_is": ("{scope}の事業費上位{n}件：", "{scope}: top {n} by budget:"),
        "not_found": (
            "{edition}に「{what}」に当たる事業は見つかりませんでした。",
            'No project matching "{what}" in the {edition}.',
        ),
        "which_project": (
            "どの事業についての質問ですか？ 番号（No40）か事業名を添えてください。",
            "Which project? Add its number (No40) or its name.",
        ),
        "ambiguous": (
            "「{what}」に当たる事業が複数あります。どれですか？",
            'Several projects match "{what}". Which one?',
        ),
        "budget_is": (
            "{ref}の{edition}事業費は{money}{note}です。",
            "{ref}: {edition} budget {money}{note}.",
        ),
        "owner_is": (
            "{ref}の担当は{department} {sections}です。",
            "{ref} is run by {department}, {sections}.",
        ),
        "end_not_stated": (
            "{ref}の事業終期は記載されていません（事業始期は{start}）。",
            "{ref}: the end year is not stated (it started in {start}).",
        ),
        "start_not_stated": (
            "{ref}の事業始期は記載されていません。",
            "{ref}: the start year is not stated.",
        ),
        "start_is": ("{ref}の事業始期は{start}です。", "{ref} started in {start}."),
        "end_is": ("{ref}の事業終期は{end}です。", "{ref} ends in {end}."),
        "period_is": ("{ref}の期間は{period}です。", "{ref} runs {period}."),
        "summary_is": ("{ref}の概要：", "{ref} — summary:"),
        "plan_not_stated": (
            "{ref}の{year}計画/目標は記載されていません。",
            "{ref}: no {year} plan is stated.",
        ),
        "plan_is": ("{ref}の{year}計画/目標：", "{ref} — {year} plan/goal:"),
        "actual_not_stated": (
            "{ref}の{year}実績はまだ記録されていません。",
            "{ref}: no {year} results are recorded yet.",
        ),
        "actual_is": ("{ref}の{year}実績：", "{ref} — {year} results:"),
        "flags_not_in_edition": (
            "{ref}の版には重点枠事業・将来対応分の欄がありません。",
            "{ref}: this edition has no priority flags.",
        ),
        "flags_are": (
            "{ref}：重点枠事業 {priority}、将来対応分 {future}",
            "{ref}: priority frame {priority}, future response {future}",
        ),
        "name_is": ("正式名は{ref}です。", "The full name is {ref}."),
        "search_none": (
            "「{what}」はロードマップに見つかりませんでした。",
            '"{what}" does not appear in the roadmap.',
        ),
        "search_title": ("「{what}」の記載：", 'Where the roadmap mentions "{what}":'),
        "kind_name": ("事業名", "name"),
        "kind_summary": ("概要", "summary"),
        "kind_initiative": ("取組", "initiative"),
        "kind_plan": ("計画/目標", "plan"),
        "kind_actual": ("実績", "actual"),
        "kind_achievement": ("主な取組実績", "main achievements"),
        "kind_entry": ("チャットでの実績報告", "progress reported in chat"),
    }
)


# -- #13 understanding that composes: every answer says what it computed ----------------
PHRASES.update(
    {
        "scope_all": ("{edition}の全事業（{n}件）", "all {n} projects of the {edition}"),
        "scope_filtered": (
            "{edition}の{what}の事業（{n}件）",
            "{edition} projects {what} ({n} project(s))",
        ),
        "scope_all_plain": ("{edition}の事業", "projects of the {edition}"),
        "scope_filtered_plain": ("{edition}の{what}の事業", "{edition} projects {what}"),
        "count_of_rest": (
            "一覧は「一覧」を付けて聞いてください。",
            "Ask for the list to see them.",
        ),
        "budget_of": ("{label}事業費", "{label} budget"),
        "list_is": ("{scope}：", "{scope}:"),
        "count_of": ("{scope}は{n}件です。", "{scope}: {n} project(s)."),
        "sum_of": ("{scope}の{budget}の合計は{money}です。", "{budget} total of {scope}: {money}."),
        "avg_of": (
            "{scope}の{budget}の平均は{money}です。",
            "{budget} average of {scope}: {money}.",
        ),
        "max_of": ("{scope}のうち{budget}が最も大きい事業：", "Largest {budget} among {scope}:"),
        "min_of": ("{scope}のうち{budget}が最も小さい事業：", "Smallest {budget} among {scope}:"),
        "top_of": ("{scope}のうち{budget}の上位{n}件：", "Top {n} by {budget} among {scope}:"),
        "bottom_of": (
            "{scope}のうち{budget}の下位{n}件：",
            "Bottom {n} by {budget} among {scope}:",
        ),
        "nth_largest": (
            "{scope}のうち{budget}が{n}番目に大きい事業：",
            "Number {n} by {budget}, largest first, among {scope}:",
        ),
        "nth_smallest": (
            "{scope}のうち{budget}が{n}番目に小さい事業：",
            "Number {n} by {budget}, smallest first, among {scope}:",
        ),
        "nth_missing": (
            "{scope}には{n}番目の事業がありません。",
            "{scope} has fewer than {n} projects.",
        ),
        "filter_category": ("項目「{value}」", "in category {value}"),
        "filter_field": ("分野「{value}」", "in field {value}"),
        "filter_start_between": ("{low}〜{high}に開始", "starting {low}–{high}"),
        "filter_end_between": ("{low}〜{high}に終了", "ending {low}–{high}"),
        "filter_budget_between": (
            "事業費 {low}〜{high}千円",
            "budget {low}–{high} thousand yen",
        ),
        "filter_priority_frame_yes": ("重点枠事業", "in the priority budget"),
        "filter_priority_frame_no": ("重点枠事業以外", "not in the priority budget"),
        "filter_future_response_yes": ("将来対応分", "planned for a later phase"),
        "filter_future_response_no": ("将来対応分以外", "not planned for a later phase"),
        "year_not_used": (
            "※この項目は年度ごとには記載されていないため、{year}は使っていません（版の記載です）。",
            "Note: this is not printed per year, so {year} was not applied (the edition's entry).",
        ),
        "ambiguous_plain": (
            "当たる事業が複数あります。どれですか？",
            "Several projects match. Which one?",
        ),
        "projects_of": ("{value}の事業", "projects of {value}"),
        "difference": ("差額：{money}", "Difference: {money}"),
        "filter_not": ("{value}以外", "other than {value}"),
        "filter_added": ("前の版にない（新規掲載）", "not in the previous edition (newly listed)"),
        "filter_text": ("「{value}」関連（本文に記載あり）", "mentioning 「{value}」"),
        "value_not_in_edition": (
            "（{value}は{edition}にはありません。別の版の名称かもしれません）",
            "({value} does not appear in the {edition}; it may be another edition's name)",
        ),
        "budget_year_not_stated": (
            "{ref}の{year}事業費は記載されていません（この版が記載するのは{printed}事業費です）。",
            "{ref}: no {year} budget is stated (this edition prints the {printed} budget).",
        ),
        "category_is": (
            "{ref}の項目は{category}（分野：{field}）です。",
            "{ref}: category {category} (field: {field}).",
        ),
        "sentence_is": ("{ref}の記載：", "{ref} — the roadmap says:"),
        "words_not_in_text": (
            "「{words}」は{edition}版の本文に見つかりませんでした。{found}を含む事業：",
            "「{words}」 does not appear in the {edition} edition. Projects mentioning {found}:",
        ),
        "found_by_text": (
            "（「{words}」を本文に含む事業として見つけました）",
            "(found as the project whose text mentions 「{words}」)",
        ),
        "not_applied": (
            "「{words}」を条件として読み取れませんでした。分かった条件：{edition}・{understood}（{operation}）。"
            "部局・課・項目・年度・金額などで言い換えてください。",
            "I could not apply 「{words}」 as a condition. Understood: {edition}, {understood} ({operation}). "
            "Please rephrase with a department, section, category, year or amount.",
        ),
        "operation_list": ("一覧", "list"),
        "operation_count": ("件数", "count"),
        "operation_sum": ("合計", "total"),
        "operation_avg": ("平均", "average"),
        "operation_max": ("最大", "largest"),
        "operation_min": ("最小", "smallest"),
        "operation_top": ("上位", "top"),
        "operation_bottom": ("下位", "bottom"),
        "operation_nth": ("順位指定", "N-th"),
        "operation_group": ("集計", "grouping"),
        "gone_in_edition": (
            "{ref}に当たる事業は{edition}にはありません。",
            "{ref} has no counterpart in the {edition}.",
        ),
        "project_fails_filter": (
            "{ref}は「{what}」に当たりません。どちらについての質問か教えてください。",
            "{ref} does not match {what}. Which did you mean?",
        ),
        "project_not_applied": (
            "{ref}について聞かれたと理解しましたが、「{words}」を条件として読み取れませんでした。言い換えてください。",
            "I understood a question about {ref}, but could not apply 「{words}」. Please rephrase.",
        ),
        "number_inferred": (
            "※No{no}の番号は文書に印刷されておらず、前後の番号から推定しています。",
            "Note: No{no} is not printed in the document; the number is inferred from its neighbours.",
        ),
    }
)


# -- issue #22 (i22n): names as people type them, old and new names, words not printed ------
PHRASES.update(
    {
        "scope_filtered_one": (
            "{edition}の{what}の事業（{n}件）",
            "{edition} projects {what} ({n} project)",
        ),
        "renamed_office": (
            "{value}（「{said}」のこの版での名前）",
            "{value} (this edition's name for {said})",
        ),
        "not_in_roadmap": (
            "『{words}』はロードマップに見当たりません。分かった条件：{edition}・{understood}。",
            "“{words}” does not appear in the roadmap. Understood: {edition}, {understood}.",
        ),
        "which_one_of": (
            "{scope}は{n}件あります。どの事業についてですか？",
            "{scope}: there are {n}. Which one do you mean?",
        ),
        "initiative_is": ("{ref}の取組「{name}」：", "{ref} — initiative “{name}”:"),
        "initiative_plan": ("{year} 計画/目標：{text}", "{year} plan/goal: {text}"),
        "initiative_actual": ("{year} 実績：{text}", "{year} result: {text}"),
        "renamed_note": (
            "「{said}」は{edition}版では「{value}」です（版の間でつながる事業の担当から）。",
            "{said} is {value} in the {edition} edition (from the projects linked between editions).",
        ),
    }
)
