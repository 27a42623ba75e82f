"""Regenerates opencc_data/: the tables zhconv.py converts with, from the installed OpenCC's dictionaries.

t2s, t2tw and t2hk are OpenCC's own configurations, as tables. s2t is a lean one: OpenCC's s2t phrase dictionary
is 930 KB (~55 ms to load), too much for a check that runs on every commit, and only the phrases whose traditional
form differs from the character-by-character default matter for finding a converter's one-to-many mistakes
(干部 -> 幹部, 奮斗 -> 奮鬥); STCharactersLean.txt and STPhrasesLean.txt are its reviewable source.
Run after upgrading OpenCC:  python -m laibin_check.hygiene.build_opencc_data
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).parent.parent / "opencc_data"
LEAN_TABLES = HERE / "s2t_lean.tables"

CONFIGS = {
    "t2s": ("CJK_Compatibility_Ideographs", ["TSPhrases", "TSCharactersExt", "TSCharacters"]),
    "t2tw": ("CJK_Compatibility_Ideographs", ["TWVariantsPhrases", "TWVariants"]),
    "t2hk": ("CJK_Compatibility_Ideographs", ["HKVariantsPhrases", "HKVariants"]),
}
"""Each configuration's normalization dictionary and its group's dictionaries, in OpenCC's order (the first that
matches wins); main() checks them against OpenCC's own .json, so a changed configuration stops the build.
OpenCC's Python binding uses TSCharactersExt although t2s.json marks it may_output_tofu."""


def _opencc_dir() -> Path:
    spec = importlib.util.find_spec("opencc")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("opencc is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "clib"


def _export(name: str, work: Path) -> dict[str, str]:
    """One OpenCC .ocd2 dictionary as {simplified: first traditional candidate}."""
    clib = _opencc_dir()
    out = work / f"{name}.txt"
    subprocess.run(
        [str(clib / "bin" / "opencc_dict"), "-i", str(clib / "share" / "opencc" / f"{name}.ocd2"),
         "-o", str(out), "-f", "ocd2", "-t", "text"],
        check=True,
    )
    pairs: dict[str, str] = {}
    for line in out.read_text(encoding="utf-8").splitlines():
        key, values = line.split("\t")
        pairs[key] = values.split(" ")[0]
    return pairs


def tables(normal: dict[str, str], chars: dict[str, str], phrases: dict[str, str]) -> str:
    """The text of a .tables file (its layout is described in zhconv.py): phrases grouped by their two-character
    prefix, longest first, so that the first phrase of a group found in the text is OpenCC's longest match."""
    assert all(len(k) == len(v) == 1 for k, v in (normal | chars).items()), "one code point for one keeps offsets"
    assert all(len(k) >= 2 and not set(k + v) & {" ", "\t", "\n"} for k, v in phrases.items())
    assert all(len(k) == len(v) for k, v in phrases.items()), "a phrase keeps its length: offsets hold"
    groups: dict[str, list[str]] = {}
    for key in sorted(phrases, key=lambda k: (k[:2], -len(k), k)):
        groups.setdefault(key[:2], []).append(f"{key}\t{phrases[key]}")
    # Every character the conversion may write as another: normalised, mapped, or changed inside a phrase.
    changes = {k for k, v in (normal | chars).items() if k != v}
    changes.update(a for k, v in phrases.items() for a, b in zip(k, v, strict=True) if a != b)
    lines = ["".join(normal), "".join(normal.values()), "".join(chars), "".join(chars.values()), " ".join(groups),
             " ".join("\t".join(group) for group in groups.values()), "".join(sorted(changes))]
    return "\n".join(lines) + "\n"


def _opencc_tables(name: str, work: Path) -> str:
    """The tables of one of OpenCC's configurations, after checking it is still the one CONFIGS describes."""
    normalization, group = CONFIGS[name]
    config = json.loads((_opencc_dir() / "share" / "opencc" / f"{name}.json").read_text(encoding="utf-8"))
    files = [d["file"].removesuffix(".ocd2") for d in config["conversion_chain"][0]["dict"]["dicts"]]
    normal_files = [n["dict"]["file"].removesuffix(".ocd2") for n in config.get("normalization", [])]
    if len(config["conversion_chain"]) != 1 or files != group or normal_files != [normalization]:
        raise SystemExit(f"OpenCC's {name}.json changed: update CONFIGS and zhconv.py")
    chars: dict[str, str] = {}
    phrases: dict[str, str] = {}
    for dictionary in reversed(group):  # earlier dictionaries win
        for key, value in _export(dictionary, work).items():
            (chars if len(key) == 1 else phrases)[key] = value
    return tables(_export(normalization, work), chars, phrases)


def read_text_dict(path: Path) -> dict[str, str]:
    """A text dictionary written by main(): one `key TAB value` per line."""
    return dict(line.split("\t") for line in path.read_text(encoding="utf-8").splitlines())


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        chars = _export("STCharacters", work)
        phrases = _export("STPhrases", work) | _export("STPhrases_GeneratedFromRegionalPhrases", work)
        for name in CONFIGS:
            (HERE / f"{name}.tables").write_text(_opencc_tables(name, work), encoding="utf-8")
    lean = {
        key: value for key, value in phrases.items() if value != "".join(chars.get(ch, ch) for ch in key)
    }
    HERE.mkdir(exist_ok=True)
    (HERE / "STCharactersLean.txt").write_text(
        "".join(f"{k}\t{v}\n" for k, v in sorted(chars.items())), encoding="utf-8")
    (HERE / "STPhrasesLean.txt").write_text(
        "".join(f"{k}\t{v}\n" for k, v in sorted(lean.items())), encoding="utf-8")
    LEAN_TABLES.write_text(lean_tables(), encoding="utf-8")
    print(f"wrote {', '.join(CONFIGS)} and a lean s2t of {len(chars)} characters and {len(lean)} phrases to {HERE}")


def lean_tables() -> str:
    """The lean s2t's tables, from its reviewable text dictionaries (no normalization step)."""
    return tables({}, read_text_dict(HERE / "STCharactersLean.txt"), read_text_dict(HERE / "STPhrasesLean.txt"))


if __name__ == "__main__":
    main()
