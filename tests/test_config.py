"""Configuration: found upward (nearest wins), every key checked, errors name file and line, CLI over file."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from laibin_check.config import Config, find_config, load_config
from laibin_check.errors import InputError
from laibin_check.outputs import OutputSpec

FULL = """\
[project]
name = "newsroom"

[tool.laibin-check]
facts = "reports/facts"
format = "concise"
output = ["sarif:out/laibin.sarif", "junit:out/laibin.xml"]
fail_on = "warning"
show = "warning"
color = "never"
waivers = "reviewed/waivers.toml"
near_band = "0.05"
about-tolerance = "0.1"

[tool.laibin-check.severity]
LC301 = "info"
LC303 = "off"
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def error_of(folder: Path) -> InputError:
    with pytest.raises(InputError) as info:
        load_config(folder)
    return info.value


def test_defaults_without_a_file(tmp_path: Path) -> None:
    config = load_config(tmp_path)
    assert config == Config()
    assert (config.fail_on, config.show, config.color, config.format) == ("error", "info", "auto", None)


def test_every_key_from_pyproject(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", FULL)
    config = load_config(tmp_path)
    assert config.source == tmp_path / "pyproject.toml"
    assert config.facts == tmp_path / "reports/facts"
    assert config.format == "concise"
    assert config.output == (
        OutputSpec("sarif", tmp_path / "out/laibin.sarif", tmp_path),
        OutputSpec("junit", tmp_path / "out/laibin.xml", tmp_path),
    )
    assert (config.fail_on, config.show, config.color) == ("warning", "warning", "never")
    assert config.waivers == tmp_path / "reviewed/waivers.toml"
    assert config.severity_overrides() == {"LC301": "info", "LC303": "off"}
    readings = config.readings()
    assert readings.near_band == Fraction(1, 20) and readings.about_tolerance == Fraction(1, 10)


def test_found_upward_and_nearest_wins(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[tool.laibin-check]\nfail_on = "never"\n')
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert load_config(deep).fail_on == "never"
    write(tmp_path / "a", "laibin-check.toml", 'fail_on = "warning"\n')
    assert find_config(deep) == tmp_path / "a" / "laibin-check.toml"
    assert load_config(deep).fail_on == "warning"


def test_own_file_wins_over_pyproject_in_one_folder(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[tool.laibin-check]\nshow = "error"\n')
    write(tmp_path, "laibin-check.toml", 'show = "warning"\n\n[severity]\nLC111 = "warning"\n')
    config = load_config(tmp_path)
    assert config.show == "warning" and config.severity == (("LC111", "warning"),)


def test_pyproject_without_the_table_is_passed_over(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[tool.laibin-check]\nshow = "error"\n')
    write(tmp_path / "sub", "pyproject.toml", '[project]\nname = "x"\n')
    assert load_config(tmp_path / "sub").show == "error"


def test_unknown_key_names_file_and_line(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[tool.laibin-check]\nshow = "info"\nfail-level = "error"\n')
    err = error_of(tmp_path)
    assert err.path.endswith("pyproject.toml") and err.line == 3
    assert "unknown key 'fail-level'" in err.message and "fail_on" in err.message


def test_unknown_sub_table(tmp_path: Path) -> None:
    write(tmp_path, "laibin-check.toml", 'show = "info"\n\n[rules]\nLC101 = "info"\n')
    err = error_of(tmp_path)
    assert err.line == 3 and "'rules'" in err.message


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        ('fail_on = "sometimes"\n', 1, "choose one of: error, warning, never"),
        ("fail_on = 1\n", 1, "must be one of"),
        ('show = "debug"\n', 1, "error, warning, info"),
        ('color = "yes"\n', 1, "auto, always, never"),
        ('format = "pdf"\n', 1, "table, concise, json"),
        ('output = ["sarif"]\n', 1, "FORMAT:PATH"),
        ('output = ["pdf:x.pdf"]\n', 1, "unknown format 'pdf'"),
        ("output = 3\n", 1, "list of"),
        ("facts = 3\n", 1, "must be a string"),
        ('near_band = "lots"\n', 1, "decimal"),
        ('about_tolerance = "1.5"\n', 1, "below 1"),
        ("about_tolerance = 0.05\n", 1, "decimal string"),
        ('show = "info"\n[severity]\nLC999 = "info"\n', 3, "unknown rule code 'LC999'"),
        ('show = "info"\n[severity]\nLC101 = "fatal"\n', 3, "error, warning, info, off"),
        ('show = "info"\nshow = "error"\n', 2, "not valid TOML"),
        ('fail_on = "error"\nfail-on = "warning"\n', 2, "given twice"),
    ],
)
def test_bad_values_are_errors_at_their_line(tmp_path: Path, body: str, line: int, words: str) -> None:
    write(tmp_path, "laibin-check.toml", body)
    err = error_of(tmp_path)
    assert err.path.endswith("laibin-check.toml")
    assert err.line == line, err
    assert words in err.message, err.message


def test_error_prints_as_path_line_column(tmp_path: Path) -> None:
    write(tmp_path, "laibin-check.toml", 'color = "blue"\n')
    assert str(error_of(tmp_path)).endswith(
        "laibin-check.toml:1:9: 'color' is 'blue'; choose one of: auto, always, never"
    )


def test_cli_options_override_the_file(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", FULL)
    config = load_config(tmp_path).merged(fail_on="never", format="sarif", output=["json:x.json"], show=None)
    assert config.fail_on == "never" and config.format == "sarif"
    assert config.output == (OutputSpec("json", Path("x.json")),)
    assert config.show == "warning"  # not given: the file's value stays
    assert config.severity_overrides()["LC301"] == "info"


def test_cli_values_are_checked_too() -> None:
    with pytest.raises(InputError, match="--fail-on"):
        Config().merged(fail_on="sometimes")
    with pytest.raises(InputError, match="--output"):
        Config().merged(output=["nocolon"])
    with pytest.raises(InputError, match="--near-band"):
        Config().merged(near_band="-0.1")


def test_output_path_may_hold_colons() -> None:
    assert Config().merged(output=["sarif:C:/out/x.sarif"]).output == (
        OutputSpec("sarif", Path("C:/out/x.sarif")),
    )
