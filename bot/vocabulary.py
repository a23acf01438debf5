"""What a question can name, built from the loaded projects: departments, sections, categories,
fields, project names and former names, edition labels. Pure: no store, no SQL, no pydantic.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from bot.glossary import GLOSSARY, GROUP_NAMES, JAPANESE_SYNONYMS

# Spellings that differ between editions and people: both sides are normalised the same way.
VARIANTS = {
    "障害": "障がい",
    "子ども": "こども",
    "子供": "こども",
    "僻地": "へき地",
    "ネット・セーフティ": "ネットセーフティ",
    "〜": "~",
    "～": "~",
}
_SPACES = re.compile(r"[\s\u3000\u00a0]+")
_VARIANT_RE = re.compile("|".join(re.escape(k) for k in sorted(VARIANTS, key=len, reverse=True)))
# English words for what the roadmap says (bot/glossary.py), whole words, plural or not, a
# space or a hyphen between two words either way (tele-icu, tele icu).
_GLOSSED = {re.sub(r"[\s\-]+", " ", k): v for k, v in GLOSSARY.items()}


@functools.cache
def _english_re() -> re.Pattern:
    """Compiled the first time a question has English words (not at every start)."""
    return re.compile(
        r"(?<![a-z])(?=[a-z0-9])("  # a cheap first test: most characters start no key
        + "|".join(
            r"[\s\-]*".join(re.escape(part) for part in k.split(" "))
            for k in sorted(_GLOSSED, key=len, reverse=True)
        )
        + r")(?:e?s)?(?![a-z])"
    )


_SYNONYM_RE = re.compile("|".join(sorted(JAPANESE_SYNONYMS, key=len, reverse=True)))


# The same keys with their words run together: the pattern lets "ride share" match
# "rideshare" (no space or hyphen between the words), which must find its entry too.
_GLOSSED_JOINED = {k.replace(" ", ""): v for k, v in _GLOSSED.items()}


def _glossed(match: re.Match) -> str:
    said = re.sub(r"[\s\-]+", " ", match.group(1))
    return _GLOSSED.get(said) or _GLOSSED_JOINED[said.replace(" ", "")]


Kind = str  # department, section, category, field, project


@functools.lru_cache(maxsize=4096)  # building a vocabulary asks for each name three times
def normalise(text: str) -> str:
    """NFKC, lower case, single spaces, spelling variants unified: how mentions are compared."""
    text = unicodedata.normalize("NFKC", text or "").lower()
    text = _VARIANT_RE.sub(lambda m: VARIANTS[m.group(0)], text)
    return _SPACES.sub(" ", text).strip()


@functools.cache
def _printed_forms() -> dict[str, str]:
    """The glossary's printed words by their normalised form (uav → UAV)."""
    printed = [*GLOSSARY.values(), *JAPANESE_SYNONYMS.values()]
    return {normalise(v): v for v in printed if normalise(v) != v}


def as_written(word: str, text: str) -> str:
    """A normalised word shown as the question wrote it (phr → PHR), else as the roadmap
    prints it (uav → UAV): search words are compared in lower case, never shown so."""
    if not re.search(r"[a-z]", word):
        return word
    typed = re.search(re.escape(word), unicodedata.normalize("NFKC", text or ""), re.I)
    if typed and typed.group(0) != word:
        return typed.group(0)
    return _printed_forms().get(word, typed.group(0) if typed else word)


def translate_english(text: str) -> str:
    """Replace known English project words with the roadmap's Japanese words."""
    if not re.search(r"[A-Za-z]", text):
        return text
    return _english_re().sub(_glossed, text.lower()).strip()


def gloss(text: str) -> tuple[str, list[str]]:
    """The glossary's English phrases in a text, as the roadmap prints them (normalised), and
    their words is taken for framing; a Japanese word the roadmap prints another way
    (ドローン → UAV) too."""
    found: list[str] = []
    if _SYNONYM_RE.search(text):
        text = _SYNONYM_RE.sub(
            lambda m: found.append(normalise(JAPANESE_SYNONYMS[m[0]])) or " ", text
        )
    if not re.search(r"[a-z]{2}", text):
        return text, found

    def one(m: re.Match) -> str:
        found.append(normalise(_glossed(m)))
        return " "

    return _english_re().sub(one, text), found


