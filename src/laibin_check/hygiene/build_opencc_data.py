"""Regenerates opencc_data/: a lean simplified-to-traditional dictionary derived from OpenCC's own s2t data.

OpenCC's s2t configuration loads a 930 KB phrase dictionary (~55 ms), too slow for a check that runs on
every commit. Only the phrases whose traditional form differs from the character-by-character default matter
for finding a converter's one-to-many mistakes (干部 -> 幹部, 奮斗 -> 奮鬥). The text files are the reviewable
source; s2t_lean.tables holds the same data in the shape s2t.py loads in ~2 ms.
Run after upgrading OpenCC:  python -m laibin_check.hygiene.build_opencc_data
"""

from __future__ import annotations

import importlib.util
import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).parent / "opencc_data"
TABLES = HERE / "s2t_lean.tables"


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


def tables(chars: dict[str, str], phrases: dict[str, str]) -> str:
    """The text of s2t_lean.tables (its layout is described in s2t.py): phrases grouped by their two-character
    prefix, longest first, so that the first phrase of a group found in the text is OpenCC's longest match."""
    assert all(len(k) == len(v) == 1 for k, v in chars.items()), "one code point for one keeps offsets"
    assert all(len(k) >= 2 and not set(k + v) & {" ", "\t", "\n"} for k, v in phrases.items())
    groups: dict[str, list[str]] = {}
    for key in sorted(phrases, key=lambda k: (k[:2], -len(k), k)):
        groups.setdefault(key[:2], []).append(f"{key}\t{phrases[key]}")
    lines = ["".join(chars), "".join(chars.values()), " ".join(groups),
             " ".join("\t".join(group) for group in groups.values())]
    return "\n".join(lines) + "\n"


def read_text_dict(path: Path) -> dict[str, str]:
    """A text dictionary written by main(): one `key TAB value` per line."""
    return dict(line.split("\t") for line in path.read_text(encoding="utf-8").splitlines())


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        chars = _export("STCharacters", work)
        phrases = _export("STPhrases", work) | _export("STPhrases_GeneratedFromRegionalPhrases", work)
    lean = {
        key: value for key, value in phrases.items() if value != "".join(chars.get(ch, ch) for ch in key)
    }
    HERE.mkdir(exist_ok=True)
    (HERE / "STCharactersLean.txt").write_text(
        "".join(f"{k}\t{v}\n" for k, v in sorted(chars.items())), encoding="utf-8")
    (HERE / "STPhrasesLean.txt").write_text(
        "".join(f"{k}\t{v}\n" for k, v in sorted(lean.items())), encoding="utf-8")
    TABLES.write_text(tables(read_text_dict(HERE / "STCharactersLean.txt"), read_text_dict(HERE / "STPhrasesLean.txt")),
                      encoding="utf-8")
    print(f"wrote {len(chars)} characters and {len(lean)} phrases to {HERE}")


if __name__ == "__main__":
    main()
