"""Text clean-up shared by the parser, the store and question understanding."""

from __future__ import annotations

import re
import unicodedata

# The HTML that leaked into the documents' PDF cells (<ul style=…>, <li>, <p>): tags of HTML's
# own elements only, so a cell that reads "<phase 2>" or "a<b" keeps its text.
_DOCUMENT_TAG = re.compile(
    r"</?(?:p|ul|ol|li|br|div|span|font|b|i|u|s|em|strong|sup|sub|table|thead|tbody|tr|td|th)"
    r"(?:\s[^<>]*)?/?>",
    re.I,
)
_SPACES = re.compile(r"[\s\u3000\u00a0]+")
# PDF letter-spacing: "I C T" → "ICT" (three or more single capitals, so "A B" stays).
_SPACED_CAPS = re.compile(r"(?<![A-Za-z])[A-Z](?: [A-Z]){2,}(?![A-Za-z])")
# Zero-width joiners (U+200C/U+200D) stay: they hold emoji sequences (👨‍👩‍👧) and scripts together.
_CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)

# Whole terminal escape sequences, not just their ESC: CSI (`ESC [ 31 m`, or the one-byte
# U+009B), OSC (`ESC ] 0;title BEL` / `… ESC \\`), other two-byte escapes (`ESC c`); removing
# only ESC would leave "[31m" in the stored text.
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?"
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[PX^_][^\x1b\x9c]*(?:\x1b\\|\x9c)?"
    r"|\x1b[\x20-\x2f]*[\x30-\x7e]?"
)
_C1 = re.compile(r"[\x80-\x9f]")
# A lone UTF-16 surrogate (JSON's "\ud800" with no partner; a pair is decoded as one
# character) cannot be stored as UTF-8: replaced, the text is kept rather than refused forever.
_SURROGATE = re.compile("[\ud800-\udfff]")


def strip_document_html(text: str) -> str:
    """Remove the HTML tags such as <ul style=…>, <li>, <p> that leaked into PDF cells."""
    return _DOCUMENT_TAG.sub(" ", text)


def clean_cell(text: str | None) -> str:
    """A document's cell as a person reads it: no leaked HTML, no letter-spacing, single
    spaces. For the documents only: what people typed goes through one_line at most."""
    if not text:
        return ""
    text = _SPACES.sub(" ", strip_document_html(text)).strip()
    return _SPACED_CAPS.sub(lambda m: m.group(0).replace(" ", ""), text)


def one_line(text: str | None) -> str:
    """Typed text on one line (a cell of the documents' tab-separated layout): every run of
    spaces, tabs and line ends becomes one space; nothing else changes."""
    return _SPACES.sub(" ", text or "").strip()


def nfkc(text: str) -> str:
    """Unicode NFKC: full-width digits and letters become ASCII (Ｎｏ４０ → No40)."""
    return unicodedata.normalize("NFKC", text)


def compact(text: str | None) -> str:
    """NFKC with every space removed: how labels and names are compared."""
    return _SPACES.sub("", nfkc(text or ""))


def drop_control(text: str) -> str:
    """Remove control and bidi-override characters from user text, keeping newlines and tabs;
    a lone surrogate becomes U+FFFD."""
    return _SURROGATE.sub("\ufffd", _C1.sub("", _CONTROL.sub("", _ESCAPES.sub("", text))))


def _word_char(c: str) -> bool:
    return (
        "a" <= c <= "z" or "0" <= c <= "9" or "\u30a0" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff"
    )


def word_runs(text: str) -> list[str]:
    """The runs of two or more katakana, CJK ideographs, a-z and 0-9 (ー is katakana), left
    to right: what a question's words are. By code point, not a regular expression: a class
    of the ideographs' range takes milliseconds to compile, on every start of `roadmap ask`."""
    runs, start = [], None
    for i, c in enumerate(f"{text} "):  # the space ends the last run
        if _word_char(c):
            start = i if start is None else start
        elif start is not None:
            if i - start >= 2:
                runs.append(text[start:i])
            start = None
    return runs
