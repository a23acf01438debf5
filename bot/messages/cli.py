"""The `roadmap` command line: one line in the user's language, with the path and what to do
(#17)."""

PHRASES: dict[str, tuple[str, str]] = {}


# -- newcomer trial (branch h) --------------------------------------------------------
PHRASES.update(
    {
        # The code as stored (岩手県:R7): ingest says exactly which prefecture's edition it loaded.
        "cli_ingest_document": ("{code} {field}：{n}事業", "{code} {field}: {n} projects"),
        "cli_backed_up": (
            "{path} にバックアップしました（整合性：{integrity}、追記専用のトリガー：{total}個中{present}個あり）",
            "backed up to {path} (integrity: {integrity}; append-only triggers: {present} of {total} present)",
        ),
        "cli_teams_package": (
            "{path} を作りました。Teams の「アプリ」→「アプリを管理」→「アプリをアップロード」からアップロードしてください。",
            "wrote {path}: upload it in Teams → Apps → Manage your apps → Upload an app",
        ),
        "cli_ingest_draft": ("（案）", " (draft)"),
        "cli_ingest_edition": (
            "{code}{draft}：版全体で{n}事業",
            "{code}{draft}: {n} projects in the edition",
        ),
        "cli_ingest_totals": (
            "追加した記録：{added}件、置き換え：{superseded}件、事業のつながり：{links}件",
            "entries added: {added}, superseded: {superseded}, links: {links}",
        ),
        "cli_wrote": ("{path} に書き出しました（{size}バイト）", "wrote {path} ({size} bytes)"),
        "cli_no_field": (
            "--field「{field}」の事業はありません。分野：{fields}",
            "--field: no project in the field {field} (fields: {fields})",
        ),
        "cli_draft_field_file": ("{path}：{field}、{n}事業", "{path}: {field}, {n} projects"),
        "cli_update_done": ("#{id} {year}実績 {project}：{text}", "#{id} {year} {project}: {text}"),
        "cli_run_incomplete": (
            "チャットの設定が途中です：{missing} が設定されていません。設定するか、設定済みの変数を外してください（外すとコンソールが開きます）。",
            "The chat settings are incomplete: {missing} is not set. Set it, or unset the others (then the console opens).",
        ),
        "cli_run_either": ("{a} または {b}", "{a} or {b}"),
        "cli_run_console": (
            "チャットの設定がないため、コンソールを開きます（Slack：SLACK_BOT_TOKEN と SLACK_SIGNING_SECRET、Teams：TEAMS_APP_ID と TEAMS_APP_PASSWORD）。",
            "No chat settings (Slack: SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET; Teams: TEAMS_APP_ID + TEAMS_APP_PASSWORD): opening the console.",
        ),
        "cli_serving": (
            "{what} を提供しています（ポート {port}）。",
            "Serving {what} (port {port}).",
        ),
        "cli_serving_both": (
            "Slack（ポート {port}）と Teams（ポート {teams_port}）を提供しています。",
            "Serving Slack (port {port}) and Teams (port {teams_port}).",
        ),
    }
)