_JOINERS = (" and ", " & ", "&", " / ", "/")


def _joined_forms(name: str) -> list[str]:
    """An English group name as people join its two parts: disaster prevention and / & / slash
    crisis management (防災・危機管理)."""
    for joiner in _JOINERS:
        if joiner in name:
            head, tail = name.split(joiner, 1)
            # Each part's own words hyphenated too: disaster/crisis-management.
            pairs = {(head, tail), (head.replace(" ", "-"), tail.replace(" ", "-"))}
            return list(dict.fromkeys([name] + [f"{h}{j}{t}" for h, t in pairs for j in _JOINERS]))
    return [name]


def _alternation(surfaces: list[str]) -> re.Pattern:
    """Any of the surfaces, tried in the order given; one that never matches for none."""
    return re.compile("|".join(re.escape(s) for s in surfaces) or r"(?!x)x")


@dataclass(frozen=True)
class Term:
    """One way to name a thing: the surface form people write, what it is and its value."""

    surface: str
    kind: Kind
    value: str


@dataclass
class Vocabulary:
    """Every entity a question can name, and the edition labels (oldest first)."""

    terms: list[Term] = field(default_factory=list)
    editions: list[str] = field(default_factory=list)
    values: dict[Kind, set[str]] = field(default_factory=dict)
    english: set[str] = field(default_factory=set)  # English names of departments
    _pattern: re.Pattern | None = field(default=None, repr=False)
    _japanese: re.Pattern | None = field(default=None, repr=False)
    _by_surface: dict[str, list[Term]] = field(default_factory=dict, repr=False)
    # The names' readings (understanding.typed_names), computed the first time a question
    # holds a name typed by its sound, and kept with the vocabulary they were read from.
    readings: object | None = field(default=None, repr=False, compare=False)
    _names: dict[str, list[str]] | None = field(default=None, repr=False, compare=False)
    _surfaces: dict[tuple, dict[str, Term]] = field(default_factory=dict, repr=False, compare=False)

    def project_names(self) -> dict[str, list[str]]:
        """Every written form of a project's name (normalised), with the projects it names;
        read once per vocabulary."""
        if self._names is None:
            names: dict[str, list[str]] = {}
            for term in self.terms:
                if term.kind == "project":
                    names.setdefault(normalise(term.surface), []).append(term.value)
            self._names = names
        return self._names

    def pattern(self, english: bool = True) -> re.Pattern:
        """One alternation of every surface, longest first (so the longest mention wins);
        without the English department names for a question with no English word (faster).
        Each is compiled on first use: a one-question process compiles only the one it needs."""
        if english and self._pattern is None:
            self._pattern = _alternation(
                sorted({t.surface for t in self.terms}, key=len, reverse=True)
            )
        if not english and self._japanese is None:
            surfaces = {t.surface for t in self.terms if t.surface not in self.english}
            self._japanese = _alternation(sorted(surfaces, key=len, reverse=True))
        return self._pattern if english else self._japanese  # type: ignore[return-value]

    def terms_for(self, surface: str) -> list[Term]:
        """The terms written this way (a name can be a project in two editions)."""
        if not self._by_surface:
            for t in self.terms:
                self._by_surface.setdefault(t.surface, []).append(t)
        return self._by_surface.get(surface, [])

    def surfaces(self, kinds: Iterable[Kind]) -> dict[str, Term]:
        """Surface → term for the given kinds, for typo matching (built once per kinds)."""
        key = tuple(sorted(set(kinds)))
        if key not in self._surfaces:
            wanted = set(key)
            self._surfaces[key] = {
                t.surface: t
                for t in self.terms
                if t.kind in wanted and t.surface not in self.english
            }
        return self._surfaces[key]


def departments_of(printed: str | None) -> list[str]:
    """環境政策部・警察本部 is two departments; 交通・地域社会部 is one."""
    return list(_departments_of(printed))


@functools.lru_cache(maxsize=1024)  # asked for every project of every list question
def _departments_of(printed: str | None) -> tuple[str, ...]:
    """The departments a printed name holds, once per name."""
    parts = [x for x in re.split(r"[・、]", printed or "") if x]
    if len(parts) > 1 and all(re.search(r"(?:部|局|庁)$", x) for x in parts):
        return tuple(parts)
    return (printed,) if printed else ()


