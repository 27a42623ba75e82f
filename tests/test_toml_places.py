"""Where toml_places puts tables and keys: the lines and columns every error in a facts, config or waiver file
names. Keys are scanned lazily, table by table, and must land where one scan of the whole text put them."""

from __future__ import annotations

from laibin_check.toml_places import TomlPlaces

TEXT = (
    'top = 1\n'                       # 1
    '[report]\n'                      # 2
    'id = "r"\n'                      # 3
    '  title   =   "t"\n'             # 4
    '\n'                              # 5
    '[[fact]]  # first\r\n'           # 6
    '"quoted key" = "v"\r\n'          # 7
    "'lit' = 2\r\n"                   # 8
    'id = "a"\r\n'                    # 9
    'id = "again"\n'                  # 10: a repeated key keeps its first place
    'x = """\n'                       # 11
    '[not.a.header] = 1\n'            # 12
    '"""\n'                           # 13
    '[fact.derive]\n'                 # 14
    'formula = "a + b"\n'             # 15
    '[[fact]]\n'                      # 16
    'id = "b"\n'                      # 17
    '[ tool . "laibin-check" ]\n'     # 18
    'fail-on = "error"'               # 19: no final line break
)


def test_tables_and_keys_are_placed_by_line_and_column() -> None:
    places = TomlPlaces.scan(TEXT)
    assert list(places.tables) == ["", "report", "fact", "fact.derive", "tool.laibin-check"]
    assert places.table("").keys == {"top": (1, 7)}
    report = places.table("report")
    assert report.line == 2 and report.keys == {"id": (3, 6), "title": (4, 15)}
    first, second = places.tables["fact"]
    assert first.line == 6 and second.line == 16
    assert first.keys == {"quoted key": (7, 16), "lit": (8, 9), "id": (9, 6), "x": (11, 5)}
    assert second.keys == {"id": (17, 6)}
    assert places.table("fact.derive").keys == {"formula": (15, 11)}
    assert places.table("tool.laibin-check").key("fail-on") == (19, 11)


def test_a_missing_table_or_key_falls_back_to_a_line() -> None:
    places = TomlPlaces.scan(TEXT)
    assert places.table("fact", 5).line == 1 and places.table("fact", 5).keys == {}
    assert places.table("report").key("nope") == (2, 1)
    assert TomlPlaces.scan("").table("").keys == {}


def test_a_bracket_inside_a_line_opens_no_table() -> None:
    places = TomlPlaces.scan('x = [1]\n  [a]  # c\nk = 2\ny = 3 [b]\nitems = [\n  ["c", "d"],\n]\n')
    assert list(places.tables) == ["", "a"]
    assert places.table("").keys == {"x": (1, 5)}
    assert places.table("a").line == 2 and places.table("a").keys == {"k": (3, 5), "y": (4, 5), "items": (5, 9)}
