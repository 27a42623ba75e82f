"""laibin-check: recompute the figures of a Chinese economic report and flag those that contradict each other."""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the typed API, for mypy and editors; at run time `check` is imported on first use (below)
    from laibin_check.numbers import Readings
    from laibin_check.records import FigureRecord, FindingRecord

    def check_text(text: str, *, name: str = "report.txt", include_passed: bool = False,
                   readings: Readings | None = None) -> list[FindingRecord]: ...

__version__ = "0.1.0"
__all__ = ["FigureRecord", "FindingRecord", "__version__", "check_text"]


def __getattr__(name: str) -> Any:
    # `check_text` (laibin_check.check.check_text) is imported on first use only: `import laibin_check` stays
    # as cheap as the CLI needs, and the engine, which reads __version__ here, never depends on `check`.
    if name == "check_text":
        import importlib

        return importlib.import_module("laibin_check.check").check_text
    if name in ("FindingRecord", "FigureRecord"):
        from laibin_check import records

        return getattr(records, name)
    raise AttributeError(name)
