"""Entry point: ``export``, ``sheets`` and ``report`` run headless, anything else starts the app."""

from __future__ import annotations

import sys
from collections.abc import Sequence

HEADLESS_COMMANDS = ("export", "sheets", "report", "send", "receive", "check", "stats")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in HEADLESS_COMMANDS:
        from taskmatrix.cli import run

        return run(args)
    from taskmatrix.gui.app import run_app

    return run_app(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
