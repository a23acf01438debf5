"""Updates, retractions, history and owners: what is recorded, what is refused and why, and
how the record reads back."""

PHRASES: dict[str, tuple[str, str]] = {}


# -- updates, history, owners --------------------------------------------------------
PHRASES.update(
    {
        "update_usage": (
            "使い方：/roadmap update No40 [R8] [取組1] 実績の内容（番号から始めてください）",
            "Usage: /roadmap update No40 [R8] [initiative 1] what was done (start with the number)",
        ),
        "update_bad_year": (
            "「{year}」は年度として読めません（例: R8、令和8年度）。",
            '"{year}" is not a fiscal year (e.g. R8).',
        ),
        "update_no_project": (
            "{reference} という番号の事業は最新版にありません。",
            "No project {reference} in the latest edition.",
        ),
        "update_empty_text": (
            "実績の内容が空です。何をしたかを書いてください。",
            "The update is empty: say what was done.",
        ),
        "update_too_long": (
            "長すぎます（{n}文字）。{max}文字以内にしてください。何も記録していません。",
            "Too long ({n} characters): keep it under {max}. Nothing was recorded.",
        ),
        "update_not_owner": (
            "{project} を更新できるのは担当者だけです（担当者：{owners}）。何も記録していません。",
            "Only the owners of {project} can update it (owners: {owners}). Nothing was recorded.",
        ),
        "update_unknown_initiative": (
            "取組「{given}」が見つかりません。候補：{choices}",
            'No initiative "{given}". Choose one of: {choices}',
        ),
        "update_future_year": (
            "{year}はまだ来ていません（今は{current}）。実績は今年度までです。",
            "{year} has not started yet (it is {current}); results are for this year or earlier.",
        ),
        "update_before_start": (
            "{year}は事業始期（{start}）より前です。",
            "{year} is before the project started ({start}).",
        ),
        "update_done": (
            "✅ {project} の{year}実績に記録しました（#{id}）{initiative}\n{text}\n— {who}, {when}",
            "✅ Recorded for {project}, {year} (#{id}){initiative}\n{text}\n— {who}, {when}",
        ),
        "retract_usage": (
            "使い方：/roadmap retract 記録番号 [理由]",
            "Usage: /roadmap retract ENTRY_ID [reason]",
        ),
        "retract_no_entry": ("#{id} という記録はありません。", "There is no entry #{id}."),
        "retract_document": (
            "#{id} はロードマップ本文の記載なので取り消せません。",
            "#{id} comes from the published document and cannot be retracted.",
        ),
        "retract_already": ("#{id} は取り消し済みです。", "#{id} is already retracted."),
        "retract_a_retraction": (
            "#{id} は #{of} の取り消しの記録です。取り消しは取り消せません（#{of} を記録し直すには update で新しく報告してください）。",
            "#{id} is the retraction of #{of}; a retraction cannot be retracted (to record #{of} again, send a new update).",
        ),
        "retract_done": (
            "↩️ #{id}（{project}）を取り消しました。記録は履歴に残ります。",
            "↩️ Retracted #{id} ({project}). It stays in the history.",
        ),
        "history_title": ("{project} の実績の記録（{n}件）", "{project}: {n} entries"),
        "history_empty": ("{project} にはまだ記録がありません。", "{project} has no entries yet."),
        "owners_unknown_target": (
            "「{target}」は事業番号（No40）でも担当課名でもありません。",
            '"{target}" is neither a project number (No40) nor a section.',
        ),
        "owners_usage": (
            "使い方：/roadmap owners add|remove @ユーザー No40（または担当課名） / owners list",
            "Usage: /roadmap owners add|remove @user No40 (or a section) / owners list",
        ),
        "owners_added": (
            "{user} を {target} の担当者に登録しました。",
            "{user} now owns {target}.",
        ),
        "owners_exists": (
            "{user} はすでに {target} の担当者です。",
            "{user} already owns {target}.",
        ),
        "owners_removed": (
            "{user} を {target} の担当者から外しました。",
            "{user} no longer owns {target}.",
        ),
        "owners_not_owner": (
            "{user} は {target} の担当者ではありません。",
            "{user} does not own {target}.",
        ),
        "owners_list_title": ("担当者の登録（{n}件）", "Owners ({n})"),
        "owners_none": ("担当者はまだ登録されていません。", "No owners are registered yet."),
    }
)


# -- newcomer trial (branch h) --------------------------------------------------------
PHRASES.update(
    {
        "owners_bad_user_id": (
            "ユーザーの識別子「{user_id}」は使えません（空白や制御文字を含まない識別子を指定してください）。何も登録していません。",
            'The user id "{user_id}" cannot be used (no blanks or control characters). Nothing was added.',
        ),
    }
)


# -- #15: the command table, replies that fit, failures told to the person -------------
PHRASES.update(
    {
        "history_usage": ("使い方：{usage}", "Usage: {usage}"),
        "history_more_hint": (
            "すべての記録は {command} でファイルとして受け取れます。",
            "Get every entry as a file with {command}.",
        ),
    }
)


# -- issue #16 ---------------------------------------------------------------------------
PHRASES.update(
    {
        "retract_not_allowed": (
            "#{id} を取り消せるのは、記録した本人か {project} の担当者だけです（担当者：{owners}）。何も取り消していません。",
            "Only the author of #{id} or an owner of {project} can retract it (owners: {owners}). Nothing was retracted.",
        ),
    }
)


# -- issue #14: field documents, drafts ----------------------------------------------------
PHRASES.update(
    {
        "project_gone": (
            "{project}は現在の{edition}版にはもうありません（改訂された文書に含まれていません）。記録はそのまま残っています。",
            "{project} is no longer in the {edition} edition (the revised document leaves it out); its record is kept.",
        ),
    }
)


# -- review findings (branch k): wording that was built outside this module ----------------
PHRASES.update(
    {
        "number_inferred_mark": ("（番号は推定）", " (number inferred)"),
        "initiative_untitled": ("（名称なし）", "(untitled)"),
        "chat_progress_title": ("チャットでの実績報告:", "Progress reported in chat:"),
        "predecessor_line": ("前身: {project}  [{why}]", "Predecessor: {project}  [{why}]"),
        "successor_line": ("後継: {project}  [{why}]", "Successor: {project}  [{why}]"),
        "entry_retracts": ("取消: #{id}", "retracts #{id}"),
        "entry_reason": ("理由: {reason}", "reason: {reason}"),
        "entry_retracted_mark": ("（取消済み）", " (retracted)"),
    }
)
