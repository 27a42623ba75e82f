"""laibin-check: recompute the figures of a Chinese economic report and flag those that contradict each other."""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the typed API, for mypy and editors; at run time it is imported on first use (below)
    from laibin_check.check import FigureRecord, FindingRecord, check_text

__version__ = "0.1.0"
__all__ = ["FigureRecord", "FindingRecord", "__version__", "check_text"]


def __getattr__(name: str) -> Any:
    # `check_text` (laibin_check.check.check_text) is imported on first use only: `import laibin_check` stays
    # as cheap as the CLI needs, and the engine, which reads __version__ here, never depends on `check`.
    if name in ("check_text", "FindingRecord", "FigureRecord"):
        import importlib

        return getattr(importlib.import_module("laibin_check.check"), name)
    raise AttributeError(name)
