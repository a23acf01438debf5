"""What only a chat front end says: Slack's and Teams' forms, App Home, files and parts, and
their failures (#15, #16)."""

PHRASES: dict[str, tuple[str, str]] = {}


# -- updates, history, owners --------------------------------------------------------
PHRASES.update(
    {
        "update_modal_title": ("実績を報告", "Report progress"),
        "update_modal_project": ("事業", "Project"),
        "update_modal_initiative": ("取組（任意）", "Initiative (optional)"),
        "update_modal_year": ("年度", "Fiscal year"),
        "update_modal_text": ("実績の内容", "What was done"),
        "update_modal_submit": ("記録する", "Record"),
        "update_modal_cancel": ("やめる", "Cancel"),
        "update_modal_none": (
            "担当している事業がありません。管理者に担当者登録を依頼してください。",
            "You own no project yet: ask an admin to add you as an owner.",
        ),
    }
)


# -- newcomer trial (branch h) --------------------------------------------------------
PHRASES.update(
    {
        "share_button": ("チャンネルに共有", "Share to channel"),
        "shared_by": ("{user} が共有", "Shared by {user}"),
        "home_title": ("DXロードマップ：あなたの担当事業", "DX roadmap: your projects"),
        "home_none": (
            "担当している事業はありません。質問はいつでもどうぞ（/roadmap help）。",
            "You own no project. Ask me anything (/roadmap help).",
        ),
        "home_latest": ("最新の記録：{date}（{who}）", "Latest entry: {date} ({who})"),
        "home_stale": ("⚠️ {year}の実績がまだありません", "⚠️ No {year} entry yet"),
        "home_update": ("実績を報告", "Report progress"),
    }
)


# -- #15: the command table, replies that fit, failures told to the person -------------
PHRASES.update(
    {
        "left_out": ("…ほか{n}行は省略しました。{hint}", "…{n} more lines left out. {hint}"),
        "left_out_earlier": (
            "…古い{n}行は省略しました。{hint}",
            "…{n} earlier lines left out. {hint}",
        ),
        "home_more": (
            "ほか{n}件の担当事業があります（/roadmap update で選べます）。",
            "And {n} more projects (choose them in /roadmap update).",
        ),
        "file_uploading": (
            "ファイルをこのチャンネルにアップロードします。",
            "Uploading the file to this channel.",
        ),
        "console_no_form": (
            "コンソールには入力フォームがありません。次の形で入力してください：{usage}",
            "The console has no form: type {usage}",
        ),
        "file_saved": ("ファイルを保存しました：{path}", "Saved the file: {path}"),
        "teams_no_file": (
            "Teamsではファイルを送れません。Slack の /roadmap {command} か、コンソールの {command} をお使いください。",
            "Teams cannot receive this file here: use /roadmap {command} in Slack, or {command} in the console (roadmap console).",
        ),
        "teams_no_chart": (
            "Teamsではグラフ画像を表示できません。Slack の /roadmap chart か、データは export csv でどうぞ。",
            "Teams cannot show the chart image here: use /roadmap chart in Slack, or export csv for the data.",
        ),
        "teams_part": ("（{i}/{n}）", "({i}/{n})"),
        "teams_send_failed": (
            "返信をTeamsに送れませんでした。条件を絞るか、少し待ってからもう一度お試しください。",
            "Teams refused my reply: narrow the question or try again in a moment.",
        ),
    }
)


# Review of #15/#16 (branch j): Teams has no private messages inside a channel.
PHRASES.update(
    {
        "teams_sent_to_personal_chat": (
            "この返信はあなただけに見えるよう、ボットとの個人チャットに送りました。",
            "This reply is for you only: I sent it to your personal chat with me.",
        ),
        "teams_private_in_thread": (
            "（Teamsでは本人だけに見える返信ができません。ボットと個人チャットを始めると、次からはそちらに送ります。）",
            "(Teams cannot show a reply to you alone here. Start a personal chat with me and such replies will go there.)",
        ),
        "slack_not_in_channel": (
            "このチャンネルに投稿できませんでした。/invite @roadmap でチャンネルに招待してから、もう一度お試しください。",
            "I could not post in this channel: invite me with /invite @roadmap, then try again.",
        ),
        "slack_channel_not_found": (
            "このチャンネルには投稿できません（ボットが参加していない会話です）。/invite @roadmap で招待するか、ボットとのダイレクトメッセージで実行してください。",
            "I cannot post in this conversation (I am not in it): invite me with /invite @roadmap or run the command in a DM with me.",
        ),
        "slack_is_archived": (
            "このチャンネルはアーカイブされているため投稿できません。別のチャンネルで実行してください。",
            "This channel is archived, so I cannot post there: run the command in another channel.",
        ),
        "slack_too_long": (
            "返信が長すぎてSlackに受け付けられませんでした。条件を絞るか、export / history --all でファイルとして受け取ってください。",
            "The reply was too long for Slack: narrow the question, or get it as a file (export, history --all).",
        ),
        "slack_ratelimited": (
            "Slackが混み合っていて投稿できませんでした。少し待ってからもう一度お試しください。",
            "Slack is busy and refused the post: wait a moment and try again.",
        ),
        "slack_failed": (
            "Slackへの投稿に失敗しました（{error}）。もう一度お試しください。",
            "Posting to Slack failed ({error}). Please try again.",
        ),
        "update_recorded_not_posted": (
            "記録はされています（#{id}）が、チャンネルへのお知らせを投稿できませんでした。{why}",
            "Your entry is recorded (#{id}), but I could not announce it in the channel. {why}",
        ),
    }
)


# -- issue #16 ---------------------------------------------------------------------------
PHRASES.update(
    {
        "update_form_other_edition": (
            "{project} は最新版の事業ではありません。フォームで選べる事業だけを更新できます。何も記録していません。",
            "{project} is not a project of the latest edition: choose one the form offers. Nothing was recorded.",
        ),
    }
)


# -- issue #26: every record names its project; files and words an office hands out ------
PHRASES.update(
    {
        "teams_package_bad_id": (
            "TEAMS_APP_ID がアプリ登録の識別子（GUID、例：00000000-0000-0000-0000-000000000000）ではありません。README の「Connect to Teams」の手順で登録したアプリの識別子を設定してください。",
            "TEAMS_APP_ID is not the app registration's id (a GUID such as 00000000-0000-0000-0000-000000000000): set the id of the app registered as README's “Connect to Teams” says.",
        ),
        "teams_package_permissions": (
            "Teams アプリのマニフェストのテンプレートに必要な RSC 権限がありません（{missing}）。",
            "The Teams manifest template lacks the RSC permissions {missing}.",
        ),
    }
)
