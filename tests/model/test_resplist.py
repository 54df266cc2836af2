"""Every responsibility-list rule of FORMATS.md §1, on small inputs."""

import pytest
from hypothesis import given, settings, strategies as st

from taskmatrix.model.resplist import parse_responsibility, parse_unit_list, split_top_level
from taskmatrix.model.units import UnitRegistry
from tests.fuzz import examples

REG = UnitRegistry.default()


def resp(text):
    r = parse_responsibility(text, REG)
    return r.leads, r.participants


def test_first_group_leads_the_rest_take_part_in_written_order():
    assert resp("省发展改革委,省工业和信息化厅、省交通运输厅,大湾区内地各市") == (
        ["省发展改革委"], ["省工业和信息化厅", "省交通运输厅", "大湾区内地各市"])


def test_joint_leads_are_the_units_of_the_first_group():
    assert resp("省地方金融监管局、省发展改革委、省财政厅，广东银保监局；深圳证监局") == (
        ["省地方金融监管局", "省发展改革委", "省财政厅"], ["广东银保监局", "深圳证监局"])


def test_a_single_unit_is_the_lead_with_no_participants():
    assert resp("省生态环境厅") == (["省生态环境厅"], [])


def test_shared_city_suffix():
    assert resp("省商务厅,海关总署广东分署,深圳、珠海、东莞市") == (
        ["省商务厅"], ["海关总署广东分署", "深圳市", "珠海市", "东莞市"])
    # Unregistered districts take the shared suffix too; agencies never do.
    assert resp("甲局,东城、西城区") == (["甲局"], ["东城区", "西城区"])
    assert resp("省科技厅、深圳市")[0] == ["省科技厅", "深圳市"]


@pytest.mark.parametrize("text", [
    "省科技厅牵头，省教育厅、省财政厅配合",
    "省科技厅（牵头），省教育厅、省财政厅",
    "省科技厅(牵头)、省教育厅、省财政厅",
    "牵头单位：省科技厅；参与单位：省教育厅、省财政厅",
    "牵头单位:省科技厅;配合单位:省教育厅、省财政厅",
    "责任单位：省科技厅，省教育厅、省财政厅",
    "牵头部门：省科技厅\n协办单位：省教育厅\n省财政厅",
])
def test_role_forms(text):
    assert resp(text) == (["省科技厅"], ["省教育厅", "省财政厅"])


def test_participants_marked_without_a_lead_mark_follow_the_first_group_rule():
    assert resp("省科技厅，省教育厅配合") == (["省科技厅"], ["省教育厅"])


def test_trailing_deng_is_dropped():
    assert resp("省科技厅,省教育厅、省财政厅等") == (["省科技厅"], ["省教育厅", "省财政厅"])
    assert resp("省科技厅,省教育厅等单位") == (["省科技厅"], ["省教育厅"])


def test_nested_parentheses_do_not_split():
    assert resp("省民政厅,各县(市、区)政府,省财政厅") == (
        ["省民政厅"], ["各县（市、区）政府", "省财政厅"])


def test_aliases_and_whitespace_are_normalised():
    assert resp("省发改委, 省通 信管理局、广东证监 局") == (
        ["省发展改革委"], ["省通信管理局", "广东证监局"])


def test_a_lead_is_never_also_a_participant():
    assert resp("省科技厅,省科技厅、省教育厅") == (["省科技厅"], ["省教育厅"])


def test_empty_and_separator_only_input():
    assert resp("") == ([], [])
    assert resp(" ,，;；、 ") == ([], [])


def test_flat_unit_list_splits_on_every_separator_and_line_breaks():
    assert parse_unit_list("省教育厅、省科技厅，省财政厅;省商务厅\n省港澳办/省体育局", REG) == [
        "省教育厅", "省科技厅", "省财政厅", "省商务厅", "省港澳办", "省体育局"]
    assert parse_unit_list("广州、深圳、珠海市", REG) == ["广州市", "深圳市", "珠海市"]
    assert parse_unit_list("", REG) == []


def test_unknown_units_are_kept_as_written():
    r = parse_responsibility("某某研究院,省科技厅", REG)
    assert r.leads == ["某某研究院"]
    assert r.unknown(REG) == ["某某研究院"]


def test_split_top_level_keeps_unbalanced_closers():
    assert split_top_level("a)b,c(d,e)", ",") == ["a)b", "c(d,e)"]


_ALPHABET = st.sampled_from(list("省科技厅市广州深圳、，,；;:：（）()牵头配合参与单位等 \n") + ["省发展改革委", "牵头单位：", "参与单位："])


@settings(max_examples=examples(400), deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_never_raises_on_plan_like_text(text):
    leads, parts = resp(text)
    assert not set(leads) & set(parts)
    assert all(u for u in leads + parts)
    parse_unit_list(text, REG)


@settings(max_examples=examples(300), deadline=None)
@given(st.text(max_size=80))
def test_never_raises_on_arbitrary_text(text):
    resp(text)
    parse_unit_list(text, REG)


def _split_by_characters(text, separators):
    """The plain definition split_top_level must agree with: one character at a time."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in separators:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


@settings(max_examples=examples(500), deadline=None)
@given(st.lists(st.sampled_from(list("ab、，,;（）()[\\]^-") + ["中山大学", "（牵头）"]), max_size=30).map("".join),
       st.sampled_from(["、", ",，;；\n", "、,，;；\n\r/／|", "]^-\\"]))
def test_split_top_level_agrees_with_the_character_by_character_definition(text, separators):
    assert split_top_level(text, separators) == _split_by_characters(text, separators)
