"""Plan text paragraphs -> the plan: title, preamble, sections, tasks with their units.

Which numbered items are the tasks: the level (``1.`` or ``（一）``) whose items end with a
responsibility parenthesis (or are followed by a ``责任单位：`` line). Where ``1.`` items are
the tasks, ``（一）`` items between them are sub-headings (kept as each task's ``分项``), and
``（一）`` items of a section without tasks are framing text. Where ``（一）`` items are the
tasks, those of a section without units (指导思想, 发展目标, 基本原则) are framing text, not
tasks, and the numbering runs on through them. Framing text, and text after a task that
already named its units, is kept at the end of the preamble.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from taskmatrix.io.errors import Notice
from taskmatrix.io.textlayout import clean_text
from taskmatrix.io.textparas import Para
from taskmatrix.io.texttitle import split_title
from taskmatrix.io.textunits import deadline_label, inline_label, split_responsibility
from taskmatrix.model.plan import MAX_NUMBER, Plan, Section, Task
from taskmatrix.model.resplist import (
    FIRST_GROUP,
    FIRST_UNIT,
    RULE_RE,
    has_group_separator,
    parse_responsibility,
    split_lead_rule,
)
from taskmatrix.model.units import UnitRegistry

#: The extra field that keeps a task's sub-heading (``（一）统筹两个市场，打造加工制造中心``).
SUBHEADING_FIELD = "分项"
FRAMING_TITLES = ("指导思想", "基本原则", "发展目标", "工作目标", "主要目标", "总体目标", "总体要求", "工作原则",
                  "目标任务", "适用范围", "编制依据", "重要意义")
REPEATED = -1  # the number of a task whose number was used before, until all are read


@dataclass
class Item:
    """A numbered item with the paragraphs that continue it; ``units`` is the text naming its
    units (its closing parenthesis or ``责任单位：`` lines), ``None`` while it has none."""

    para: Para
    paras: list[Para] = field(default_factory=list)
    units: str | None = None
    text: str = ""  # the item's text without its units, cleaned

    @property
    def kind(self) -> str:
        return self.para.kind

    @property
    def number(self) -> int:
        return self.para.number

    def title(self) -> str:
        return split_title(self.text)[0]


@dataclass
class ReadContext:
    registry: UnitRegistry
    warnings: list[Notice] = field(default_factory=list)
    facts: list[Notice] = field(default_factory=list)


def build_items(paras: list[Para], ctx: ReadContext) -> list[Para | Item]:
    """Numbered items with their continuation paragraphs; other paragraphs as they are."""
    events: list[Para | Item] = []
    item: Item | None = None
    for para in paras:
        if para.kind in ("num", "paren"):
            item = Item(para, [para])
            _close(item, ctx)
            events.append(item)
        elif para.kind == "section":
            item = None
            events.append(para)
        elif item is not None and (item.units is None or para.kind == "label"):
            item.paras.append(para)
            _close(item, ctx)
        else:
            item = None
            events.append(para)
    return events


def _close(item: Item, ctx: ReadContext) -> None:
    """Find the item's units in its text so far (its closing parenthesis or label lines)."""
    labels = [p for p in item.paras if p.kind == "label"]
    body = [p for p in item.paras if p.kind != "label"]
    text = clean_text(" ".join(p.text() for p in body))
    if labels:
        item.units = clean_text("；".join(p.text() for p in labels))
        item.text = text
        return
    units, rest = split_responsibility(text, ctx.registry)
    if units is None:
        units, rest = inline_label(text)
    item.units, item.text = units, rest