# -- #17 command line: one line in the user's language, with the path and what to do ------
PHRASES.update(
    {
        "cli_usage_missing": ("{param} が指定されていません。", "{param} is missing."),
        "cli_usage_option": (
            "{option} というオプションはありません。",
            "There is no option {option}.",
        ),
        "cli_usage_value": (
            "{param} の値が正しくありません（使える値：{choices}）。",
            "{param} has a value that cannot be used (allowed: {choices}).",
        ),
        "cli_usage_bad_value": ("{param} の値が正しくありません。", "{param} has a bad value."),
        "cli_usage_path": (
            "{param} の {path} は使えません（ファイルがない、またはフォルダです）。",
            "{param}: cannot use {path} (it does not exist or is a folder).",
        ),
        "cli_usage_command": (
            "{command} というコマンドはありません。",
            "There is no command {command}.",
        ),
        "cli_usage_extra": ("余分な引数があります：{extra}", "Unexpected extra arguments: {extra}"),
        "cli_usage_generic": (
            "コマンドの書き方が正しくありません。",
            "The command is not written correctly.",
        ),
        "cli_usage_help": (
            "使い方は {command} --help で確認できます。",
            "See {command} --help for how to use it.",
        ),
        "cli_out_no_folder": (
            "出力先のフォルダ {folder} がありません（{path}）。既存のフォルダを指定してください。フォルダは作成しません。",
            "The folder {folder} does not exist ({path}): choose an existing folder; none is created.",
        ),
        "cli_out_is_folder": (
            "{path} はフォルダです。ファイル名まで指定してください。",
            "{path} is a folder: give a file name.",
        ),
        "cli_cannot_write": (
            "{path} に書き込めません。書き込み権限のある場所を指定してください。",
            "Cannot write {path}: choose a place you may write to.",
        ),
        "cli_out_exists": (
            "{path} はすでにあります。上書きしないので、新しいファイル名を指定してください。",
            "{path} already exists: choose a new file name (nothing is overwritten).",
        ),
        "cli_binary_needs_out": (
            "{fmt} 形式は画面に出せません。--out ファイル名 を指定してください。",
            "The {fmt} format cannot be printed: give --out FILE.",
        ),
        "cli_store_missing": (
            "データベース {path} がありません。先に roadmap ingest --db {path} で作成してください。",
            "There is no store at {path}: create it first with roadmap ingest --db {path}.",
        ),
        "cli_store_no_folder": (
            "データベースのフォルダ {folder} がありません。既存のフォルダを指定してください。フォルダは作成しません。",
            "The folder {folder} for the store does not exist: choose an existing folder; none is created.",
        ),
        "cli_not_a_store": (
            "{path} はロードマップのデータベースではありません。--db の指定を確認してください。",
            "{path} is not a roadmap store: check --db.",
        ),
        "cli_store_unreadable": (
            "データベース {path} を開けません。パスと読み取り権限を確認してください。",
            "Cannot open the store {path}: check the path and that you may read it.",
        ),
        "cli_unknown_prefecture": (
            "「{name}」という都道府県はありません。青森県・東京都・北海道のように正式名で指定してください（ROADMAP_PREFECTURE）。",
            'There is no prefecture "{name}": use a full name such as 「青森県」, 「東京都」 or 「北海道」 (ROADMAP_PREFECTURE).',
        ),
        "cli_no_such_place": (
            "{path} がありません。パスを確認してください。",
            "{path} does not exist: check the path.",
        ),
        "cli_input_unreadable": (
            "{path} を読めません。パスと読み取り権限を確認してください。",
            "Cannot read {path}: check the path and that you may read it.",
        ),
        "cli_no_edition": (
            "{label}版はありません（読み込み済みの版：{editions}）。",
            "There is no {label} edition (loaded: {editions}).",
        ),
        "cli_unnumbered": (
            "{label}版の事業には番号がありません。事業名で指定してください（例：{examples}）。",
            "The {label} edition does not number its projects: give a name (e.g. {examples}).",
        ),
        "cli_no_project": (
            "{label}版に「{reference}」に当たる事業はありません。",
            'No project matches "{reference}" in the {label} edition.',
        ),
        "cli_closest": ("近いもの：{names}", "Closest: {names}"),
        "cli_ambiguous": (
            "「{reference}」に当たる事業が複数あります：{names}。番号か正式名で指定してください。",
            '"{reference}" matches several projects: {names}. Give the number or the full name.',
        ),
        "cli_diff_same": (
            "同じ版どうしは比較できません。異なる2つの版を指定してください（例：roadmap diff {example}）。",
            "An edition cannot be compared with itself: give two different ones (e.g. roadmap diff {example}).",
        ),
        "cli_diff_reordered": (
            "古い版から新しい版への変化として比較します：{older}版 → {newer}版",
            "Comparing from the older to the newer edition: {older} → {newer}",
        ),
        "cli_not_a_year": (
            "「{value}」は年度として読めません（例：R8、令和8年度）。",
            '"{value}" is not a fiscal year (e.g. R8).',
        ),
        "cli_draft_year": (
            "{target}の原案は作れません。最新の版は{latest}版なので、{next}以降の年度を指定してください。",
            "No draft for {target}: the latest edition is {latest}, so give {next} or later.",
        ),
        "cli_empty_user": (
            "--user が空です。記録する人の名前を指定してください。",
            "--user is empty: give the name of the person reporting.",
        ),
        "cli_history_needs_target": (
            "事業（No40 など）か --all を指定してください。",
            "Give a project (No40) or --all.",
        ),
        "cli_one_target": (
            "--project か --section のどちらか一方を指定してください。",
            "Give exactly one of --project or --section.",
        ),
        "cli_bad_time": (
            "--now の「{value}」は日時として読めません（例：2026-11-22T09:00）。",
            '--now "{value}" is not a time (e.g. 2026-11-22T09:00).',
        ),
        "cli_bad_setting": (
            "設定 {names} の値が正しくありません。.env か環境変数を確認してください。",
            "The setting {names} has a bad value: check .env or the environment.",
        ),
        "cli_interrupted": ("中断しました。", "Interrupted."),
        "cli_slack_token_missing": (
            "SLACK_BOT_TOKEN が設定されていません（README の「Connect to Slack」を参照）。",
            "SLACK_BOT_TOKEN is not set (see README: Connect to Slack).",
        ),
        "cli_slack_secret_missing": (
            "SLACK_SIGNING_SECRET が設定されていません（または SLACK_APP_TOKEN と --socket を使ってください）。",
            "SLACK_SIGNING_SECRET is not set (or use --socket with SLACK_APP_TOKEN).",
        ),
        "cli_teams_missing": (
            "TEAMS_APP_ID と TEAMS_APP_PASSWORD が設定されていません（README の「Connect to Teams」を参照）。",
            "TEAMS_APP_ID and TEAMS_APP_PASSWORD are not set (see README: Connect to Teams).",
        ),
        "cli_post_needs": (
            "--post には SLACK_BOT_TOKEN と ROADMAP_DIGEST_CHANNEL の設定が必要です。",
            "--post needs SLACK_BOT_TOKEN and ROADMAP_DIGEST_CHANNEL.",
        ),
        "cli_internal": (
            "予期しないエラーで中断しました（{kind}）。roadmap -v を付けて実行すると詳細を記録します。",
            "Stopped by an unexpected error ({kind}). Run with roadmap -v to log the details.",
        ),
    }
)


