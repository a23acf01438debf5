"""The weekly digest, its charts and the nudges to owners."""

PHRASES: dict[str, tuple[str, str]] = {}


# -- weekly digest, charts, nudges ---------------------------------------------------
PHRASES.update(
    {
        "digest_title": (
            "📊 DXロードマップ週報 {start}〜{end}（{week}）",
            "📊 DX roadmap week {start} to {end} ({week})",
        ),
        "digest_entries": ("新しい実績報告：{n}件", "New progress entries: {n}"),
        "digest_retraction": ("取消：{text}（{who}）", "retracted: {text} ({who})"),
        "digest_stale": (
            "{year}の実績がない・止まっている事業：{n}件",
            "No {year} progress or silent: {n} projects",
        ),
        "digest_ending": ("{year}に終了予定の事業：{n}件", "Ending in {year}: {n} projects"),
        "digest_ended": ("昨年度に終了した事業：{n}件", "Ended last year: {n} projects"),
        "digest_totals": (
            "{edition}版：{n}事業、事業費合計 {money}",
            "{edition} edition: {n} projects, total budget {money}",
        ),
        "digest_none": ("（なし）", "(none)"),
        "chart_budget_title": (
            "部局別事業費（{edition}版、千円）",
            "Budget by department ({edition} edition, thousand yen)",
        ),
        "chart_timeline_title": ("事業期間（{edition}版）", "Project periods ({edition} edition)"),
        "chart_ongoing": ("終期未定・記載なし →", "no end year →"),
        "nudge_text": (
            "{year}の実績がまだ記録されていない担当事業があります：\n{projects}\n「実績を報告」から記録してください（通知を止める: /roadmap nudges off）。",
            "Your projects have no {year} progress yet:\n{projects}\nUse “Report progress” (stop these: /roadmap nudges off).",
        ),
    }
)


# -- issue #26: every record names its project; files and words an office hands out ------
PHRASES.update(
    {
        "chart_budget_axis": ("事業費（千円）", "Budget (thousand yen)"),
        "chart_this_year": ("今年度（{year}）", "this fiscal year ({year})"),
        "digest_more": (
            "…ほか{n}件。全件はボットに「{command}」と送ると表示されます（送った人にだけ表示）。",
            "…and {n} more: send the bot “{command}” to see them all (shown to you only).",
        ),
    }
)
