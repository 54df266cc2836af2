"""The embedded default plan: the Greater Bay Area three-year action plan (the seed)."""

from __future__ import annotations

from importlib import resources

from taskmatrix.io.plaintext import decode_text, parse_plan_text
from taskmatrix.io.result import ReadResult
from taskmatrix.model.units import UnitRegistry

DEFAULT_TITLE = "广东省推进粤港澳大湾区建设三年行动计划（2018—2020年）"
DEFAULT_PLAN_RESOURCE = "default_plan.txt"


def default_plan_text() -> str:
    data = resources.files("taskmatrix.resources").joinpath(DEFAULT_PLAN_RESOURCE).read_bytes()
    return decode_text(data, DEFAULT_PLAN_RESOURCE)


def load_default_plan() -> ReadResult:
    """Parse the embedded plan with a fresh copy of the default registry."""
    result = parse_plan_text(default_plan_text(), UnitRegistry.default(), DEFAULT_PLAN_RESOURCE)
    if not result.plan.title:
        result.plan.title = DEFAULT_TITLE
    return result
