"""The words of questions about the chat record (#27), as pattern tables: report words,
projects running in a year, what is missing, owners, people, rankings, periods' neighbours.
Tables only: bot/understanding/record.py reads a question with them, and the mention check
(bot/answer/accounting.py) reads it again with the same tables."""

from __future__ import annotations

import re

from bot.understanding.lexicon import YEAR

_FY = rf"(?:{YEAR}|current\s+(?:fiscal\s+)?year|this\s+fy)"
# A chat report: 報告 (never 報告書, a document), 投稿, 更新履歴, update(s), posted…
REPORT = re.compile(
    r"実績報告|進捗報告|(?:報告|投稿|更新)(?:件)?数|報告(?!書)|投稿|アップデート|レポート|更新履歴|履歴"
    r"|(?<![\u4e00-\u9fff\u30a0-\u30ff])更新(?=情報|内容|件数|数|者|された|されて|した|して|が|は|の有無|あり|なし|状況)"
    r"|(?:直近|最新|最近|最後)の?(?:進捗|更新|状況)"
    r"|(?<![a-z])(?:progress\s+)?(?:chat\s+)?(?:reports?|reported|reporting|updates?|updated"
    r"|posts?|posted|posting|submissions?|(?:update\s+|report\s+)?history)(?![a-z])"
)
# Projects running in a fiscal year (今年度も実施中, still running this fiscal year).
RUNNING = re.compile(
    rf"(?:(?P<y>{_FY})\s*(?:（[^）]{{0,12}}）|\([^)]{{0,12}}\))?\s*(?:も|中も|中に|中|に|で|は)?\s*)?"
    r"(?:実施中|実施して(?:い)?る|実施されて(?:い)?る|動いて(?:い)?る|続いて(?:い)?る|継続中"
    r"|継続して(?:い)?る|進行中|稼働中)"
    rf"|(?<![a-z])(?:still\s+)?(?:running|ongoing|in\s+progress)(?:\s+(?:in\s+)?(?P<y2>{_FY}))?"
)
# The fiscal year a report is for: R8分の報告, 今年度の報告, R9 report, reports for R8.
REPORT_YEAR = re.compile(
    rf"(?P<y>{_FY}|過去(?:の)?年度|過年度|前年度以前)\s*(?:（(?P<p>[^）]{{1,12}})）|\((?P<p2>[^)]{{1,12}})\))?"
    r"\s*(?:分)?\s*(?:の)?\s*(?:まだ\s*)?(?=(?:実績|進捗)?(?:報告(?!書)|report|update|レポート|投稿))"
    rf"|(?:(?<=reports)|(?<=report)|(?<=updates)|(?<=update))\s+(?:for|on|of|in)\s+(?P<y3>{_FY})"
)
# A year left in a record question with no start or end word near it: the year reports are
# for (no updates this fiscal year, 報告 R8) — R10まで続く stays the end year it is.
LOOSE_YEAR = re.compile(YEAR)
PERIOD_WORDS = re.compile(
    r"まで|から|以降|以前|終|始|開始|完了|満了|(?<![a-z])(?:end|start|begin|until|through|since|from|before|after)"
)
_NOT_YET = (
    r"(?:は|が|も)?\s*(?:まだ\s*)?(?:1件も|一件も|1度も|一度も|何も)?\s*(?:無い|ない|なし|無し|出ていない"
    r"|出てない|出ていません|来ていない|来てない|来ていません|きていない|きてない|届いていない|届いてない"
    r"|上がっていない|あがっていない|上がってない|あがってない|していない|してない|されていない|されてない"
    r"|ありません(?!か)|無かった|なかった|未提出|未着|まだ)"
)
MISSING = re.compile(
    rf"(?:報告(?!書)|report|update|投稿|更新){_NOT_YET}"
    r"|(?:まだ|未)\s*(?:1度も|一度も)?\s*(?:報告|投稿|更新|update|report)(?:を|が)?"
    r"(?:出して|出し|して|し|されて|され|上がって|あがって|来て|きて)?(?:い)?(?:ない|ません|てない)"
    r"|未報告|未提出|未投稿"
    r"|(?<![a-z])(?:not\s+(?:yet\s+)?(?:been\s+)?(?:reported|updated|posted)(?:\s+(?:on|to))?"
    r"|no\s+(?:reports?|updates?|posts?)(?:\s+yet)?|without\s+(?:any\s+|a\s+)?(?:reports?|updates?)"
    r"|(?:hasn't|haven't|has\s+not|have\s+not|didn't|did\s+not)\s+(?:yet\s+)?(?:been\s+)?"
    r"(?:reported|updated|posted|report|update|post)(?:ed)?|yet\s+to\s+(?:report|post|update)"
    r"|(?:missing|overdue|outstanding)\s+(?:reports?|updates?)|(?:reports?|updates?)\s+(?:missing|overdue|outstanding))"
    r"(?:\s+yet)?(?![a-z])"
)
# 過去年度分の報告しか来ていない: reported, but only for earlier years.
ONLY_EARLIER = re.compile(
    r"(?:報告|report|update)しか(?:来て|出て|届いて|上がって|あがって|)(?:い)?(?:ない|ません)"
    r"|only\s+(?:for\s+)?(?:past|earlier|previous)\s+years?"
)
UNOWNED = re.compile(
    r"担当者(?:が|は|の)?\s*(?:まだ\s*)?(?:いない|居ない|決まって(?:い)?ない|未定|不在|なし|無し|未登録|登録されていない)"
    r"|(?:owner|オーナー)s?(?:が|は)?\s*(?:いない|なし|無し|未定|決まって(?:い)?ない|未登録)|担当者なし"
    r"|(?<![a-z])(?:no\s+owners?|without\s+(?:an?\s+|any\s+)?owners?|unowned|nobody\s+owns|no\s+one\s+owns"
    r"|(?:missing|lacking)\s+(?:an?\s+)?owners?)(?![a-z])"
)
# Owners as people: 担当者, owner, who owns — always about the people who may append.
OWNER = re.compile(
    r"担当者|オーナー|(?<![a-z])owners?(?![a-z])|listed\s+as\s+(?:an?\s+)?owner|(?<=who\s)owns"
    r"|担当(?=って\s*(?:誰|だれ)|は\s*(?:誰|だれ))"
)
# What a person owns (自分の担当事業, 鈴木さんの担当分, do I own): only after a person — a
# department that 担当している projects is the roadmap's own 担当, not a person's.
OWNED = re.compile(
    r"担当している|担当してる|担当して(?:い)?る|担当事業|担当分|担当(?=の|で|は|$)"
    r"|(?<![a-z])(?:owns?|owned)(?![a-z])"
)
REPORTERS = re.compile(
    r"報告者|投稿者|更新者|(?:報告|投稿|更新|update|report|post)(?:を)?(?:出し|し|され)?た人"
    r"|(?:出し|報告し|投稿し|更新し|送っ|上げ)た人"
    r"|(?<![a-z])(?:reporters?|posters?|people\s+who\s+(?:posted|reported|updated))(?![a-z])"
)
WHO = re.compile(r"誰(?:が|に|の)?|だれ(?:が)?|(?<![a-z])(?:who|whom|who's|whose)(?![a-z])")
RETRACTED_OUT = re.compile(
    r"(?:取り消し|取消し?|撤回)(?:分|済み|された(?:もの|分)?)?(?:は|を)?(?:除いて|除く|除いた|抜きで|含めずに|含めない|除外)"
    r"|(?<![a-z])(?:not\s+counting|excluding|without|except)\s+(?:the\s+)?(?:retracted|withdrawn)(?:\s+(?:ones|reports|updates|entries))?(?![a-z])"
)
RETRACTED = re.compile(
    r"取り消され(?:た|て)|取り消し(?:た|済み)?|取消(?:済み|された)?|撤回(?:された)?"
    r"|(?<![a-z])(?:retract(?:ed|ions?)?|withdrawn)(?![a-z])"
)
INITIATIVE = re.compile(
    r"(?:取組|取り組み|取組み|initiative)\s*#?\s*(\d{1,2})(?!\d)"
    r"|(?P<which>どの取組|どの取り組み|which\s+initiatives?|取組(?:別|ごと|毎)?(?!\s*\d)|initiatives?(?!\s*#?\d))"
)
RANK = re.compile(
    r"(?:最も|一番|いちばん|もっとも)\s*(?P<most>多い|多く|多かった|活発|(?=報告|投稿|更新|update|report|post))"
    r"|最多|(?P<least>(?:最も|一番|いちばん|もっとも)\s*少な(?:い|く))"
    # 報告が多い事業, 投稿数の少ない事業: the measure said with the record word itself.
    r"|(?:(?<=報告)|(?<=投稿)|(?<=更新)|(?<=件数)|(?<=数))(?:が|の)?\s*(?:多い|多かった)(?:順(?:に|で)?)?"
    r"|(?:(?<=報告)|(?<=投稿)|(?<=更新)|(?<=件数)|(?<=数))(?:が|の)?\s*(?P<least2>少ない|少なかった)(?:順(?:に|で)?)?"
    r"|(?:多い|少ない)順(?:に|で)?|(?<![a-z])(?:the\s+)?(?:(?P<fewest>fewest|least)|most)(?:\s+(?:active|frequent))?(?![a-z])"
)
# Counts per project or per person (per department, section, category: read_operations).
PER = re.compile(
    r"(?P<project>事業(?:別|ごと|毎)|(?<![a-z])(?:per|by|for\s+each|each)\s+project(?![a-z]))"
    r"|(?P<person>(?:人|担当者|報告者|投稿者)(?:別|ごと|毎)|(?<![a-z])(?:per|by|for\s+each|each)\s+(?:person|owner|author|reporter)(?![a-z]))"
)
# Which group a ranking ranks: 報告が一番多い部局, which department reported the most.
RANKED_GROUP = re.compile(
    r"(?P<department>どの部局|どの部|部局)|(?P<section>どの課|担当課|(?<![\u4e00-\u9fff])課)|(?P<category>どの項目|項目)"
    r"|(?<![a-z])(?:which|what)\s+(?:(?P<department_en>department)|(?P<section_en>section|division)|(?P<category_en>category))(?![a-z])"
)
# The newest N: 直近の報告を5件, latest 5 updates.
NEWEST = re.compile(
    r"(?:最新|直近|最近)(?:の)?\s*(?:報告|投稿|更新)?\s*(?:を)?\s*(?P<n>\d{1,3})\s*(?:件|つ|個)"
    r"|(?P<n2>\d{1,3})\s*(?:件|つ)\s*(?:の)?\s*(?:最新|直近)"
    r"|(?<![a-z])(?:latest|last|newest|most\s+recent)\s+(?P<n3>\d{1,3})(?![\d])"
)
MORE_THAN = re.compile(
    r"(?<![a-z])(?:more\s+than|over)\s+(?P<n>\d+|one|two|three|four|five)\s+(?=updates?|reports?|posts?)"
    r"|(?P<m>\d+)件(?P<op>以上|超)(?:の)?(?=報告|更新|投稿|update|report)|複数(?:回|件)?(?:の)?(?=報告|更新|投稿|update|report)"
    r"|(?:(?<=報告が)|(?<=更新が)|(?<=投稿が)|(?<=報告の)|(?<=報告))\s*(?P<m2>\d+)件(?P<op2>以上|超)"
    r"|(?<![a-z])(?:at\s+least)\s+(?P<n2>\d+|two|three|four|five)\s+(?=updates?|reports?|posts?)"
    r"|(?<=報告が|更新が)複数"
)
OLDEST = re.compile(
    r"(?P<one>最初の|最初に|一番古い|いちばん古い|初めての|初の)|古い順"
    r"|(?<![a-z])(?:(?P<one_en>first(?=\s+(?:update|report|post|entry))|earliest)|oldest(?:\s+first)?"
    r"|in\s+order)(?![a-z])"
)
LATEST = re.compile(
    r"最新|直近|最後に|最後の|一番新しい|いちばん新しい"
    r"|(?<![a-z])(?:latest|most\s+recent|newest|last(?=\s+(?:update|report|post|entry)))(?![a-z])"
)
ME = re.compile(
    r"(?:自分|私|わたし|わたくし|僕|ぼく|俺|おれ)(?:自身)?(?=\s*(?:の|が|は|で|も|に|宛))"
    r"|(?<![a-z])(?:my|mine|myself)(?![a-z])|(?<=by\s)me(?![a-z])|(?<=from\s)me(?![a-z])"
    r"|(?<![a-z])(?:did|do|have|am|was|were|has|had)\s+i(?![a-z'])"
    r"|(?<![a-z])i(?=\s+(?:posted|reported|updated|submitted|own|have\s+posted|have\s+reported|am\b))"
)
HONORIFIC = re.compile(r"さん|様|氏|くん")
NAME_CHAR = re.compile(r"[\u4e00-\u9fff\u3005\u30a0-\u30ffa-z\u3040-\u309f]")
NOT_NAMES = {
    "皆",
    "みな",
    "みんな",
    "お疲れ",
    "おつかれ",
    "ご苦労",
    "お世話",
    "お客",
    "担当者",
    "担当",
}
OWNED_AFTER = re.compile(
    r"\s*(?:さん|様|氏)?\s*(?:の|が|は|で|も)?\s*(?:担当|project|プロジェクト|事業|owner|オーナー|listed"
    r"|own(?:s|ed)?(?![a-z]))"
)
# Words a record question frames itself with that no other reader knows.
FRAMING = re.compile(
    r"全員|状況|有無|チャット(?:で|上)?(?:の)?|記録(?:上|に)?"
    r"|(?<![a-z])(?:side|anything|anyone|anybody|somebody|someone|received|got|gotten|filed"
    r"|came\s+in|come\s+in|arrived|so\s+far|listed|as|active|counting|chat|record|entries|entry"
    r"|recent|recently|yet|order|reasons?|why)(?![a-z])|理由"
)
# Owners named in English with no honorific: owned by Tanaka, does Mori own (not "X's
# projects": the DX Promotion Division's project is a department's).
EN_OWNED_BY = re.compile(
    r"(?<![a-z])owned\s+by\s+(?P<a>[a-z][a-z\-]{1,20})(?![a-z])"
    r"|(?<![a-z])(?:does|do|did)\s+(?P<b>[a-z][a-z\-]{1,20})\s+(?=own(?![a-z]))"
)
EN_NOT_NAMES = {
    "it",
    "that",
    "this",
    "who",
    "which",
    "what",
    "he",
    "she",
    "they",
    "anyone",
    "everyone",
    "the",
    "a",
    "an",
    "i",
    "you",
    "we",
}
# 人 asked for (報告がない人は？): a word of the question only when people are what it lists.
PEOPLE_WORD = re.compile(r"人(?=を|は|の|が|[?？]|$)")
PROJECTS_SHAPE = re.compile(r"事業|もの|のは|どれ|projects?|which\s+ones")
