"""The command table's words: each command's summary, the help, usage hints and the replies of
commands (#15)."""

PHRASES: dict[str, tuple[str, str]] = {}

PHRASES.update(
    {
        "help_title": (
            "DXロードマップについて質問できます。",
            "You can ask me about the DX roadmap.",
        ),
    }
)


# -- updates, history, owners --------------------------------------------------------
PHRASES.update(
    {
        "admin_only": ("この操作は管理者だけができます。", "Only admins can do that."),
    }
)


# -- newcomer trial (branch h) --------------------------------------------------------
PHRASES.update(
    {
        "command_mistyped": (
            "「{word}」はコマンドではありません。{guess} のことですか？何も実行していません。"
            "質問なら文章で書いてください（help で使い方）。",
            '"{word}" is not a command. Did you mean {guess}? Nothing was done. '
            "For a question, write it as a sentence (help lists the commands).",
        ),
        "error_generic": (
            "すみません、処理できませんでした。もう一度お試しください。",
            "Sorry, something went wrong. Please try again.",
        ),
    }
)


# -- weekly digest, charts, nudges ---------------------------------------------------
PHRASES.update(
    {
        "chart_usage": (
            "使い方：/roadmap chart budget または /roadmap chart timeline",
            "Usage: /roadmap chart budget | timeline",
        ),
        "nudges_off": (
            "週次のお知らせを止めました（再開: /roadmap nudges on）。",
            "Weekly nudges are off (turn on: /roadmap nudges on).",
        ),
        "nudges_on": ("週次のお知らせを再開しました。", "Weekly nudges are on."),
        "export_usage": (
            "使い方：/roadmap export csv|xlsx|json",
            "Usage: /roadmap export csv | xlsx | json",
        ),
        "export_summary": (
            "最新版の事業一覧（{fmt}）をこのチャンネルにアップロードします。",
            "Uploading the latest edition's projects ({fmt}) to this channel.",
        ),
        "nudges_usage": (
            "使い方：/roadmap nudges off または on",
            "Usage: /roadmap nudges off | on",
        ),
    }
)


# -- #15: the command table, replies that fit, failures told to the person -------------
PHRASES.update(
    {
        "cmd_ask": ("質問に答えます", "answers a question"),
        "cmd_update": (
            "実績を記録します（内容なしで入力フォーム）",
            "records progress (alone: opens the form)",
        ),
        "cmd_history": (
            "事業の実績の記録を表示します（--all で全件をファイルで）",
            "shows a project's entries (--all: all of them as a file)",
        ),
        "cmd_retract": (
            "記録を取り消します（履歴には残ります）",
            "retracts an entry (it stays in the history)",
        ),
        "cmd_owners": ("担当者の一覧", "lists the owners"),
        "cmd_owners_add": ("担当者を登録します", "makes someone an owner"),
        "cmd_owners_remove": ("担当者を外します", "removes an owner"),
        "cmd_digest": ("今週の週報を表示します", "shows this week's digest"),
        "cmd_diff": ("2つの版の違いをファイルで", "compares two editions (as a file)"),
        "cmd_export": ("最新版の事業一覧をファイルで", "the latest edition's projects as a file"),
        "cmd_chart": ("グラフ（画像）", "a chart (image)"),
        "cmd_nudges": (
            "週次のお知らせ（ダイレクトメッセージ）のオン・オフ",
            "weekly reminders by DM on or off",
        ),
        "cmd_help": ("この使い方", "this help"),
        "help_commands": ("コマンド：", "Commands:"),
        "help_also": ("（別名：{words}）", "(also: {words})"),
        "help_owner": ("［担当者］", "[owners]"),
        "help_admin": ("［管理者］", "[admins]"),
        "help_examples": ("質問の例：{examples}", "Examples: {examples}"),
        "chart_making": ("📊 グラフ：{title}", "📊 Chart: {title}"),
        "export_made": (
            "{edition}版の事業一覧（{fmt}、{n}件）",
            "The {edition} edition's projects ({fmt}, {n} projects)",
        ),
    }
)


# -- follow-ups of issues #14 and #15: documents in chat ------------------------------------
PHRASES.update(
    {
        "cmd_documents": (
            "読み込んだロードマップ文書の一覧",
            "lists the loaded roadmap documents",
        ),
    }
)


# -- review findings (branch k): wording that was built outside this module ----------------
PHRASES.update(
    {
        "help_ask_1": (
            "番号や事業名で聞いてください：事業費・担当・期間・概要・計画・実績。",
            "Ask about a project by number or name: budget, owner, period, summary, plan, results.",
        ),
        "help_ask_2": (
            "一覧：R7で終わる事業、R5より前に始まった事業、教育庁の事業、1億円以上の事業。",
            "Ask for lists: ending in R7, started before R5, by department, over 100 million yen.",
        ),
        "help_ask_3": (
            "集計：合計・件数・平均・最大・トップ5・部局別。",
            "Ask for totals, counts, averages, the largest, top 5, per department.",
        ),
        "help_ask_4": (
            "版の比較：R6とR7の予算比較、名称が変わった事業、前身・後継、何が変わったか。",
            "Compare editions: R6 vs R7 budget, renamed projects, predecessor, what changed.",
        ),
        "help_command_list": ("コマンド：{commands}", "Commands: {commands}"),
    }
)
