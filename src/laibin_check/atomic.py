"""Writing a file so that no moment of the write can lose it: a temporary file in the same folder, flushed to
disk, then renamed over the target (one atomic step on POSIX and Windows alike).

Every file the tool writes in one piece (`fix --output`, `fix --in-place` and its backup, `extract --output`)
goes through write_atomic; the outputs of a run over many reports are streamed the same way (batch._Output: a
temporary file beside the target, its permissions set as open() would, renamed when whole). A kill, a full
disk or a read-only folder leaves the old file whole and no partial new one; the rename replaces a symbolic
link itself and never writes through it.
"""

from __future__ import annotations

import os
from pathlib import Path

from laibin_check.errors import InputError


def write_atomic(path: Path, data: bytes, shown: str | None = None, *, mode: int | None = None) -> None:
    """Write `data` to `path` through a temporary file beside it; an OSError is an InputError naming `shown`.

    `mode` sets the file's permission bits (the report's own, for a rewrite); by default a new file gets what
    the umask allows, as open() would give it."""
    shown = shown or path.as_posix()
    folder = path.parent
    temp: str | None = None
    try:
        import tempfile  # only a run that writes a file pays for it

        fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        try:
            os.chmod(temp, default_mode() if mode is None else mode)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
        temp = None
        sync_folder(folder)
    except OSError as exc:
        raise InputError(shown, f"cannot write: {exc.strerror or exc}") from None
    except ValueError as exc:  # a NUL byte in the path
        raise InputError(shown, f"cannot write: {exc}") from None
    finally:
        if temp is not None:
            try:
                os.unlink(temp)
            except OSError:
                pass


def default_mode() -> int:
    """The permission bits open() gives a new file under the current umask (a temporary file gets 0600)."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def sync_folder(folder: Path) -> None:
    """Make a rename into `folder` durable; where a folder cannot be opened (Windows), the rename stands alone."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
