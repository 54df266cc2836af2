"""What the user has chosen to look at, in one place.

The filter bar, the unit and city docks, the table's proxy and printing all read and set one
:class:`ViewState`; none of them talks to another, and none goes through the window. A change
is announced once, to everyone, and only when something really changed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from taskmatrix.model.filters import FilterSpec


class ViewState(QObject):
    """The current filter (text, section, unit and role, city, status, light) and the reporting
    round shown.

    Signals:
        changed(FilterSpec): the filter changed (never sent for a spec equal to the last).
    """

    changed = Signal(object)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._spec = FilterSpec()

    @property
    def spec(self) -> FilterSpec:
        return self._spec

    @property
    def unit(self) -> str:
        return self._spec.unit

    @property
    def city(self) -> str:
        return self._spec.city

    def set_spec(self, spec: FilterSpec) -> None:
        if spec != self._spec:
            self._spec = spec
            self.changed.emit(spec)

    def set_unit(self, unit: str, role: str | None = None) -> None:
        self.set_spec(self._spec.with_(unit=unit, role=role or self._spec.role))

    def set_city(self, city: str) -> None:
        self.set_spec(self._spec.with_(city=city))

    @property
    def round(self) -> str:
        return self._spec.round

    def set_round(self, name: str) -> None:
        self.set_spec(self._spec.with_(round=name))

    def clear(self) -> None:
        """No filter (the round shown stays)."""
        self.set_spec(self._spec.cleared())

    def keep_only_choices(self) -> None:
        """Drop the text, section, status and light filters; keep the unit, role, city and round."""
        spec = self._spec
        self.set_spec(FilterSpec(unit=spec.unit, role=spec.role, city=spec.city, round=spec.round))
