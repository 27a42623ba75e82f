"""Paths confined and writes that cannot lose data (issue 13): a report file stays in its folder, a config's
outputs stay in the project and off the run's inputs, and `fix` refuses what could lose or misplace a file."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from inproc import one_line_error, run

HEAD = '[report]\nid = "r"\n'
FACT = '\n[[fact]]\nid = "a"\nquote = "共5個"\nvalue = "5"\nunit = "個"\nmeasure = "甲"\n'
FACTS = "facts/r/facts.toml"


def project(tmp: Path, report_line: str = "", config: str | None = None) -> Path:
    folder = tmp / "facts" / "r"
    folder.mkdir(parents=True)
    (folder / "report.txt").write_text("共5個。", encoding="utf-8")
    (folder / "facts.toml").write_text(HEAD + report_line + FACT, encoding="utf-8")
    if config is not None:
        (tmp / "laibin-check.toml").write_text(config, encoding="utf-8")
    return tmp


def verify(tmp: Path, *extra: str):  # type: ignore[no-untyped-def]
    return run(tmp, "verify", "--no-hygiene", "--no-coverage", "-f", "concise", *extra)


# -- [report] file ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["/etc/passwd", "../../x", "../r/report.txt", "sub/../../report.txt"])
def test_a_report_file_outside_its_folder_is_refused(tmp_path: Path, name: str) -> None:
    out = verify(project(tmp_path, f'file = "{name}"\n'))
    assert "must lie inside the report folder" in one_line_error(out, f"{FACTS}:3:8:")
    assert "root:" not in out.stdout + out.stderr


def test_a_link_leading_out_of_the_report_folder_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("共5個。密碼", encoding="utf-8")
    project(tmp_path, 'file = "link.txt"\n')
    (tmp_path / "facts/r/link.txt").symlink_to(secret)
    out = verify(tmp_path)
    assert "outside the report folder" in one_line_error(out, f"{FACTS}:3:8:")


def test_a_report_file_in_a_subfolder_is_fine(tmp_path: Path) -> None:
    project(tmp_path, 'file = "text/report.txt"\n')
    (tmp_path / "facts/r/text").mkdir()
    (tmp_path / "facts/r/report.txt").rename(tmp_path / "facts/r/text/report.txt")
    assert verify(tmp_path).code == 0


# -- outputs -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("target", ["/tmp/laibin-escape.json", "../escape.json", "a/../../escape.json"])
def test_a_config_output_outside_the_project_is_refused(tmp_path: Path, target: str) -> None:
    out = verify(project(tmp_path / "p", config=f'output = ["json:{target}"]\n'))
    line = one_line_error(out)
    assert "laibin-check.toml:1:" in line and "inside the project" in line
    assert not Path("/tmp/laibin-escape.json").exists() and not (tmp_path / "escape.json").exists()


def test_a_config_output_through_a_link_out_of_the_project_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    root = project(tmp_path / "p", config='output = ["json:out/x.json"]\n')
    (root / "out").symlink_to(outside)
    assert "outside the project" in one_line_error(verify(root))
    assert list(outside.iterdir()) == []


@pytest.mark.parametrize("target", ["facts/r/report.txt", "facts/r/facts.toml", "facts/r/waivers.toml",
                                    "laibin-check.toml"])
def test_a_config_output_over_an_input_is_refused(tmp_path: Path, target: str) -> None:
    root = project(tmp_path, config=f'output = ["json:{target}"]\n')
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    assert "overwrite an input" in one_line_error(verify(root))
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before


def test_the_cli_output_may_go_anywhere_but_over_an_input(tmp_path: Path) -> None:
    root = project(tmp_path / "p")
    elsewhere = tmp_path / "elsewhere" / "x.json"
    assert verify(root, "-o", f"json:{elsewhere}").code == 0
    assert elsewhere.read_text(encoding="utf-8").startswith("{")
    report = root / "facts/r/report.txt"
    before = report.read_bytes()
    assert "overwrite an input" in one_line_error(verify(root, "-o", f"json:{report}"))
    assert report.read_bytes() == before


def test_a_nul_in_a_config_output_path(tmp_path: Path) -> None:
    out = verify(project(tmp_path, config='output = ["json:a\\u0000b.json"]\n'))
    assert "NUL" in one_line_error(out)


def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every flush to disk fails as on a full disk (a read-only folder cannot be staged as root)."""
    def fail(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", fail)


def test_a_full_disk_leaves_the_old_output_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(tmp_path / "p")
    target = tmp_path / "x.json"
    target.write_text("old", encoding="utf-8")
    full_disk(monkeypatch)
    assert "No space left" in one_line_error(verify(root, "-o", f"json:{target}"), f"{target.as_posix()}:")
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p", "x.json"]


# -- fix ---------------------------------------------------------------------------------------------------------

ARTIFACT = "全區(qū)生產總值167.14億元。\n"


def report(tmp: Path, text: str = ARTIFACT, encoding: str = "utf-8") -> Path:
    path = tmp / "r.txt"
    path.write_bytes(text.encode(encoding))
    return path


def test_fix_in_place_keeps_a_backup_and_rewrites(tmp_path: Path) -> None:
    path = report(tmp_path)
    out = run(tmp_path, "fix", "r.txt", "--in-place")
    assert out.code == 0, out
    assert (tmp_path / "r.txt.bak").read_text(encoding="utf-8") == ARTIFACT
    assert "(qū)" not in path.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_backup_path_that_is_a_folder(tmp_path: Path) -> None:
    report(tmp_path)
    (tmp_path / "r.txt.bak").mkdir()
    out = run(tmp_path, "fix", "r.txt", "--in-place", "--force")
    assert "not a file" in one_line_error(out, "r.txt.bak:")
    assert out.stdout == ""
    assert (tmp_path / "r.txt").read_text(encoding="utf-8") == ARTIFACT


@pytest.mark.parametrize("force", [False, True])
def test_a_backup_path_that_is_a_symlink(tmp_path: Path, force: bool) -> None:
    """Dangling or not: the backup is never written through a link (0.1.0 wrote it to the link's target)."""
    report(tmp_path)
    victim = tmp_path / "elsewhere.txt"
    (tmp_path / "r.txt.bak").symlink_to(victim)
    out = run(tmp_path, "fix", "r.txt", "--in-place", *(["--force"] if force else []))
    assert "symbolic link" in one_line_error(out, "r.txt.bak:")
    assert not victim.exists()
    victim.write_text("keep", encoding="utf-8")
    run(tmp_path, "fix", "r.txt", "--in-place", "--force")
    assert victim.read_text(encoding="utf-8") == "keep"


def test_an_existing_backup_needs_force(tmp_path: Path) -> None:
    report(tmp_path)
    (tmp_path / "r.txt.bak").write_text("older backup", encoding="utf-8")
    assert "--force" in one_line_error(run(tmp_path, "fix", "r.txt", "--in-place"), "r.txt.bak:")
    assert (tmp_path / "r.txt.bak").read_text(encoding="utf-8") == "older backup"
    assert run(tmp_path, "fix", "r.txt", "--in-place", "--force").code == 0
    assert (tmp_path / "r.txt.bak").read_text(encoding="utf-8") == ARTIFACT


def test_output_to_a_hard_link_of_the_report_is_refused(tmp_path: Path) -> None:
    path = report(tmp_path)
    os.link(path, tmp_path / "twin.txt")
    out = run(tmp_path, "fix", "r.txt", "--output", "twin.txt")
    assert "the report itself" in one_line_error(out, "r.txt:")
    assert out.stdout == ""
    assert path.read_text(encoding="utf-8") == ARTIFACT


def test_output_to_a_symlink_of_the_report_is_refused(tmp_path: Path) -> None:
    path = report(tmp_path)
    (tmp_path / "alias.txt").symlink_to(path)
    one_line_error(run(tmp_path, "fix", "r.txt", "--output", "alias.txt"), "r.txt:")
    assert path.read_text(encoding="utf-8") == ARTIFACT


def test_a_full_disk_is_one_line_and_leaves_no_partial_backup(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    report(tmp_path)
    full_disk(monkeypatch)
    out = run(tmp_path, "fix", "r.txt", "--in-place")
    assert "No space left" in one_line_error(out, "r.txt.bak:")
    assert out.stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.txt"]
    assert (tmp_path / "r.txt").read_text(encoding="utf-8") == ARTIFACT


@pytest.mark.parametrize("encoding", ["utf-16-be", "utf-16-le", "utf-32-be"])
def test_a_report_keeps_its_byte_order(tmp_path: Path, encoding: str) -> None:
    bom = {"utf-16-be": codecs.BOM_UTF16_BE, "utf-16-le": codecs.BOM_UTF16_LE, "utf-32-be": codecs.BOM_UTF32_BE}
    path = tmp_path / "r.txt"
    path.write_bytes(bom[encoding] + ARTIFACT.encode(encoding))
    assert run(tmp_path, "fix", "r.txt", "--in-place").code == 0
    data = path.read_bytes()
    assert data.startswith(bom[encoding])
    assert data[len(bom[encoding]):].decode(encoding) == ARTIFACT.replace("(qū)", "")


def test_an_exit_2_fix_prints_one_line_not_the_diff(tmp_path: Path) -> None:
    report(tmp_path)
    (tmp_path / "r.txt.bak").write_text("x", encoding="utf-8")
    out = run(tmp_path, "fix", "r.txt", "--in-place")
    one_line_error(out)
    assert out.stdout == ""


def test_extract_never_writes_its_draft_over_the_report(tmp_path: Path) -> None:
    path = report(tmp_path)
    out = run(tmp_path, "extract", "r.txt", "--output", "r.txt", "--force")
    assert "the report itself" in one_line_error(out, "r.txt:")
    assert path.read_text(encoding="utf-8") == ARTIFACT
    assert run(tmp_path, "extract", "r.txt", "--output", "draft.toml").code == 0
    assert (tmp_path / "draft.toml").read_text(encoding="utf-8").startswith("#") or \
        "[report]" in (tmp_path / "draft.toml").read_text(encoding="utf-8")
