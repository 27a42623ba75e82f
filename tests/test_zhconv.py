"""zhconv converts exactly as OpenCC does: its own t2s, t2tw and t2hk, and the lean s2t on the same dictionaries."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from laibin_check.hygiene import build_opencc_data
from laibin_check.zhconv import TABLES, Config, converter

ROOT = Path(__file__).resolve().parents[1]
REPORTS = [ROOT / "facts" / "laibin-2021q1" / "report.txt", *sorted((ROOT / "tests" / "data").rglob("*.txt"))]
CJK = [*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000), *range(0xF900, 0xFB00), *range(0x20000, 0x2A6E0)]

opencc = pytest.importorskip("opencc")


def _texts(keys: list[str], alphabet: str) -> list[str]:
    """Reports, every CJK character alone and run together, every phrase run together (overlapping matches) and
    cut at every offset, and random mixtures of phrases, their pieces and characters."""
    rng = random.Random(2021)
    chars = "".join(map(chr, CJK))
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in REPORTS]
    texts += ["", "干", "干部", "\n".join(chars), chars, "".join(keys), "".join(keys)[1:],
              " ".join(k[1:] + k[0] for k in keys)]
    texts += ["".join(rng.choice(alphabet) for _ in range(2000)) for _ in range(10)]
    texts += ["".join(rng.choice(keys)[rng.randrange(2):] + rng.choice(alphabet) for _ in range(500))
              for _ in range(10)]
    return texts


def _keys(config: Config) -> list[str]:
    groups = converter(config).groups
    return sorted(key for group in groups.values() for key in group.split("\t")[0::2])


@pytest.mark.parametrize("config", ["t2s", "t2tw", "t2hk"])
def test_opencc_configurations_convert_as_opencc(config: Config) -> None:
    reference, ours = opencc.OpenCC(config), converter(config)
    keys = _keys(config)
    alphabet = "".join(keys) + "".join(map(chr, ours.chars)) + "".join(map(chr, ours.normal)) + "ab 1。\n𬴃"
    for text in _texts(keys, alphabet):
        assert ours.convert(text) == reference.convert(text), text[:40]


def test_lean_s2t_converts_as_opencc_on_its_dictionaries(tmp_path: Path) -> None:
    """OpenCC itself, given the lean text dictionaries, must agree with the tables made from them."""
    here = build_opencc_data.HERE
    assert TABLES["s2t"].read_text(encoding="utf-8") == build_opencc_data.lean_tables(), "regenerate the tables"
    dicts = [{"type": "text", "file": str(here / name)} for name in ("STPhrasesLean.txt", "STCharactersLean.txt")]
    config = tmp_path / "s2t_lean.json"
    config.write_text(json.dumps({"name": "lean", "conversion_chain": [
        {"dict": {"type": "group", "match_policy": "short_circuit", "dicts": dicts}}]}), encoding="utf-8")
    reference, ours = opencc.OpenCC(str(config)), converter("s2t")
    keys = _keys("s2t")
    alphabet = "".join(keys) + "".join(map(chr, ours.chars)) + "ab 1。\n𬴃"
    for text in _texts(keys, alphabet):
        assert ours.convert(text) == reference.convert(text), text[:40]


@pytest.mark.parametrize("config", ["t2s", "s2t", "t2tw", "t2hk"])
def test_changes_lists_every_character_a_conversion_may_rewrite(config: Config) -> None:
    """The tables' last line, recomputed from their dictionaries; and no character outside it ever changes."""
    ours = converter(config)
    expected = {chr(k) for table in (ours.normal, ours.chars) for k, v in table.items() if k != v}
    for group in ours.groups.values():
        fields = group.split("\t")
        for key, value in zip(fields[0::2], fields[1::2], strict=True):
            assert len(key) == len(value), key
            expected.update(a for a, b in zip(key, value, strict=True) if a != b)
    assert ours.changes == expected
    keys = _keys(config)
    alphabet = "".join(keys) + "".join(map(chr, ours.chars)) + "ab 1。\n𬴃"
    for text in _texts(keys, alphabet)[:12]:
        out = ours.convert(text)
        assert len(out) == len(text)
        assert {a for a, b in zip(text, out, strict=True) if a != b} <= ours.changes


def test_separators_are_never_inside_a_phrase_nor_converted() -> None:
    """hygiene.scripts converts only the pieces of a text between separators: right only if no phrase of any of
    the four conversions holds one and none of them rewrites one."""
    from laibin_check.hygiene.scripts import SEPARATORS

    for config in ("t2s", "s2t", "t2tw", "t2hk"):
        ours = converter(config)
        assert not set(SEPARATORS) & ours.changes, config
        assert not set(SEPARATORS) & set("".join(_keys(config))), config
        assert ours.convert(SEPARATORS) == SEPARATORS


@pytest.mark.parametrize("config", ["t2s", "s2t", "t2tw", "t2hk"])
def test_converting_with_the_alphabet_known_gives_the_same(config: Config) -> None:
    """convert(text, alphabet) looks for phrases only at the alphabet's characters that start one: the same
    conversion as without it (checked against OpenCC above), with compatibility ideographs too."""
    ours = converter(config)
    keys = _keys(config)
    alphabet = "".join(keys) + "".join(map(chr, ours.chars)) + "".join(map(chr, ours.normal)) + "ab 1。\n𬴃"
    rng = random.Random(7)
    for text in _texts(keys, alphabet)[:14]:
        expected = ours.convert(text)
        assert ours.convert(text, set(text)) == expected, text[:40]
        assert ours.convert(text, set(text) | set(rng.sample(alphabet, 50))) == expected, text[:40]
