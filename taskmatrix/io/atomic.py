"""Atomic saves: write a temporary file in the target's folder, keep a backup, then replace.

A failure at any step leaves the previous file byte-for-byte as it was, removes what it
wrote, and raises :class:`~taskmatrix.io.errors.PlanSaveError` saying why. Temporary files
get unpredictable short names, created exclusively (never through a planted link), so any
file name the system allows can be saved. A save through a symbolic link writes the link's
target. Saves of one file, from the app or the command line, take turns: a lock beside the
file is held for the save, so the backup always holds the version before.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import logging
import os
import shutil
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from taskmatrix.io.errors import PlanSaveError

logger = logging.getLogger(__name__)

LOCKED_MESSAGE = (
    "the file is open in Excel or WPS (lock file found); close it there or save under another name"
)
LIBREOFFICE_LOCKED_MESSAGE = (
    "the file is open in LibreOffice (lock file found); close it there or save under another name"
)
#: Names of our temporary files (``.tm-XXXXXXXX.tmp``) and locks, so stale ones can be swept.
TEMP_PREFIX = ".tm-"
TEMP_SUFFIX = ".tmp"
LOCK_PREFIX = ".~tm-lock-"
#: A temporary file of ours older than this was left by a crash (a save takes seconds).
STALE_SECONDS = 15 * 60
#: The longest file name (in bytes) most disks allow.
NAME_MAX = 255
#: How long a save waits for another save of the same file to finish.
LOCK_WAIT_SECONDS = 30.0


def backup_path(path: str | Path) -> Path:
    """``plan.xlsx`` -> ``plan.bak.xlsx``; for a name as long as the disk allows, the stem is
    shortened so that the backup's name fits too."""
    path = Path(path)
    stem, tail = path.stem, f".bak{path.suffix}"
    while stem and len((stem + tail).encode("utf-8", "surrogatepass")) > NAME_MAX:
        stem = stem[:-1]
    return path.with_name(stem + tail)


def lock_file_path(path: str | Path) -> Path:
    """The lock file Excel and WPS keep beside an open workbook: ``~$plan.xlsx``."""
    path = Path(path)
    return path.with_name("~$" + path.name)


def atomic_write_bytes(path: str | Path, data: bytes, backup: bool = True) -> None:
    def write(tmp: Path) -> None:
        with open(tmp, "wb") as handle:
            handle.write(data)

    atomic_write(path, write, backup=backup)


def save_target(path: str | Path) -> Path:
    """Where a save to ``path`` writes: the file itself, or a symbolic link's target."""
    path = Path(path)
    try:
        if path.is_symlink():
            return Path(os.path.realpath(path))
    except OSError:
        pass
    return path


def atomic_write(path: str | Path, writer: Callable[[Path], None], backup: bool = True) -> None:
    """Call ``writer(tmp)`` to produce the file, then move it into place at ``path``."""
    shown = Path(path)
    path = save_target(shown)
    folder = path.parent if str(path.parent) else Path(".")
    if not os.path.isdir(folder):
        raise PlanSaveError(shown, "the folder does not exist")
    if os.path.isdir(path):
        raise PlanSaveError(shown, "this is a folder, not a file")
    check_writable(path, shown)
    with save_lock(path, shown):
        sweep_stale_temporaries(folder)
        tmp = _temporary(folder, shown)
        try:
            writer(tmp)
            _fsync(tmp)
            if path.exists():
                _copy_mode(path, tmp)
                if backup:
                    _backup(path, shown)
            else:
                _default_mode(tmp)
            os.replace(tmp, path)
        except PlanSaveError:
            _remove_quietly(tmp)
            raise
        except OSError as exc:
            _remove_quietly(tmp)
            raise _save_error(shown, exc) from None
        except BaseException as exc:
            _remove_quietly(tmp)
            cause = _os_error_in(exc)  # a writer's own error around a failed write (XlsxWriter's)
            if cause is not None:
                raise _save_error(shown, cause) from None
            raise


