"""JSON taskmatrix/1: lossless read and write; clean errors on bad JSON."""

import json

import pytest

from taskmatrix.io.errors import PlanFormatError
from taskmatrix.io.jsonio import FORMAT_ID, dumps, loads, plan_to_dict, read_json, write_json
from taskmatrix.model.plan import Plan, Section, Task
from taskmatrix.model.units import Unit, UnitRegistry


def test_seed_round_trips_exactly(seed_plan, tmp_path):
    path = tmp_path / "plan.json"
    write_json(seed_plan, path)
    again = read_json(path).plan
    assert again == seed_plan
    assert dumps(again) == dumps(seed_plan)


def test_document_shape_follows_the_spec(seed_plan):
    doc = plan_to_dict(seed_plan)
    assert doc["format"] == FORMAT_ID
    assert doc["sections"][0] == {"number": 1, "title": "优化提升空间发展格局"}
    task = doc["tasks"][0]
    assert task["leads"] == ["省发展改革委"]
    assert task["cities"] == ["广州市", "深圳市", "珠海市", "佛山市", "惠州市", "东莞市", "中山市", "江门市", "肇庆市"]
    assert task["extra"] == {} and task["section"] == 1
    names = [u["name"] for u in doc["units"]]
    assert len(names) == len(set(names)) == 70
    assert {"name": "省发展改革委", "category": "省政府部门", "aliases": ["省发改委", "省发展和改革委员会"]} in doc["units"]


def test_extra_fields_unknown_units_and_edited_registry_survive():
    reg = UnitRegistry.default()
    reg.add(Unit("省新机构", "省政府部门", ["新机构"]))
    plan = Plan("标题", "序言", [Section(3, "甲")], registry=reg, extra_fields=["督办", "分管领导"])
    plan.tasks = [Task(5, 3, "做事", "内容", ["省新机构"], ["某研究院", "江门市"], "2020年底", "推进中",
                       "进展", "备注", {"督办": "是", "分管领导": ""})]
    again = loads(dumps(plan))
    assert again == plan
    assert again.extra_fields == ["督办", "分管领导"]
    assert again.unknown_units() == ["某研究院"]
    assert again.registry.canonical("新机构") == "省新机构"


def test_hand_written_json_without_members_expands_groups():
    doc = {"format": FORMAT_ID, "title": "", "preamble": "", "sections": [],
           "tasks": [{"number": 1, "section": None, "title": "t", "leads": ["大湾区内地各市"]}],
           "units": [{"name": "大湾区内地各市", "category": "城市组", "aliases": []}]}
    plan = loads(json.dumps(doc))
    assert plan.registry.cities_of("大湾区内地各市")[0] == "广州市"


def test_out_of_order_tasks_are_grouped_with_a_warning(tmp_path):
    doc = {"format": FORMAT_ID, "sections": [{"number": 1, "title": "a"}, {"number": 2, "title": "b"}],
           "tasks": [{"number": 1, "section": 2}, {"number": 2, "section": 1}]}
    path = tmp_path / "p.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    result = read_json(path)
    assert [t.number for t in result.plan.tasks] == [2, 1]
    assert result.warnings


@pytest.mark.parametrize("content,message", [
    (b"", "empty"),
    (b"{not json", "not valid JSON"),
    (b"\xff\xfe\x00garbage", "not UTF-8"),
    (b'{"format": "other"}', "not a Task Matrix JSON file"),
    (b'[1, 2]', "not a Task Matrix JSON file"),
    (b'{"format": "taskmatrix/1", "tasks": [{"number": "x"}], "sections": []}', "not a whole number"),
    (b'{"format": "taskmatrix/1", "tasks": [{"number": 1}, {"number": 1}], "sections": []}', "duplicate"),
    (b'{"format": "taskmatrix/1", "tasks": [{"number": 1, "section": 4}], "sections": []}', "section 4"),
    (b'{"format": "taskmatrix/1", "tasks": {}, "sections": []}', "is not a list"),
    (b'{"format": "taskmatrix/1", "tasks": [3], "sections": []}', "not an object"),
])
def test_bad_json_is_a_clean_error(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(PlanFormatError) as info:
        read_json(path)
    assert message in str(info.value)
    assert str(path) in str(info.value)
