"""Mutated projects for the fuzz suite (tests/test_fuzz.py) and the longer run (scripts/fuzz.py).

A small project (a report, its facts with derivations and checks, a waiver file, a config) is mutated the way a
careless or hostile contributor would: slices cut or repeated, tokens that stress a reader inserted (brackets
nested deep, long digit runs, NUL, quotes, paths leaving the folder, formula operators), bytes replaced, a file
re-encoded or truncated. Each case runs one command in process and is judged by what a user would see.
"""

from __future__ import annotations

import random
import time
from pathlib import Path
from typing import NamedTuple

from inproc import run

REPORT = ("來賓市2021年一季度地區生產總值167.14億元,同比增長18%。共收集問題380多個,已解決316個,解決率83.4%。"
          "全區(qū)規模以上工業增加值增長20.5%,其中製造業增長22.1%。\n")
FACTS = '''[report]
id = "r"
title = "一季度"

[[fact]]
id = "gdp"
quote = "地區生產總值167.14億元"
value = "167.14"
unit = "億元"
measure = "地區生產總值"

[[fact]]
id = "growth"
quote = "同比增長18%"
value = "18"
unit = "%"
measure = "增速"

[[fact]]
id = "collected"
quote = "共收集問題380多個"
value = "380多"
unit = "個"
measure = "收集問題"

[[fact]]
id = "solved"
quote = "已解決316個"
value = "316"
unit = "個"
measure = "已解決"

[[fact]]
id = "rate"
quote = "解決率83.4%"
value = "83.4"
unit = "%"
measure = "解決率"
[fact.derive]
kind = "ratio"
formula = "solved / collected"

[[fact]]
id = "industry"
quote = "工業增加值增長20.5%"
value = "20.5"
unit = "%"
measure = "工業增速"

[[fact]]
id = "making"
quote = "製造業增長22.1%"
value = "22.1"
unit = "%"
measure = "製造業增速"

[[check]]
id = "solved_le"
kind = "bound"
formula = "solved <= collected"
quote = "已解決316個"
'''
WAIVERS = '''[[waiver]]
code = "LC101"
fact = "rate"
reason = "the bureau confirmed"
accepted_by = "Li Hua"
expires = 2099-12-31
'''
CONFIG = '''fail_on = "error"
near_band = "0.1"
about_tolerance = "0.05"
output = ["json:out/laibin.json"]

[severity]
LC301 = "info"
'''
FILES = {
    "facts/r/report.txt": REPORT,
    "facts/r/facts.toml": FACTS,
    "facts/r/waivers.toml": WAIVERS,
    "laibin-check.toml": CONFIG,
}
TOKENS = [
    "[", "]", "[[", "]]", "{", "}", "[" * 300, "{a=" * 200, '"', "'", '"""', "\\", "=", "\n", "\r\n", "#",
    "\x00", "\x7f", "\u2028", "\ufeff", "9" * 5001, "1" * 60, "-" * 1000, "(" * 250, "+ a" * 1000, "%", ".",
    "1e-999999999", "0." + "0" * 5000 + "1", "/etc/passwd", "../../x", "..", "/", "C:\\x", "~",
    "formula = \"\"", "kind = \"ratio\"", "printed = false", "value = \"0\"", "unit = \"光年\"", "[fact.derive]",
    "[[fact]]\nid = \"z\"\n", "[[check]]\n", "output = [\"json:../../escape.json\"]", "file = \"../x\"",
    "expires = 1900-01-01", "code = \"LC999\"", "區(qū)", "一萬二", "不到0", "0", "0.0", "億", "萬億", "多", "近",
    "約", "下降", "−", "％", "‰", "\x85", "😀", "𠀀" * 10, "\ud800"[:0], "a" * 100,
]
OPS = ("cut", "repeat", "insert", "replace", "bytes", "truncate", "encode")


class Case(NamedTuple):
    target: str
    ops: tuple[tuple[str, int, int, str], ...]
    """(operation, position, length or count, token)."""
    command: str


COMMANDS = ("verify", "verify-json", "facts", "explain", "fix")


def mutate(text: str, ops: tuple[tuple[str, int, int, str], ...]) -> bytes:
    data = text
    raw: bytes | None = None
    for op, pos, length, token in ops:
        if raw is not None:  # already bytes: byte-level edits only
            at = pos % (len(raw) + 1)
            raw = raw[:at] + bytes([length % 256]) + raw[at + 1:]
            continue
        at = pos % (len(data) + 1)
        if op == "cut":
            data = data[:at] + data[at + length % 200:]
        elif op == "repeat":
            piece = data[at:at + length % 200]
            data = data[:at] + piece * (1 + length % 50) + data[at:]
        elif op == "insert":
            data = data[:at] + token + data[at:]
        elif op == "replace":
            data = data[:at] + token + data[at + len(token):]
        elif op == "truncate":
            data = data[:at]
        elif op == "bytes":
            raw = data.encode("utf-8")
            at = pos % (len(raw) + 1)
            raw = raw[:at] + bytes([length % 256]) * (1 + length % 3) + raw[at:]
        elif op == "encode":
            raw = data.encode(("utf-16-be", "utf-16", "gb18030", "big5", "utf-32")[length % 5], errors="replace")
    return raw if raw is not None else data.encode("utf-8", errors="surrogatepass")


def build(root: Path, case: Case) -> None:
    for rel, text in FILES.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(mutate(text, case.ops) if rel == case.target else text.encode("utf-8"))


def argv(case: Case) -> list[str]:
    return {
        "verify": ["verify"],
        "verify-json": ["verify", "-f", "json", "--no-hygiene"],
        "facts": ["facts"],
        "explain": ["explain", "rate"],
        "fix": ["fix", "facts/r/report.txt", "--output", "fixed.txt"],
    }[case.command]


class Verdict(NamedTuple):
    code: int
    seconds: float
    problem: str
    """Empty when the run behaved: exit 0, 1 or 2, and an exit 2 is one line naming a file, no traceback."""
    stderr: str


def judge(root: Path, case: Case) -> Verdict:
    started = time.perf_counter()
    out = run(root, *argv(case))
    seconds = time.perf_counter() - started
    err = out.stderr
    problem = ""
    if "Traceback" in err or "Traceback" in out.stdout:
        problem = "traceback"
    elif "internal error" in err:
        problem = "internal error"
    elif out.code not in (0, 1, 2):
        problem = f"exit code {out.code}"
    elif out.code == 2:
        lines = err.splitlines()
        if len(lines) != 1 or not lines[0].startswith("laibin-check: error: "):
            problem = "exit 2 without exactly one error line"
        elif ": " not in lines[0].removeprefix("laibin-check: error: "):
            problem = "exit 2 with an error that names no file"
    return Verdict(out.code, seconds, problem, err)


def random_case(rng: random.Random) -> Case:
    ops = tuple((rng.choice(OPS), rng.randrange(10**6), rng.randrange(10**6), rng.choice(TOKENS))
                for _ in range(rng.randint(1, 4)))
    return Case(rng.choice(list(FILES)), ops, rng.choice(COMMANDS))