def _os_error_in(exc: BaseException) -> OSError | None:
    """The :class:`OSError` an exception was raised from or during, if any."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, OSError):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def _temporary(folder: Path, shown: Path) -> Path:
    try:
        fd, name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=folder)
    except OSError as exc:
        raise _save_error(shown, exc) from None
    os.close(fd)
    return Path(name)


def _backup(path: Path, shown: Path) -> None:
    """Copy ``path`` to its backup through a fresh temporary file: a link planted at the
    backup's name is replaced, never followed."""
    tmp = _temporary(path.parent, shown)
    try:
        with open(path, "rb") as source, open(tmp, "wb") as target:
            shutil.copyfileobj(source, target, 1 << 20)
            target.flush()
            os.fsync(target.fileno())
        shutil.copystat(path, tmp, follow_symlinks=False)
        os.replace(tmp, backup_path(path))
    except BaseException:
        _remove_quietly(tmp)
        raise


def sweep_stale_temporaries(folder: Path) -> None:
    """Remove temporary files of ours that a crashed save left (old enough to be no one's)."""
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        name = entry.name
        if name.startswith(TEMP_PREFIX) and name.endswith(TEMP_SUFFIX):
            try:
                old = now - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS
                if old and entry.is_file(follow_symlinks=False):
                    os.unlink(entry.path)
            except OSError:
                pass


@contextlib.contextmanager
def save_lock(path: Path, shown: Path | None = None) -> Iterator[None]:
    """Hold the lock for saving ``path`` (waiting for another save of it to finish)."""
    digest = hashlib.sha1(path.name.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    lock = path.with_name(LOCK_PREFIX + digest)
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            fd = os.open(lock, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
        except OSError as exc:
            if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
                yield  # a folder we may not create files in: the save itself will say so
                return
            raise _save_error(shown or path, exc) from None
        if _try_lock(fd) and _same_file(fd, lock):
            break
        os.close(fd)
        if time.monotonic() > deadline:
            raise PlanSaveError(shown or path, "another save of this file is still running; try again when it "
                                               "has finished")
        time.sleep(0.05)
    try:
        yield
    finally:
        try:
            os.unlink(lock)  # while still holding it: a later save makes a new lock file
        except OSError:
            pass
        os.close(fd)


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - Windows
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def _same_file(fd: int, path: Path) -> bool:
    """The locked file is still the lock (the save before did not remove it meanwhile)."""
    try:
        return os.fstat(fd).st_ino == os.stat(path, follow_symlinks=False).st_ino or sys.platform == "win32"
    except OSError:
        return False


def lock_files(path: str | Path) -> list[tuple[Path, str]]:
    """Lock files of Excel/WPS (``~$NAME``) and LibreOffice (``.~lock.NAME#``) that exist,
    each with the message for it."""
    path = Path(path)
    candidates = [(lock_file_path(path), LOCKED_MESSAGE), (path.with_name(f".~lock.{path.name}#"),
                                                            LIBREOFFICE_LOCKED_MESSAGE)]
    return [(c, message) for c, message in candidates if os.path.lexists(c)]  # False for a too-long name


def check_writable(path: str | Path, shown: str | Path | None = None) -> None:
    """Refuse early, with a clear reason, to write a read-only or locked file."""
    path = Path(path)
    shown = Path(shown) if shown is not None else path
    locks = lock_files(path)
    if locks:
        raise PlanSaveError(shown, locks[0][1])
    folder = path.parent if str(path.parent) else Path(".")
    if os.path.exists(path) and not path.stat().st_mode & stat.S_IWUSR:
        raise PlanSaveError(shown, "the file is read-only")
    if os.name == "posix" and not folder.stat().st_mode & stat.S_IWUSR:
        raise PlanSaveError(shown, "the folder is read-only")


def _save_error(path: Path, exc: OSError) -> PlanSaveError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return PlanSaveError(path, "the disk is full; the previous file is unchanged")
    if exc.errno == errno.EFBIG:
        return PlanSaveError(path, "the file is too large for this disk or account; the previous file is unchanged")
    if exc.errno == errno.ENAMETOOLONG:
        return PlanSaveError(path, "the file name is too long for this disk")
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        locks = lock_files(path)
        if locks:
            return PlanSaveError(path, locks[0][1])
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
