"""The question as it is read: normalised text and which of its characters a slot has used."""

from __future__ import annotations

import re


class Text:
    """The normalised question and which of its characters a slot has consumed."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.used = [False] * len(text)

    def free(self, start: int, end: int) -> bool:
        return not any(self.used[start:end])

    def take(self, start: int, end: int) -> None:
        for i in range(start, end):
            self.used[i] = True

    def find(self, pattern: re.Pattern) -> list[re.Match]:
        """Matches that touch no consumed character."""
        found, pos = [], 0
        while (m := pattern.search(self.text, pos)) is not None:
            if m.end() > m.start() and self.free(m.start(), m.end()):
                found.append(m)
                pos = m.end()
            else:  # a later, shorter alternative may still match the free part
                pos = m.start() + 1
        return found

    def rest(self) -> str:
        return "".join(c if not u else " " for c, u in zip(self.text, self.used, strict=True))
