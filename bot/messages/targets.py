"""Several projects or groups in one question, side by side, what was asked of them together,
and the words of a question that an answer did not use (#22)."""

PHRASES: dict[str, tuple[str, str]] = {}


# -- issue #22: every mention accounted for ----------------------------------------------
PHRASES.update(
    {
        "several_title": (
            "{edition}の事業ごとの{budget}：",
            "{budget} of each project ({edition}):",
        ),
        "several_total": ("合計（{n}件）：{money}", "Total of the {n}: {money}"),
        "several_average": ("平均：{money}", "Average: {money}"),
        "several_difference": ("差：{money}（{a} と {b}）", "Difference: {money} ({a} and {b})"),
        "several_ratio": ("{a}は{b}の{ratio}倍です。", "{a} is {ratio} times {b}."),
        "several_larger": ("大きいのは {who} です。", "The larger: {who}."),
        "several_smaller": ("小さいのは {who} です。", "The smaller: {who}."),
        "several_facts_title": ("事業ごとに：", "Each project:"),
        "several_earliest_start": ("先に始まったのは {who} です。", "Started first: {who}."),
        "several_latest_start": ("後に始まったのは {who} です。", "Started last: {who}."),
        "several_earliest_end": ("先に終わるのは {who} です。", "Ends first: {who}."),
        "several_latest_end": ("後まで続くのは {who} です。", "Runs the longest: {who}."),
        "several_same_period": ("期間は同じです。", "They run over the same period."),
        "several_other_period": ("期間は異なります。", "They run over different periods."),
        "group_row": ("{n}件、合計 {money}", "{n} project(s), total {money}"),
        "groups_title": ("{edition}のグループごと：", "Each group ({edition}):"),
        "groups_together": ("合わせて：{n}件、{money}", "Together: {n} project(s), {money}"),
        "groups_shared": (
            "※{names} は複数のグループに記載されているため、それぞれに数えています（合わせた数では1件）。",
            "Note: {names} is printed under more than one group and counted in each (once together).",
        ),
        "groups_difference": (
            "差：{a}と{b}で{n}件、{money}",
            "Difference between {a} and {b}: {n} project(s), {money}",
        ),
        "groups_more_budget": ("合計額が大きいのは {who} です。", "The larger total: {who}."),
        "groups_more_count": ("事業数が多いのは {who} です。", "More projects: {who}."),
        "groups_fewer_budget": ("合計額が小さいのは {who} です。", "The smaller total: {who}."),
        "groups_fewer_count": ("事業数が少ないのは {who} です。", "Fewer projects: {who}."),
        "group_most_count": (
            "事業数が最も多いのは {who}（{n}件）です。",
            "The most projects: {who} ({n}).",
        ),
        "group_fewest_count": (
            "事業数が最も少ないのは {who}（{n}件）です。",
            "The fewest projects: {who} ({n}).",
        ),
        "group_most_budget": (
            "合計額が最も大きいのは {who}（{money}）です。",
            "The largest total: {who} ({money}).",
        ),
        "group_fewest_budget": (
            "合計額が最も小さいのは {who}（{money}）です。",
            "The smallest total: {who} ({money}).",
        ),
        "filter_running": ("{year}に実施中", "running in {year}"),
        "filter_single_year": ("始期と終期が同じ年度", "starting and ending in the same year"),
        "earliest_start": ("{scope}のうち始期が最も早い事業：", "Earliest start among {scope}:"),
        "latest_start": ("{scope}のうち始期が最も遅い事業：", "Latest start among {scope}:"),
        "earliest_end": ("{scope}のうち終期が最も早い事業：", "Earliest end among {scope}:"),
        "latest_end": ("{scope}のうち終期が最も遅い事業：", "Latest end among {scope}:"),
        "longest_period": (
            "{scope}のうち事業期間（始期から終期まで）が最も長い事業：",
            "Longest period (start to end) among {scope}:",
        ),
        "shortest_period": (
            "{scope}のうち事業期間（始期から終期まで）が最も短い事業：",
            "Shortest period (start to end) among {scope}:",
        ),
        "fiscal_years_long": ("（{n}年度間）", "({n} fiscal year(s))"),
        "duration_unknown": (
            "※{names} は始期か終期の記載がない（または未定の）ため、期間を比べていません。",
            "Note: {names} print no start or end year (or it is undecided), so their length is not compared.",
        ),
        "filter_budget_band": (
            "事業費が{low}千円以上{high}千円未満",
            "budget from {low} up to (not including) {high} thousand yen",
        ),
        "budget_breakdown": ("内訳：{parts}", "breakdown: {parts}"),
        "filter_name_has": ("事業名に「{value}」あり", "with 「{value}」 in the name"),
        "filter_empty": ("{part}が空欄", "with nothing printed under {part}"),
        "group_count": ("（{n}{counter}）", " ({n} {counter})"),
        "flags_not_printed": (
            "{edition}には重点枠事業・将来対応分の記載がありません（記載があるのは{editions}です）。",
            "The {edition} does not print the priority-frame or future-response flags (printed in: {editions}).",
        ),
        "taken_over_not_compared": (
            "※{names} は前の版の複数の事業の取組を引き継いだ事業のため、事業費は比べていません。",
            "Note: {names} took over work of several earlier projects, so its budget is not compared.",
        ),
        "western_year": ("（{year}年度）", "(FY{year})"),
        "year_check_yes": ("はい、{what}は{year}です。", "Yes: the {what} is {year}."),
        "amount_check_yes": ("はい、{what}は{money}です。", "Yes: the {what} is {money}."),
        "amount_check_no": (
            "いいえ、{what}は{said}ではなく{money}です。",
            "No: the {what} is {money}, not {said}.",
        ),
        "year_check_no": (
            "いいえ、{what}は{year}ではありません。",
            "No: the {what} is not {year}.",
        ),
        "share_is": (
            "{part}の事業費 {part_money} は、{whole}の合計 {whole_money} の{pct}%です。",
            "{part}: {part_money}, {pct}% of the total of {whole} ({whole_money}).",
        ),
        "filter_name_lacks": ("事業名に「{value}」なし", "without 「{value}」 in the name"),
        "running_check_yes": ("はい、{year}も実施期間内です。", "Yes: it runs in {year}."),
        "running_check_no": (
            "いいえ、{year}は実施期間に入っていません。",
            "No: it does not run in {year}.",
        ),
        "running_open_end": (
            "※{names} は終期の記載がない（または未定の）ため、実施中として数えています。",
            "Note: {names} print no end year (or an undecided one) and are counted as still running.",
        ),
        "included_note": ("※{value}の事業も含めています。", "Includes the projects {value}."),
        "ends_gap": (
            "最大と最小の差：{money}",
            "Gap between the largest and the smallest: {money}",
        ),
        "mentions_unused": (
            "「{words}」をどう使うか読み取れませんでした（そのまま答えると「{draft}」になり、質問と違う答えになります）。"
            "言い換えるか、条件を分けて聞いてください。",
            "I could not tell how to use “{words}” (answering without it would give “{draft}”, "
            "a different question). Please rephrase, or ask one part at a time.",
        ),
    }
)
