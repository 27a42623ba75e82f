"""Start-up stays cheap: each command imports only what it needs (checked with `python -X importtime`, never
timed here: timings are too noisy for a test; scripts/bench_startup.py measures them), and the shortcuts taken
for speed give exactly what the slow paths give."""

from __future__ import annotations

import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def imported(*args: str) -> set[str]:
    """Every module the CLI imports for `args`, run from the repository root on the bundled report."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "laibin_check", *args], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", check=False)
    assert done.returncode in (0, 1), done.stderr[-2000:]
    return {line.rsplit("|", 1)[1].strip() for line in done.stderr.splitlines()
            if line.startswith("import time:") and "|" in line} - {"package"}


def _under(modules: set[str], package: str) -> set[str]:
    return {m for m in modules if m == package or m.startswith(package + ".")}


@pytest.fixture(scope="module")
def concise() -> set[str]:
    return imported("verify", "--facts", "facts", "--format", "concise")


def test_concise_verify_never_imports_rich(concise: set[str]) -> None:
    assert "laibin_check.engine" in concise  # the run really happened
    assert not _under(concise, "rich")


def test_verify_imports_no_opencc(concise: set[str]) -> None:
    """OpenCC's conversions come from zhconv's tables (facts files are read by tomllib, the one TOML reader)."""
    assert "laibin_check.zhconv" in concise and "laibin_check.hygiene.scan" in concise
    assert not _under(concise, "opencc")


def test_verify_imports_one_reporter_and_no_extract(concise: set[str]) -> None:
    reporters = _under(concise, "laibin_check.reporters") - {"laibin_check.reporters"}
    assert reporters <= {"laibin_check.reporters.concise", "laibin_check.reporters.selection"}
    assert "laibin_check.extract" not in concise
    assert not _under(concise, "pypinyin")  # its dictionary is read as a file, never imported


def test_verify_table_imports_rich_table() -> None:
    assert "rich.table" in imported("verify", "--facts", "facts", "--format", "table")


def test_help_imports_no_engine_pint_or_opencc() -> None:
    modules = imported("--help")
    assert "laibin_check.engine" not in modules
    assert not _under(modules, "pint")
    assert not _under(modules, "opencc")


def test_units_registry_matches_pints_own_parser() -> None:
    """units.py hands pint its definitions as objects; pint's parser of units.txt must give the same units."""
    import pint

    from laibin_check import units

    assert units._definitions(units._UNITS_FILE.read_text(encoding="utf-8")) is not None  # the fast path
    reference = pint.UnitRegistry(str(units._UNITS_FILE), non_int_type=Fraction,
                                  autoconvert_offset_to_baseunit=False)
    for name, (expression, _kind) in units.UNIT_NAMES.items():
        q = reference.Quantity(Fraction(1), expression).to_base_units()
        unit = units.resolve(name)
        assert type(unit.scale) is Fraction, name
        assert unit.scale == Fraction(q.magnitude), name
        assert unit.dimension == str(q.dimensionality), name
        assert unit.dims == tuple(sorted((str(k), int(v)) for k, v in q.dimensionality.items())), name


def test_units_file_of_another_shape_falls_back_to_pint() -> None:
    from laibin_check import units

    assert units._definitions("yuan = [currency]\nwan = 10000  # 萬\n") == [
        ("yuan", "currency", Fraction(1)), ("wan", "", Fraction(10000))]
    assert units._definitions("kilo- = 1000 = k-\n") is None


def test_normalise_batches_characters_like_one_by_one() -> None:
    """The quote matcher converts new characters in one OpenCC call; each must come out as alone."""
    import opencc

    from laibin_check.report import _EXTRA_FOLD, normalise_with_offsets

    text = "來賓市(shì)２０２１年發(fā)展著瞭解，產業鏈「項目」萬億元"
    norm, offsets = normalise_with_offsets(text)
    conv = opencc.OpenCC("t2s")
    folded = [ch for ch in text.replace("(shì)", "").replace("(fā)", "")]
    assert len(offsets) == len(norm) + 1 and offsets[-1] == len(text)
    for out, at in zip(norm, offsets, strict=False):
        source = text[at]
        if source.isascii() or "\uff01" <= source <= "\uff5e" or source in "「」":
            continue
        one = "".join(_EXTRA_FOLD.get(c, c) for c in (conv.convert(source) or source))
        assert out == one, (source, out, one)
    assert len(folded) == len(norm)


def test_artifacts_found_without_a_lookbehind_are_the_lookbehinds() -> None:
    """report._artifacts filters the shape's matches in Python instead of compiling a 27,000-character class."""
    import random
    import re

    from laibin_check.chars import ARTIFACT_SHAPE, CJK_CLASS
    from laibin_check.report import _artifacts, strip_artifacts

    lookbehind = re.compile(f"(?<=[{CJK_CLASS}])" + ARTIFACT_SHAPE.pattern)
    rng = random.Random(3)
    pieces = ["區", "來", "\u3400", "\u9fff", "\u33ff", "\ua000", "\U00020000", "(", ")", "（", "）", "qū", "shì",
              "a", "ü", "ǜ", "(qū)", "(qu1)", "Qu", "((", "x", " ", "。"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert [m.span() for m in _artifacts(text)] == [m.span() for m in lookbehind.finditer(text)], text
        assert strip_artifacts(text) == lookbehind.sub("", text), text


def test_a_valid_facts_file_imports_only_the_kinds_it_names() -> None:
    # The loader asks for every kind's keys only about a key the named kind does not take (an error).
    code = ("import sys; from pathlib import Path; from laibin_check.loader import load_report; "
            "load_report(Path('facts/laibin-2021q1')); "
            "print(' '.join(sorted(m.rsplit('.', 1)[1] for m in sys.modules if m.startswith('laibin_check.kinds.'))))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    loaded = set(done.stdout.split()) - {"_base", "_expression", "_listed"}
    text = (ROOT / "facts" / "laibin-2021q1" / "facts.toml").read_text(encoding="utf-8")
    import re

    named = set(re.findall(r'^kind = "([a-z_]+)"', text, re.MULTILINE))
    assert loaded == named and len(named) < 12


def test_toml_rs_reads_every_toml_file_of_the_repository_as_tomllib_does() -> None:
    import tomllib

    from laibin_check import tomlfile

    fast = tomlfile._fast_reader()
    assert fast is not None  # a dependency: without it every file is read by tomllib alone
    files = sorted(ROOT.glob("facts/**/*.toml")) + sorted(ROOT.glob("tests/**/*.toml")) + [ROOT / "pyproject.toml"]
    assert len(files) > 10
    for path in files:
        text = path.read_text(encoding="utf-8")
        try:
            expected = tomllib.loads(text)
        except tomllib.TOMLDecodeError:
            continue
        assert tomlfile.parse(text, path.name) == expected, path
        if fast is not None:
            assert fast(text) == expected, path
