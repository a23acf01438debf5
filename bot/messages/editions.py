"""Two editions: what changed, was renamed, merged, taken over or ended; comparisons field by
field and the diff report (#13, #23)."""

PHRASES: dict[str, tuple[str, str]] = {}

PHRASES.update(
    {
        "takeovers_heading": (
            "ほかに、統合・業務の引継ぎ（名称変更ではありません）：{n}件",
            "Also merged or taken over (not renamed): {n}",
        ),
        "renamed_title": (
            "名称が変わった事業：{n}件",
            "Projects renamed: {n}",
        ),
        "one_edition": ("比較できる版が1つしかありません。", "Only one edition is loaded."),
        "dropped_title": (
            "{older}版にあって{newer}版に対応する事業がないもの：{n}件",
            "{older} projects with no counterpart in {newer}: {n}",
        ),
        "no_successor": ("{ref}の後継事業は見つかりません。", "{ref}: no successor found."),
        "no_predecessor": ("{ref}の前身事業は見つかりません。", "{ref}: no predecessor found."),
        "successor_title": ("{ref}の後継：", "{ref} — successor:"),
        "predecessor_title": ("{ref}の前身：", "{ref} — predecessor:"),
        "no_other_edition": (
            "{ref}は他の版に対応する事業がありません。",
            "{ref} has no counterpart in another edition.",
        ),
        "changed": ("{what}：{old} → {new}", "{what}: {old} → {new}"),
        "summary_same": ("概要：変更なし", "Summary: unchanged"),
        "summary_changed": ("概要：変更あり", "Summary: changed"),
        "changes_title": ("{old} → {new}", "{old} → {new}"),
        "edition_totals": ("版ごとの事業費合計：", "Total budget per edition:"),
    }
)


# -- weekly digest, charts, nudges ---------------------------------------------------
PHRASES.update(
    {
        "diff_usage": (
            "使い方：/roadmap diff R6 R7（読み込み済みの版：{editions}）",
            "Usage: /roadmap diff R6 R7 (loaded editions: {editions})",
        ),
        "diff_summary": (
            "{older}版 → {newer}版：新規{added}件、終了・対応なし{ended}件、名称変更{renamed}件。詳しくはファイルをご覧ください。",
            "{older} → {newer}: {added} added, {ended} ended, {renamed} renamed. Details in the file.",
        ),
    }
)


# -- #13 understanding that composes: every answer says what it computed ----------------
PHRASES.update(
    {
        "budget_rose": (
            "{scope}のうち前の版より事業費が増えた事業は{n}件です（前の版 → 今の版）：",
            "{scope}: {n} with a higher budget than in the previous edition (before → now):",
        ),
        "budget_fell": (
            "{scope}のうち前の版より事業費が減った事業は{n}件です（前の版 → 今の版）：",
            "{scope}: {n} with a lower budget than in the previous edition (before → now):",
        ),
        "merged_budget": (
            "※前の版では{names}の合計{total}千円 → {now}千円（{change}千円）",
            "Note: in the previous edition this was {names}, together {total} → {now} thousand yen ({change})",
        ),
        "merged_from": (
            "※前の版の{n}事業の合計と比較",
            " (compared with the sum of {n} older projects)",
        ),
        "per_edition_title": ("版ごとの比較：", "Per edition:"),
        "no_such_edition": ("その版は読み込まれていません。", "That edition is not loaded."),
    }
)


