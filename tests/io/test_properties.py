"""Property-based tests: round-trip invariants on random plans, and the Excel reader on
random workbooks and mutated bytes raising nothing but the project's format error."""

from __future__ import annotations

import datetime as dt
import io
import random

import openpyxl
from hypothesis import HealthCheck, assume, given, settings, strategies as st

from taskmatrix.io.errors import PlanFormatError, PlanSaveError
from taskmatrix.io.excel.read import read_xlsx
from taskmatrix.io.excel.write import write_xlsx
from taskmatrix.io.jsonio import dumps, loads
from taskmatrix.model.edits import regroup
from taskmatrix.model.plan import Plan, Section, Task
from taskmatrix.model.units import Unit, UnitRegistry
from tests.conftest import DATA
from tests.fuzz import examples

SETTINGS = settings(max_examples=examples(60), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# Text a user can type: any character but surrogates, control characters (Excel cannot hold
# them: the writer removes them, tested elsewhere) and carriage returns (a line break is \n).
_CHARS = st.characters(exclude_categories=("Cs", "Cc"), exclude_characters="\ufffe\uffff")
TEXT = st.one_of(
    st.text(_CHARS, max_size=30),
    st.text(st.one_of(_CHARS, st.sampled_from("\n\t")), max_size=60),
    st.sampled_from(["", "  前后空格  ", "=SUM(A1)", "+1", "-2", "@x", "a_x0041_b", "001", "1.50", "TRUE",
                     "构建极点带动、轴带支撑的网络化空间格局", "多行\n文字", "含（括号）与、顿号"]),
)
REGISTRY = UnitRegistry.default()
_UNIT_CHARS = st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF)
NEW_UNIT = st.text(_UNIT_CHARS, min_size=2, max_size=8).map(lambda s: "某" + s + "局")
UNIT = st.one_of(st.sampled_from(REGISTRY.names()), NEW_UNIT)
FIELD_NAME = st.text(st.characters(exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp")), min_size=1, max_size=8)


@st.composite
def plans(draw) -> Plan:
    registry = UnitRegistry.default()
    for name in draw(st.lists(NEW_UNIT, max_size=3, unique=True)):
        if name not in registry:
            registry.add(Unit(name, draw(st.sampled_from(["省政府部门", "城市组", "其他"])),
                              draw(st.lists(NEW_UNIT.map(lambda s: s + "别名"), max_size=2, unique=True)),
                              draw(st.lists(st.sampled_from(["广州市", "江门市"]), max_size=2, unique=True))))
    numbers = draw(st.lists(st.integers(1, 10**6), max_size=5, unique=True))
    sections = [Section(n, draw(TEXT)) for n in numbers]
    extra = draw(st.lists(FIELD_NAME, max_size=3, unique=True))
    plan = Plan(draw(TEXT), draw(TEXT), sections, registry=registry, extra_fields=extra)
    for number in draw(st.lists(st.integers(1, 10**7), max_size=12, unique=True)):
        leads = draw(st.lists(UNIT, max_size=3, unique=True))
        participants = [u for u in draw(st.lists(UNIT, max_size=5, unique=True)) if u not in leads]
        plan.tasks.append(Task(
            number, draw(st.sampled_from([None, *numbers])), draw(TEXT), draw(TEXT), leads, participants,
            draw(TEXT), draw(TEXT), draw(TEXT), draw(TEXT), {name: draw(TEXT) for name in extra}))
    regroup(plan)
    return plan


@SETTINGS
@given(plans())
def test_json_to_json_is_identity(plan):
    text = dumps(plan)
    assert dumps(loads(text)) == text


FOREIGN = None


def _foreign():
    """Other sheets to keep, so the save goes through openpyxl instead of XlsxWriter."""
    global FOREIGN
    if FOREIGN is None:
        FOREIGN = read_xlsx(DATA / "multi_sheet.xlsx").plan.foreign
    return FOREIGN


@SETTINGS
@given(plan=plans(), keep_sheets=st.booleans())
def test_json_to_xlsx_to_json_is_identity(plan, keep_sheets, tmp_path_factory):
    path = tmp_path_factory.mktemp("rt") / "plan.xlsx"
    if keep_sheets:
        plan.foreign = _foreign()
    write_xlsx(plan, path, backup=False)
    again = read_xlsx(path).plan
    assert dumps(again) == dumps(plan)
    if keep_sheets:
        assert again.foreign is not None and again.foreign.sheets == ["封面", "矩阵"]


# -- the reader on random workbooks ------------------------------------------------------------
HEADERS = ["序号", "编号", "重点任务", "工作任务", "具体内容", "牵头单位", "参与单位", "责任单位", "完成时限", "状态",
           "备注", "领域", "省科技厅", "任意列", ""]
CELL = st.one_of(
    st.none(), st.integers(-10**12, 10**12), st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(), st.dates(dt.date(1901, 1, 1), dt.date(2999, 12, 31)), st.sampled_from(HEADERS),
    st.text(_CHARS, max_size=20), st.text(_CHARS, min_size=1, max_size=3).map(lambda s: "=" + s),
    st.just("x" * 40000), st.sampled_from(["1", "2.", "03", "（4）", "一、领域", "牵头", "√", "★"]),
)


@st.composite
def workbooks(draw) -> bytes:
    wb = openpyxl.Workbook()
    for index in range(draw(st.integers(1, 2))):
        ws = wb.active if index == 0 else wb.create_sheet(f"S{index}")
        rows, cols = draw(st.integers(0, 8)), draw(st.integers(1, 6))
        header_at = draw(st.integers(0, 3))
        for r in range(rows):
            for c in range(cols):
                value = draw(st.sampled_from(HEADERS)) if r == header_at else draw(CELL)
                cell = ws.cell(row=r + 1, column=c + 1)
                try:
                    cell.value = value
                except (ValueError, TypeError):  # openpyxl refuses some values itself
                    cell.value = None
        for _ in range(draw(st.integers(0, 3))):
            r0, c0 = draw(st.integers(1, 9)), draw(st.integers(1, 6))
            r1, c1 = r0 + draw(st.integers(0, 3)), c0 + draw(st.integers(0, 3))
            if (r1, c1) != (r0, c0):
                try:
                    ws.merge_cells(start_row=r0, start_column=c0, end_row=r1, end_column=c1)
                except ValueError:
                    pass
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


@SETTINGS
@given(data=workbooks())
def test_random_workbooks_read_or_fail_cleanly_and_what_reads_round_trips(data, tmp_path_factory):
    folder = tmp_path_factory.mktemp("wb")
    path = folder / "random.xlsx"
    path.write_bytes(data)
    try:
        plan = read_xlsx(path).plan
    except PlanFormatError:
        return
    again = folder / "again.xlsx"
    try:
        write_xlsx(plan, again, backup=False)
    except PlanSaveError:
        return  # e.g. a cell over Excel's limit: refused, nothing written
    assert dumps(read_xlsx(again).plan) == dumps(plan)


# -- byte-level mutations of a valid workbook ----------------------------------------------------
VALID = (DATA / "list_basic.xlsx").read_bytes()


@settings(max_examples=examples(200), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32 - 1), flips=st.integers(1, 20), cut=st.integers(0, len(VALID)))
def test_mutated_bytes_raise_only_the_format_error(seed, flips, cut, tmp_path_factory):
    rng = random.Random(seed)
    data = bytearray(VALID)
    for _ in range(flips):
        data[rng.randrange(len(data))] = rng.randrange(256)
    if rng.random() < 0.3:
        data = data[:cut]
    assume(bytes(data) != VALID)
    path = tmp_path_factory.mktemp("mut") / "m.xlsx"
    path.write_bytes(bytes(data))
    try:
        read_xlsx(path)
    except PlanFormatError:
        pass
