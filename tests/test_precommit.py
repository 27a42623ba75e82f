"""The pre-commit hook, run by the pre-commit framework itself in throwaway git repositories.

Three levels: pre-commit accepts `.pre-commit-hooks.yaml`; the hook as written there (only the install method
swapped for this venv's executable) blocks a `git commit` of the Laibin report and lets it through once the
contradiction is waived; and `pre-commit try-repo` installs this repository as a Python hook, the way another
newsroom's repository would use it (needs pip to reach an index; skipped with the reason when it cannot).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from fixtures_gate import LAIBIN_WAIVER

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT / ".pre-commit-hooks.yaml"
REPORT = ROOT / "facts" / "laibin-2021q1"
BIN = Path(sys.executable).parent
PRE_COMMIT = BIN / "pre-commit"
LAIBIN_CHECK = BIN / "laibin-check"

WAIVER = LAIBIN_WAIVER

pytestmark = pytest.mark.skipif(
    not PRE_COMMIT.exists(), reason=f"pre-commit is not installed at {PRE_COMMIT}"
)


def hook() -> dict[str, object]:
    from pre_commit.clientlib import load_manifest

    (found,) = load_manifest(str(MANIFEST))
    return dict(found)


def env(tmp: Path) -> dict[str, str]:
    out = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    out.update(
        PRE_COMMIT_HOME=str(tmp / "pre-commit-home"),
        LAIBIN_CHECK_TODAY="2021-05-01",
        GIT_AUTHOR_NAME="Editor",
        GIT_AUTHOR_EMAIL="editor@example.com",
        GIT_COMMITTER_NAME="Editor",
        GIT_COMMITTER_EMAIL="editor@example.com",
        GIT_CONFIG_NOSYSTEM="1",
        HOME=str(tmp),
        PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
    )
    return out


def run(
    args: list[str], cwd: Path, environ: dict[str, str], timeout: int = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=cwd, env=environ, capture_output=True, text=True, timeout=timeout, check=False
    )


def newsroom(tmp: Path) -> Path:
    """A fresh editorial repository holding the Laibin report and its facts."""
    repo = tmp / "newsroom"
    (repo / "facts").mkdir(parents=True)
    shutil.copytree(REPORT, repo / "facts" / "laibin-2021q1", ignore=shutil.ignore_patterns("waivers.toml"))
    run(["git", "init", "-q", "-b", "main"], repo, env(tmp))
    return repo


def test_manifest_is_accepted_by_pre_commit() -> None:
    found = hook()
    assert found["id"] == "laibin-check"
    assert found["entry"] == "laibin-check verify"
    assert found["language"] == "python"
    assert found["pass_filenames"] is False
    import re

    files = re.compile(str(found["files"]))
    assert files.search("facts/laibin-2021q1/report.txt") and files.search("facts/x/facts.toml")
    assert files.search("laibin-check.toml") and not files.search("src/app.py")


def test_hook_blocks_a_commit_with_a_contradiction_and_allows_it_waived(tmp_path: Path) -> None:
    manifest = hook()
    repo = newsroom(tmp_path)
    environ = env(tmp_path)
    # The manifest's hook, installed from this venv rather than built by pre-commit (works offline).
    entry = f"{shlex.quote(str(LAIBIN_CHECK))} {str(manifest['entry']).split(' ', 1)[1]}"
    config = (
        "repos:\n"
        "  - repo: local\n"
        "    hooks:\n"
        f"      - id: {manifest['id']}\n"
        f"        name: {manifest['name']}\n"
        f"        entry: {entry}\n"
        "        language: system\n"
        f"        files: '{manifest['files']}'\n"
        f"        pass_filenames: {str(manifest['pass_filenames']).lower()}\n"
    )
    (repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    installed = run([str(PRE_COMMIT), "install"], repo, environ)
    assert installed.returncode == 0, installed.stderr

    run(["git", "add", "-A"], repo, environ)
    blocked = run(["git", "commit", "-q", "-m", "Laibin Q1 draft"], repo, environ)
    assert blocked.returncode != 0, blocked.stdout + blocked.stderr
    shown = blocked.stdout + blocked.stderr
    assert "laibin-check" in shown and "Failed" in shown
    assert "LC101 error" in shown and "83.4%" in shown
    assert run(["git", "rev-parse", "--verify", "HEAD"], repo, environ).returncode != 0  # nothing committed

    (repo / "facts" / "laibin-2021q1" / "waivers.toml").write_text(WAIVER, encoding="utf-8")
    run(["git", "add", "-A"], repo, environ)
    allowed = run(["git", "commit", "-q", "-m", "Laibin Q1 draft, 83.4% accepted"], repo, environ)
    assert allowed.returncode == 0, allowed.stdout + allowed.stderr
    assert run(["git", "rev-parse", "--verify", "HEAD"], repo, environ).returncode == 0


def test_try_repo_installs_and_runs_the_hook(tmp_path: Path) -> None:
    """`pre-commit try-repo` builds the hook from a git copy of this repository's committed files."""
    environ = env(tmp_path)
    tool = tmp_path / "tool"
    tool.mkdir()
    archive = subprocess.run(["git", "archive", "HEAD"], cwd=ROOT, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(tool)], input=archive.stdout, check=True)
    if not (tool / ".pre-commit-hooks.yaml").exists():
        pytest.skip(".pre-commit-hooks.yaml is not committed yet")
    run(["git", "init", "-q", "-b", "main"], tool, environ)
    run(["git", "add", "-A"], tool, environ)
    assert run(["git", "commit", "-q", "-m", "tool"], tool, environ).returncode == 0

    repo = newsroom(tmp_path)
    run(["git", "add", "-A"], repo, environ)
    tried = run(
        [str(PRE_COMMIT), "try-repo", str(tool), "laibin-check", "--all-files"], repo, environ, timeout=900
    )
    shown = tried.stdout + tried.stderr
    if "Could not find a version" in shown or "Failed to establish a new connection" in shown:
        pytest.skip("pip could not reach a package index to build the hook's environment")
    assert tried.returncode == 1, shown[-3000:]
    assert "LC101 error" in shown and "Traceback" not in shown, shown[-3000:]