class TextPlanBuilder:
    """Builds the plan from the items; warnings and facts go to the context."""

    def __init__(self, events: list[Para | Item], ctx: ReadContext, path: str | Path | None) -> None:
        self.events = events
        self.ctx = ctx
        self.path = path
        self.plan = Plan(registry=ctx.registry)
        items = [e for e in events if isinstance(e, Item)]
        nums = [i for i in items if i.kind == "num"]
        parens = [i for i in items if i.kind == "paren"]
        self.has_units = any(i.units is not None for i in items)
        with_units = {kind: sum(1 for i in group if i.units is not None) for kind, group in
                      (("num", nums), ("paren", parens))}
        if with_units["num"] or with_units["paren"]:  # the level that carries most of the units
            self.level = "num" if with_units["num"] >= with_units["paren"] else "paren"
        else:
            self.level = "num" if nums else "paren"
        self.lists = [i.units for i in items if i.kind == self.level and i.units is not None]

    # -- the lead rule ----------------------------------------------------------------------
    def document_rule(self, preamble: str) -> str:
        """The rule for lists that state none: the first group leads, unless the preamble says
        the first listed unit leads and the lists do not separate groups."""
        stated = RULE_RE.search(preamble)
        if stated is None:  # a closing note (``注：列第一位者为牵头单位``) states it as well
            stated = next((m for m in (RULE_RE.search(e.text()) for e in self.events
                                       if isinstance(e, Para) and e.kind == "text") if m), None)
        multi = [u for u in self.lists if "、" in u or has_group_separator(u)]
        grouped = sum(1 for u in multi if has_group_separator(split_lead_rule(u)[0]))
        if stated is not None and multi and grouped * 2 < len(multi):
            self.ctx.facts.append(Notice("lead rule: the first unit listed leads, the others take part "
                                         "(as the preamble states: “{rule}”)", rule=stated.group(0)))
            return FIRST_UNIT
        if stated is not None:
            self.ctx.facts.append(Notice("lead rule: the first group of units leads (units joined by 、 in it "
                                         "lead jointly), as the preamble states: “{rule}”", rule=stated.group(0)))
        return FIRST_GROUP

    # -- building -----------------------------------------------------------------------------
    def build(self) -> tuple[Plan, list[str]]:
        """The plan, and the head paragraphs (before the first heading or task) for the title."""
        head: list[str] = []
        tail: list[str] = []
        started = False
        events = self._merge_other_level()
        subheadings = self._subheading_items(events)
        section: int | None = None
        subheading = ""
        rule = FIRST_GROUP
        rule_known = False
        numbering = _Numbering(self)
        for event in events:
            if isinstance(event, Para) and event.kind == "section":
                started = True
                section = self._add_section(event)
                subheading = ""
                numbering.boundary()
                continue
            if isinstance(event, Para):
                text = clean_text(event.full_text() if event.kind != "text" else event.text())
                if not started:
                    head.append(text)
                elif text:
                    tail.append(text)
                    self._warn("text outside any task was kept at the end of the preamble: {text}",
                               event.line, "stray_text", text=_shorten(text))
                continue
            if not rule_known:
                rule = self.document_rule("\n".join(head))
                rule_known = True
            started = True
            if id(event) in subheadings:
                subheading = event.text.rstrip("。")
                numbering.boundary()
                continue
            if event.kind != self.level or self._is_framing(event, section):
                if event.kind == self.level:
                    numbering.framing(event)
                text = clean_text(" ".join(p.full_text() for p in event.paras))
                tail.append(text)
                self._warn("{marker}{title}: no units, so not a task; its text was kept at the end of the preamble",
                           event.para.line, "framing", marker=event.para.marker, title=_shorten(event.title()))
                continue
            rule = self._task(event, section, subheading, rule, numbering)
        self._number_repeated(numbering)
        self.plan.preamble = "\n".join(p for p in tail if p)
        if subheadings:
            self.plan.ensure_extra_fields([SUBHEADING_FIELD])
            first = next(e for e in events if isinstance(e, Item) and id(e) in subheadings)
            self.ctx.facts.append(Notice("{count} sub-headings (such as “{example}”) are kept as each task's “分项”",
                                         count=len(subheadings), example=_shorten(first.text.rstrip("。"))))
        return self.plan, head

    def _number_repeated(self, numbering: _Numbering) -> None:
        """Tasks whose number was used before get numbers after the last one, with a warning."""
        unnumbered = iter(numbering.repeated)
        for task in self.plan.tasks:
            if task.number == REPEATED:
                number, first, line = next(unnumbered)
                task.number = self.plan.next_task_number()
                if not first:
                    self._warn("task number {number} is out of range (1 to 99,999,999); the task was numbered {new}",
                               line, "task_number", number=number, new=task.number)
                    continue
                self._warn("task number {number} is used twice (lines {first} and {second}); the second task "
                           "was numbered {new}", line, "task_number", number=number, first=first, second=line,
                           new=task.number)

    def _merge_other_level(self) -> list[Para | Item]:
        """Items of the other level: continuation text where they continue a task, else kept."""
        out: list[Para | Item] = []
        for event in self.events:
            if isinstance(event, Item) and event.kind != self.level and out:
                previous = out[-1]
                joins = (self.level == "paren" and isinstance(previous, Item)) or (
                    self.level == "num" and self.has_units and isinstance(previous, Item)
                    and previous.kind == "num" and previous.units is None)
                if joins and isinstance(previous, Item) and previous.units is not None:
                    # The task has its units already: the item is more of its text.
                    previous.text = clean_text(previous.text + " " + " ".join(p.full_text() for p in event.paras))
                    continue
                if joins and isinstance(previous, Item):
                    for para in event.paras:
                        para.lines = [para.full_text()] if para.lines or para.marker else para.lines
                        para.marker = ""
                        previous.paras.append(para)
                    _close(previous, self.ctx)
                    continue
            out.append(event)
        return out

    def _subheading_items(self, events: list[Para | Item]) -> set[int]:
        """Items of the other level that head tasks below them (before the next section)."""
        found: set[int] = set()
        pending: list[Item] = []
        for event in events:
            if isinstance(event, Para) and event.kind == "section":
                pending = []
            elif isinstance(event, Item) and event.kind != self.level:
                pending.append(event)
            elif isinstance(event, Item) and pending:
                found.update(id(i) for i in pending)
                pending = []
        return found

    def _is_framing(self, item: Item, section: int | None) -> bool:
        if item.units is not None:
            return False
        if item.title().rstrip("：:") in FRAMING_TITLES:
            return True
        return self.has_units and section not in self._sections_with_units()

    def _sections_with_units(self) -> set[int | None]:
        cached = getattr(self, "_with_units", None)
        if cached is None:
            cached = set()
            section: int | None = None
            for event in self.events:
                if isinstance(event, Para) and event.kind == "section":
                    section = event.number
                elif isinstance(event, Item) and event.kind == self.level and event.units is not None:
                    cached.add(section)
            self._with_units = cached
        return cached

    def _add_section(self, para: Para) -> int:
        number = para.number
        if self.plan.section(number) is not None:
            number = self.plan.next_section_number()
            self._warn("section number repeated; numbered {number} instead", para.line, "section_number",
                       number=number)
        self.plan.sections.append(Section(number, clean_text(para.title)))
        return number

    def _task(self, item: Item, section: int | None, subheading: str, rule: str, numbering: _Numbering) -> str:
        """Add the task ``item`` reads as; return the lead rule for the lists after it."""
        task = Task(number=numbering.assign(item), section=section)
        if subheading:
            task.extra[SUBHEADING_FIELD] = subheading
        next_rule = rule
        if item.units is None:
            self._warn("task {number}: no units named (no responsibility parenthesis or 责任单位 line)",
                       item.para.line, "no_units", number=task.number)
        else:
            units, deadline = deadline_label(item.units)
            if deadline:
                task.deadline = deadline
            units, stated = split_lead_rule(units)
            this_rule = rule
            if stated is not None:
                this_rule = FIRST_UNIT
                if stated.carries:
                    next_rule = FIRST_UNIT
                if not any(f.kind == "lead_rule" for f in self.ctx.facts):
                    self.ctx.facts.append(Notice(
                        "lead rule: the first unit listed leads, the others take part (stated in task {number}: "
                        "“{rule}”)", kind="lead_rule", number=task.number, rule=stated.text))
            resp = parse_responsibility(units, self.ctx.registry, this_rule)
            task.leads, task.participants = resp.leads, resp.participants
            for name in resp.unsure:
                self._warn("task {number}: “{name}” was read as a unit, but may not be one", item.para.line,
                           "unsure_units", number=task.number, name=_shorten(name))
            if not task.leads:
                self._warn("task {number} has no lead unit", item.para.line, "no_lead", number=task.number)
        title, body = split_title(item.text)
        task.title, task.body = title, body
        if not task.title:
            self._warn("task {number} has no title", item.para.line, "no_title", number=task.number)
        self.plan.tasks.append(task)
        return next_rule

    def _warn(self, template: str, row: int | None, kind: str, **args: object) -> None:
        self.ctx.warnings.append(Notice(template, row=row, kind=kind, in_text=True, **args))


