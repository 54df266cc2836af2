"""The import report: what a reader recognised and every place it was unsure, grouped.

A reader's warnings carry a ``kind``; the report groups them by kind, with a count and the
first few examples, so a 10,000-task plan whose section numbers all repeat gives one line,
not 10,000. The CLI prints the report as lines on stderr; the GUI shows it in a dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from taskmatrix.io.errors import Notice
from taskmatrix.io.result import ReadResult

#: Examples shown for each kind of warning.
EXAMPLES = 5

#: A title for each kind of warning (English templates, translated by the GUI).
KIND_TITLES: dict[str, str] = {
    "unknown_unit": "units not in the registry, kept as written",
    "no_units": "numbered paragraphs without units",
    "no_lead": "tasks without a lead unit",
    "framing": "numbered items without units, read as framing text (not tasks)",
    "numbering": "jumps or restarts in the numbering",
    "unsure_units": "responsibility lists not fully understood",
    "stray_text": "text outside any task, kept at the end of the preamble",
    "section_number": "repeated section numbers, renumbered",
    "page_artefacts": "page numbers and running headers removed",
    "control_chars": "control characters removed",
    "no_title": "tasks without a title",
    "renumbered": "tasks without a number, numbered",
    "task_number": "task numbers used twice, the later task renumbered",
    "regrouped": "tasks put in section order",
    "unknown_mark": "unknown marks in the grid, read as taking part",
    "rounds": "progress sheets not fully read",
}


#: What each example of a kind shows in a group's line (the title says the rest).
KIND_BRIEFS: dict[str, str] = {
    "unknown_unit": "{unit} (tasks {tasks})",
    "no_units": "task {number}",
    "no_lead": "task {number}",
    "no_title": "task {number}",
    "framing": "{marker}{title}",
    "unsure_units": "task {number}: {name}",
    "stray_text": "{text}",
    "section_number": "→ {number}",
    "renumbered": "→ {number}",
    "task_number": "{number} → {new}",
}


def brief(notice: Notice, translate: Callable[[str], str] = lambda s: s) -> str:
    """A notice as one example in its group's line: where, and the part that differs."""
    template = KIND_BRIEFS.get(notice.kind)
    if template is None:
        return notice.localized(translate)
    try:
        text = translate(template).format(**notice.params)
    except (KeyError, IndexError):
        return notice.localized(translate)
    where = notice.where(translate)
    return f"{where}: {text}" if where else text


@dataclass
class WarningGroup:
    """All warnings of one kind."""

    kind: str
    notices: list[Notice] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.notices)

    def title(self, translate: Callable[[str], str] = lambda s: s) -> str:
        template = KIND_TITLES.get(self.kind)
        return translate(template) if template else self.notices[0].localized(translate)

    def line(self, translate: Callable[[str], str] = lambda s: s, limit: int = EXAMPLES) -> str:
        """``title (count): first; second; …`` on one line (no line breaks from cell text)."""
        if self.kind not in KIND_TITLES and self.count == 1:
            return _one_line(self.notices[0].localized(translate))
        shown = [_one_line(brief(n, translate), 80) for n in self.notices[:limit]]
        more = self.count - len(shown)
        tail = translate("… and {count} more").format(count=more) if more > 0 else ""
        return f"{self.title(translate)} ({self.count}): " + "; ".join(shown) + (f"; {tail}" if tail else "")


@dataclass
class ImportReport:
    """The summary line, what was recognised, and the warnings by kind."""

    summary: Notice
    facts: list[Notice]
    groups: list[WarningGroup]

    def lines(self, translate: Callable[[str], str] = lambda s: s) -> list[str]:
        return [self.summary.localized(translate), *(f.localized(translate) for f in self.facts),
                *(g.line(translate) for g in self.groups)]


def group_warnings(warnings: list[Notice]) -> list[WarningGroup]:
    """Warnings grouped by kind, kinds in order of first appearance."""
    groups: dict[str, WarningGroup] = {}
    for notice in warnings:
        group = groups.get(notice.kind)
        if group is None:
            group = groups[notice.kind] = WarningGroup(notice.kind)
        group.notices.append(notice)
    return list(groups.values())


def build_report(result: ReadResult) -> ImportReport:
    plan = result.plan
    used = plan.units_used()
    unknown = plan.unknown_units(used)
    summary = Notice("{tasks} tasks in {sections} sections, {units} units ({unknown} unknown)",
                     tasks=len(plan.tasks), sections=len(plan.sections), units=len(used), unknown=len(unknown))
    facts = ([result.info] if result.info is not None else []) + list(result.facts)
    return ImportReport(summary, facts, group_warnings(result.warnings))


def _one_line(text: str, limit: int = 0) -> str:
    text = " ".join(text.split())
    return text if not limit or len(text) <= limit else text[:limit] + "…"
