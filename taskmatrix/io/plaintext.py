"""Reading a plan from its text (``.txt``), as copied out of the official PDF, Word file or
web page, whoever issued it.

FORMATS.md §1 and the conventions of other issuers: a title block (then the document number
``国发〔2019〕3号`` and the addressee line, which are not part of the title), the preamble,
section headings (``一、…``), numbered tasks (``1.…`` or ``（一）…``) whose first sentence is
the title and whose closing parenthesis (or ``责任单位：`` line) names the responsible units,
under the lead rule the document states. The work is done in three steps:

1. :mod:`taskmatrix.io.textlayout`: lines, without page numbers, running headers, control
   characters and bullets;
2. :mod:`taskmatrix.io.textparas`: paragraphs with a role (heading, numbered item, text);
3. :mod:`taskmatrix.io.textplan`: which items are tasks, their units, the plan.

The extraction artefacts of the seed's family are repaired along the way: tasks broken
across page breaks, spaces inside words, two tasks on one line, the split unit
``(省) 科技厅``, half-width punctuation and hard-wrapped lines.
"""

from __future__ import annotations

import re
from pathlib import Path

from taskmatrix.io.encodings import decode_bytes
from taskmatrix.io.errors import Notice, PlanFormatError
from taskmatrix.io.files import read_bytes
from taskmatrix.io.result import Progress, ReadResult, unknown_unit_notices
from taskmatrix.io.textlayout import clean_text, paragraph_style, split_lines
from taskmatrix.io.textparas import DOCNO, paragraphs
from taskmatrix.io.textplan import ReadContext, TextPlanBuilder, build_items
from taskmatrix.io.texttitle import is_addressee, title_and_preamble
from taskmatrix.model.units import UnitRegistry, registry_for

__all__ = ["MAX_TEXT_BYTES", "ReadResult", "clean_text", "decode_text", "parse_plan_text", "read_plan_text"]

MAX_TEXT_BYTES = 512 * 1024 * 1024
# Control characters other than tab, line feed, vertical tab, form feed and carriage return.
_BINARY_CONTROL = re.compile(r"[\x01-\x08\x0e-\x1f\x7f]")


def decode_text(data: bytes, path: str | Path | None = None) -> str:
    """Decode plan text: UTF-8 (with or without BOM), UTF-16, GB18030/GBK, Big5 or Shift-JIS
    (see :mod:`taskmatrix.io.encodings`)."""
    if not data.strip():
        raise PlanFormatError(path, "the file is empty")
    text, _ = decode_bytes(data, path)
    sample = text[:65536]
    if "\x00" in sample or len(_BINARY_CONTROL.findall(sample)) > max(8, len(sample) // 20):
        raise PlanFormatError(path, "this is a binary file, not plan text")
    if not text.strip():
        raise PlanFormatError(path, "the file is empty")
    return text


def read_plan_text(path: str | Path, registry: UnitRegistry | None = None,
                   progress: Progress | None = None) -> ReadResult:
    """Read a ``.txt`` plan; raises :class:`PlanFormatError` naming the file on bad input."""
    path = Path(path)
    data = read_bytes(path, MAX_TEXT_BYTES)
    return parse_plan_text(decode_text(data, path), registry, path)


def parse_plan_text(
    text: str, registry: UnitRegistry | None = None, path: str | Path | None = None
) -> ReadResult:
    """Parse plan text into a :class:`Plan`; raises :class:`PlanFormatError` if no task is found.

    ``registry``: the plan's unit registry; by default the shipped registry that knows more
    of the plan's units (Guangdong's, or the central one for a national plan).
    """
    chosen = registry
    reading = registry if registry is not None else UnitRegistry.combined()
    lines, layout_notices = split_lines(text)
    style = paragraph_style(lines)
    ctx = ReadContext(reading)
    ctx.warnings.extend(layout_notices)
    events = build_items(paragraphs(lines, style), ctx)
    builder = TextPlanBuilder(events, ctx, path)
    plan, head = builder.build()
    if not plan.tasks:
        raise PlanFormatError(path, "no recognisable tasks (numbered paragraphs such as “1.…” or “（一）…”)")
    title, rest = title_and_preamble(head, DOCNO)
    if not rest and not title and head:
        rest = head
    plan.title = title
    plan.preamble = "\n".join(p for p in [*rest, plan.preamble] if p)
    _head_facts(title, rest, ctx.facts, style)
    plan.registry = chosen if chosen is not None else registry_for(plan.units_used())
    ctx.warnings.extend(unknown_unit_notices(plan))
    if builder.level == "paren":
        ctx.facts.append(Notice("tasks are the items numbered （一）, （二）…"))
    return ReadResult(plan, ctx.warnings, facts=ctx.facts)


def _head_facts(title: str, rest: list[str], facts: list[Notice], style: str) -> None:
    docno = next((p for p in rest[:3] if DOCNO.match(p.replace(" ", ""))), None)
    if docno:
        facts.append(Notice("document number {docno}, kept at the start of the preamble", docno=docno))
    if any(is_addressee(p) for p in rest[:3]):
        facts.append(Notice("the addressee line is kept in the preamble, not the title"))
    if style == "line":
        facts.append(Notice("one line per paragraph (no blank lines between paragraphs)"))
