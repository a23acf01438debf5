"""Every sentence and number format a user reads, Japanese first, English where asked: the
phrases by area of the product (answers, editions, record, updates, commands, cli, …), and
say() to fill one in. Callers write `from bot import messages as m` and `m.say(key, lang)`."""

from bot.fiscal_year import TOKYO
from bot.messages.formats import (
    FIELD_LABELS,
    NOT_PRINTED,
    OP_WORDS,
    UNDECIDED,
    budget_filter_words,
    edition_name,
    flag,
    initiative_name,
    jst,
    label,
    money,
    period,
    relative_year,
    year_filter_words,
)
from bot.messages.phrasing import PHRASES, error_text, say
from bot.messages.references import (
    budget_change,
    entry_fact,
    entry_project,
    evidence_words,
    project_label,
    project_ref,
    quote,
    short_ref,
    source_ref,
    sources_line,
)
from bot.messages.sentences import examples, help_asks, help_lines, update_done

__all__ = [
    "FIELD_LABELS",
    "NOT_PRINTED",
    "OP_WORDS",
    "PHRASES",
    "TOKYO",
    "UNDECIDED",
    "budget_change",
    "budget_filter_words",
    "edition_name",
    "entry_fact",
    "entry_project",
    "error_text",
    "evidence_words",
    "examples",
    "flag",
    "help_asks",
    "help_lines",
    "initiative_name",
    "jst",
    "label",
    "money",
    "period",
    "project_label",
    "project_ref",
    "quote",
    "relative_year",
    "say",
    "short_ref",
    "source_ref",
    "sources_line",
    "update_done",
    "year_filter_words",
]
