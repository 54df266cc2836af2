"""Dialogs of progress tracking: a round's name, period and due date; the lights' thresholds
and the statuses; a corrected deadline."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from taskmatrix.model.deadlines import KINDS, Deadline
from taskmatrix.model.lights import Thresholds
from taskmatrix.model.rounds import Round
from taskmatrix.model.translate import QT_TRANSLATE_NOOP

#: The date an empty date field shows as "—".
NO_DATE = QDate(2000, 1, 1)


class DateField(QDateEdit):
    """A date that may be left empty (shown as —)."""

    def __init__(self, day: _dt.date | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText("—")
        self.set_day(day)

    def set_day(self, day: _dt.date | None) -> None:
        self.setDate(QDate(day.year, day.month, day.day) if day else NO_DATE)

    def day(self) -> _dt.date | None:
        date = self.date()
        return None if date == NO_DATE else _dt.date(date.year(), date.month(), date.day())


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class RoundDialog(QDialog):
    """A round's name (``2019年第一季度``), period and the due date for reports."""

    def __init__(self, title: str, round_: Round, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.name = QLineEdit(round_.name, self)
        self.name.setPlaceholderText(self.tr("for example 2019年第一季度 or 2019年6月"))
        self.start = DateField(round_.start, self)
        self.end = DateField(round_.end, self)
        self.due = DateField(round_.due, self)
        form = QFormLayout(self)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Period from"), self.start)
        form.addRow(self.tr("Period to"), self.end)
        form.addRow(self.tr("Reports due"), self.due)
        form.addRow(QLabel(self.tr("A new round starts from the last round's reports as a draft."), self))
        form.addRow(_buttons(self))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 26)

    def round(self) -> Round:
        return Round(self.name.text().strip(), self.start.day(), self.end.day(), self.due.day())


class ProgressSettingsDialog(QDialog):
    """When the lights turn (the app's settings) and the statuses a report may have (the plan's)."""

    def __init__(self, thresholds: Thresholds, statuses: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Lights and Statuses"))
        self.red = QDoubleSpinBox(self)
        self.yellow = QDoubleSpinBox(self)
        for spin, value in ((self.red, thresholds.red_behind), (self.yellow, thresholds.yellow_behind)):
            spin.setRange(0, 100)
            spin.setSuffix(self.tr(" points"))
            spin.setValue(value)
        self.soon = QSpinBox(self)
        self.soon.setRange(0, 365)
        self.soon.setSuffix(self.tr(" days"))
        self.soon.setValue(thresholds.soon_days)
        self.statuses = QLineEdit("、".join(statuses), self)
        form = QFormLayout(self)
        form.addRow(self.tr("Red when behind the expected progress by more than"), self.red)
        form.addRow(self.tr("Yellow when behind by more than"), self.yellow)
        form.addRow(self.tr("Yellow when the deadline is within"), self.soon)
        form.addRow(self.tr("Statuses (separated by 、)"), self.statuses)
        form.addRow(_buttons(self))

    def thresholds(self) -> Thresholds:
        return Thresholds(self.red.value(), self.yellow.value(), self.soon.value())

    def status_list(self) -> list[str]:
        return [s.strip() for s in self.statuses.text().replace("，", "、").replace(",", "、").split("、") if s.strip()]


class DeadlineDialog(QDialog):
    """The deadline as read from the task's text, to correct: its kind and dates."""

    KIND_NAMES = {"fixed": QT_TRANSLATE_NOOP("DeadlineDialog", "finish by a date"),
                  "span": QT_TRANSLATE_NOOP("DeadlineDialog", "between two dates"),
                  "recurring": QT_TRANSLATE_NOOP("DeadlineDialog", "every year (or quarter…)"),
                  "ongoing": QT_TRANSLATE_NOOP("DeadlineDialog", "ongoing, no end"),
                  "none": QT_TRANSLATE_NOOP("DeadlineDialog", "no deadline")}

    def __init__(self, deadline: Deadline, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Correct the Deadline"))
        self.text = deadline.text
        self.kind = QComboBox(self)
        for kind in KINDS:
            self.kind.addItem(self.tr(self.KIND_NAMES[kind]), kind)
        self.kind.setCurrentIndex(max(0, self.kind.findData(deadline.kind)))
        self.start = DateField(deadline.start, self)
        self.end = DateField(deadline.end, self)
        form = QFormLayout(self)
        form.addRow(self.tr("As written"), QLabel(deadline.text or "—", self))
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("From"), self.start)
        form.addRow(self.tr("Last day"), self.end)
        form.addRow(_buttons(self))

    def deadline(self) -> Deadline:
        return Deadline(self.text, str(self.kind.currentData()), self.start.day(), self.end.day(), False)
