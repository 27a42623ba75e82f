"""The `junit` reporter: valid against the Jenkins junit-10 XSD, read by junitparser, one suite a report."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conftest import SCHEMAS
from fixtures_gate import many_result, sample_result
from laibin_check.reporters import RenderOptions, get

XSD = SCHEMAS / "junit-10-jenkins-xunit.xsd"


def render() -> str:
    return get("junit").render(sample_result(), RenderOptions())


def test_golden(golden: Callable[[str, str], None]) -> None:
    golden("reporters/sample.junit.xml", render())


@pytest.mark.skipif(not XSD.exists(), reason=f"Jenkins junit-10 XSD not found at {XSD}")
@pytest.mark.parametrize("result", [sample_result(), many_result(3, 2, 1)], ids=["sample", "many"])
def test_validates_against_the_jenkins_xsd(result: object) -> None:
    import xmlschema

    schema = xmlschema.XMLSchema(str(XSD))
    schema.validate(get("junit").render(result, RenderOptions()))  # type: ignore[arg-type]


def test_read_by_junitparser() -> None:
    from junitparser import Failure, JUnitXml, Skipped

    xml = JUnitXml.fromstring(render().encode("utf-8"))
    (suite,) = list(xml)
    assert suite.name == "laibin-2021q1"
    assert (suite.tests, suite.failures, suite.errors, suite.skipped) == (6, 1, 0, 1)
    cases = {(c.classname, c.name): c for c in suite}
    ratio = cases[("laibin-check.LC101.ratio", "solve_rate")]
    assert isinstance(ratio.result[0], Failure) and ratio.result[0].type == "error"
    assert "83.4%" in (ratio.result[0].text or "")
    waived = cases[("laibin-check.LC203.quote-ambiguous", "sugar_rank")]
    assert isinstance(waived.result[0], Skipped) and "Li Hua" in (waived.result[0].message or "")
    assert cases[("laibin-check.LC102.difference", "investment_gap")].is_passed
    assert cases[("laibin-check.LC111.unverifiable", "gdp_rank")].is_passed


def test_no_timestamps_and_deterministic() -> None:
    text = render()
    assert text == render() and "timestamp" not in text and "hostname" not in text


def test_failures_follow_the_gates_failing_level() -> None:
    """With --fail-on warning the pinyin artifact fails the gate, so it is a failure in the test view too."""
    from junitparser import Failure, JUnitXml

    def failures(fail_on: str) -> list[str]:
        text = get("junit").render(sample_result(), RenderOptions(fail_on=fail_on))
        (suite,) = list(JUnitXml.fromstring(text.encode("utf-8")))
        return sorted(c.classname for c in suite if c.result and isinstance(c.result[0], Failure))

    assert failures("error") == ["laibin-check.LC101.ratio"]
    assert failures("never") == ["laibin-check.LC101.ratio"]  # a soft rollout still sees its errors
    assert failures("warning") == ["laibin-check.LC101.ratio", "laibin-check.LC301.pinyin-artifact"]
