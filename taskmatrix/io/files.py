"""Reading a file's bytes with the io layer's errors: missing, a folder, unreadable, too large."""

from __future__ import annotations

from pathlib import Path

from taskmatrix.io.errors import PlanFormatError


def read_bytes(path: Path, limit: int) -> bytes:
    """The file's bytes; :class:`PlanFormatError` naming the file when it cannot be had."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise PlanFormatError(path, "the file is too large ({size} MB; the limit is {limit} MB)",
                                  size=size // (1024 * 1024), limit=limit // (1024 * 1024))
        return path.read_bytes()
    except PlanFormatError:
        raise
    except FileNotFoundError:
        raise PlanFormatError(path, "no such file") from None
    except IsADirectoryError:
        raise PlanFormatError(path, "this is a folder, not a file") from None
    except OSError as exc:
        raise PlanFormatError(path, "cannot read the file: {reason}", reason=exc.strerror or exc) from None
