"""Fuzzed facts files, configs, waivers and reports (issue 13): every run exits 0, 1 or 2; an exit 2 is one line
naming the file; no traceback; no file changes outside the project's temporary folder. Bounded to about a minute;
scripts/fuzz.py runs the same cases for longer before a release."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzzing import COMMANDS, FILES, OPS, TOKENS, Case, build, judge

CASES = st.builds(
    Case,
    st.sampled_from(sorted(FILES)),
    st.lists(st.tuples(st.sampled_from(OPS), st.integers(0, 10**6), st.integers(0, 10**6), st.sampled_from(TOKENS)),
             min_size=1, max_size=4).map(tuple),
    st.sampled_from(COMMANDS),
)


@settings(max_examples=150, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(case=CASES)
def test_fuzzed_inputs(tmp_path_factory, case: Case) -> None:  # type: ignore[no-untyped-def]
    base = tmp_path_factory.mktemp("fuzz")
    outside = base / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("keep", encoding="utf-8")
    root = base / "project"
    build(root, case)
    try:
        verdict = judge(root, case)
        assert verdict.problem == "", (case, verdict)
        assert verdict.seconds < 10, (case, verdict.seconds)
        assert sorted(p.name for p in base.iterdir()) == ["outside", "project"]
        assert [p.name for p in outside.iterdir()] == ["keep.txt"]
        assert (outside / "keep.txt").read_text(encoding="utf-8") == "keep"
    finally:
        shutil.rmtree(base)


def test_the_unmutated_project_runs() -> None:
    """The seed project is sound: the fuzzed cases start from a run that works."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        for command in COMMANDS:
            case = Case("laibin-check.toml", (), command)
            root = Path(tmp) / command
            build(root, case)
            verdict = judge(root, case)
            assert verdict.code in (0, 1) and verdict.problem == "", (command, verdict)
