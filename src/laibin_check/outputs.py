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
    project: Path | None = None
    """For an output a config file asks for: the project folder it must stay inside. None for --output, which
    may go anywhere the user says."""


def parse_output(spec: str, where: str = "--output") -> OutputSpec:
    """`sarif:out/laibin.sarif` -> OutputSpec. Only the first colon splits, so a path may hold colons."""
    fmt, sep, path = spec.partition(":")
    fmt = fmt.strip().lower()
    if not sep or not path.strip():
        raise InputError(where, f"{spec!r} is not FORMAT:PATH (for example sarif:laibin.sarif)")
    if "\x00" in path:
        raise InputError(where, f"{spec!r}: a path may not hold a NUL character")
    if fmt not in FORMATS:
        raise InputError(where, f"{spec!r}: unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    return OutputSpec(fmt, Path(path.strip()))


def check_outputs(outputs: tuple[OutputSpec, ...], facts: Path | None, inputs: tuple[Path | None, ...]) -> None:
    """Refuse, before the run, an output that would land over an input of the run or outside its project.

    No output is written inside the facts folder (its reports, facts and waiver files are what the run reads,
    and a new file there could become one), nor over the config or waivers file; a config's output must also
    resolve (links followed) inside the config's project. `check` has no facts folder: its inputs are the
    report files."""
    facts_root = _resolved(facts) if facts is not None else None
    named = {p for p in (_resolved(i) for i in inputs if i is not None) if p is not None}
    for spec in outputs:
        shown = spec.path.as_posix()
        target = _resolved(spec.path)
        if target is None:
            raise InputError(shown, f"cannot write the {spec.format} output here")
        if spec.project is not None:
            project = _resolved(spec.project)
            if project is None or not target.is_relative_to(project):
                raise InputError(shown, f"the {spec.format} output leads outside the project (through a link)")
        if target in named or (facts_root is not None and target.is_relative_to(facts_root)):
            raise InputError(shown, f"the {spec.format} output would overwrite an input of the run (the facts "
                                    "folder, a report, the config or the waivers file)")
        if target.is_dir():
            raise InputError(shown, f"the {spec.format} output is a folder")


def _resolved(path: Path) -> Path | None:
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):
        return None


def write_outputs(result: RunResult, outputs: tuple[OutputSpec, ...], options: RenderOptions) -> None:
    """Render each extra output and write it (UTF-8, no colour), creating missing folders.

    A file that cannot be written is an InputError (exit 2): a CI job that silently lost its SARIF upload
    would look green while showing nothing. Each file is written whole or not at all (laibin_check.atomic).
    """
    from laibin_check.atomic import write_atomic

    plain = RenderOptions(color=False, width=options.width, show=options.show, verbose=options.verbose,
                          fail_on=options.fail_on)
    for spec in outputs:
        text = get(spec.format).render(result, plain)
        try:
            spec.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(
                spec.path.as_posix(), f"cannot write the {spec.format} output: {exc.strerror}"
            ) from None
        write_atomic(spec.path, text.encode("utf-8"))
