"""The one assertion the case tables of check's genre rules share: a text gets no finding of the rule, or one
at the expected severity whose message shows the expected arithmetic."""

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
