"""The findings' total order: what every format lists first, decided the same way however it is computed."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from laibin_check.findings import Finding
from laibin_check.reporters.selection import in_order

# Few values per field, so that findings tie on everything but the last keys.
_FINDINGS = st.builds(
    Finding,
    code=st.sampled_from(["LC101", "LC301"]),
    rule=st.just("r"),
    severity=st.sampled_from(["error", "warning"]),
    message=st.just("m"),
    report=st.just("a"),
    path=st.just("p"),
    line=st.integers(1, 2),
    column=st.just(1),
    fact_ids=st.sampled_from([(), ("x",)]),
    key=st.sampled_from(["", "k"]),
    quote=st.sampled_from(["q", "r", "s"]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_FINDINGS, max_size=30))
def test_the_order_is_every_key_then_the_fingerprint(findings: list[Finding]) -> None:
    # The fingerprint breaks the last ties and is computed only for them: the order must be the eager one.
    for given_order in (findings, list(reversed(findings))):
        eager = sorted(given_order, key=lambda f: (*f.sort_key, f.key, f.message, f.severity, f.fingerprint))
        assert in_order(given_order) == eager
