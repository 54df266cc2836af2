"""The deadline parser on real expressions (the seed's, the State Council documents', city
plans') and our own: kind, dates, fuzziness."""

from __future__ import annotations

import datetime as dt

import pytest

from taskmatrix.model.deadlines import Deadline, parse_deadline, plan_year

D = dt.date
CASES = [
    ("2019年底前", "fixed", None, D(2019, 12, 31), False),
    ("2019年6月底前", "fixed", None, D(2019, 6, 30), False),
    ("2020年", "fixed", None, D(2020, 12, 31), True),
    ("2019—2020年", "span", D(2019, 1, 1), D(2020, 12, 31), True),
    ("2019-2020年", "span", D(2019, 1, 1), D(2020, 12, 31), True),
    ("2018年—2020年", "span", D(2018, 1, 1), D(2020, 12, 31), True),
    ("2019年1月1日至12月31日", "span", D(2019, 1, 1), D(2019, 12, 31), False),
    ("2019年3月至2020年6月", "span", D(2019, 3, 1), D(2020, 6, 30), False),
    ("年内", "fixed", None, D(2019, 12, 31), True),
    ("年底前", "fixed", None, D(2019, 12, 31), True),
    ("6月底前", "fixed", None, D(2019, 6, 30), True),
    ("每年", "recurring", None, None, False),
    ("每季度", "recurring", None, None, False),
    ("每年6月底前", "recurring", None, None, True),
    ("长期坚持", "ongoing", None, None, False),
    ("持续推进", "ongoing", None, None, False),
    ("持续实施", "ongoing", None, None, False),
    ("常态化推进", "ongoing", None, None, False),
    ("2019年1月1日起", "ongoing", D(2019, 1, 1), None, False),
    ("", "none", None, None, False),
    ("2020年6月30日前", "fixed", None, D(2020, 6, 30), False),
    ("2019年上半年", "fixed", None, D(2019, 6, 30), False),
    ("2019年下半年", "fixed", None, D(2019, 12, 31), False),
    ("2020年第三季度", "fixed", None, D(2020, 9, 30), False),
    ("2021年3月中旬", "fixed", None, D(2021, 3, 20), False),
    ("2019年10月", "fixed", None, D(2019, 10, 31), False),
    ("二〇一九年十二月底前", "fixed", None, D(2019, 12, 31), False),
    ("２０２０年６月底前", "fixed", None, D(2020, 6, 30), False),
    ("2019年6月底前完成一期，年底前全面完成", "fixed", None, D(2019, 12, 31), False),
    ("2023年底前完成", "fixed", None, D(2023, 12, 31), False),
    ("2024年2月29日前", "fixed", None, D(2024, 2, 29), False),
    ("2019年2月30日前", "fixed", None, D(2019, 12, 31), True),  # no such day: the year remains, fuzzy
    ("按职责分工推进", "none", None, None, True),
    ("2020年,大湾区内地力争实现", "fixed", None, D(2020, 12, 31), True),
]


@pytest.mark.parametrize("text, kind, start, end, fuzzy", CASES, ids=[c[0] or "empty" for c in CASES])
def test_deadline_expressions(text, kind, start, end, fuzzy):
    found = parse_deadline(text, plan_year=2019)
    assert (found.kind, found.start, found.end, found.fuzzy) == (kind, start, end, fuzzy)
    assert found.text == text


def test_relative_deadlines_without_a_plan_year_have_no_dates():
    assert parse_deadline("年内").end is None
    assert parse_deadline("年内").fuzzy


def test_the_plan_year_comes_from_the_title_or_the_preamble():
    assert plan_year("广东省推进粤港澳大湾区建设三年行动计划（2018—2020年）") == 2018
    assert plan_year("某某工作方案", "为做好2021年工作，制定本方案。") == 2021
    assert plan_year("某某工作方案") is None


def test_the_json_form_round_trips_and_refuses_what_it_cannot_be():
    deadline = parse_deadline("2019—2020年")
    assert deadline.as_dict() == {"text": "2019—2020年", "kind": "span", "start": "2019-01-01",
                                  "end": "2020-12-31", "fuzzy": True}
    assert Deadline.from_dict(deadline.as_dict()) == deadline
    with pytest.raises(ValueError):
        Deadline.from_dict({"kind": "soon"})
    with pytest.raises(ValueError):
        Deadline.from_dict({"kind": "fixed", "end": "2019-13-01"})
