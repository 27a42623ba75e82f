"""The assertions the case tables of check's genre rules share: a text gets no finding of the rule, or one at the
expected severity whose message shows the expected arithmetic; and a sentence that holds with one figure and
fails, with that arithmetic, with another."""

from __future__ import annotations

from laibin_check import check_text


def assert_rule_case(rules: tuple[str, ...], text: str, severity: str | None, shown: str) -> list[dict[str, object]]:
    found = [dict(r) for r in check_text(text) if r["check_rule"] in rules]
    if severity is None:
        assert found == []
        return found
    assert len(found) == 1, found
    assert found[0]["severity"] == severity and shown in str(found[0]["message"]), found
    return found


def assert_right_and_wrong(rules: tuple[str, ...], text: str, right: str, wrong: str, shown: str) -> None:
    """`text` with `{x}` as `right` raises nothing of `rules`; with `wrong`, the one error whose message shows
    `shown` (the relation is read, with the right operands)."""
    assert_rule_case(rules, text.format(x=right), None, "")
    assert_rule_case(rules, text.format(x=wrong), "error", shown)
