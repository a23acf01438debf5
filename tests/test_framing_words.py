"""Words that are not conditions never block or change an answer: greetings, politeness,
hedges, request verbs, emoji, people's mentions, links, the asker's own acts — in Japanese and
English, around questions generated from the data (every project's budget and owner, every
department's and section's projects). Expected answers are read off the parsed documents.
"""

from __future__ import annotations

import pytest

from bot.answer import ask
from bot.sources import default_sources
from tests.conftest import loaded_copy
from tests.test_generated_questions import EDITIONS, departments


@pytest.fixture(scope="module")
def shared():
    return loaded_copy(default_sources())


# Around a Japanese question: (before, after).
JA_FRAMES = [
    ("お疲れ様です！", "🙏"),
    ("お世話になります。", "。よろしくお願いいたします。"),
    ("一応なんですけど、", "でしたっけ？"),
    ("すみません急ぎで、", "！！"),
    ("<@U02ABCDEF> ", ""),
    ("<at>Sato</at> ", "（共有します）"),
    ("@tanaka さん経由の依頼です。", ""),
    ("https://www.pref.aomori.lg.jp/soshiki/kikaku/dx/roadmap.html ←これの", ""),
    ("<https://example.jp/roadmap|ロードマップ> の", "🙇"),
    ("念のため確認させてください。", ":pray:"),
    ("おはようございます☀ ", "。お手数ですが"),
    ("<@U02ABCDEF> さんに聞いたらボットに聞けと言われたので…笑　", ""),
    ("田中さん(<@U03XYZ12>)からの依頼で、", "！"),
    ("佐藤さんに頼まれて、", "。急ぎじゃないです〜"),
    ("", "？急ぎではありません"),
]
# Around an English question.
EN_FRAMES = [
    ("hey, ", " plz"),
    ("Quick one 🙂 ", " thx"),
    ("sorry to bother you - ", " asap"),
    ("Morning :coffee: ", " thanks a lot!!"),
    ("", " many thanks"),
    ("<@U02ABCDEF> ", " cheers"),
    ("FYI https://teams.microsoft.com/l/message/19:abc123 ", ""),
    ("Morning! Could you tell me ", " — much appreciated"),
]

R7 = EDITIONS["R7"]


def refs(answer) -> set[tuple[str, int | None]]:
    return {(r.edition, r.no) for r in answer.projects}


@pytest.mark.parametrize(("before", "after"), JA_FRAMES)
def test_japanese_framing_leaves_a_fact_as_it_is(shared, before, after):
    for p in R7:
        for question, want in (
            (f"No{p.no}の事業費", f"{p.budget_thousand_yen:,}千円"),
            (f"No{p.no}の担当課", p.sections[0]),
        ):
            answer = ask(shared, f"{before}{question}{after}")
            assert answer.status == "ok", (question, answer.text)
            assert refs(answer) == {("R7", p.no)} and want in answer.text, answer.text


@pytest.mark.parametrize(("before", "after"), EN_FRAMES)
def test_english_framing_leaves_a_fact_as_it_is(shared, before, after):
    for p in R7:
        answer = ask(shared, f"{before}what is the budget of project No.{p.no}?{after}")
        assert answer.status == "ok", answer.text
        assert refs(answer) == {("R7", p.no)}
        assert f"{p.budget_thousand_yen:,} thousand yen" in answer.text, answer.text


OFFICES = sorted(
    {("department", d) for p in R7 for d in departments(p)}
    | {("section", s) for p in R7 for s in p.sections}
)
REQUESTS = [
    "の事業、全部ピックアップして",
    "の事業を全部リストアップお願いします！",
    "の事業、最新のロードマップから全部出してもらえますか",
    "の事業一覧をいただけますでしょうか",
    "の事業を教えてほしいです🙏",
    "の事業、一覧で出してください。お手数ですが",
]


@pytest.mark.parametrize("request_words", REQUESTS)
def test_request_verbs_never_narrow_a_list(shared, request_words):
    for kind, name in OFFICES:
        want = {
            ("R7", p.no)
            for p in R7
            if (name in departments(p) if kind == "department" else name in p.sections)
        }
        answer = ask(shared, f"{name}{request_words}")
        assert answer.status == "ok", (name, answer.text)
        assert refs(answer) == want, (name, answer.text)


@pytest.mark.parametrize(
    "question",
    [
        "Could you pull up the list of projects that end in R7, plz?",
        "hey can u show me the projects ending in R7 asap 🙏",
        "R7で終わる事業って、ざっくりでいいので教えてもらえますか？",
        "<@U02ABCDEF> R7で終わる事業のリストください :bow:",
    ],
)
def test_framing_around_a_condition(shared, question):
    want = {("R7", p.no) for p in R7 if p.end == "R7"}
    answer = ask(shared, question)
    assert answer.status == "ok" and refs(answer) == want, answer.text
