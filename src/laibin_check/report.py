"""The report text: reading it, placing offsets as line and column, and finding quotes in it despite its defects."""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from laibin_check.errors import InputError

# A converter artifact: a CJK character followed by a parenthesised pinyin syllable, 區(qū). The hygiene check
# confirms each with a pinyin dictionary; for matching quotes, the shape is enough.
_ARTIFACT = re.compile(r"(?<=[\u3400-\u9fff])\(([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zü]*)\)")


@dataclass(frozen=True)
class Span:
    """A stretch of the report: character offsets into the original text, and 1-based line and column."""

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int


class ReportText:
    """A report's text as read from disk, with its fingerprint and a way to find quotes in it."""

    def __init__(self, text: str, display_path: str, sha256: str) -> None:
        self.text = text
        self.display_path = display_path
        self.sha256 = sha256

    @classmethod
    def read(cls, path: Path, display_path: str) -> ReportText:
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise InputError(display_path, "report file not found") from None
        except OSError as exc:
            raise InputError(display_path, f"cannot read report: {exc.strerror}") from None
        sha = hashlib.sha256(data).hexdigest()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(display_path, f"report is not UTF-8 (byte {exc.start})") from None
        if not text.strip():
            raise InputError(display_path, "report is empty")
        return cls(text, display_path, sha)

    # -- places -------------------------------------------------------------------------------------------
    @cached_property
    def _line_starts(self) -> list[int]:
        starts = [0]
        for i, ch in enumerate(self.text):
            if ch == "\n":
                starts.append(i + 1)
        return starts

    def place(self, offset: int) -> tuple[int, int]:
        """(line, column), both 1-based, columns counted in characters."""
        idx = bisect.bisect_right(self._line_starts, offset) - 1
        return idx + 1, offset - self._line_starts[idx] + 1

    def span(self, start: int, end: int) -> Span:
        line, col = self.place(start)
        end_line, end_col = self.place(end)
        return Span(start, end, line, col, end_line, end_col)

    def line_text(self, line: int) -> str:
        starts = self._line_starts
        start = starts[line - 1]
        end = starts[line] - 1 if line < len(starts) else len(self.text)
        return self.text[start:end]

    def sentence_at(self, start: int, end: int | None = None) -> str:
        """The sentence holding [start, end): from the previous 。;!? or line start to the next one."""
        end = start if end is None else end
        stops = "。;;!!??\n"
        left = start
        while left > 0 and self.text[left - 1] not in stops:
            left -= 1
        right = end
        while right < len(self.text) and self.text[right] not in stops:
            right += 1
        if right < len(self.text) and self.text[right] != "\n":
            right += 1
        return self.text[left:right].strip()

    # -- matching -----------------------------------------------------------------------------------------
    @cached_property
    def _clean(self) -> tuple[str, list[int]]:
        """The text without converter artifacts, and for each clean character its offset in the original."""
        chars: list[str] = []
        offsets: list[int] = []
        pos = 0
        for m in _ARTIFACT.finditer(self.text):
            for i in range(pos, m.start()):
                chars.append(self.text[i])
                offsets.append(i)
            pos = m.end()
        for i in range(pos, len(self.text)):
            chars.append(self.text[i])
            offsets.append(i)
        offsets.append(len(self.text))
        return "".join(chars), offsets

    def find(self, quote: str) -> list[Span]:
        """Every place the quote occurs, written with or without converter artifacts."""
        clean, offsets = self._clean
        needle = strip_artifacts(quote)
        if not needle:
            return []
        spans = []
        i = clean.find(needle)
        while i >= 0:
            start = offsets[i]
            end = offsets[i + len(needle) - 1] + 1
            spans.append(self.span(start, end))
            i = clean.find(needle, i + 1)
        return spans


def strip_artifacts(text: str) -> str:
    return _ARTIFACT.sub("", text)
