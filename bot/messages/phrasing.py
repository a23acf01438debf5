"""Every phrase by its key, gathered from the areas of the product, and say(): the sentence
for a key in the reply's language, filled in."""

from __future__ import annotations

import re

from bot.messages import (
    adapters,
    answers,
    cli,
    commands,
    digest,
    documents,
    editions,
    faults,
    record,
    targets,
    text_and_plans,
    updates,
)
from bot.prefectures import label_of

AREAS = (
    answers,
    targets,
    text_and_plans,
    editions,
    record,
    updates,
    commands,
    digest,
    documents,
    cli,
    adapters,
    faults,
)
# One key, one area (tests/test_messages_language.py checks that no key is in two).
PHRASES: dict[str, tuple[str, str]] = {k: v for area in AREAS for k, v in area.PHRASES.items()}


# English counts of one are singular wherever a phrase says "{n} projects" (1 project).
SINGULAR = {"projects": "project", "entries": "entry", "documents": "document"}


ONE_OF = re.compile(r"(?<![\d,.])(1 )(projects|entries|documents)\b")


# Values that name an edition: people read "R7" whichever prefecture's store code it is
# (岩手県:R7) — a deployment only ever shows its own prefecture.
EDITION_VALUES = {"edition", "older", "newer"}


# Japanese phrases where a condition follows the edition: 「R7版で終期がR10の事業」, but
# 「R7版の事業」 when there is none (#17: 「R7版R10に終了の事業」 read as one run-on word).
CONDITION_PARTICLE = {"scope": "で", "list_title": "で"}


def say(key: str, lang: str = "ja", **values) -> str:
    """The sentence for key in the reply's language, filled in."""
    ja, en = PHRASES[key]
    for name in EDITION_VALUES & values.keys():
        values[name] = label_of(str(values[name]))
    if lang == "ja" and key in CONDITION_PARTICLE and values.get("what"):
        values["what"] = CONDITION_PARTICLE[key] + str(values["what"])
    text = (ja if lang == "ja" else en).format(**values)
    if lang != "ja":
        text = ONE_OF.sub(lambda found: found.group(1) + SINGULAR[found.group(2)], text)
    return re.sub(r"[ \t]{2,}", " ", text).strip()


def error_text(error, lang: str = "ja") -> str:
    """A UserError as a sentence for the person who caused it."""
    try:
        return say(error.key, lang, **error.params)
    except (KeyError, IndexError):
        return say("error_generic", lang)
