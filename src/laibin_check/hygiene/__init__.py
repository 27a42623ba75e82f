"""Text hygiene: converter artifacts (LC301), garbled bytes (LC302) and mixed scripts (LC303) as findings."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from laibin_check.findings import Finding
from laibin_check.hygiene.scan import Scan, scan
from laibin_check.report import ReportText
from laibin_check.rules import RULES

__all__ = ["Scan", "check", "scan"]


def check(report: ReportText, report_id: str, group_at: Callable[[int], str] | None = None) -> list[Finding]:
    """Every hygiene finding of the report in text order; each artifact and character has its own.

    `group_at(line)` names the report section of a line, when the caller knows the sections (the engine)."""
    text = report.text
    result = scan(text)
    made = _Maker(report, report_id, group_at)
    # Hundreds of artifacts repeat a few dozen (character, syllable) pairs: their message and extra are made once.
    artifact_texts: dict[tuple[str, str], tuple[str, str, tuple[tuple[str, str], ...]]] = {}
    for a in result.artifacts:
        pair = (a.char, a.syllable)
        said = artifact_texts.get(pair)
        if said is None:
            said = artifact_texts[pair] = (
                f"converter artifact {a.char}({a.syllable}): the pinyin of {a.char} left in the text; remove it",
                f"{a.char}({a.syllable})", (("char", a.char), ("syllable", a.syllable)))
        made.add("LC301", a.start, a.end, said[0], "", said[1], said[2])
    for g in result.garbled:
        s = g.suspect
        quote = text[s.start : s.end]
        if g.replacement is not None and g.outcome.repair is not None:
            message = f"garbled text {quote}: reads {g.replacement} once re-decoded; `fix` repairs it"
            extra = {"repair": g.replacement, "how": g.outcome.repair.how}
        else:
            message = f"garbled text {quote}: no repair found ({g.outcome.reason}); retype it"
            extra = {"reason": g.outcome.reason}
            if g.outcome.partial:
                message += f"; it partly reads {g.outcome.partial}"
                extra["partial"] = g.outcome.partial
        made.add("LC302", s.start, s.end, message, g.replacement, f"garbled:{quote}", tuple(sorted(extra.items())))
    script_texts: dict[tuple[str, str], tuple[str, str, tuple[tuple[str, str], ...]]] = {}
    for m in result.misscripts:
        char, expected = m.mismatch.char, m.mismatch.expected
        said = script_texts.get((char, expected))
        if said is None:
            other = "simplified" if m.script == "traditional" else "traditional"
            said = script_texts[(char, expected)] = (
                f"{other} character {char} in a {m.script} text: write {expected}", f"{char}->{expected}",
                (("char", char), ("expected", expected), ("script", m.script)))
        made.add("LC303", m.offset, m.offset + 1, said[0], expected, said[1], said[2])
    order = sorted(range(len(made.starts)), key=made.starts.__getitem__)
    return [made.findings[i] for i in order]


class _Maker:
    """Makes the findings of one report: each place, sentence and group is looked up once, not once per finding
    (~400 findings on the bundled report share ~20 lines and ~100 sentences)."""

    def __init__(self, report: ReportText, report_id: str, group_at: Callable[[int], str] | None) -> None:
        self.report = report
        self.report_id = report_id
        self.group_at = group_at
        self.findings: list[Finding] = []
        self.starts: list[int] = []
        """Each finding's offset: they are returned in text order (stable: at one offset, in making order)."""
        self.seen: dict[str, int] = {}
        self.groups: dict[int, str] = {}
        self.sentences: dict[tuple[int, int], str] = {}
        self.rows: dict[str, list[Any]] = {}

    def add(self, code: str, start: int, end: int, message: str, suggestion: str | None, key: str,
            extra: tuple[tuple[str, str], ...]) -> None:
        report = self.report
        text = report.text
        number = self.seen.get(key, 0) + 1
        self.seen[key] = number
        quote = text[start:end]
        line, column = report.place(start)
        if "\n" in quote:
            end_line, end_column = report.place(end)
        else:  # no line starts inside the span: it ends on its first line, one column per character
            end_line, end_column = line, column + end - start
        group = self.groups.get(line)
        if group is None:
            group = self.groups[line] = self.group_at(line) if self.group_at is not None else ""
        bounds = report.sentence_bounds(start, end)
        sentence = self.sentences.get(bounds)
        if sentence is None:  # findings in one sentence share its text: one string, not one copy each
            sentence = self.sentences[bounds] = text[bounds[0] : bounds[1]].strip()
        # The fields every finding of the code shares, once by keyword; the rest by position in a copy (a
        # keyword call of a 20-field NamedTuple costs three times as much, and a report has hundreds).
        row = self.rows.get(code)
        if row is None:
            rule = RULES[code]
            row = self.rows[code] = list(Finding(
                code=code, rule=rule.name, severity=rule.severity, message="", report=self.report_id,
                path=report.display_path, line=0, column=0))
        row = row.copy()
        row[_MESSAGE], row[_LINE], row[_COLUMN], row[_END_LINE], row[_END_COLUMN] = (
            message, line, column, end_line, end_column)
        row[_QUOTE], row[_SENTENCE], row[_GROUP], row[_SUGGESTION], row[_KEY], row[_EXTRA] = (
            quote, sentence, group, suggestion, f"{key}#{number}", extra)
        # Finding._make(row) without its Python-level call and length check: the row is a Finding's copy.
        self.findings.append(tuple.__new__(Finding, row))
        self.starts.append(start)


_MESSAGE, _LINE, _COLUMN, _END_LINE, _END_COLUMN, _QUOTE, _SENTENCE, _GROUP, _SUGGESTION, _KEY, _EXTRA = (
    Finding._fields.index(name) for name in ("message", "line", "column", "end_line", "end_column", "quote",
                                            "sentence", "group", "suggestion", "key", "extra"))