# -- diff: edition comparison report (merges and take-overs, unequal field sets) ----------
PHRASES.update(
    {
        "diff_title": ("{older}版 → {newer}版 の変更", "{older} → {newer}: what changed"),
        "diff_no_field": ("分野の記載なし", "no field"),
        "diff_field_caveat": (
            "読み込まれている分野が版によって異なります（{older}版：{older_fields}／{newer}版：{newer_fields}）。合計と新規・終了は両方にある分野（{common}）だけで比べています。",
            "The editions have different fields loaded ({older}: {older_fields}; {newer}: {newer_fields}). Totals, added and ended projects compare only the fields both have ({common}).",
        ),
        "diff_totals": (
            "事業数 {old_n} → {new_n}、事業費合計 {old_sum}千円 → {new_sum}千円",
            "Projects {old_n} → {new_n}, total budget {old_sum} → {new_sum} thousand yen",
        ),
        "diff_totals_common": (
            "両方にある分野（{common}）：事業数 {old_n} → {new_n}、事業費合計 {old_sum}千円 → {new_sum}千円",
            "Fields in both ({common}): projects {old_n} → {new_n}, total budget {old_sum} → {new_sum} thousand yen",
        ),
        "diff_totals_all": (
            "参考・読み込み済みの全分野（分野がそろっていないため比較ではありません）：{older}版 {old_n}事業 {old_sum}千円（{old_fields}分野）、{newer}版 {new_n}事業 {new_sum}千円（{new_fields}分野）",
            "For reference, every loaded field (not a comparison: the fields differ): {older} {old_n} projects, {old_sum} thousand yen (fields: {old_fields}); {newer} {new_n} projects, {new_sum} thousand yen (fields: {new_fields})",
        ),
        "diff_added": ("新規（{n}件）", "Added ({n})"),
        "diff_ended": ("終了・対応なし（{n}件）", "Ended or not carried on ({n})"),
        "diff_renamed": ("名称変更（{n}件）", "Renamed ({n})"),
        "diff_takeovers": ("統合・引継ぎ（{n}件）", "Merged or taken over ({n})"),
        "diff_budgets": ("事業費の増減（{n}件）", "Budget changes ({n})"),
        "diff_periods": ("期間の変更（{n}件）", "Period changes ({n})"),
        "diff_org_renames": ("部局・担当課の名称変更", "Departments and sections renamed"),
        "diff_summaries": ("概要の変更（{n}件）", "Summary changes ({n})"),
        "diff_uncompared": (
            "比較対象外（片方の版にしかない分野）",
            "Not compared (fields only one edition has)",
        ),
        "diff_uncompared_row": (
            "{edition}版 {field}：{n}事業（もう一方の版にこの分野の文書がありません）",
            "{edition} {field}: {n} projects (the other edition has no document for this field)",
        ),
        "diff_kind_merged": ("統合", "merged"),
        "diff_kind_split": ("分割", "split"),
        "diff_kind_taken_over": ("業務の引継ぎ", "work taken over"),
        "diff_takeover_compared": (
            "合計で{change}千円、{pct}",
            "together {change} thousand yen, {pct}",
        ),
        "diff_takeover_side_by_side": (
            "増減は示しません。前の事業費は継続する事業の増減で比べているか、片方の版にしかない分野の事業です",
            "no change shown: these budgets are compared where the projects continue, or lie in a field only one edition has",
        ),
        "diff_work_also_to": ("一部は{refs}が引継ぎ", "part of its work went to {refs}"),
        "diff_work_also_from": ("{refs}の業務も引継ぎ", "also took over work of {refs}"),
        "diff_thousand_yen": ("千円", "thousand yen"),  # English: after a space
    }
)


# -- issue #13 round two: edition changes, editions not loaded, older editions used --------
PHRASES.update(
    {
        "edition_difference": (
            "{newer}版 − {older}版：{money}（{pct}）を計算しました。",
            "Computed {newer} minus {older}: {money} ({pct}).",
        ),
        "fields_differ": (
            "※ 版によって読み込まれている項目が異なります（{older}版のみ：{only_old}／{newer}版のみ：{only_new}）。",
            "Note: the editions carry different fields ({older} only: {only_old}; {newer} only: {only_new}).",
        ),
        "edition_changes_title": (
            "{older}版 → {newer}版の変更：",
            "Changes from the {older} edition to the {newer} edition:",
        ),
        "edition_changes_counts": (
            "新規{added}件・終了/統合{ended}件・名称変更{renamed}件・増額{up}件・減額{down}件",
            "{added} added, {ended} ended or merged, {renamed} renamed, {up} budgets up, {down} down",
        ),
        "edition_changes_list": ("{what}：{names}", "{what}: {names}"),
        "edition_changes_added": ("新規", "Added"),
        "edition_changes_ended": ("終了/統合", "Ended or merged"),
        "edition_changes_renamed": ("名称変更", "Renamed"),
        "edition_changes_more": ("ほか{n}件", "and {n} more"),
        "edition_not_loaded": (
            "{edition}版は読み込まれていません。読み込み済みの版：{known}。",
            "No {edition} edition is loaded. Loaded editions: {known}.",
        ),
        "answered_from_edition": (
            "※ {latest}版には該当がないため、{year}を計画期間に含む{edition}版から答えています。",
            "Note: the {latest} edition has none, so this is answered from the {edition} edition, whose plan covers {year}.",
        ),
        "only_in_edition": (
            "「{words}」は{edition}版にはありません。{other}版にあります。",
            "「{words}」 is not in the {edition} edition; it is in the {other} edition.",
        ),
    }
)