def _dept_aliases(department: str) -> list[str]:
    """健康医療福祉部 → 健康医療福祉; 警察本部 → 警察: how people shorten a department."""
    out = [department]
    for suffix, keep in (("本部", 2), ("部", 3), ("局", 3), ("庁", 3)):
        if department.endswith(suffix) and len(department) - len(suffix) >= keep:
            out.append(department[: -len(suffix)])
            break
    return out


# English for the pieces Japanese department names are built from (any prefecture's): a name
# is read piece by piece (健康|医療|福祉 → health, medical, welfare) and its suffix named.
DEPT_WORDS = {
    "警察": ["police"],
    "教育": ["education"],
    "病院": ["hospital", "hospitals"],
    "危機管理": ["crisis management", "emergency management"],
    "防災": ["disaster prevention", "disaster management"],
    "健康": ["health"],
    "保健": ["health"],
    "医療": ["medical", "medical care", "healthcare"],
    "福祉": ["welfare"],
    "こども": ["children", "child"],
    "子育て": ["child care", "childcare"],
    "家庭": ["family", "families"],
    "総合政策": ["general policy", "policy planning", "comprehensive policy"],
    "企画政策": ["planning and policy", "planning policy", "policy and planning"],
    "企画": ["planning"],
    "政策": ["policy"],
    "県土整備": [
        "land development",
        "prefectural land improvement",
        "land improvement",
        "public works",
    ],
    "県土": ["land"],
    "整備": ["development"],
    "土木": ["civil engineering", "public works"],
    "建設": ["construction"],
    "農林水産": ["agriculture forestry and fisheries", "agriculture, forestry and fisheries"],
    "農林": ["agriculture and forestry"],
    "農政": ["agriculture"],
    "水産": ["fisheries"],
    "交通": ["transport", "transportation"],
    "地域社会": ["community", "communities", "regional society"],
    "地域": ["regional", "community"],
    "環境": ["environment", "environmental"],
    "商工労働": [
        "commerce industry and labor",
        "commerce, industry and labor",
        "industry and labor",
    ],
    "商工": ["commerce and industry"],
    "労働": ["labor", "labour"],
    "観光": ["tourism"],
    "国際": ["international"],
    "戦略": ["strategy"],
    "文化": ["culture"],
    "スポーツ": ["sports"],
    "総務": ["general affairs"],
    "財務": ["finance"],
    "会計": ["accounting"],
    "生活": ["living", "life"],
    "県民": ["citizens", "residents"],
    "エネルギー": ["energy"],
    "デジタル": ["digital"],
    "企業": ["public enterprise"],
    "社会": ["social"],
    "産業": ["industry"],
    "雇用": ["employment"],
    "経済": ["economy", "economic"],
    "未来": ["future"],
    "共生": ["inclusion"],
    "知事": ["governor's"],
    "公室": ["office"],
    "出納": ["treasury"],
    "建築": ["building"],
    "都市": ["urban", "city"],
    "住宅": ["housing"],
    "水道": ["waterworks"],
    "港湾": ["port"],
    "林業": ["forestry"],
    "農業": ["agriculture"],
    "畜産": ["livestock"],
    "交流": ["exchange"],
    "振興": ["promotion"],
    "推進": ["promotion"],
    "DX": ["dx", "digital transformation"],
    "情報": ["information"],
    "人事": ["personnel"],
    "管理": ["management"],
    "子ども": ["children"],
    "保育": ["childcare"],
    # Sections of the roadmap's documents (School Education Division, Road Division…).
    "学校": ["school"],
    "高等学校": ["high school"],
    "教職員": ["teaching staff", "school personnel"],
    "改革": ["reform"],
    "みらい": ["future"],
    "道路": ["road", "roads"],
    "障がい": ["disability", "disabilities"],
    "障害": ["disability", "disabilities"],
    "高齢": ["elderly", "aging"],
    "保険": ["insurance"],
    "薬務": ["pharmaceutical affairs", "pharmaceutical"],
    "業務": ["affairs", "operations"],
    "連携": ["cooperation", "coordination", "partnership"],
    "捜査": ["investigation", "investigative"],
    "支援": ["support"],
    "分析": ["analysis"],
    "サイバー": ["cyber"],
    "犯罪": ["crime"],
    "対策": ["countermeasures", "control"],
    "生活安全": ["community safety"],
    "活躍": ["participation", "empowerment"],
    "青少年": ["youth"],
    "男女共同参画": ["gender equality"],
    "監理": ["supervision", "oversight"],
}
DEPT_SUFFIXES = {
    "本部": ["headquarters", "hq", "department"],
    "部": ["department", "dept", "division"],
    "局": ["bureau", "office", "department"],
    "庁": ["agency", "board", "department"],
    "課": ["section", "division"],
    "室": ["office", "section"],
}
_PIECES = sorted(DEPT_WORDS, key=len, reverse=True)


