"""Synthetic plans for the benchmarks: N tasks of realistic Chinese text.

Titles and bodies are stitched from the seed plan's own sentences (bodies of 150–400
characters); 1–3 leads and 0–15 participants are drawn from the units with the seed's
frequencies (city groups included); a section every ~10 tasks; two extra columns.

    python -m benchmarks.synth 10000 out/plan10k   # writes .txt, .json and .xlsx
"""

from __future__ import annotations

import random
import re
import sys
from collections import Counter
from pathlib import Path

from taskmatrix.io.defaults import load_default_plan
from taskmatrix.model.plan import STATUSES, Plan, Section, Task

EXTRA_FIELDS = ["督办领导", "资金来源"]


def synthetic_plan(n: int, seed: int = 20181231) -> Plan:
    rng = random.Random(seed)
    base = load_default_plan().plan
    sentences = [s + "。" for t in base.tasks for s in re.split("。", t.body) if len(s) > 8]
    titles = [t.title for t in base.tasks]
    lead_counts = Counter(u for t in base.tasks for u in t.leads)
    part_counts = Counter(u for t in base.tasks for u in t.participants)
    lead_units, lead_w = zip(*lead_counts.items())
    part_units, part_w = zip(*part_counts.items())
    section_titles = [s.title for s in base.sections]
    plan = Plan(title=f"合成计划（{n}项任务）", preamble=base.preamble, registry=base.registry,
                extra_fields=list(EXTRA_FIELDS))
    for i in range(1, n + 1):
        if i % 10 == 1:
            number = len(plan.sections) + 1
            plan.sections.append(Section(number, f"{section_titles[number % len(section_titles)]}（{number}）"))
        target = rng.randint(150, 400)
        body = ""
        while len(body) < target:
            body += rng.choice(sentences)
        body = body[:target].rstrip("，、") + "。"
        leads = list(dict.fromkeys(rng.choices(lead_units, lead_w, k=rng.choice((1, 1, 1, 2, 3)))))
        k = min(rng.choice((0, 1, 2, 3, 3, 4, 5, 6, 8, 10, 15)), len(part_units))
        parts = [u for u in dict.fromkeys(rng.choices(part_units, part_w, k=k)) if u not in leads]
        plan.tasks.append(Task(
            number=i, section=plan.sections[-1].number, title=rng.choice(titles), body=body,
            leads=leads, participants=parts, deadline=rng.choice(("2020年底", "2021年6月", "持续推进")),
            status=rng.choice(("",) + STATUSES), progress="", notes=rng.choice(("", "", "重点督办")),
            extra={"督办领导": rng.choice(("", "张三", "李四")), "资金来源": rng.choice(("", "省财政"))},
        ))
    return plan


def add_rounds(plan: Plan, count: int = 4, seed: int = 20190331) -> Plan:
    """Give ``plan`` ``count`` quarterly rounds (2019年第一季度 …) in which each lead reports on
    its task, with statuses, percentages and a sentence of progress, problems and next steps."""
    import datetime as dt

    from taskmatrix.model.rounds import PROGRESS_STATUSES, Entry, Round

    rng = random.Random(seed)
    phrases = ["已完成方案制定", "正在推进项目建设", "完成年度投资80%", "已召开专题会议", "部分指标滞后"]
    quarters = ["一", "二", "三", "四"]
    for q in range(count):
        year, quarter = 2019 + q // 4, q % 4
        start = dt.date(year, quarter * 3 + 1, 1)
        end = dt.date(year + (quarter == 3), (quarter * 3 + 3) % 12 + 1, 1) - dt.timedelta(days=1)
        name = f"{year}年第{quarters[quarter]}季度"
        plan.rounds.append(Round(name, start, end, end + dt.timedelta(days=10)))
        for task in plan.tasks:
            entries = {}
            for unit in task.leads or [""]:
                if rng.random() < 0.1:
                    continue  # not reported
                entries[unit] = Entry(unit, rng.choice(PROGRESS_STATUSES), rng.choice((None, 25.0, 50.0, 80.0)),
                                      rng.choice(phrases), rng.choice(("", "资金不足")), rng.choice(phrases),
                                      rng.choice(("张三", "李四")), end)
            if entries:
                task.reports[name] = entries
    return plan


def plan_text(plan: Plan) -> str:
    """The plan as plan text (FORMATS.md §1), the way the official documents are written."""
    lines = [plan.title, "", plan.preamble, ""]
    current = None
    from taskmatrix.model.plan import chinese_numeral

    for task in plan.tasks:
        if task.section != current:
            section = plan.section(task.section)
            assert section is not None
            lines += [f"{chinese_numeral(section.number)}、{section.title}", ""]
            current = task.section
        groups = ["、".join(task.leads)]
        if task.participants:
            groups.append("、".join(task.participants))
        lines += [f"{task.number}.{task.title}。{task.body}（{'，'.join(groups)}）", ""]
    return "\n".join(lines)


def national_text(plan: Plan) -> str:
    """The plan as a State Council document writes it: a title block with the document number,
    tasks numbered （一）…, the lead rule stated in the first parenthesis, ``负责`` after the
    units, one newline per paragraph (a web copy)."""
    from taskmatrix.model.plan import chinese_numeral

    lines = ["国务院关于合成计划的", "若干意见", "国发〔2019〕1号", "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
             plan.preamble]
    current = None
    for i, task in enumerate(plan.tasks):
        if task.section != current:
            section = plan.section(task.section)
            assert section is not None
            lines.append(f"{chinese_numeral(section.number)}、{section.title}")
            current = task.section
        units = "、".join([*task.leads[:1], *task.participants])
        rule = "。列第一位者为牵头单位，下同" if i == 0 else ""
        lines.append(f"（{chinese_numeral(task.number)}）{task.title}。{task.body}（{units}负责{rule}）")
    return "\n".join(lines)


def write_all(n: int, stem: Path) -> dict[str, Path]:
    """Write the plan as .txt, .json and .xlsx next to ``stem``; return the paths."""
    from taskmatrix.io.excel.write import write_xlsx
    from taskmatrix.io.jsonio import write_json

    stem.parent.mkdir(parents=True, exist_ok=True)
    plan = synthetic_plan(n)
    paths = {ext: stem.with_suffix(f".{ext}") for ext in ("txt", "json", "xlsx")}
    paths["txt"].write_text(plan_text(plan), encoding="utf-8")
    paths["national"] = stem.with_name(stem.name + "-national.txt")
    paths["national"].write_text(national_text(plan), encoding="utf-8")
    write_json(plan, paths["json"], backup=False)
    write_xlsx(plan, paths["xlsx"], backup=False)
    return paths


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("benchmarks/out") / f"plan{count}"
    for ext, path in write_all(count, out).items():
        print(ext, path, path.stat().st_size)
