"""Extra outputs of one run: `FORMAT:PATH` specs, parsed, and each rendered and written to its file.

The terminal shows one format on stdout; `--output sarif:laibin.sarif --output markdown:$GITHUB_STEP_SUMMARY`
writes others from the same findings, so a CI job never runs the checks twice.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from laibin_check.errors import InputError
from laibin_check.findings import RunResult
from laibin_check.reporters import FORMATS, RenderOptions, get


class OutputSpec(NamedTuple):
    format: str
    path: Path


def parse_output(spec: str, where: str = "--output") -> OutputSpec:
    """`sarif:out/laibin.sarif` -> OutputSpec. Only the first colon splits, so a path may hold colons."""
    fmt, sep, path = spec.partition(":")
    fmt = fmt.strip().lower()
    if not sep or not path.strip():
        raise InputError(where, f"{spec!r} is not FORMAT:PATH (for example sarif:laibin.sarif)")
    if fmt not in FORMATS:
        raise InputError(where, f"{spec!r}: unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    return OutputSpec(fmt, Path(path.strip()))


def write_outputs(result: RunResult, outputs: tuple[OutputSpec, ...], options: RenderOptions) -> None:
    """Render each extra output and write it (UTF-8, no colour), creating missing folders.

    A file that cannot be written is an InputError (exit 2): a CI job that silently lost its SARIF upload
    would look green while showing nothing.
    """
    plain = RenderOptions(color=False, width=options.width, show=options.show, verbose=options.verbose,
                          fail_on=options.fail_on)
    for spec in outputs:
        text = get(spec.format).render(result, plain)
        try:
            spec.path.parent.mkdir(parents=True, exist_ok=True)
            spec.path.write_bytes(text.encode("utf-8"))
        except OSError as exc:
            raise InputError(
                spec.path.as_posix(), f"cannot write the {spec.format} output: {exc.strerror}"
            ) from None
