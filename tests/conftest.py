"""Shared pytest options: `--update-golden` rewrites golden files instead of comparing against them."""

from __future__ import annotations

from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"


def _schemas() -> Path:
    """The official SARIF schema and JUnit XSDs: shared/schemas beside the checkout (as CI lays it out), else
    $LAIBIN_CHECK_SCHEMAS, else /work/shared/schemas; tests that need them skip with a reason when none exists."""
    import os

    root = Path(__file__).resolve().parent.parent
    candidates = [root.parent / "shared" / "schemas", Path(os.environ.get("LAIBIN_CHECK_SCHEMAS", "/nonexistent")),
                  Path("/work/shared/schemas")]
    return next((c for c in candidates if c.is_dir()), candidates[-1])


SCHEMAS = _schemas()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite tests/golden/ files from the current output (review the diff before committing).",
    )


@pytest.fixture
def golden(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """Compare text with tests/golden/<name>, or rewrite it with --update-golden.

    Usage: `golden("reporters/sample.json", text)`. Files are compared byte for byte (UTF-8, LF).
    """
    update = bool(request.config.getoption("--update-golden"))

    def check(name: str, actual: str) -> None:
        path = GOLDEN / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(actual.encode("utf-8"))
            return
        if not path.exists():
            pytest.fail(f"golden file {path} is missing; run pytest --update-golden and review the diff")
        expected = path.read_bytes().decode("utf-8")
        assert actual == expected, f"output differs from {path}; if intended, run pytest --update-golden"

    return check
