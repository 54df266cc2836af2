"""Compare the plan-text reader with hand-made gold files, field by field.

    .venv/bin/python tools/corpus_check.py DIR [--variants]

Reads every ``NAME.txt`` in DIR that has a ``NAME_gold.json`` beside it (``title``,
``sections`` [{number, title}], ``tasks`` [{number, section, title, leads, participants,
cities}]) and prints, per document, how many tasks are exact, the title and sections, and
the first mismatches. ``--variants`` also reads each text rewritten as one newline per
paragraph, and as CRLF in GB18030 (the layouts and encodings office PCs produce).
Exit status 0 when every document is exact (in every variant asked for), 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from taskmatrix.io.errors import PlanFormatError  # noqa: E402
from taskmatrix.io.plaintext import decode_text, parse_plan_text  # noqa: E402
from taskmatrix.model.queries import task_cities  # noqa: E402

TASK_FIELDS = ("number", "section", "title", "leads", "participants", "cities")
SHOW = 5


@dataclass
class Outcome:
    name: str
    variant: str
    tasks: int = 0
    exact: int = 0
    title_ok: bool = False
    sections_ok: bool = False
    mismatches: list[str] = field(default_factory=list)
    error: str = ""

    @property
    def perfect(self) -> bool:
        return not self.error and self.title_ok and self.sections_ok and self.exact == self.tasks

    def line(self) -> str:
        if self.error:
            return f"{self.name} [{self.variant}]: error: {self.error}"
        pct = 100 * self.exact / self.tasks if self.tasks else 100.0
        return (f"{self.name} [{self.variant}]: {self.exact}/{self.tasks} tasks exact ({pct:.0f} %), "
                f"title {'ok' if self.title_ok else 'WRONG'}, sections {'ok' if self.sections_ok else 'WRONG'}")


def variants(text: str, wanted: bool) -> list[tuple[str, bytes]]:
    """The text's bytes as given, and (with ``wanted``) rewritten as office PCs write it."""
    out = [("as given", text.encode("utf-8"))]
    if wanted:
        one_line = "\n".join(line for line in text.replace("\r\n", "\n").split("\n") if line.strip())
        out.append(("one newline per paragraph", one_line.encode("utf-8")))
        out.append(("CRLF, GB18030", text.replace("\r\n", "\n").replace("\n", "\r\n").encode("gb18030")))
    return out


def check(name: str, variant: str, data: bytes, gold: dict[str, Any]) -> Outcome:
    outcome = Outcome(name, variant, tasks=len(gold["tasks"]))
    try:
        plan = parse_plan_text(decode_text(data, name), None, name).plan
    except PlanFormatError as exc:
        outcome.error = str(exc)
        return outcome
    outcome.title_ok = plan.title == gold["title"]
    if not outcome.title_ok:
        outcome.mismatches.append(f"title: {plan.title!r} != {gold['title']!r}")
    sections = [{"number": s.number, "title": s.title} for s in plan.sections]
    outcome.sections_ok = sections == gold["sections"]
    if not outcome.sections_ok:
        outcome.mismatches.append(f"sections: {[s['title'] for s in sections]} != "
                                  f"{[s['title'] for s in gold['sections']]}")
    got = {t.number: t for t in plan.tasks}
    for expected in gold["tasks"]:
        task = got.get(expected["number"])
        if task is None:
            outcome.mismatches.append(f"task {expected['number']}: missing")
            continue
        actual = {"number": task.number, "section": task.section, "title": task.title, "leads": task.leads,
                  "participants": task.participants, "cities": task_cities(task, plan.registry)}
        wrong = [f for f in TASK_FIELDS if actual[f] != expected[f]]
        if wrong:
            outcome.mismatches.extend(f"task {task.number} {f}: {actual[f]!r} != {expected[f]!r}" for f in wrong)
        else:
            outcome.exact += 1
    extra = sorted(set(got) - {t["number"] for t in gold["tasks"]})
    if extra:
        outcome.mismatches.append(f"tasks not in the gold file: {extra}")
    return outcome


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--variants", action="store_true", help="also one newline per paragraph, and CRLF GB18030")
    args = parser.parse_args(argv)
    outcomes: list[Outcome] = []
    for gold_path in sorted(args.folder.glob("*_gold.json")):
        name = gold_path.name[: -len("_gold.json")]
        text_path = gold_path.with_name(name + ".txt")
        if not text_path.exists():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = decode_text(text_path.read_bytes(), text_path)
        for variant, data in variants(text, args.variants):
            outcome = check(name, variant, data, gold)
            outcomes.append(outcome)
            print(outcome.line())
            for mismatch in outcome.mismatches[:SHOW]:
                print(f"    {mismatch}")
            if len(outcome.mismatches) > SHOW:
                print(f"    … and {len(outcome.mismatches) - SHOW} more")
    tasks = sum(o.tasks for o in outcomes)
    exact = sum(o.exact for o in outcomes)
    perfect = sum(o.perfect for o in outcomes)
    print(f"total: {exact}/{tasks} tasks exact; {perfect}/{len(outcomes)} documents exact")
    return 0 if outcomes and perfect == len(outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
