"""The kinds' section of docs/facts-format.md, generated from the kind modules (their docstrings and examples)."""

from __future__ import annotations

from laibin_check.kinds import all_kinds

START = "<!-- kinds: generated from src/laibin_check/kinds by `pytest --update-golden`; do not edit by hand -->"
END = "<!-- kinds: end -->"


def markdown() -> str:
    """One subsection per kind: its table, rule code, keys, what it checks, and a worked example."""
    kinds = all_kinds()
    lines = [START, "", "| kind | table | rule | the relation |", "|---|---|---|---|"]
    table_of = {"derive": "`[fact.derive]`", "check": "`[[check]]`"}
    lines += [f"| [{k.name}](#{k.name.replace('_', '-')}) | {table_of[k.table]} | {k.code} | {k.summary} |"
              for k in kinds]
    for k in kinds:
        lines += ["", f"### {k.name.replace('_', '-')}", "",
                  f"`kind = \"{k.name}\"` in a {table_of[k.table]}; findings under {k.code}.", "", k.doc]
        if k.keys:
            lines += ["", "| key | type | required | meaning |", "|---|---|---|---|"]
            type_name = {str: "string", list: "list of strings", bool: "true/false"}
            lines += [f"| `{key.name}` | {type_name[key.type]} | {'yes' if key.required else 'no'} | {key.doc} |"
                      for key in k.keys]
        lines += ["", "```toml", k.example, "```"]
    lines += ["", END]
    return "\n".join(lines) + "\n"


def replace_section(page: str) -> str:
    """The page with its generated section replaced by the current one."""
    start, end = page.index(START), page.index(END) + len(END) + 1
    return page[:start] + markdown() + page[end:]
