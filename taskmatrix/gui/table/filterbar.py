"""The filter bar above the table: text, section, unit with role, city, status; a count,
a marker while any filter is on, and one button that clears them all."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from taskmatrix.gui.actions import ActionId
from taskmatrix.gui.state import ViewState
from taskmatrix.gui.timers import pause_timer
from taskmatrix.model.filters import (
    EMPTY_STATUS,
    NO_SECTION,
    ROLE_ANY,
    ROLE_LEAD,
    ROLE_PARTICIPANT,
    FilterSpec,
)
from taskmatrix.model.lights import LIGHT_NAMES, LIGHTS, SYMBOLS
from taskmatrix.model.plan import STATUSES, Plan

#: Above this many tasks, typing waits for a pause before filtering.
DEBOUNCE_ABOVE = 20_000
DEBOUNCE_MS = 120


class FilterBar(QWidget):
    """The filter's widgets over the :class:`ViewState`: what the user sets here goes to the
    state, and what others set there (a unit chosen in its dock) shows here."""

    BINDINGS = {ActionId.FIND: "focus_search", ActionId.CLEAR_FILTERS: "clear_all"}

    def __init__(self, state: ViewState, clear_action: QAction, parent: Any = None) -> None:
        super().__init__(parent)
        self.state = state
        self._plan: Plan | None = None
        self._debounce = 0
        self._timer = pause_timer(self, self._emit)

        self.search = QLineEdit(self)
        self.search.setObjectName("filterText")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search all fields"))
        self.search.setToolTip(self.tr("Search every field; with several words, a task must contain all of them"))
        self.search.setMinimumWidth(140)
        self.section = self._combo("filterSection")
        self.unit = self._combo("filterUnit", editable=True)
        self.unit.setMinimumContentsLength(8)
        self.role = self._combo("filterRole")
        for text, role in ((self.tr("Any role"), ROLE_ANY), (self.tr("Lead"), ROLE_LEAD),
                           (self.tr("Taking part"), ROLE_PARTICIPANT)):
            self.role.addItem(text, role)
        self.city = self._combo("filterCity")
        self.status = self._combo("filterStatus")
        self.round = self._combo("filterRound")
        self.light = self._combo("filterLight")
        self.light.addItem(self.tr("All lights"), "")
        for light in LIGHTS:
            self.light.addItem(f"{SYMBOLS[light]} {QCoreApplication.translate('Lights', LIGHT_NAMES[light])}", light)
        self.count = QLabel(self)
        self.count.setObjectName("filterCount")
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.marker = QLabel(self.tr("Filtered"), self)
        self.marker.setObjectName("filterMarker")
        self.marker.setStyleSheet("QLabel { background: #f0ad4e; color: black; border-radius: 3px; padding: 1px 6px; }")
        # Hidden, it keeps its room: the widgets beside it do not move when a filter turns on.
        policy = self.marker.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.marker.setSizePolicy(policy)
        self.marker.setVisible(False)
        self.clear_action = clear_action
        self.clear = QToolButton(self)
        self.clear.setDefaultAction(clear_action)
        self.clear.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)

        # Two rows: the filters, and (once the plan has rounds) the round shown, its light
        # filter and whatever the window adds there (the round's summary): room at 1366 px.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 4, 6, 4)
        outer.setSpacing(2)
        layout = QHBoxLayout()
        outer.addLayout(layout)
        layout.addWidget(self.search, 3)
        for tip, widget in ((self.tr("Section"), self.section), (self.tr("Unit"), self.unit),
                            (self.tr("Role of the unit"), self.role), (self.tr("City (directly or through a group)"),
                                                                       self.city), (self.tr("Status"), self.status)):
            widget.setToolTip(tip)
            layout.addWidget(widget, 1)
        layout.addWidget(self.marker)
        layout.addWidget(self.count)
        layout.addWidget(self.clear)
        self.rounds_row = QWidget(self)
        self.rounds_row.setObjectName("roundsRow")
        self.round_layout = QHBoxLayout(self.rounds_row)
        self.round_layout.setContentsMargins(0, 0, 0, 0)
        round_label = QLabel(self.tr("Round:"), self.rounds_row)
        round_label.setBuddy(self.round)
        self.round_layout.addWidget(round_label)
        for tip, widget in ((self.tr("Reporting round shown (its reports and lights)"), self.round),
                            (self.tr("Light in the round shown"), self.light)):
            widget.setToolTip(tip)
            widget.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            self.round_layout.addWidget(widget)
        outer.addWidget(self.rounds_row)
        self.rounds_row.setVisible(False)
        self._fit_combo(self.role)

        self.search.textChanged.connect(self._text_changed)
        for combo in (self.section, self.role, self.city, self.status, self.round, self.light):
            combo.currentIndexChanged.connect(self._emit)
        self.unit.activated.connect(self._emit)
        unit_edit = self.unit.lineEdit()
        assert unit_edit is not None
        unit_edit.editingFinished.connect(self._unit_typed)
        state.changed.connect(self._state_changed)

    def _combo(self, name: str, editable: bool = False) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(5)
        combo.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        if editable:
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            completer = combo.completer()
            assert completer is not None
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        return combo

    @staticmethod
    def _fit_combo(combo: QComboBox) -> None:
        """Wide enough for its first choice ("All units", "全部单位") in any language: the box
        shows it whole, and keeps its width whatever is chosen later."""
        if combo.count():
            text = combo.itemText(0)
            wide = sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)
            combo.setMinimumContentsLength(max(5, wide))

    # -- choices ------------------------------------------------------------------------
    def set_plan(self, plan: Plan, used: Sequence[str] | None = None) -> None:
        """Fill the choices from ``plan`` (after opening, or when sections change); ``used``:
        its units used, where known."""
        self._plan = plan
        self._debounce = DEBOUNCE_MS if len(plan.tasks) > DEBOUNCE_ABOVE else 0
        self._reserve_count_width(len(plan.tasks))
        with QSignalBlocker(self.section), QSignalBlocker(self.status):
            self.section.clear()
            self.section.addItem(self.tr("All sections"), None)
            if any(t.section is None for t in plan.tasks):
                self.section.addItem(self.tr("(no section)"), NO_SECTION)
            for s in plan.sections:
                self.section.addItem(s.label, s.number)
            self.status.clear()
            self.status.addItem(self.tr("All statuses"), None)
            self.status.addItem(self.tr("(empty)"), EMPTY_STATUS)
            statuses = sorted({t.status for t in plan.tasks if t.status} - set(STATUSES))
            for status in (*STATUSES, *statuses):
                self.status.addItem(status, status)
        self._fit_combo(self.section)
        self._fit_combo(self.status)
        self.set_rounds(plan)
        self.set_units(plan, used)

    def set_rounds(self, plan: Plan) -> None:
        """Fill the round choices (after rounds were added, renamed or deleted) and the statuses."""
        with QSignalBlocker(self.round), QSignalBlocker(self.status):
            self.round.clear()
            self.round.addItem(self.tr("No round"), "")
            for round_ in plan.rounds:
                self.round.addItem(round_.name, round_.name)
            for status in plan.statuses if plan.rounds else ():
                if self.status.findData(status) < 0:
                    self.status.addItem(status, status)
        self.rounds_row.setVisible(bool(plan.rounds))
        self._fit_combo(self.round)
        self._fit_combo(self.light)

    def set_units(self, plan: Plan, used: Sequence[str] | None = None) -> None:
        """Fill the unit and city choices (when units changed); ``used``: as for :meth:`set_plan`."""
        self._plan = plan
        with QSignalBlocker(self.unit), QSignalBlocker(self.city):
            self.unit.clear()
            self.unit.addItem(self.tr("All units"), "")
            for name in plan.all_unit_names(used):
                self.unit.addItem(name, name)
            self.city.clear()
            self.city.addItem(self.tr("All cities"), "")
            for city in plan.registry.city_names():
                self.city.addItem(city, city)
        self._fit_combo(self.unit)
        self._fit_combo(self.city)
        self.set_spec(self.state.spec)

    # -- the spec ---------------------------------------------------------------------------
    @property
    def spec(self) -> FilterSpec:
        return self.state.spec

    def _state_changed(self, spec: FilterSpec) -> None:
        if spec != self._read():
            self.set_spec(spec)
        else:
            self._mark(spec)

    def set_spec(self, spec: FilterSpec) -> None:
        """Show ``spec`` in the widgets (choices not offered fall back to "all")."""
        widgets = (self.search, self.section, self.unit, self.role, self.city, self.status, self.round, self.light)
        for w in widgets:
            w.blockSignals(True)
        if self.search.text() != spec.text:
            self.search.setText(spec.text)
        _select(self.section, spec.section)
        _select(self.unit, spec.unit)
        _select(self.role, spec.role)
        _select(self.city, spec.city)
        _select(self.status, spec.status)
        _select(self.round, spec.round)
        _select(self.light, spec.light)
        for w in widgets:
            w.blockSignals(False)
        self._timer.stop()
        self._emit()

    def set_unit(self, unit: str, role: str | None = None) -> None:
        self.state.set_unit(unit, role)

    def set_city(self, city: str) -> None:
        self.state.set_city(city)

    def clear_all(self) -> None:
        self.state.clear()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def set_count(self, visible: int, total: int) -> None:
        self._reserve_count_width(total)
        self.count.setText(self.tr("{visible} / {total} tasks").format(visible=visible, total=total))

    def _reserve_count_width(self, total: int) -> None:
        """Room for the widest count of ``total`` tasks, so a new count moves nothing."""
        widest = self.tr("{visible} / {total} tasks").format(visible=total, total=total)
        self.count.setMinimumWidth(self.count.fontMetrics().horizontalAdvance(widest) + 4)

    # -- internals ----------------------------------------------------------------------
    def _read(self) -> FilterSpec:
        return FilterSpec(
            text=self.search.text(),
            section=self.section.currentData(),
            unit=self.unit.currentData() or "",
            role=self.role.currentData() or ROLE_ANY,
            city=self.city.currentData() or "",
            status=self.status.currentData(),
            round=self.round.currentData() or "",
            light=(self.light.currentData() or "") if self.round.currentData() else "",
        )

    def _text_changed(self) -> None:
        if self._debounce:
            self._timer.start(self._debounce)
        else:
            self._emit()

    def _unit_typed(self) -> None:
        """Enter in the unit box: the unit named, or the one best matching what was typed
        (``科技`` -> 省科技厅); the box never keeps text that filters nothing."""
        text = self.unit.currentText().strip()
        if self._plan is not None and text:
            index = self.unit.findData(self._plan.registry.canonical(text))
            if index < 0:
                index = self._best_unit(text)
            if index >= 0 and index != self.unit.currentIndex():
                self.unit.setCurrentIndex(index)
            elif index < 0:  # nothing matches: show what is chosen again
                self.unit.setEditText(self.unit.itemText(self.unit.currentIndex()))
        elif not text:
            self.unit.setCurrentIndex(0)
        self._emit()

    def _best_unit(self, text: str) -> int:
        """The choice that best matches ``text``: a name starting with it, else containing it
        (or an alias that does), the shortest first; -1 when none does."""
        assert self._plan is not None
        wanted = text.casefold()
        aliases: dict[str, list[str]] = {u.name: u.aliases for u in self._plan.registry}
        found: list[tuple[int, int, int]] = []  # (rank, length, index)
        for i in range(1, self.unit.count()):
            name = str(self.unit.itemData(i) or "")
            forms = [name.casefold(), *(a.casefold() for a in aliases.get(name, ()))]
            if any(f.startswith(wanted) for f in forms):
                found.append((0, len(name), i))
            elif any(wanted in f for f in forms) or wanted in name.casefold().lstrip("省市"):
                found.append((1, len(name), i))
        return min(found)[2] if found else -1

    def _emit(self) -> None:
        """What the widgets describe becomes the state (choices not offered read as "all")."""
        spec = self._read()
        self._mark(spec)
        self.state.set_spec(spec)

    def _mark(self, spec: FilterSpec) -> None:
        self.marker.setVisible(spec.is_active())
        self.clear_action.setEnabled(spec.is_active())


def _select(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    if index < 0 and value is None:
        index = 0
    combo.setCurrentIndex(max(index, 0))

