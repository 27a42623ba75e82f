"""Allows `python -m laibin_check`."""

from laibin_check.cli import main

main()
