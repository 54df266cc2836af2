"""The progress actions: add, edit and delete reporting rounds, correct a deadline, the lights'
thresholds and the statuses; and the table model kept on the round the view state shows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from taskmatrix.gui.actions import ActionId
from taskmatrix.gui.document.document import PlanDocument
from taskmatrix.gui.progress.dialogs import DeadlineDialog, ProgressSettingsDialog, RoundDialog
from taskmatrix.gui.settings import LIGHT_RED_BEHIND, LIGHT_SOON_DAYS, LIGHT_YELLOW_BEHIND, Settings
from taskmatrix.gui.state import ViewState
from taskmatrix.model.filters import FilterSpec
from taskmatrix.model.lights import Thresholds
from taskmatrix.model.plan import Task
from taskmatrix.model.progress import deadline_of
from taskmatrix.model.rounds import Round, find_round


def thresholds_from(settings: Settings) -> Thresholds:
    return Thresholds(settings.get(LIGHT_RED_BEHIND), settings.get(LIGHT_YELLOW_BEHIND), settings.get(LIGHT_SOON_DAYS))


class RoundController(QObject):
    """Rounds, deadlines and lights for one document, following the view state's round."""

    BINDINGS = {ActionId.NEW_ROUND: "new_round", ActionId.EDIT_ROUND: "edit_round",
                ActionId.DELETE_ROUND: "delete_round", ActionId.CORRECT_DEADLINE: "correct_deadline",
                ActionId.PROGRESS_SETTINGS: "progress_settings"}

    def __init__(self, document: PlanDocument, state: ViewState, settings: Settings,
                 current_task: Callable[[], Task | None], parent: QWidget) -> None:
        super().__init__(parent)
        self.document = document
        self.state = state
        self.settings = settings
        self.current_task = current_task
        self.window = parent
        document.model.index_.thresholds = thresholds_from(settings)
        state.changed.connect(self._state_changed)
        document.model.roundsChanged.connect(self._rounds_changed)
        document.planReplaced.connect(self._plan_replaced)
        self._plan_replaced()

    # -- keeping the model on the shown round ---------------------------------------------------
    def _state_changed(self, spec: FilterSpec) -> None:
        self.document.model.show_round(spec.round, spec.unit)

    def _plan_replaced(self) -> None:
        model = self.document.model
        model.index_.thresholds = thresholds_from(self.settings)
        rounds = self.document.plan.rounds
        self.state.set_round(rounds[-1].name if rounds else "")
        model.show_round(self.state.round, self.state.unit)

    def _rounds_changed(self) -> None:
        """A round renamed, added or deleted (or undone): show a round that exists."""
        plan = self.document.plan
        if not find_round(plan, self.state.round):
            self.state.set_round(plan.rounds[-1].name if plan.rounds else "")

    # -- actions ------------------------------------------------------------------------------
    def new_round(self) -> bool:
        dialog = RoundDialog(self.tr("New Reporting Round"), Round(""), self.window)
        if not self.exec_dialog(dialog):
            return False
        new = dialog.round()
        if not self.document.add_round(new):
            self._refused()
            return False
        self.state.set_round(new.name)
        return True

    def edit_round(self) -> bool:
        current = find_round(self.document.plan, self.state.round)
        if current is None:
            return self._no_round()
        dialog = RoundDialog(self.tr("Edit the Round"), current, self.window)
        if not self.exec_dialog(dialog):
            return False
        changed = dialog.round()
        if not self.document.change_round(current.name, changed):
            self._refused()
            return False
        self.state.set_round(changed.name)
        return True

    def delete_round(self) -> bool:
        name = self.state.round
        if not find_round(self.document.plan, name):
            return self._no_round()
        answer = QMessageBox.question(self.window, self.tr("Delete the Round"), self.tr(
            "Delete round {name} and every report in it? You can undo this.").format(name=name))
        return answer == QMessageBox.StandardButton.Yes and self.document.remove_round(name)

    def correct_deadline(self) -> bool:
        task = self.current_task()
        if task is None:
            QMessageBox.information(self.window, self.tr("Correct the Deadline"),
                                    self.tr("Select a task in the table first."))
            return False
        dialog = DeadlineDialog(deadline_of(self.document.plan, task), self.window)
        if not self.exec_dialog(dialog):
            return False
        return self.document.correct_deadline(task, dialog.deadline())

    def progress_settings(self) -> bool:
        model = self.document.model
        dialog = ProgressSettingsDialog(model.index_.thresholds, self.document.plan.statuses, self.window)
        if not self.exec_dialog(dialog):
            return False
        thresholds = dialog.thresholds()
        self.settings.set(LIGHT_RED_BEHIND, thresholds.red_behind)
        self.settings.set(LIGHT_YELLOW_BEHIND, thresholds.yellow_behind)
        self.settings.set(LIGHT_SOON_DAYS, thresholds.soon_days)
        model.index_.thresholds = thresholds
        ok = self.document.set_statuses(dialog.status_list())
        model.refresh_lights()
        return ok

    def exec_dialog(self, dialog: QWidget) -> int:
        return dialog.exec()  # type: ignore[attr-defined]

    def _no_round(self) -> bool:
        QMessageBox.information(self.window, self.tr("Reporting Rounds"),
                                self.tr("Add a reporting round first (Progress ▸ New Reporting Round)."))
        return False

    def _refused(self) -> None:
        QMessageBox.warning(self.window, self.tr("Reporting Rounds"), self.document.last_refusal)
