"""laibin-check: recompute the figures of a Chinese economic report and flag those that contradict each other."""

__version__ = "0.1.0"