class _Numbering:
    """Task numbers as written; a numbering that restarts in each section (or sub-heading)
    runs on instead, and jumps are reported."""

    def __init__(self, builder: TextPlanBuilder) -> None:
        self.builder = builder
        self.last = 0
        self.offset = 0
        self.seen: dict[int, int] = {}
        self.new_block = False
        self.restarted = False
        #: (number, first line, this line) of each repeated number, in order
        self.repeated: list[tuple[int, int, int]] = []

    def boundary(self) -> None:
        self.new_block = True

    def framing(self, item: Item) -> None:
        self.last = max(self.last, item.number + self.offset)
        self.new_block = False

    def assign(self, item: Item) -> int:
        number = item.number + self.offset
        if number in self.seen and item.number == 1 and self.new_block:
            self.offset = max(self.seen)
            number = item.number + self.offset
            if not self.restarted:
                self.restarted = True
                self.builder._warn("numbering restarts at 1 here; tasks are numbered on from {number}",
                                   item.para.line, "numbering", number=number)
        if number in self.seen or not 1 <= number <= MAX_NUMBER:  # numbered after the others once all are read
            self.repeated.append((number, self.seen.get(number, 0), item.para.line))
            self.new_block = False
            return REPEATED
        if self.last and number != self.last + 1 and not (self.restarted and item.number == 1):
            self.builder._warn("numbering jumps from {previous} to {number}", item.para.line, "numbering",
                               previous=self.last, number=number)
        self.seen[number] = item.para.line
        self.last = number
        self.new_block = False
        return number


def _shorten(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