def english_dept_names(department: str) -> tuple[list[str], list[tuple[str, str]]]:
    """警察本部 → police headquarters, headquarters of police…; also each piece with the suffix
    (health department), returned apart: a piece names a department only where it is unique."""
    suffix = next((x for x in DEPT_SUFFIXES if department.endswith(x)), None)
    if suffix is None:
        return [], []
    stem = re.sub(r"[・、]", "", department[: -len(suffix)])
    pieces, rest = [], stem
    while rest:
        piece = next((x for x in _PIECES if rest.startswith(x)), None)
        if piece is None:
            return [], []  # a piece with no English: no guess
        pieces.append(DEPT_WORDS[piece])
        rest = rest[len(piece) :]
    firsts = [p[0] for p in pieces]
    phrases = {" ".join(firsts), " and ".join(firsts)}
    if len(firsts) > 2:
        phrases.add(", ".join(firsts[:-1]) + " and " + firsts[-1])
        phrases.add(", ".join(firsts[:-1]) + ", and " + firsts[-1])
    if len(pieces) == 1:
        phrases.update(pieces[0])
    if department == "教育庁" or stem == "教育委員会":
        phrases.add("education")
    names = []
    for phrase in phrases:
        for word in DEPT_SUFFIXES[suffix]:
            names += [f"{phrase} {word}", f"{word} of {phrase}"]
    if stem == "教育":
        names += ["board of education", "education board", "education agency"]
    singles = [
        (f"{alt} {word}", word)
        for alts in pieces
        for alt in alts
        for word in DEPT_SUFFIXES[suffix]
        if len(pieces) > 1
    ]
    # "the police projects", "education projects": the name without its suffix, where no
    # other department is called so.
    if suffix not in ("課", "室"):  # a section's bare words are a topic too often (road)
        singles += [(phrase, "") for phrase in sorted(phrases)]
    return names, singles


def _dotless(value: str) -> list[str]:
    """医療・福祉 is also written 医療福祉 and 医療、福祉."""
    if "・" not in value:
        return [value]
    return [value, value.replace("・", ""), value.replace("・", "、")]


def name_forms(name: str) -> list[str]:
    """A project name as printed, without its parentheses, and without a 費/費補助 tail."""
    base = normalise(name)
    bare = re.sub(r"\s*[(（][^)）]*[)）]\s*", "", base).strip()
    forms = {base, bare, base.replace(" ", ""), bare.replace(" ", "")}
    for form in list(forms):
        for tail in ("事業費補助", "事業費", "費補助"):
            if form.endswith(tail) and len(form) > len(tail) + 3:
                forms.add(form[: -len(tail)] + ("事業" if tail.startswith("事業") else ""))
    return [f for f in forms if len(f) >= 3]


def short_forms(name: str) -> list[str]:
    """あおもりDXプロモーション(事業): a long printed name said without its 事業."""
    base = normalise(name)
    bare = re.sub(r"\s*[(（][^)）]*[)）]\s*", "", base).strip()
    return sorted({f[:-2] for f in (base, bare) if f.endswith("事業") and len(f) >= 10})