# -- issue #23 item 3: two editions, field by field ------------------------------------------
PHRASES.update(
    {
        "across_title_one": ("{older}版と{newer}版の比較：", "The {older} and {newer} editions:"),
        "across_title": (
            "{older}版と{newer}版の比較（{n}事業）：",
            "The {older} and {newer} editions ({n} projects):",
        ),
        "across_continued": (
            "{old} → {new}：同じ名前で続いています（つながりの根拠：{evidence}）",
            "{old} → {new}: continued under the same name (linked by: {evidence})",
        ),
        "across_renamed": (
            "{old} → {new}：名称を変えて続いています（つながりの根拠：{evidence}）",
            "{old} → {new}: continued under a new name (linked by: {evidence})",
        ),
        "across_taken_over": (
            "{old} → {new}：統合・業務の引継ぎとしてつながっています（根拠：{evidence}）。同じ事業とは言い切れません",
            "{old} → {new}: linked as a merge or take-over ({evidence}); not certainly the same project",
        ),
        "across_absent_old": (
            "{ref}は{other}にはありません（対応する事業なし。この版での事業期間：{period}）",
            "{ref} is not in the {other} (no counterpart; its period in its own edition: {period})",
        ),
        "across_absent_new": (
            "{ref}は{other}にはありません（対応する事業なし：この版で新しく載った事業。事業期間：{period}）",
            "{ref} is not in the {other} (no counterpart: new in its own edition; period {period})",
        ),
        "across_aside_taken_over": (
            "　※{other}も{ref}の業務の一部を引き継いでいます（統合・引継ぎ：同じ事業とは言い切れません）",
            "　Note: {other} also took over part of the work of {ref} (a merge or take-over: uncertain)",
        ),
        "across_aside_continues": (
            "　※{older}は、{other}として同じ事業が続いています（{ref}はその業務の一部の引継ぎ）",
            "　Note: {older} itself continues as {other} ({ref} took over part of its work)",
        ),
        "across_aside_named": (
            "　※{ref}の表には、{other}として実施した取組も記載されています（{other}とのつながりは表の記載のみ：不確か）",
            "　Note: the table of {ref} also lists work done under {other} (linked only by that mention: uncertain)",
        ),
        "across_field_same": (
            "{what}：{older}版 {old} → {newer}版 {new}（変更なし）",
            "{what}: {older} {old} → {newer} {new} (unchanged)",
        ),
        "across_field_changed": (
            "{what}：{older}版 {old} → {newer}版 {new}（変更あり）",
            "{what}: {older} {old} → {newer} {new} (changed)",
        ),
        "across_budget": (
            "事業費：{older} {old} → {newer} {new}（{change}、{pct}）",
            "Budget: {older} {old} → {newer} {new} ({change}, {pct})",
        ),
        "across_budget_merged": (
            "事業費：{older} {parts}＝{before}千円 → {newer} {after}千円（{change}千円）",
            "Budget: {older} {parts} = {before} → {newer} {after} thousand yen ({change})",
        ),
        "across_budget_breakdown": (
            "　{edition}事業費の内訳：{parts}",
            "　Breakdown of the {edition} budget: {parts}",
        ),
        "across_budget_account": (
            "　{edition}事業費の注記：{note}",
            "　Note printed with the {edition} budget: {note}",
        ),
        "across_ratio": (
            "{newer}版の事業費は{older}版の{ratio}倍です。",
            "The {newer} budget is {ratio} times the {older} one.",
        ),
        "across_years_not_printed": (
            "{years}の事業費を記載した版はありません（各版は自分の年度の事業費を記載しています。読み込み済みの版：{known}）。",
            "No edition prints the budget of {years} (each edition prints its own year's budget; loaded: {known}).",
        ),
        "across_year_budget": (
            "{year}：{ref} {money}",
            "{year}: {ref}, {money}",
        ),
        "across_not_read": (
            "「{words}」がどの事業か、または何を比べるのか読み取れませんでした。事業名か番号（No40など）で聞いてください。",
            "I could not tell which project 「{words}」 is, or what to compare. Please name the project or its number (No40).",
        ),
        "across_text": ("　{edition}版の記載：「{text}」", "　{edition} edition: 「{text}」"),
        "across_total": ("合計（{edition}版）：{money}", "Total ({edition} edition): {money}"),
        "across_initiatives": (
            "取組（{edition}版、{n}件）：{labels}",
            "Initiatives ({edition} edition, {n}): {labels}",
        ),
        "across_initiatives_only": (
            "　{edition}版だけにある取組：{labels}",
            "　Only in the {edition} edition: {labels}",
        ),
        "across_fate_title": (
            "{scope}の、{other}での対応：",
            "{scope}: what each is in the {other}:",
        ),
        "across_absent_title_old": (
            "{scope}のうち、{other}に対応する事業がないもの（終了・掲載なし）：{n}件",
            "{scope}: {n} with no counterpart in the {other} (ended or no longer listed)",
        ),
        "across_absent_title_new": (
            "{scope}のうち、{other}に対応する事業がないもの（新しく載った事業）：{n}件",
            "{scope}: {n} with no counterpart in the {other} (new)",
        ),
        "across_renamed_title": (
            "{scope}のうち、{other}で名称が変わったもの：{n}件",
            "{scope}: {n} renamed in the {other}",
        ),
        "across_rose_title": (
            "{scope}のうち、{other}との間で事業費が増えたもの：{n}件",
            "{scope}: {n} whose budget rose between editions ({other})",
        ),
        "across_fell_title": (
            "{scope}のうち、{other}との間で事業費が減ったもの：{n}件",
            "{scope}: {n} whose budget fell between editions ({other})",
        ),
        "across_not_same_name_title": (
            "{scope}のうち、{other}には同じ名前で載っていないもの：{n}件",
            "{scope}: {n} not in the {other} under the same name",
        ),
        "across_same_name_title": (
            "{scope}のうち、{other}にも同じ名前で載っているもの：{n}件",
            "{scope}: {n} also in the {other} under the same name",
        ),
        "across_alike_same_title": (
            "{scope}のうち、{other}と{fields}が同じもの：{n}件",
            "{scope}: {n} with the same {fields} in the {other}",
        ),
        "across_alike_differ_title": (
            "{scope}のうち、{other}と{fields}が違うもの：{n}件",
            "{scope}: {n} whose {fields} differs in the {other}",
        ),
        "across_most_rose": (
            "{scope}のうち、{older}版から事業費が最も増えた事業（同じ事業として続き事業費が増えた{n}件のうち）：",
            "{scope}: the largest budget increase from the {older} edition (of {n} continued projects that rose):",
        ),
        "across_most_fell": (
            "{scope}のうち、{older}版から事業費が最も減った事業（同じ事業として続き事業費が減った{n}件のうち）：",
            "{scope}: the largest budget cut from the {older} edition (of {n} continued projects that fell):",
        ),
        "across_edition_row": ("{scope}：合計 {money}", "{scope}: total {money}"),
        "across_count_difference": (
            "件数：{older}版 {a}件 → {newer}版 {b}件（{d}件）",
            "Projects: {older} {a} → {newer} {b} ({d})",
        ),
        "across_status_continued": (
            "（{other}では{others}として継続）",
            " (continued as {others} in the {other})",
        ),
        "across_status_renamed": (
            "（{other}では{others}に名称変更）",
            " (renamed: {others} in the {other})",
        ),
        "across_status_taken_over": (
            "（{other}の{others}に統合・引継ぎ：不確か）",
            " (merged into or taken over by {others} in the {other}: uncertain)",
        ),
        "across_status_continued_back": (
            "（{other}の{others}から継続）",
            " (continued from {others} of the {other})",
        ),
        "across_status_renamed_back": (
            "（{other}の{others}から名称変更）",
            " (renamed from {others} of the {other})",
        ),
        "across_status_taken_over_back": (
            "（{other}の{others}から統合・引継ぎ：不確か）",
            " (merged from or taking over {others} of the {other}: uncertain)",
        ),
        "across_spelling": (
            "　（{edition}版での表記：{value}）",
            "　(printed as {value} in the {edition} edition)",
        ),
        "across_status_ended": ("（{other}にはなし）", " (not in the {other})"),
        "across_status_new": ("（新規：{other}にはなし）", " (new: not in the {other})"),
        "across_none": ("なし", "none"),
        "across_group_title": (
            "{by}の{older}版と{newer}版：",
            "{by}, {older} and {newer} editions:",
        ),
        "across_group_row": (
            "{group}：{older}版 {a}件 {old} → {newer}版 {b}件 {new}（{change}千円）",
            "{group}: {older} {a}, {old} → {newer} {b}, {new} ({change} thousand yen)",
        ),
    }
)
