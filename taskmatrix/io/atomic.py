"""Atomic saves: write a temporary file in the target's folder, keep a backup, then replace.

A failure at any step leaves the previous file byte-for-byte as it was and raises
:class:`~taskmatrix.io.errors.PlanSaveError` saying why.
"""

from __future__ import annotations

import errno
import logging
import os
import shutil
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from taskmatrix.io.errors import PlanSaveError

logger = logging.getLogger(__name__)

LOCKED_MESSAGE = (
    "the file is open in Excel or WPS (lock file found); close it there or save under another name"
)


def backup_path(path: str | Path) -> Path:
    """``plan.xlsx`` -> ``plan.bak.xlsx``."""
    path = Path(path)
    return path.with_name(f"{path.stem}.bak{path.suffix}")


def lock_file_path(path: str | Path) -> Path:
    """The lock file Excel and WPS keep beside an open workbook: ``~$plan.xlsx``."""
    path = Path(path)
    return path.with_name("~$" + path.name)


def atomic_write_bytes(path: str | Path, data: bytes, backup: bool = True) -> None:
    def write(tmp: Path) -> None:
        with open(tmp, "wb") as handle:
            handle.write(data)

    atomic_write(path, write, backup=backup)


def atomic_write(path: str | Path, writer: Callable[[Path], None], backup: bool = True) -> None:
    """Call ``writer(tmp)`` to produce the file, then move it into place at ``path``."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise PlanSaveError(path, "the folder does not exist")
    if path.is_dir():
        raise PlanSaveError(path, "this is a folder, not a file")
    check_writable(path)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=f"{path.suffix}.tmp", dir=folder)
    except OSError as exc:
        raise _save_error(path, exc) from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        writer(tmp)
        _fsync(tmp)
        if path.exists():
            _copy_mode(path, tmp)
            if backup:
                bak = backup_path(path)
                bak_tmp = bak.with_name(f".{bak.name}.tmp")
                shutil.copy2(path, bak_tmp)
                os.replace(bak_tmp, bak)
        else:
            _default_mode(tmp)
        os.replace(tmp, path)
    except PlanSaveError:
        _remove_quietly(tmp)
        raise
    except OSError as exc:
        _remove_quietly(tmp)
        raise _save_error(path, exc) from None
    except Exception:
        _remove_quietly(tmp)
        raise


def lock_files(path: str | Path) -> list[Path]:
    """Lock files of Excel/WPS (``~$NAME``) and LibreOffice (``.~lock.NAME#``) that exist."""
    path = Path(path)
    candidates = [lock_file_path(path), path.with_name(f".~lock.{path.name}#")]
    return [c for c in candidates if c.exists()]


def check_writable(path: str | Path) -> None:
    """Refuse early, with a clear reason, to write a read-only or locked file."""
    path = Path(path)
    if lock_files(path):
        raise PlanSaveError(path, LOCKED_MESSAGE)
    folder = path.parent if str(path.parent) else Path(".")
    if path.exists() and not path.stat().st_mode & stat.S_IWUSR:
        raise PlanSaveError(path, "the file is read-only")
    if os.name == "posix" and not folder.stat().st_mode & stat.S_IWUSR:
        raise PlanSaveError(path, "the folder is read-only")


def _save_error(path: Path, exc: OSError) -> PlanSaveError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return PlanSaveError(path, "the disk is full; the previous file is unchanged")
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        if lock_file_path(path).exists():
            return PlanSaveError(path, LOCKED_MESSAGE)
        return PlanSaveError(
            path, "no permission to write here: the file or folder is read-only or locked by another program"
        )
    return PlanSaveError(path, "could not write the file: {reason}", reason=exc.strerror or exc)


def _fsync(path: Path) -> None:
    try:
        with open(path, "rb+") as handle:
            os.fsync(handle.fileno())
    except OSError as exc:  # pragma: no cover - platform dependent
        if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EIO):
            raise
        logger.debug("fsync failed for %s: %s", path, exc)


def _copy_mode(src: Path, dst: Path) -> None:
    try:
        shutil.copymode(src, dst)
    except OSError:
        pass


def _default_mode(path: Path) -> None:
    """mkstemp makes files readable by their owner only; give a new file the usual mode."""
    umask = os.umask(0)
    os.umask(umask)
    try:
        os.chmod(path, 0o666 & ~umask)
    except OSError:
        pass


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass
