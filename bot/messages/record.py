"""Questions about the chat record: reports, by whom, when, what is missing (#27)."""

PHRASES: dict[str, tuple[str, str]] = {}


# -- issue #27: the living record — reports, by whom, when, what is missing ---------------
PHRASES.update(
    {
        "record_n_report": ("{n}件", "{n} reports"),
        "record_n_report_one": ("{n}件", "{n} report"),
        "record_n_project": ("{n}件", "{n} projects"),
        "record_n_project_one": ("{n}件", "{n} project"),
        "record_n_person": ("{n}人", "{n} people"),
        "record_n_person_one": ("{n}人", "{n} person"),
        "record_all": ("記録全体", "the whole record"),
        "record_person": ("{name}さん", "{name}"),
        "record_you": ("あなた（{name}）", "you ({name})"),
        "record_by": ("{names}", "by {names}"),
        "record_year_for": ("{year}分", "for {year}"),
        "record_years_before": ("{year}より前の年度分", "for years before {year}"),
        "record_initiative": ("取組{n}「{label}」", "initiative {n} ({label})"),
        "record_owned_by": ("{names}の担当事業", "projects owned by {names}"),
        "record_period": ("{said}（{first}〜{last}）", "{said} ({first} to {last})"),
        "record_period_day": ("{said}（{first}）", "{said} ({first})"),
        "record_period_day_now": ("{said}（{first}、{now}時点）", "{said} ({first}, as of {now})"),
        "record_period_now": (
            "{said}（{first}〜{last}、{now}時点）",
            "{said} ({first} to {last}, as of {now})",
        ),
        "record_line": (
            "・{when} {project}{year}{initiative}{text} — {who}（#{id}）",
            "- {when} {project}{year}{initiative}{text} — {who} (#{id})",
        ),
        "record_no_reason": ("理由の記載なし", "no reason given"),
        "record_retracted_line": (
            "・（取消済み）{line}／取消：{when} {who}「{reason}」",
            "- (retracted) {line} / retracted {when} by {who}: {reason}",
        ),
        "record_none": (
            "{what}のチャットでの報告はありません（0件）。",
            "No chat reports ({what}): 0 reports.",
        ),
        "record_latest": (
            "{what}の最新のチャットでの報告（全{count}のうち）：",
            "Latest chat report ({what}), of {count}:",
        ),
        "record_newest": (
            "{what}の最新のチャットでの報告{n}件（全{count}のうち）：",
            "The {n} latest chat reports ({what}), of {count}:",
        ),
        "record_first": (
            "{what}の最初のチャットでの報告（全{count}のうち）：",
            "First chat report ({what}), of {count}:",
        ),
        "record_list_oldest": (
            "{what}のチャットでの報告：{count}{on}（古い順）",
            "Chat reports ({what}): {count}{on}, oldest first:",
        ),
        "record_count": (
            "{what}のチャットでの報告は{count}{on}です。",
            "Chat reports ({what}): {count}{on}.",
        ),
        "record_list": (
            "{what}のチャットでの報告：{count}{on}（新しい順）",
            "Chat reports ({what}): {count}{on}, newest first:",
        ),
        "record_on_projects": ("（{n}事業）", " on {projects}"),
        "record_retracted_list": (
            "{what}の取り消された報告：{n}件（報告には数えていません）",
            "Retracted chat reports ({what}): {n} (not counted as reports)",
        ),
        "record_counted_besides": (
            "数えている報告は{count}です。",
            "Reports counted: {count}.",
        ),
        "record_retracted_title": (
            "取り消された報告（数えていません）：{n}件",
            "Retracted reports (not counted): {n}",
        ),
        "record_retracted_count": (
            "ほかに取り消された報告が{n}件あります（数えていません）。",
            "Retracted reports are not counted (there are {n}).",
        ),
        "record_retracted_none": ("取り消された報告はありません。", "No report was retracted."),
        "record_documents": (
            "文書の実績（ロードマップに印刷された実績）は報告とは別に{n}件あります：「{ref}の実績」で見られます。",
            "The documents' printed results are kept apart from reports ({n} printed): ask “{ref} results”.",
        ),
        "record_documents_none": (
            "文書の実績（ロードマップに印刷された実績）はこの事業にはありません。",
            "The documents print no results for this project.",
        ),
        "record_unit": ("件", "reports"),
        "record_people_unit": ("人", "people"),
        "record_more_history": (
            "ほか{n}件。全件は「history No{no} --all」で。",
            "and {n} more — every one: history No{no} --all",
        ),
        "record_more": (
            "ほか{n}件（期間や事業を絞って聞いてください）。",
            "and {n} more (ask for a shorter period or fewer projects).",
        ),
        "record_latest_of": ("・{ref}：{line}（全{count}）", "- {ref}: {line} (of {count})"),
        "record_latest_none": (
            "・{ref}：チャットでの報告はまだありません",
            "- {ref}: no chat report yet",
        ),
        "record_latest_each": (
            "{what}の最新のチャットでの報告（{projects}）：",
            "Latest chat report of each project ({what}), {projects}:",
        ),
        "record_project_row": (
            "・{ref}：{count}（最新：{latest}）",
            "- {ref}: {count} (latest: {latest})",
        ),
        "record_projects": (
            "チャットでの報告があった事業（{what}）：{projects}（報告{reports}）",
            "Projects with chat reports ({what}): {projects} ({reports})",
        ),
        "record_projects_more_than": (
            "チャットでの報告が{more}より多い事業（{what}）：{projects}",
            "Projects with more than {more} ({what}): {projects}",
        ),
        "record_projects_none": (
            "チャットでの報告があった事業はありません（{what}、0件）。",
            "No project has chat reports ({what}): 0 projects.",
        ),
        "record_rank_row": ("{i}. {name}：{count}", "{i}. {name}: {count}"),
        "record_grouped": (
            "{what}のチャットでの報告{count}の{by}：",
            "Chat reports ({what}), {count} {by}:",
        ),
        "record_group_row": ("・{name}：{count}", "- {name}: {count}"),
        "record_group_most": (
            "チャットでの報告が最も多い{group}（{what}）：",
            "The {group} with the most chat reports ({what}):",
        ),
        "record_group_least": (
            "チャットでの報告が最も少ない{group}（{what}）：",
            "The {group} with the fewest chat reports ({what}):",
        ),
        "record_group_department": ("部局", "department"),
        "record_group_section": ("担当課", "section"),
        "record_group_category": ("項目", "category"),
        "record_group_field": ("分野", "field"),
        "record_group_project": ("事業", "project"),
        "record_group_person": ("人", "person"),
        "record_by_department": ("部局別", "by department"),
        "record_by_section": ("担当課別", "by section"),
        "record_by_category": ("項目別", "by category"),
        "record_by_field": ("分野別", "by field"),
        "record_by_project": ("事業別", "by project"),
        "record_by_person": ("報告者別", "by person"),
        "record_rank_projects": (
            "チャットでの報告が最も多い事業（{what}）：",
            "Most reported project ({what}):",
        ),
        "record_rank_projects_least": (
            "チャットでの報告が最も少ない事業（{what}）：",
            "Least reported project ({what}):",
        ),
        "record_rank_projects_top": (
            "チャットでの報告が多い事業の上位{n}（{what}）：",
            "Top {n} projects by chat reports ({what}):",
        ),
        "record_rank_projects_least_top": (
            "チャットでの報告が少ない事業の下位{n}（{what}）：",
            "Bottom {n} projects by chat reports ({what}):",
        ),
        "record_rank_people": (
            "チャットでの報告が最も多い人（{what}）：",
            "Who reported the most in chat ({what}):",
        ),
        "record_rank_people_least": (
            "チャットでの報告が最も少ない人（{what}）：",
            "Who reported the least in chat ({what}):",
        ),
        "record_rank_people_top": (
            "チャットでの報告が多い人の上位{n}（{what}）：",
            "Top {n} reporters in chat ({what}):",
        ),
        "record_rank_people_least_top": (
            "チャットでの報告が少ない人の下位{n}（{what}）：",
            "Bottom {n} reporters in chat ({what}):",
        ),
        "record_reporter_row": (
            "・{name}：{count}（{projects}）",
            "- {name}: {count} ({projects})",
        ),
        "record_reporters": (
            "チャットで報告した人（{what}）：{people}",
            "People who reported in chat ({what}): {people}",
        ),
        "record_reporters_none": (
            "チャットで報告した人はいません（{what}、0人）。",
            "Nobody reported in chat ({what}): 0 people.",
        ),
        "record_owners_are": ("登録されている担当者：{names}", "Registered owners: {names}"),
        "record_no_owner": ("担当者の登録なし", "no registered owner"),
        "record_no_owner_of": (
            "{ref}に登録されている担当者はいません。",
            "{ref} has no registered owner.",
        ),
        "record_owned_list": (
            "{names}が担当者として登録されている事業：{projects}",
            "Projects with {names} registered as owner: {projects}",
        ),
        "record_owned_none": (
            "{names}が担当者として登録されている事業はありません（0件）。",
            "No project has {names} registered as owner (0 projects).",
        ),
        "record_owners_of_list": (
            "{what}の担当者（{n}事業）：",
            "Owners of {what} ({projects}):",
        ),
        "record_owner_row": ("・{ref}：{owners}", "- {ref}: {owners}"),
        "record_owner_suffix": ("（{owners}）", " ({owners})"),
        "record_year_today": (
            "今日（{today}）は{label}（{year}）なので、{year}の分で見ています。",
            "Today ({today}) is in fiscal year {year}, so {year} is meant.",
        ),
        "record_year_asked": (
            "今日（{today}）は{label}（{now}）です。聞かれた{year}の分で見ています。",
            "Today ({today}) is in fiscal year {now}; {year} was asked for.",
        ),
        "record_running_rule": (
            "実施中＝事業始期が{year}以前で、事業終期が{year}以降の事業。",
            "Running in {year}: started in or before {year}, ending in or after {year}.",
        ),
        "record_open_ended": (
            "事業終期が印刷されていない事業（{refs}）は、終わりが決まっていないものとして実施中に含めています。",
            "Projects whose end year is not printed ({refs}) are taken as not decided: still running.",
        ),
        "record_latest_projects": ("最新版の事業", "the latest edition's projects"),
        "record_missing": (
            "{what}のうち、{run}に実施中で{year}分のチャットでの報告がない事業：{projects}",
            "Projects running in {run} with no chat report for {year} ({what}): {projects}",
        ),
        "record_missing_earlier": (
            "{what}のうち、{run}に実施中で、チャットでの報告が{year}より前の年度分しかない事業：{projects}",
            "Projects running in {run} whose chat reports are only for years before {year} ({what}): {projects}",
        ),
        "record_missing_period": (
            "{what}のうち、{run}に実施中で、この期間にチャットでの報告がない事業：{projects}",
            "Projects running in {run} with no chat report in the period ({what}): {projects}",
        ),
        "record_counted_rule": (
            "文書の実績（印刷された実績）と取り消された報告は、報告に数えていません。",
            "The documents' printed results and retracted reports are not counted as reports.",
        ),
        "record_missing_none": ("該当する事業はありません（0件）。", "None (0 projects)."),
        "record_unowned": (
            "{what}のうち、担当者が登録されていない事業：{projects}",
            "Projects with no registered owner ({what}): {projects}",
        ),
        "record_unowned_none": ("該当する事業はありません（0件）。", "None (0 projects)."),
        "record_silent_row": ("・{name}（担当：{projects}）", "- {name} (owns {projects})"),
        "record_silent": (
            "{what}にチャットで報告していない担当者：{people}（担当者{owners}のうち）",
            "Owners with no chat report ({what}): {people} (of {owners} owners)",
        ),
        "record_silent_none": ("該当する担当者はいません（0人）。", "None (0 people)."),
        "record_who_is_me": (
            "「自分」が誰か、ここでは分かりません。名前で聞いてください（例：田中さんの報告）。",
            "I cannot tell who “me” is here: please ask with a name (e.g. reports by Tanaka).",
        ),
        "record_no_such_person": (
            "「{name}」という人の報告も、担当者の登録も記録にありません。",
            "Nobody called “{name}” has reported or is registered as an owner.",
        ),
        "record_which_person": (
            "「{name}」に当たる人が複数います：{names}。どなたか指定してください。",
            "“{name}” could be several people: {names}. Which one?",
        ),
        "record_which_project": (
            "どの事業の記録か一つに決められません：{names}。番号で聞いてください。",
            "Which project's record? {names}. Please ask with its number.",
        ),
        "record_words_unused": (
            "「{words}」を記録の条件として使えませんでした。言い換えてください。",
            "I could not use “{words}” as a condition on the record. Please rephrase.",
        ),
        "record_words_not_printed": (
            "{ref}の記録について聞かれたと理解しましたが、「{words}」はこの事業に書かれていません。言い換えてください。",
            "I read this as a question about the record of {ref}, but “{words}” is not printed about it. Please rephrase.",
        ),
        "record_no_initiative": ("{ref}に取組{n}はありません。", "{ref} has no initiative {n}."),
        "record_initiative_of_which": (
            "どの事業の取組か分かりません。事業の番号と一緒に聞いてください（例：No38の取組3の報告）。",
            "Which project's initiative? Please ask with its number (e.g. reports on No38 initiative 3).",
        ),
        "record_two_years": (
            "年度が複数あります（{years}）。一つにして聞いてください。",
            "Several fiscal years were given ({years}); please ask for one.",
        ),
    }
)
