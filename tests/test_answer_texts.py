"""Answers word for word (#28): the operations over the edge document (tests/edge_documents.py)
as a person reads them, in Japanese and English — both ends of a ranking with their gap, the
earliest and latest years, the n-th and bottom n, total with average, groups, a negated group.

The wording is the product's own; every figure in these texts was checked by hand against the
edge document's lines (and each kind of figure is also computed from them in
test_edge_documents.py): 教育庁's eight 事業費 add up to 1,418,757千円, averaging 177,345千円;
491,000千円 − 796千円 = 490,204千円; No23–No25 add up to 86,272千円; No24 is 0.75 times No26;
健康医療福祉部's nine add up to 735,931千円, 682,826千円 less than 教育庁's. Tied budgets name
both projects (No30 and No41), in the difference too. A mistake in what an answer says, or in which words it
says it with, changes one of these lines."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.answer import ask
from bot.fiscal_year import TOKYO
from tests.conftest import R6_FILE, loaded_copy
from tests.edge_documents import write_edge_document


@pytest.fixture(scope="module")
def edges(tmp_path_factory):
    return loaded_copy([R6_FILE, write_edge_document(tmp_path_factory.mktemp("edges"))])


ANSWERS = {
    "一番予算が大きい事業と一番小さい事業の差は？": (
        "ok",
        [
            "R7版の全事業（33件）のうちR7事業費が最も大きい事業：",
            "・No30 介護テクノロジー導入支援事業費補助：491,000千円（約4.9億円）",
            "・No41 校内ネットワーク再構築事業：491,000千円（約4.9億円）",
            "R7版の全事業（33件）のうちR7事業費が最も小さい事業：",
            "・No32 地域障がい児支援体制充実のためのICT化推進事業：796千円（約80万円）",
            "・No35 認可外保育施設ICT化推進等事業費補助：796千円（約80万円）",
            "最大と最小の差：490,204千円（約4.9億円）",
            "出典：R7版 No30 127行目、No41 310行目、No32 162行目、No35 209行目",
        ],
    ),
    "What are the largest and the smallest budgets?": (
        "ok",
        [
            "Largest R7 budget among all 33 projects of the R7 edition:",
            "・No30 介護テクノロジー導入支援事業費補助：¥491.0 million (491,000 thousand yen)",
            "・No41 校内ネットワーク再構築事業：¥491.0 million (491,000 thousand yen)",
            "Smallest R7 budget among all 33 projects of the R7 edition:",
            "・No32 地域障がい児支援体制充実のためのICT化推進事業：¥0.8 million (796 thousand yen)",
            "・No35 認可外保育施設ICT化推進等事業費補助：¥0.8 million (796 thousand yen)",
            "Gap between the largest and the smallest: ¥490.2 million (490,204 thousand yen)",
            "Source: R7 edition No30, line 127; No41, line 310; No32, line 162; No35, line 209",
        ],
    ),
    "最も早く始まった事業は？": (
        "ok",
        [
            "R7版の全事業（33件）のうち始期が最も早い事業：",
            "・No31 障がい福祉分野の介護テクノロジー導入支援事業：H31〜R7",
            "出典：R7版 No31 143行目",
        ],
    ),
    "Which project ends the latest?": (
        "ok",
        [
            "Latest end among all 33 projects of the R7 edition:",
            "・No23 公衆衛生DX推進事業：R5–R10",
            "・No33 PHRを活用した次世代型地域医療連携システム整備事業：R3–R10",
            "・No40 県立学校次世代校務デジタル化推進事業：R7–R10",
            "・No41 校内ネットワーク再構築事業：R7–R10",
            "・No42 WEB出願等による高等学校等入学者選抜改善事業：R7–R10",
            "・No43 ミライへつなぐ遠隔教育推進事業：R7–R10",
            "・No45 デジタルデバイド対策事業：R5–R10",
            "・No47 緊急配備指揮支援システム路上装置増強整備：R7–R10",
            "・No48 特定家畜伝染病防疫システム運営事業：R6–R10",
            "・No49 デジタルツール導入運営事業：R7–R10",
            "・No50 防災教育センター機能強化整備事業：R6–R10",
            "・No53 道路施設適正管理推進事業(道路舗装点検・管理業務のDX構築)：R4–R10",
            "・No55 データ連携基盤共同利用ビジョン推進事業：R7–R10",
            "Note: No33 is not printed in the document; the number is inferred from its neighbours.",
            "Source: R7 edition No23, line 9; No33, line 173; No40, line 294; No41, line 310; No42, line 326; No43, line 347 and 7 more",
        ],
    ),
    "終期が書かれていない事業で一番遅く終わる事業は？": (
        "not_stated",
        [
            "該当する事業はありません。",
        ],
    ),
    "教育庁で2番目に予算が大きい事業": (
        "ok",
        [
            "R7版の教育庁の事業（8件）のうちR7事業費が2番目に大きい事業：",
            "1. No37 校務のICT活用推進事業 (統合型校務支援システム運用事業)：233,714千円（約2.3億円）",
            "出典：R7版 No37 241行目",
        ],
    ),
    "bottom 2 budgets of 教育庁": (
        "ok",
        [
            "Bottom 2 by R7 budget among R7 edition projects of 教育庁 (8 project(s)):",
            "1. No39 新しい時代を切り拓く力を育む高校支援事業：¥5.5 million (5,478 thousand yen)",
            "2. No43 ミライへつなぐ遠隔教育推進事業：¥33.4 million (33,397 thousand yen)",
            "Source: R7 edition No39, line 278; No43, line 346",
        ],
    ),
    "教育庁の事業費の合計と平均": (
        "ok",
        [
            "R7版の教育庁の事業（8件）のR7事業費の合計は1,418,757千円（約14.2億円）です。",
            "・No36 公立学校における教育改革支援事業 (学校における働き方改革推進のための環境整備支援事業)：231,074千円（約2.3億円）",
            "・No37 校務のICT活用推進事業 (統合型校務支援システム運用事業)：233,714千円（約2.3億円）",
            "・No38 学校DXスタートアップ事業：124,465千円（約1.2億円）",
            "・No39 新しい時代を切り拓く力を育む高校支援事業：5,478千円（約548万円）",
            "・No40 県立学校次世代校務デジタル化推進事業：188,084千円（約1.9億円）",
            "・No41 校内ネットワーク再構築事業：491,000千円（約4.9億円）",
            "・No42 WEB出願等による高等学校等入学者選抜改善事業：111,545千円（約1.1億円）",
            "・No43 ミライへつなぐ遠隔教育推進事業：33,397千円（約3,340万円）",
            "平均：177,345千円（約1.8億円）",
            "出典：R7版 No36 225行目、No37 241行目、No38 258行目、No39 278行目、No40 294行目、No41 310行目 ほか2件",
        ],
    ),
    "average budget of the projects of 教育庁": (
        "ok",
        [
            "R7 budget average of R7 edition projects of 教育庁 (8 project(s)): ¥177.3 million (177,345 thousand yen).",
            "・No36 公立学校における教育改革支援事業 (学校における働き方改革推進のための環境整備支援事業)：¥231.1 million (231,074 thousand yen)",
            "・No37 校務のICT活用推進事業 (統合型校務支援システム運用事業)：¥233.7 million (233,714 thousand yen)",
            "・No38 学校DXスタートアップ事業：¥124.5 million (124,465 thousand yen)",
            "・No39 新しい時代を切り拓く力を育む高校支援事業：¥5.5 million (5,478 thousand yen)",
            "・No40 県立学校次世代校務デジタル化推進事業：¥188.1 million (188,084 thousand yen)",
            "・No41 校内ネットワーク再構築事業：¥491.0 million (491,000 thousand yen)",
            "・No42 WEB出願等による高等学校等入学者選抜改善事業：¥111.5 million (111,545 thousand yen)",
            "・No43 ミライへつなぐ遠隔教育推進事業：¥33.4 million (33,397 thousand yen)",
            "Source: R7 edition No36, line 225; No37, line 241; No38, line 258; No39, line 278; No40, line 294; No41, line 310 and 2 more",
        ],
    ),
    "項目ごとの事業数": (
        "ok",
        [
            "R7版の全事業（33件）の項目別（8種類）：",
            "・医療・福祉：11件、合計 774,405千円（約7.7億円）",
            "・学校教育：8件、合計 1,418,757千円（約14.2億円）",
            "・防災・危機管理：4件、合計 131,182千円（約1.3億円）",
            "・安全・安心：3件、合計 17,257千円（約1,726万円）",
            "・その他：2件、合計 56,576千円（約5,658万円）",
            "・インフラ：2件、合計 66,100千円（約6,610万円）",
            "・子育て：2件、合計 22,693千円（約2,269万円）",
            "・地域公共交通：1件、合計 27,483千円（約2,748万円）",
            "※No33の番号は文書に印刷されておらず、前後の番号から推定しています。",
            "出典：R7版 No23 9行目、No24 26行目、No25 42行目、No26 58行目、No27 74行目、No28 92行目 ほか27件",
        ],
    ),
    "budget by category": (
        "ok",
        [
            "all 33 projects of the R7 edition by category(8 categories):",
            "・学校教育：8 project(s), total ¥1,418.8 million (1,418,757 thousand yen)",
            "・医療・福祉：11 project(s), total ¥774.4 million (774,405 thousand yen)",
            "・防災・危機管理：4 project(s), total ¥131.2 million (131,182 thousand yen)",
            "・インフラ：2 project(s), total ¥66.1 million (66,100 thousand yen)",
            "・その他：2 project(s), total ¥56.6 million (56,576 thousand yen)",
            "・地域公共交通：1 project(s), total ¥27.5 million (27,483 thousand yen)",
            "・子育て：2 project(s), total ¥22.7 million (22,693 thousand yen)",
            "・安全・安心：3 project(s), total ¥17.3 million (17,257 thousand yen)",
            "Note: No33 is not printed in the document; the number is inferred from its neighbours.",
            "Source: R7 edition No23, line 9; No24, line 26; No25, line 42; No26, line 58; No27, line 74; No28, line 92 and 27 more",
        ],
    ),
    "事業が1件しかない部局": (
        "ok",
        [
            "R7版の全事業（33件）の部局別（4部局）：",
            "・交通・地域社会部：1件、合計 27,483千円（約2,748万円）（No44 地域連携による交通ネットワーク確保・維持事業）",
            "・健康福祉部：1件、合計 27,716千円（約2,772万円）（No29 つくる・つながる・つどいの場活性化事業）",
            "・病院局：1件、合計 10,758千円（約1,076万円）（No33 PHRを活用した次世代型地域医療連携システム整備事業）",
            "・農林水産部：1件、合計 6,426千円（約643万円）（No48 特定家畜伝染病防疫システム運営事業）",
            "※No33の番号は文書に印刷されておらず、前後の番号から推定しています。",
            "出典：R7版 No23 9行目、No24 26行目、No25 42行目、No26 58行目、No27 74行目、No28 92行目 ほか27件",
        ],
    ),
    "教育庁以外の事業で一番予算が小さいのは？": (
        "ok",
        [
            "R7版の教育庁以外の事業（25件）のうちR7事業費が最も小さい事業：",
            "1. No32 地域障がい児支援体制充実のためのICT化推進事業：796千円（約80万円）",
            "2. No35 認可外保育施設ICT化推進等事業費補助：796千円（約80万円）",
            "出典：R7版 No32 162行目、No35 209行目",
        ],
    ),
    "No30とNo41の予算はどっちが大きい？": (
        "ok",
        [
            "R7版の事業ごとのR7事業費：",
            "・No30 介護テクノロジー導入支援事業費補助：491,000千円（約4.9億円）",
            "・No41 校内ネットワーク再構築事業：491,000千円（約4.9億円）",
            "差：0千円（約0万円）（No30 介護テクノロジー導入支援事業費補助 と No41 校内ネットワーク再構築事業）",
            "大きいのは No30 介護テクノロジー導入支援事業費補助、No41 校内ネットワーク再構築事業 です。",
            "出典：R7版 No30 127行目、No41 310行目",
        ],
    ),
    "No24とNo26の予算の差は？": (
        "ok",
        [
            "R7版の事業ごとのR7事業費：",
            "・No24 へき地オンライン診療支援推進事業：45,581千円（約4,558万円）",
            "・No26 モバイルICTによる救急医療情報共有体制整備事業費補助：60,743千円（約6,074万円）",
            "差：15,162千円（約1,516万円）（No26 モバイルICTによる救急医療情報共有体制整備事業費補助 と No24 へき地オンライン診療支援推進事業）",
            "大きいのは No26 モバイルICTによる救急医療情報共有体制整備事業費補助 です。",
            "出典：R7版 No24 26行目、No26 58行目",
        ],
    ),
    "No24はNo26の何倍？": (
        "ok",
        [
            "R7版の事業ごとのR7事業費：",
            "・No24 へき地オンライン診療支援推進事業：45,581千円（約4,558万円）",
            "・No26 モバイルICTによる救急医療情報共有体制整備事業費補助：60,743千円（約6,074万円）",
            "No24 へき地オンライン診療支援推進事業はNo26 モバイルICTによる救急医療情報共有体制整備事業費補助の0.75倍です。",
            "出典：R7版 No24 26行目、No26 58行目",
        ],
    ),
    "No23〜No25の予算の合計": (
        "ok",
        [
            "R7版の事業ごとのR7事業費：",
            "・No23 公衆衛生DX推進事業：8,891千円（約889万円）",
            "・No24 へき地オンライン診療支援推進事業：45,581千円（約4,558万円）",
            "・No25 オンライン診療設備整備費補助：31,800千円（約3,180万円）",
            "合計（3件）：86,272千円（約8,627万円）",
            "出典：R7版 No23 9行目、No24 26行目、No25 42行目",
        ],
    ),
    "健康医療福祉部と教育庁の事業数を比べて": (
        "ok",
        [
            "R7版のグループごと：",
            "・健康医療福祉部：9件、合計 735,931千円（約7.4億円）",
            "・教育庁：8件、合計 1,418,757千円（約14.2億円）",
            "合わせて：17件、2,154,688千円（約21.5億円）",
            "差：健康医療福祉部と教育庁で1件、682,826千円（約6.8億円）",
            "事業数が多いのは 健康医療福祉部 です。",
            "出典：R7版 No23 9行目、No24 26行目、No25 42行目、No26 58行目、No27 74行目、No28 92行目 ほか11件",
        ],
    ),
    "Which has the larger budget, 教育庁 or 健康医療福祉部?": (
        "ok",
        [
            "Each group (R7 edition):",
            "・of 教育庁：8 project(s), total ¥1,418.8 million (1,418,757 thousand yen)",
            "・of 健康医療福祉部：9 project(s), total ¥735.9 million (735,931 thousand yen)",
            "Together: 17 project(s), ¥2,154.7 million (2,154,688 thousand yen)",
            "Difference between 教育庁 and 健康医療福祉部: 1 project(s), ¥682.8 million (682,826 thousand yen)",
            "The larger total: 教育庁.",
            "Source: R7 edition No36, line 225; No37, line 241; No38, line 258; No39, line 278; No40, line 294; No41, line 310 and 11 more",
        ],
    ),
    "No32とNo34はどちらが先に始まった？": (
        "ok",
        [
            "事業ごとに：",
            "・No32 地域障がい児支援体制充実のためのICT化推進事業：R7〜R7",
            "・No34 小児科オンライン診療利用環境整備事業：R8〜R8",
            "先に始まったのは No32 地域障がい児支援体制充実のためのICT化推進事業 です。",
            "出典：R7版 No32 162行目、No34 193行目",
        ],
    ),
    "No40とNo41の期間": (
        "ok",
        [
            "事業ごとに：",
            "・No40 県立学校次世代校務デジタル化推進事業：R7〜R10",
            "・No41 校内ネットワーク再構築事業：R7〜R10",
            "出典：R7版 No40 294行目、No41 310行目",
        ],
    ),
    "No35とNo46の担当": (
        "ok",
        [
            "事業ごとに：",
            "・No35 認可外保育施設ICT化推進等事業費補助：こども家庭部 こどもみらい課",
            "・No46 青少年のネットセーフティ加速化事業：こども家庭部 県民活躍推進課、警察本部人身安全対策課",
            "出典：R7版 No35 209行目、No46 403行目",
        ],
    ),
    "compare the budgets of No45 and No53": (
        "ok",
        [
            "R7 budget of each project (R7 edition):",
            "・No45 デジタルデバイド対策事業：¥10.0 million (10,000 thousand yen)",
            "・No53 道路施設適正管理推進事業(道路舗装点検・管理業務のDX構築)：¥50.0 million (50,000 thousand yen)",
            "Difference: ¥40.0 million (40,000 thousand yen) (No53 道路施設適正管理推進事業(道路舗装点検・管理業務のDX構築) and No45 デジタルデバイド対策事業)",
            "The larger: No53 道路施設適正管理推進事業(道路舗装点検・管理業務のDX構築).",
            "Source: R7 edition No45, line 385; No53, line 522",
        ],
    ),
    "一番予算が大きい事業と一番小さい事業の担当は？": (
        "ok",
        [
            "R7版の全事業（33件）のうちR7事業費が最も大きい事業：",
            "・No30 介護テクノロジー導入支援事業費補助：491,000千円（約4.9億円）（健康医療福祉部 高齢福祉保険課）",
            "・No41 校内ネットワーク再構築事業：491,000千円（約4.9億円）（教育庁 学校教育課）",
            "R7版の全事業（33件）のうちR7事業費が最も小さい事業：",
            "・No32 地域障がい児支援体制充実のためのICT化推進事業：796千円（約80万円）（健康医療福祉部 障がい福祉課）",
            "・No35 認可外保育施設ICT化推進等事業費補助：796千円（約80万円）（こども家庭部 こどもみらい課）",
            "最大と最小の差：490,204千円（約4.9億円）",
            "出典：R7版 No30 127行目、No41 310行目、No32 162行目、No35 209行目",
        ],
    ),
    "始期が最も早い事業と最も遅い事業": (
        "ok",
        [
            "R7版の全事業（33件）のうち始期が最も早い事業：",
            "・No31 障がい福祉分野の介護テクノロジー導入支援事業：H31〜R7",
            "R7版の全事業（33件）のうち始期が最も遅い事業：",
            "・No34 小児科オンライン診療利用環境整備事業：R8〜R8",
            "出典：R7版 No31 143行目、No34 193行目",
        ],
    ),
    "Which of the projects with no end year ends the latest?": (
        "not_stated",
        [
            "No project matches.",
        ],
    ),
    "一番早く始まった事業の始期と終期": (
        "ok",
        [
            "R7版の全事業（33件）のうち始期が最も早い事業：",
            "・No31 障がい福祉分野の介護テクノロジー導入支援事業：H31〜R7",
            "出典：R7版 No31 143行目",
        ],
    ),
    "R8に始まる事業": (
        "ok",
        [
            "R7版の始期がR8の事業（1件）：",
            "・No34 小児科オンライン診療利用環境整備事業：事業始期 R8",
            "出典：R7版 No34 193行目",
        ],
    ),
    "R8に終わる事業": (
        "ok",
        [
            "R7版の終期がR8の事業（7件）：",
            "・No25 オンライン診療設備整備費補助：R3〜R8",
            "・No26 モバイルICTによる救急医療情報共有体制整備事業費補助：R5〜R8",
            "・No28 医療機関への遠隔診療支援：R7〜R8",
            "・No34 小児科オンライン診療利用環境整備事業：R8〜R8",
            "・No36 公立学校における教育改革支援事業 (学校における働き方改革推進のための環境整備支援事業)：R6〜R8",
            "・No38 学校DXスタートアップ事業：R6〜R8",
            "・No44 地域連携による交通ネットワーク確保・維持事業：R6〜R8",
            "出典：R7版 No25 42行目、No26 58行目、No28 92行目、No34 193行目、No36 225行目、No38 258行目 ほか1件",
        ],
    ),
    "R8に始まった事業で1億円以上のもの": (
        "ok",
        [
            "R7版の事業費が100,000千円以上・始期がR8の事業（0件）：",
            "該当する事業はありません。",
        ],
    ),
    "教育庁以外の事業で1億円以上のもの": (
        "ok",
        [
            "R7版の教育庁以外・事業費が100,000千円以上の事業（2件）：",
            "・No30 介護テクノロジー導入支援事業費補助：491,000千円（約4.9億円）（健康医療福祉部）",
            "・No50 防災教育センター機能強化整備事業：114,100千円（約1.1億円）（危機管理局）",
            "出典：R7版 No30 127行目、No50 475行目",
        ],
    ),
    "how many projects are not in 教育庁?": (
        "ok",
        [
            "R7 edition projects other than 教育庁: 25 project(s).",
            "・No23 公衆衛生DX推進事業：¥8.9 million (8,891 thousand yen)（健康医療福祉部）",
            "・No24 へき地オンライン診療支援推進事業：¥45.6 million (45,581 thousand yen)（健康医療福祉部）",
            "・No25 オンライン診療設備整備費補助：¥31.8 million (31,800 thousand yen)（健康医療福祉部）",
            "・No26 モバイルICTによる救急医療情報共有体制整備事業費補助：¥60.7 million (60,743 thousand yen)（健康医療福祉部）",
            "・No27 へき地等地域医療支援対策事業：¥32.0 million (32,000 thousand yen)（健康医療福祉部）",
            "・No28 医療機関への遠隔診療支援：¥61.1 million (61,144 thousand yen)（健康医療福祉部）",
            "・No29 つくる・つながる・つどいの場活性化事業：¥27.7 million (27,716 thousand yen)（健康福祉部）",
            "・No30 介護テクノロジー導入支援事業費補助：¥491.0 million (491,000 thousand yen)（健康医療福祉部）",
            "・No31 障がい福祉分野の介護テクノロジー導入支援事業：¥4.0 million (3,976 thousand yen)（健康医療福祉部）",
            "・No32 地域障がい児支援体制充実のためのICT化推進事業：¥0.8 million (796 thousand yen)（健康医療福祉部）",
            "Ask for the list to see them.",
            "Note: No33 is not printed in the document; the number is inferred from its neighbours.",
            "Source: R7 edition No23, line 9; No24, line 26; No25, line 42; No26, line 58; No27, line 74; No28, line 92 and 19 more",
        ],
    ),
    "R6版の健康医療福祉部の事業": (
        "ok",
        [
            "R6版の健康福祉部（「健康医療福祉部」のこの版での名前）の事業（11件）：",
            "・R6/#1 へき地オンライン診療支援対策事業：4,202千円（約420万円）",
            "・R6/#2 オンライン診療設備整備費補助：6,760千円（約676万円）",
            "・R6/#3 公衆衛生DX推進事業：26,068千円（約2,607万円）",
            "・R6/#4 ICTを活用した高齢者の見守り体制構築事業：18,934千円（約1,893万円）",
            "・R6/#5 つくる・つながる・つどいの場活性化事業：22,921千円（約2,292万円）",
            "・R6/#6 介護テクノロジー導入支援事業費補助：246,000千円（約2.5億円）",
            "・R6/#7 モバイルICTによる救急医療情報共有体制整備事業費補助：31,878千円（約3,188万円）",
            "・R6/#8 へき地等地域医療支援対策事業：10,420千円（約1,042万円）",
            "・R6/#9 障害福祉施設等介護ロボット導入支援事業費補助：1,500千円（約150万円）",
            "・R6/#11 児童養護施設等ICT化推進事業費補助：4,500千円（約450万円）",
            "・R6/#12 認可外保育施設ICT化推進等事業費補助：3,450千円（約345万円）",
            "出典：R6版 6行目、17行目、28行目、41行目、52行目、63行目 ほか5件",
        ],
    ),
    "number of projects per section": (
        "ok",
        [
            "all 33 projects of the R7 edition by section(21 sections):",
            "・学校教育課：6 project(s), total ¥1,154.3 million (1,154,286 thousand yen)",
            "・医療薬務課：4 project(s), total ¥185.7 million (185,687 thousand yen)",
            "・DX推進課：3 project(s), total ¥66.6 million (66,576 thousand yen)",
            "・こどもみらい課：2 project(s), total ¥22.7 million (22,693 thousand yen)",
            "・防災危機管理課：2 project(s), total ¥117.6 million (117,622 thousand yen)",
            "・障がい福祉課：2 project(s), total ¥4.8 million (4,772 thousand yen)",
            "・高齢福祉保険課：2 project(s), total ¥518.7 million (518,716 thousand yen)",
            "・サイバー犯罪対策課：1 project(s), total ¥7.1 million (7,134 thousand yen)",
            "・健康医療福祉政策課：1 project(s), total ¥8.9 million (8,891 thousand yen)",
            "・医療業務課：1 project(s), total ¥45.6 million (45,581 thousand yen)",
            "・地域交通・連携課：1 project(s), total ¥27.5 million (27,483 thousand yen)",
            "・捜査支援分析課：1 project(s), total ¥3.5 million (3,526 thousand yen)",
            "・教育政策課：1 project(s), total ¥231.1 million (231,074 thousand yen)",
            "・整備企画課：1 project(s), total ¥16.1 million (16,100 thousand yen)",
            "・県民活躍推進課：1 project(s), total ¥3.7 million (3,731 thousand yen)",
            "・警察本部人身安全対策課：1 project(s), total ¥3.7 million (3,731 thousand yen)",
            "・農林水産政策課：1 project(s), total ¥6.4 million (6,426 thousand yen)",
            "・道路課：1 project(s), total ¥50.0 million (50,000 thousand yen)",
            "・青森県立中央病院医療情報部：1 project(s), total ¥10.8 million (10,758 thousand yen)",
            "・青森県立中央病院医療連携部：1 project(s), total ¥10.8 million (10,758 thousand yen)",
            "・高等学校教育改革推進室：1 project(s), total ¥33.4 million (33,397 thousand yen)",
            "Note: No33 is not printed in the document; the number is inferred from its neighbours.",
            "Source: R7 edition No23, line 9; No24, line 26; No25, line 42; No26, line 58; No27, line 74; No28, line 92 and 27 more",
        ],
    ),
    "分野別の事業数": (
        "ok",
        [
            "R7版の全事業（33件）の項目別（8種類）：",
            "・医療・福祉：11件、合計 774,405千円（約7.7億円）",
            "・学校教育：8件、合計 1,418,757千円（約14.2億円）",
            "・防災・危機管理：4件、合計 131,182千円（約1.3億円）",
            "・安全・安心：3件、合計 17,257千円（約1,726万円）",
            "・その他：2件、合計 56,576千円（約5,658万円）",
            "・インフラ：2件、合計 66,100千円（約6,610万円）",
            "・子育て：2件、合計 22,693千円（約2,269万円）",
            "・地域公共交通：1件、合計 27,483千円（約2,748万円）",
            "※No33の番号は文書に印刷されておらず、前後の番号から推定しています。",
            "出典：R7版 No23 9行目、No24 26行目、No25 42行目、No26 58行目、No27 74行目、No28 92行目 ほか27件",
        ],
    ),
    "課ごとの事業数で一番多いのは？": (
        "ok",
        [
            "R7版の全事業（33件）の担当課別（21課）：",
            "事業数が最も多いのは 学校教育課（6件）です。",
            "・学校教育課：6件、合計 1,154,286千円（約11.5億円）",
            "・医療薬務課：4件、合計 185,687千円（約1.9億円）",
            "・DX推進課：3件、合計 66,576千円（約6,658万円）",
            "・こどもみらい課：2件、合計 22,693千円（約2,269万円）",
            "・防災危機管理課：2件、合計 117,622千円（約1.2億円）",
            "・障がい福祉課：2件、合計 4,772千円（約477万円）",
            "・高齢福祉保険課：2件、合計 518,716千円（約5.2億円）",
            "・サイバー犯罪対策課：1件、合計 7,134千円（約713万円）",
            "・健康医療福祉政策課：1件、合計 8,891千円（約889万円）",
            "・医療業務課：1件、合計 45,581千円（約4,558万円）",
            "・地域交通・連携課：1件、合計 27,483千円（約2,748万円）",
            "・捜査支援分析課：1件、合計 3,526千円（約353万円）",
            "・教育政策課：1件、合計 231,074千円（約2.3億円）",
            "・整備企画課：1件、合計 16,100千円（約1,610万円）",
            "・県民活躍推進課：1件、合計 3,731千円（約373万円）",
            "・警察本部人身安全対策課：1件、合計 3,731千円（約373万円）",
            "・農林水産政策課：1件、合計 6,426千円（約643万円）",
            "・道路課：1件、合計 50,000千円（約5,000万円）",
            "・青森県立中央病院医療情報部：1件、合計 10,758千円（約1,076万円）",
            "・青森県立中央病院医療連携部：1件、合計 10,758千円（約1,076万円）",
            "・高等学校教育改革推進室：1件、合計 33,397千円（約3,340万円）",
            "出典：R7版 No23 9行目、No24 26行目、No25 42行目、No26 58行目、No27 74行目、No28 92行目 ほか27件",
        ],
    ),
    "教育庁の事業の担当": (
        "ok",
        [
            "R7版の教育庁の事業（8件）：",
            "・No36 公立学校における教育改革支援事業 (学校における働き方改革推進のための環境整備支援事業)：教育庁 教育政策課",
            "・No37 校務のICT活用推進事業 (統合型校務支援システム運用事業)：教育庁 学校教育課",
            "・No38 学校DXスタートアップ事業：教育庁 学校教育課",
            "・No39 新しい時代を切り拓く力を育む高校支援事業：教育庁 学校教育課",
            "・No40 県立学校次世代校務デジタル化推進事業：教育庁 学校教育課",
            "・No41 校内ネットワーク再構築事業：教育庁 学校教育課",
            "・No42 WEB出願等による高等学校等入学者選抜改善事業：教育庁 学校教育課",
            "・No43 ミライへつなぐ遠隔教育推進事業：教育庁 高等学校教育改革推進室",
            "出典：R7版 No36 225行目、No37 241行目、No38 258行目、No39 278行目、No40 294行目、No41 310行目 ほか2件",
        ],
    ),
    "教育庁の事業費の合計と担当": (
        "ok",
        [
            "R7版の教育庁の事業（8件）のR7事業費の合計は1,418,757千円（約14.2億円）です。",
            "・No36 公立学校における教育改革支援事業 (学校における働き方改革推進のための環境整備支援事業)：231,074千円（約2.3億円）（教育庁 教育政策課）",
            "・No37 校務のICT活用推進事業 (統合型校務支援システム運用事業)：233,714千円（約2.3億円）（教育庁 学校教育課）",
            "・No38 学校DXスタートアップ事業：124,465千円（約1.2億円）（教育庁 学校教育課）",
            "・No39 新しい時代を切り拓く力を育む高校支援事業：5,478千円（約548万円）（教育庁 学校教育課）",
            "・No40 県立学校次世代校務デジタル化推進事業：188,084千円（約1.9億円）（教育庁 学校教育課）",
            "・No41 校内ネットワーク再構築事業：491,000千円（約4.9億円）（教育庁 学校教育課）",
            "・No42 WEB出願等による高等学校等入学者選抜改善事業：111,545千円（約1.1億円）（教育庁 学校教育課）",
            "・No43 ミライへつなぐ遠隔教育推進事業：33,397千円（約3,340万円）（教育庁 高等学校教育改革推進室）",
            "出典：R7版 No36 225行目、No37 241行目、No38 258行目、No39 278行目、No40 294行目、No41 310行目 ほか2件",
        ],
    ),
    "事業が一番少ない部局は？": (
        "ok",
        [
            "R7版の全事業（33件）の部局別（11部局）：",
            "事業数が最も少ないのは 交通・地域社会部、健康福祉部、病院局、農林水産部（1件）です。",
            "・交通・地域社会部：1件、合計 27,483千円（約2,748万円）",
            "・健康福祉部：1件、合計 27,716千円（約2,772万円）",
            "・病院局：1件、合計 10,758千円（約1,076万円）",
            "・農林水産部：1件、合計 6,426千円（約643万円）",
            "・危機管理局：2件、合計 117,622千円（約1.2億円）",
            "・県土整備部：2件、合計 66,100千円（約6,610万円）",
            "・警察本部：2件、合計 10,660千円（約1,066万円）",
            "・こども家庭部：3件、合計 26,424千円（約2,642万円）",
            "・総合政策部：3件、合計 66,576千円（約6,658万円）",
            "・教育庁：8件、合計 1,418,757千円（約14.2億円）",
            "・健康医療福祉部：9件、合計 735,931千円（約7.4億円）",
            "※No33の番号は文書に印刷されておらず、前後の番号から推定しています。",
            "出典：R7版 No23 9行目、No24 26行目、No25 42行目、No26 58行目、No27 74行目、No28 92行目 ほか27件",
        ],
    ),
    "Which section has the most projects?": (
        "ok",
        [
            "all 33 projects of the R7 edition by section(21 sections):",
            "The most projects: 学校教育課 (6).",
            "・学校教育課：6 project(s), total ¥1,154.3 million (1,154,286 thousand yen)",
            "・医療薬務課：4 project(s), total ¥185.7 million (185,687 thousand yen)",
            "・DX推進課：3 project(s), total ¥66.6 million (66,576 thousand yen)",
            "・こどもみらい課：2 project(s), total ¥22.7 million (22,693 thousand yen)",
            "・防災危機管理課：2 project(s), total ¥117.6 million (117,622 thousand yen)",
            "・障がい福祉課：2 project(s), total ¥4.8 million (4,772 thousand yen)",
            "・高齢福祉保険課：2 project(s), total ¥518.7 million (518,716 thousand yen)",
            "・サイバー犯罪対策課：1 project(s), total ¥7.1 million (7,134 thousand yen)",
            "・健康医療福祉政策課：1 project(s), total ¥8.9 million (8,891 thousand yen)",
            "・医療業務課：1 project(s), total ¥45.6 million (45,581 thousand yen)",
            "・地域交通・連携課：1 project(s), total ¥27.5 million (27,483 thousand yen)",
            "・捜査支援分析課：1 project(s), total ¥3.5 million (3,526 thousand yen)",
            "・教育政策課：1 project(s), total ¥231.1 million (231,074 thousand yen)",
            "・整備企画課：1 project(s), total ¥16.1 million (16,100 thousand yen)",
            "・県民活躍推進課：1 project(s), total ¥3.7 million (3,731 thousand yen)",
            "・警察本部人身安全対策課：1 project(s), total ¥3.7 million (3,731 thousand yen)",
            "・農林水産政策課：1 project(s), total ¥6.4 million (6,426 thousand yen)",
            "・道路課：1 project(s), total ¥50.0 million (50,000 thousand yen)",
            "・青森県立中央病院医療情報部：1 project(s), total ¥10.8 million (10,758 thousand yen)",
            "・青森県立中央病院医療連携部：1 project(s), total ¥10.8 million (10,758 thousand yen)",
            "・高等学校教育改革推進室：1 project(s), total ¥33.4 million (33,397 thousand yen)",
            "Source: R7 edition No23, line 9; No24, line 26; No25, line 42; No26, line 58; No27, line 74; No28, line 92 and 27 more",
        ],
    ),
    "事業が2件以上ある課": (
        "ok",
        [
            "R7版の全事業（33件）の担当課別（7課）：",
            "・学校教育課：6件、合計 1,154,286千円（約11.5億円）（No37 校務のICT活用推進事業 (統合型校務支援システム運用事業)、No38 学校DXスタートアップ事業、No39 新しい時代を切り拓く力を育む高校支援事業、No40 県立学校次世代校務デジタル化推進事業、No41 校内ネットワーク再構築事業、No42 WEB出願等による高等学校等入学者選抜改善事業）",
            "・医療薬務課：4件、合計 185,687千円（約1.9億円）（No25 オンライン診療設備整備費補助、No26 モバイルICTによる救急医療情報共有体制整備事業費補助、No27 へき地等地域医療支援対策事業、No28 医療機関への遠隔診療支援）",
            "・DX推進課：3件、合計 66,576千円（約6,658万円）（No45 デジタルデバイド対策事業、No54 あおもりDXプロモーション事業、No55 データ連携基盤共同利用ビジョン推進事業）",
            "・こどもみらい課：2件、合計 22,693千円（約2,269万円）（No34 小児科オンライン診療利用環境整備事業、No35 認可外保育施設ICT化推進等事業費補助）",
            "・防災危機管理課：2件、合計 117,622千円（約1.2億円）（No49 デジタルツール導入運営事業、No50 防災教育センター機能強化整備事業）",
            "・障がい福祉課：2件、合計 4,772千円（約477万円）（No31 障がい福祉分野の介護テクノロジー導入支援事業、No32 地域障がい児支援体制充実のためのICT化推進事業）",
            "・高齢福祉保険課：2件、合計 518,716千円（約5.2億円）（No29 つくる・つながる・つどいの場活性化事業、No30 介護テクノロジー導入支援事業費補助）",
            "出典：R7版 No23 9行目、No24 26行目、No25 42行目、No26 58行目、No27 74行目、No28 92行目 ほか27件",
        ],
    ),
    "projects of 教育庁 with their start years": (
        "ok",
        [
            "R7 edition projects of 教育庁 (8 project(s)):",
            "・No36 公立学校における教育改革支援事業 (学校における働き方改革推進のための環境整備支援事業)：R6–R8",
            "・No37 校務のICT活用推進事業 (統合型校務支援システム運用事業)：R2–R7",
            "・No38 学校DXスタートアップ事業：R6–R8",
            "・No39 新しい時代を切り拓く力を育む高校支援事業：R6–R7",
            "・No40 県立学校次世代校務デジタル化推進事業：R7–R10",
            "・No41 校内ネットワーク再構築事業：R7–R10",
            "・No42 WEB出願等による高等学校等入学者選抜改善事業：R7–R10",
            "・No43 ミライへつなぐ遠隔教育推進事業：R7–R10",
            "Source: R7 edition No36, line 225; No37, line 241; No38, line 258; No39, line 278; No40, line 294; No41, line 310 and 2 more",
        ],
    ),
    "こども家庭部の事業の担当": (
        "ok",
        [
            "R7版のこども家庭部の事業（3件）：",
            "・No34 小児科オンライン診療利用環境整備事業：こども家庭部 こどもみらい課",
            "・No35 認可外保育施設ICT化推進等事業費補助：こども家庭部 こどもみらい課",
            "・No46 青少年のネットセーフティ加速化事業：こども家庭部 県民活躍推進課、警察本部人身安全対策課",
            "出典：R7版 No34 193行目、No35 209行目、No46 403行目",
        ],
    ),
    "Which department has the largest total budget?": (
        "ok",
        [
            "all 33 projects of the R7 edition by department(11 departments):",
            "The largest total: 教育庁 (¥1,418.8 million (1,418,757 thousand yen)).",
            "・教育庁：8 project(s), total ¥1,418.8 million (1,418,757 thousand yen)",
            "・健康医療福祉部：9 project(s), total ¥735.9 million (735,931 thousand yen)",
            "・危機管理局：2 project(s), total ¥117.6 million (117,622 thousand yen)",
            "・総合政策部：3 project(s), total ¥66.6 million (66,576 thousand yen)",
            "・県土整備部：2 project(s), total ¥66.1 million (66,100 thousand yen)",
            "・健康福祉部：1 project(s), total ¥27.7 million (27,716 thousand yen)",
            "・交通・地域社会部：1 project(s), total ¥27.5 million (27,483 thousand yen)",
            "・こども家庭部：3 project(s), total ¥26.4 million (26,424 thousand yen)",
            "・病院局：1 project(s), total ¥10.8 million (10,758 thousand yen)",
            "・警察本部：2 project(s), total ¥10.7 million (10,660 thousand yen)",
            "・農林水産部：1 project(s), total ¥6.4 million (6,426 thousand yen)",
            "Source: R7 edition No23, line 9; No24, line 26; No25, line 42; No26, line 58; No27, line 74; No28, line 92 and 27 more",
        ],
    ),
    "total and average budget of 教育庁": (
        "ok",
        [
            "R7 budget total of R7 edition projects of 教育庁 (8 project(s)): ¥1,418.8 million (1,418,757 thousand yen).",
            "・No36 公立学校における教育改革支援事業 (学校における働き方改革推進のための環境整備支援事業)：¥231.1 million (231,074 thousand yen)",
            "・No37 校務のICT活用推進事業 (統合型校務支援システム運用事業)：¥233.7 million (233,714 thousand yen)",
            "・No38 学校DXスタートアップ事業：¥124.5 million (124,465 thousand yen)",
            "・No39 新しい時代を切り拓く力を育む高校支援事業：¥5.5 million (5,478 thousand yen)",
            "・No40 県立学校次世代校務デジタル化推進事業：¥188.1 million (188,084 thousand yen)",
            "・No41 校内ネットワーク再構築事業：¥491.0 million (491,000 thousand yen)",
            "・No42 WEB出願等による高等学校等入学者選抜改善事業：¥111.5 million (111,545 thousand yen)",
            "・No43 ミライへつなぐ遠隔教育推進事業：¥33.4 million (33,397 thousand yen)",
            "Average: ¥177.3 million (177,345 thousand yen)",
            "Source: R7 edition No36, line 225; No37, line 241; No38, line 258; No39, line 278; No40, line 294; No41, line 310 and 2 more",
        ],
    ),
    "事業が1件しかない課の数": (
        "ok",
        [
            "R7版の全事業（33件）の担当課別（14課）：",
            "・サイバー犯罪対策課：1件、合計 7,134千円（約713万円）（No51 セキュリティ人材育成事業）",
            "・健康医療福祉政策課：1件、合計 8,891千円（約889万円）（No23 公衆衛生DX推進事業）",
            "・医療業務課：1件、合計 45,581千円（約4,558万円）（No24 へき地オンライン診療支援推進事業）",
            "・地域交通・連携課：1件、合計 27,483千円（約2,748万円）（No44 地域連携による交通ネットワーク確保・維持事業）",
            "・捜査支援分析課：1件、合計 3,526千円（約353万円）（No47 緊急配備指揮支援システム路上装置増強整備）",
            "・教育政策課：1件、合計 231,074千円（約2.3億円）（No36 公立学校における教育改革支援事業 (学校における働き方改革推進のための環境整備支援事業)）",
            "・整備企画課：1件、合計 16,100千円（約1,610万円）（No52 スマートAomoriコンストラクション推進事業）",
            "・県民活躍推進課：1件、合計 3,731千円（約373万円）（No46 青少年のネットセーフティ加速化事業）",
            "・警察本部人身安全対策課：1件、合計 3,731千円（約373万円）（No46 青少年のネットセーフティ加速化事業）",
            "・農林水産政策課：1件、合計 6,426千円（約643万円）（No48 特定家畜伝染病防疫システム運営事業）",
            "・道路課：1件、合計 50,000千円（約5,000万円）（No53 道路施設適正管理推進事業(道路舗装点検・管理業務のDX構築)）",
            "・青森県立中央病院医療情報部：1件、合計 10,758千円（約1,076万円）（No33 PHRを活用した次世代型地域医療連携システム整備事業）",
            "・青森県立中央病院医療連携部：1件、合計 10,758千円（約1,076万円）（No33 PHRを活用した次世代型地域医療連携システム整備事業）",
            "・高等学校教育改革推進室：1件、合計 33,397千円（約3,340万円）（No43 ミライへつなぐ遠隔教育推進事業）",
            "※No33の番号は文書に印刷されておらず、前後の番号から推定しています。",
            "出典：R7版 No23 9行目、No24 26行目、No25 42行目、No26 58行目、No27 74行目、No28 92行目 ほか27件",
        ],
    ),
    "こども家庭部以外で1億円以上の事業": (
        "ok",
        [
            "R7版のこども家庭部以外・事業費が100,000千円以上の事業（8件）：",
            "・No30 介護テクノロジー導入支援事業費補助：491,000千円（約4.9億円）（健康医療福祉部）",
            "・No36 公立学校における教育改革支援事業 (学校における働き方改革推進のための環境整備支援事業)：231,074千円（約2.3億円）（教育庁）",
            "・No37 校務のICT活用推進事業 (統合型校務支援システム運用事業)：233,714千円（約2.3億円）（教育庁）",
            "・No38 学校DXスタートアップ事業：124,465千円（約1.2億円）（教育庁）",
            "・No40 県立学校次世代校務デジタル化推進事業：188,084千円（約1.9億円）（教育庁）",
            "・No41 校内ネットワーク再構築事業：491,000千円（約4.9億円）（教育庁）",
            "・No42 WEB出願等による高等学校等入学者選抜改善事業：111,545千円（約1.1億円）（教育庁）",
            "・No50 防災教育センター機能強化整備事業：114,100千円（約1.1億円）（危機管理局）",
            "出典：R7版 No30 127行目、No36 225行目、No37 241行目、No38 258行目、No40 294行目、No41 310行目 ほか2件",
        ],
    ),
}


@pytest.mark.parametrize("question", list(ANSWERS))
def test_the_answer_word_for_word(edges, question):
    status, lines = ANSWERS[question]
    a = ask(edges, question)
    assert (a.status, a.text.splitlines()) == (status, lines)


def test_both_ends_state_their_gap_in_the_question_s_language(edges):
    assert ask(edges, "What are the largest and the smallest budgets?").value.unit == "thousand yen"


# Each kind of condition as a heading states it (the count's heading: the condition, the
# edition, the number), in Japanese and English; asked in fiscal year R7.
HEADINGS = [
    ("医療・福祉分野の事業は何件", "R7版の項目「医療・福祉」の事業は11件です。"),
    (
        "how many projects in the 医療・福祉 category?",
        "R7 edition projects in category 医療・福祉: 11 project(s).",
    ),
    ("暮らし・まち分野の事業は何件", "R7版の分野「暮らし・まち分野」の事業は33件です。"),
    (
        "how many projects have ICT in their name?",
        "R7 edition projects with 「ICT」 in the name: 4 project(s).",
    ),
    # 9, not the 10 blank cells: No29's 主な取組実績 line (120) holds a drifted 実績 row, printed.
    ("主な取組実績が空の事業は何件", "R7版の主な取組実績が空欄の事業は9件です。"),
    # With the four printing no end year (No35, No46, No51, No54), counted running and said so.
    ("今年度に実施中の事業は何件", "R7版の今年度（R7）に実施中の事業は32件です。"),
    ("how many projects are running in R8?", "R7 edition projects running in R8: 24 project(s)."),
    ("単年度の事業は何件", "R7版の始期と終期が同じ年度の事業は2件です。"),
    (
        "how many single-year projects?",
        "R7 edition projects starting and ending in the same year: 2 project(s).",
    ),
    ("R5〜R8に始まった事業は何件", "R7版のR5〜R8に開始の事業は27件です。"),
    (
        "how many projects started between R5 and R8?",
        "R7 edition projects starting R5–R8: 27 project(s).",
    ),
    ("R8以降に終わる事業は何件", "R7版の終期がR8以降の事業は20件です。"),
    (
        "how many projects end in R8 or later?",
        "R7 edition projects ending in or after R8: 20 project(s).",
    ),
    ("R7より前に始まった事業は何件", "R7版の始期がR7より前の事業は22件です。"),
    ("1,000万円から5,000万円の事業は何件", "R7版の事業費 10,000〜50,000千円の事業は12件です。"),
    (
        "how many projects between 10 million yen and 50 million yen?",
        "R7 edition projects with budget 10,000–50,000 thousand yen: 12 project(s).",
    ),
    ("1,000万円台の事業は何件", "R7版の事業費が10,000千円以上20,000千円未満の事業は3件です。"),
    ("1億円以上の事業は何件", "R7版の事業費が100,000千円以上の事業は8件です。"),
    (
        "how many projects under 10 million yen?",
        "R7 edition projects with budget under 10,000 thousand yen: 11 project(s).",
    ),
    ("R6版の重点枠でない事業は何件", "R6版の重点枠事業以外の事業は12件です。"),
    (
        "how many priority frame projects in R6?",
        "R6 edition projects in the priority budget: 15 project(s).",
    ),
    ("R7で追加された事業は何件", "R7版の前の版にない（新規掲載）の事業は10件です。"),
    (
        "how many projects were newly added in R7?",
        "R7 edition projects not in the previous edition (newly listed): 10 project(s).",
    ),
    ("教育庁以外の事業は何件", "R7版の教育庁以外の事業は25件です。"),
    ("R5〜R8以外に始まった事業は何件", "R7版のR5〜R8に開始以外の事業は6件です。"),
    ("学校教育課の事業は何件", "R7版の学校教育課の事業は6件です。"),
    (
        "how many projects of the section 学校教育課?",
        "R7 edition projects of 学校教育課: 6 project(s).",
    ),
    (
        "オンライン診療の事業は何件",
        "R7版の「オンライン診療」関連（本文に記載あり）の事業は4件です。",
    ),
    (
        "how many projects mention オンライン診療?",
        "R7 edition projects mentioning 「オンライン診療」: 4 project(s).",
    ),
]


@pytest.mark.parametrize(("question", "heading"), HEADINGS)
def test_a_condition_as_the_heading_states_it(edges, question, heading):
    a = ask(edges, question, now=datetime(2025, 6, 1, 10, tzinfo=TOKYO))
    assert (a.status, a.title) == ("ok", heading)
