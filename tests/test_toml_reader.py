"""The facts, config and waiver files mean the same whichever parser reads them: toml-rs (TOML 1.0) where it is
installed, tomllib otherwise and for every error. A text tomllib refuses is refused with tomllib's message and
place; a text it reads gives the same data."""

from __future__ import annotations

import tomllib

import pytest

from laibin_check import tomlfile
from laibin_check.errors import InputError

TEXTS = [
    # TOML 1.1, which tomllib refuses and toml-rs reads unless asked for 1.0
    'a = {x = 1,\n y = 2}\n', 'a = {x = 1, y = 2,}\n', 'a = "\\e"\n', 'a = "\\x41"\n', 't = 07:32\n',
    't = 1979-05-27T07:32Z\n', 'ä = 1\n',
    # TOML 1.0 texts either reads alike
    '\ufeffa = 1\n', 'a = 1e400\n', 'a = -nan\n', 'a = 99999999999999999999\n', 'a = -0x1\n', 'a = 01\n',
    'a = 1__0\n', 'a = 0x_1\n', 'a = .5\n', 'a = 5.\n', 'a = 1e_1\n', 'a = 0.1\nb = 1e-7\nc = 3.14159265358979323846\n',
    'd = 1979-05-27T00:32:00.999999999-07:00\n', 'd = 1979-05-27 07:32:00\n', 'd = 2006-02-30\n', 'd = 0000-01-01\n',
    't = 24:00:00\n', 'a = 1\na = 2\n', '[a]\n[a]\n', 'a = [{ b = 1 }]\n[a.c]\n',
    '[a.b.c.d]\nz = 9\n[a]\nb.c.d.k.t = 1\n',
    'a = "\x7f"\n', '# \x01\n', 'a = 1\rb = 2\n', 'a = 1\r\nb = 2\r\n', 'a = "\\uD800"\n', 'a = """""""\n',
    "a = '''''''\n", 'a = """a \\\n   b"""\n', 'a = [1, "x", [2], {b = 3}]\n', 'a.b = 1\na = 2\n', '[[a]]\n[a]\n',
    'k = # no value\n', 'first = "Tom" last = "Preston-Werner"\n', '= 1\n', 'x = ' + '[' * 40 + ']' * 40 + '\n',
]


@pytest.mark.parametrize("text", TEXTS)
def test_a_text_means_what_tomllib_reads(text: str) -> None:
    try:
        expected = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, column, message = tomlfile.error_place(str(exc), text)
        with pytest.raises(InputError) as refused:
            tomlfile.parse(text, "f.toml")
        assert (refused.value.line, refused.value.column) == (line, column)
        assert str(refused.value).endswith(f"not valid TOML: {message}")
        return
    except RecursionError:
        pytest.skip("deeper than tomllib reads")
    if text.count("[") > 32:  # over the limit: refused before either parser's result is used
        with pytest.raises(InputError, match="nest deeper than 32"):
            tomlfile.parse(text, "f.toml")
        return
    assert repr(tomlfile.parse(text, "f.toml")) == repr(expected)  # repr: nan != nan, and -0.0 == 0.0


def test_toml_rs_is_the_reader_and_reads_toml_1_0() -> None:
    fast = tomlfile._fast_reader()
    assert fast is not None
    with pytest.raises(Exception):  # noqa: B017 - toml-rs's own error type
        fast('a = "\\e"\n')