def build(editions: list[tuple[str, list]], aliases: Iterable[tuple[str, str]] = ()) -> Vocabulary:
    """The vocabulary of (edition label, projects) pairs, oldest first; aliases are
    (a former or other name, project key) pairs from the links between editions."""
    vocab = Vocabulary(editions=[label for label, _ in editions])
    seen: set[tuple[str, str, str]] = set()
    values: dict[Kind, set[str]] = {}
    shorts: list[tuple[str, str]] = []  # (name, key): their names without 事業, added below

    def add(surface: str, kind: Kind, value: str) -> None:
        surface = normalise(surface)
        if len(surface) < 2 or (surface, kind, value) in seen:
            return
        seen.add((surface, kind, value))
        vocab.terms.append(Term(surface, kind, value))

    for _, projects in editions:
        for p in projects:
            if len(departments_of(p.department)) > 1:
                # 環境政策部・警察本部 written as printed names the jointly run projects.
                add(p.department, "department", p.department)
            for dept in departments_of(p.department):
                if dept:
                    values.setdefault("department", set()).add(dept)
                    for alias in _dept_aliases(dept):
                        add(alias, "department", dept)
            for section in p.sections:
                values.setdefault("section", set()).add(section)
                add(section, "section", section)
            if p.category:
                values.setdefault("category", set()).add(p.category)
                for form in _dotless(p.category):
                    add(form, "category", p.category)
            if getattr(p, "field", None):
                values.setdefault("field", set()).add(p.field)
                bare = re.sub(r"分野$", "", p.field)
                for form in _dotless(p.field) + _dotless(bare):
                    add(form, "field", p.field)
            for form in name_forms(p.name):
                add(form, "project", p.key)
            shorts.append((p.name, p.key))
    # A name without its 事業, where no other project's name holds those words (介護テクノロジー
    # 導入支援 is part of two names).
    names = {normalise(n) for n, _ in shorts}
    for name, key in shorts:
        for form in short_forms(name):
            if not any(form in other for other in names if other != normalise(name)):
                add(form, "project", key)
    # A former name names its successor only where it is no project's own name in that edition
    # (デジタルデバイド対策事業 is R7's No45 itself, not also No54 that continued part of it).
    own = {(t.surface, t.value.split("/")[0]) for t in vocab.terms if t.kind == "project"}
    for name, key in aliases:
        for form in name_forms(name):
            if (normalise(form), key.split("/")[0]) not in own:
                add(form, "project", key)
    # What people call the board of education: 教育委員会, 県教委, 教委 (the roadmap prints 教育庁).
    for office in values.get("department", set()):
        if office == "教育庁":
            for alias in ("教育委員会", "県教育委員会", "県教委", "教委"):
                add(alias, "department", office)
    # English names of departments and sections (DX Promotion Division): the whole name
    # always; one piece (health department) only when no other office of the kind has it.
    for kind in ("department", "section"):
        single: dict[str, set[str]] = {}
        for office in sorted(values.get(kind, set())):
            names, singles = english_dept_names(office)
            for name in names:
                add(name, kind, office)
                vocab.english.add(normalise(name))
            for name, _ in singles:
                single.setdefault(normalise(name), set()).add(office)
        # A category's English name (health and welfare: 医療・福祉) is never a bare office's.
        groups = {
            normalise(f)
            for kind_names in GROUP_NAMES.values()
            for n in kind_names
            for f in _joined_forms(n)
        }
        # Nor a word of a longer English term (hospital of core hospital, education of
        # distance education): the glossary's term is read whole.
        glossed = {normalise(key) for key in GLOSSARY if " " in key}
        for name, offices in single.items():
            stems = {name, name.removesuffix("s")}  # hospitals: hospital of core hospital
            inside = any(f" {w} " in f" {k} " for k in glossed for w in stems) or name in _GLOSSED
            if len(offices) == 1 and name not in groups and not inside:
                add(name, kind, next(iter(offices)))
                vocab.english.add(name)
    # English names of the categories and fields printed (bot/glossary.py).
    for kind in ("category", "field"):
        for value in sorted(values.get(kind, set())):
            for name in GROUP_NAMES.get(value, []):
                forms = _joined_forms(name)
                # school-education projects: a name's words joined by hyphens too.
                for form in dict.fromkeys(forms + [f.replace(" ", "-") for f in forms]):
                    add(form, kind, value)
                    vocab.english.add(normalise(form))
    vocab.values = values
    return vocab
