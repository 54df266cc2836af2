"""The io layer's one exception family, carrying the file and, where known, the row.

Messages are English templates (``"row {row}: duplicate task number {number}"``) with
their arguments kept apart, so the GUI can show them translated
(:meth:`PlanFormatError.localized`) and the CLI prints ``error: {error}`` in English.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

ROW_TEMPLATE = "row {row}"
LINE_TEMPLATE = "line {row}"


class Phrase(str):
    """A message parameter that is itself translatable text (“the workbook”, “a Word
    document”): messages translate it along with their template."""


def _params(params: dict[str, object], translate: Callable[[str], str]) -> dict[str, object]:
    return {k: translate(v) if isinstance(v, Phrase) else one_line(v) for k, v in params.items()}


def one_line(value: object) -> object:
    """Text from a file (a cell, a name) as part of a one-line message: line breaks shown as ⏎."""
    if isinstance(value, str) and ("\n" in value or "\r" in value):
        return value.replace("\r\n", "⏎").replace("\n", "⏎").replace("\r", "⏎")
    return value


class PlanFormatError(Exception):
    """A file could not be read or written as a plan.

    ``str(error)`` names the file, the row (when there is one) and the problem.
    """

    def __init__(
        self, path: str | Path | None, template: str, row: int | None = None, **args: object
    ) -> None:
        self.path = str(path) if path is not None else ""
        self.template = template
        self.row = row
        self.params = args
        super().__init__(str(self))

    @property
    def message(self) -> str:
        return self.template.format(**self.params)

    def localized(self, translate: Callable[[str], str] = lambda s: s) -> str:
        where = str(one_line(self.path)) or "<input>"
        if self.row is not None:
            where += ": " + translate(ROW_TEMPLATE).format(row=self.row)
        return f"{where}: {translate(self.template).format(**_params(self.params, translate))}"

    def __str__(self) -> str:
        return self.localized()


class PlanSaveError(PlanFormatError):
    """Writing a file failed; the previous file, if any, is untouched."""


class Notice:
    """A translatable message: a reader's warning (an unknown unit, a row it could not use)
    or its report of what it recognised (which sheet, which columns).

    ``kind`` groups notices of one sort in the import report (``unknown_unit``,
    ``no_units``, …); by default it is the template itself. ``row`` is a row of a sheet, or
    with ``in_text`` a line of a text.
    """

    def __init__(self, template: str, row: int | None = None, kind: str = "", in_text: bool = False,
                 **args: object) -> None:
        self.template = template
        self.row = row
        self.kind = kind or template
        self.in_text = in_text
        self.params = args

    def where(self, translate: Callable[[str], str] = lambda s: s) -> str:
        """``row 12`` or ``line 12`` (translated), or "" when the notice names no place."""
        if self.row is None:
            return ""
        return translate(LINE_TEMPLATE if self.in_text else ROW_TEMPLATE).format(row=self.row)

    def localized(self, translate: Callable[[str], str] = lambda s: s) -> str:
        text = translate(self.template).format(**_params(self.params, translate))
        if self.row is not None:
            text = self.where(translate) + ": " + text
        return text

    def __str__(self) -> str:
        return self.localized()

    def __repr__(self) -> str:
        return f"Notice({str(self)!r})"


class Cancelled(Exception):
    """The user cancelled a long read or write; nothing was changed."""
