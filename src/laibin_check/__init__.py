"""laibin-check: recompute the figures of a Chinese economic report and flag those that contradict each other."""

from typing import Any

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    # `check_text` (laibin_check.check.check_text) is imported on first use only: `import laibin_check` stays
    # as cheap as the CLI needs, and the engine, which reads __version__ here, never depends on `check`.
    if name == "check_text":
        import importlib

        return importlib.import_module("laibin_check.check").check_text
    raise AttributeError(name)