# -- review findings (branch k): wording that was built outside this module ----------------
PHRASES.update(
    {
        "cli_integrity": ("整合性チェック：{result}", "integrity: {result}"),
        "cli_trigger_present": ("追記専用トリガー {name}：あり", "trigger {name}: present"),
        "cli_trigger_missing": ("追記専用トリガー {name}：ありません", "trigger {name}: MISSING"),
        "cli_owner_section": ("担当課 {section}", "section {section}"),
        "cli_digest_posted": (
            "今週のまとめを {channel} に投稿しました。",
            "digest: posted to {channel}.",
        ),
        "cli_digest_done": (
            "今週のまとめは {channel} に投稿済みです。",
            "digest: done — this week's is already in {channel}.",
        ),
        "cli_digest_not_due": (
            "今週のまとめはまだ投稿の時刻になっていません（ROADMAP_DIGEST_CRON）。",
            "digest: not due yet this week (ROADMAP_DIGEST_CRON).",
        ),
        "cli_digest_failed": (
            "今週のまとめを {channel} に投稿できませんでした（{code}）：{why}",
            "digest: failed in {channel} ({code}): {why}",
        ),
        "cli_digest_unknown_failure": (
            "原因は記録を確認してください（roadmap -v）。",
            "see the log for why (roadmap -v).",
        ),
    }
)


# -- issue #26: every record names its project; files and words an office hands out ------
PHRASES.update(
    {
        "cli_store_not_writable": (
            "データベースのフォルダ {folder} に書き込めません（このプロセスの UID は {uid}）。フォルダとその中のファイルをこの UID のものにしてください（例：{command}）。",
            "Cannot write in the store's folder {folder} (this process runs as uid {uid}): give that uid the folder and its files (e.g. {command}).",
        ),
        "cli_bad_user": (
            "--user に改行や制御文字が含まれています（{user}）。記録する人の名前を1行で指定してください。",
            "--user holds a line end or control character ({user}): give the reporter's name on one line.",
        ),
    }
)


# -- issue #25 -----------------------------------------------------------------------------
# Faults a person meets: what happened, that nothing was recorded, and what to do.
PHRASES.update(
    {
        "cli_digest_in_progress": (
            "今週のまとめは別のプロセス（{holder}）が今 {channel} に投稿しているところです。"
            "二重には投稿しません。",
            "digest: another process ({holder}) is posting this week's to {channel} right now; "
            "it is not posted twice.",
        ),
        "serve_cannot_write": (
            "データベース {path} に書き込めません（{why}）。質問には答えますが、更新はすべて"
            "「何も記録していません」と断ります。",
            "The store {path} cannot take writes ({why}): questions are answered, but every "
            "update is refused with “nothing was recorded”.",
        ),
        "why_store_full": ("ディスクがいっぱいです", "the disk is full"),
        "why_store_read_only": ("読み取り専用です", "it is read-only"),
        "why_store_damaged": ("壊れています", "it is damaged"),
        "why_store_replaced": ("ファイルが差し替えられました", "its file was replaced"),
        "why_store_busy": ("混み合っています", "it is busy"),
        "why_store_io": ("読み書きに失敗します", "reading or writing fails"),
    }
)
