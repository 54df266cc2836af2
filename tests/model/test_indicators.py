"""Quantitative targets read from task bodies: real sentences of the seed plan and of State
Council documents (国发〔2018〕39号, 国发〔2018〕42号), each with its exact value, unit of measure,
year and comparison; Chinese numerals and multipliers; met / not met; the indicators kept
through JSON and the workbook."""

from __future__ import annotations

import json

import pytest

from taskmatrix.model.indicators import Indicator, chinese_number, extract, indicators_of
from taskmatrix.model.plan import Plan, Task

# (sentence, [(text, value, measure, year, comparison), ...])
REAL = [
    ("到2020年,大湾区内地新型研发机构力争达到200家。", [("大湾区内地新型研发机构", 200, "家", 2020, ">=")]),
    ("到 2020 年,力争大湾区内地实现 R&D 占GDP 比重达到 2.8%。", [("大湾区内地 R&D 占GDP 比重", 2.8, "%", 2020, ">=")]),
    ("到2020年,大湾区内地每万人发明专利拥有量达到2.6件。", [("大湾区内地每万人发明专利拥有量", 2.6, "件", 2020, ">=")]),
    ("到2020年,大湾区内地实现机场旅客年吞吐量达1.4亿人次。", [("大湾区内地机场旅客年吞吐量", 140000000, "人次", 2020, ">=")]),
    ("到 2020 年,大湾区内地港口集装箱年吞吐量达到 6200万标准箱。", [("大湾区内地港口集装箱年吞吐量", 62000000, "标准箱", 2020, ">=")]),
    ("到 2020 年,大湾区内地现代服务业占比为 60%以上。", [("大湾区内地现代服务业占比", 60, "%", 2020, ">=")]),
    ("到 2020 年,大湾区内地空气质量优良天数比例达到 90%, PM2.5 浓度年平均值不超过 34 微克/立方米。",
     [("大湾区内地空气质量优良天数比例", 90, "%", 2020, ">="), ("PM2.5 浓度年平均值", 34, "微克/立方米", 2020, "<=")]),
    ("到 2020 年,大湾区内地城市污水处理率达 95%。", [("大湾区内地城市污水处理率", 95, "%", 2020, ">=")]),
    ("到 2020 年,大湾区内地森林覆盖率达到 52%。", [("大湾区内地森林覆盖率", 52, "%", 2020, ">=")]),
    ("到2020年,负面清单以外的外商投资备案办理时限压减至1个工作日以内,开办企业时限控制在4个工作日以内。",
     [("负面清单以外的外商投资备案办理时限", 1, "个工作日", 2020, "<="), ("开办企业时限", 4, "个工作日", 2020, "<=")]),
    ("到 2020 年,广东自贸试验区累计新注册港资、澳资企业数量力争达到 1.2 万家。",
     [("广东自贸试验区累计新注册港资、澳资企业数量", 12000, "家", 2020, ">=")]),
    ("到2020年,大湾区内地力争实现一般贸易进出口占比达到50%。", [("大湾区内地一般贸易进出口占比", 50, "%", 2020, ">=")]),
    ('到2020年,大湾区内地与"一带一路"沿线国家货物进出口比重力争达到14%。',
     [('大湾区内地与"一带一路"沿线国家货物进出口比重', 14, "%", 2020, ">=")]),
    ("到2020年，全国农机总动力超过10亿千瓦，其中灌排机械动力达到1.2亿千瓦，农机具配置结构进一步优化。",
     [("农机总动力", 1000000000, "千瓦", 2020, ">="), ("灌排机械动力", 120000000, "千瓦", 2020, ">=")]),
    ("到2020年，全国农作物耕种收综合机械化率达到70%，小麦、水稻、玉米等主要粮食作物基本实现生产全程机械化。",
     [("农作物耕种收综合机械化率", 70, "%", 2020, ">=")]),
    ("到2025年，全国农机总动力稳定在11亿千瓦左右，其中灌排机械动力达到1.3亿千瓦。",
     [("农机总动力", 1100000000, "千瓦", 2025, "="), ("灌排机械动力", 130000000, "千瓦", 2025, ">=")]),
    ("到2025年，全国农作物耕种收综合机械化率达到75%，粮棉油糖主产县（市、区）基本实现农业机械化，"
     "丘陵山区县（市、区）农作物耕种收综合机械化率达到55%。",
     [("农作物耕种收综合机械化率", 75, "%", 2025, ">="), ("丘陵山区县(市、区)农作物耕种收综合机械化率", 55, "%", 2025, ">=")]),
    ("到2025年，薄弱环节机械化全面突破，其中马铃薯种植、收获机械化率均达到45%，棉花收获机械化率达到60%，"
     "花生种植、收获机械化率分别达到65%和55%，甘蔗收获机械化率达到30%，设施农业、畜牧养殖、水产养殖和农产品初加工机械化率总体达到50%左右。",
     [("马铃薯种植、收获机械化率", 45, "%", 2025, ">="), ("棉花收获机械化率", 60, "%", 2025, ">="),
      ("花生种植、收获机械化率", 65, "%", 2025, ">="), ("花生种植、收获机械化率", 55, "%", 2025, ">="),
      ("甘蔗收获机械化率", 30, "%", 2025, ">="),
      ("设施农业、畜牧养殖、水产养殖和农产品初加工机械化率", 50, "%", 2025, "=")]),
    ("符合创业担保贷款申请条件的人员自主创业的，可申请最高不超过15万元的创业担保贷款。",
     [("可申请最高", 150000, "元", None, "<=")]),
    ("小微企业当年新招用符合创业担保贷款申请条件的人员数量达到企业现有在职职工人数25%（超过100人的企业达到15%）"
     "并与其签订1年以上劳动合同的，可申请最高不超过300万元的创业担保贷款。", [("可申请最高", 3000000, "元", None, "<=")]),
    ("到2025年，农机装备品类基本齐全，产品质量可靠性达到国际先进水平。", []),  # no number: no target
    ("2019年1月1日至2020年12月31日，将技术技能提升补贴申领条件由参加失业保险3年以上放宽至参保1年以上。", []),
    ("油菜种植、收获机械化率分别达到50%和65%。",
     [("油菜种植、收获机械化率", 50, "%", None, ">="), ("油菜种植、收获机械化率", 65, "%", None, ">=")]),
    ("全国农机总动力稳定在11亿千瓦左右。", [("农机总动力", 1100000000, "千瓦", None, "=")]),
    ("其中灌排机械动力达到1.2亿千瓦，农机具配置结构进一步优化。", [("灌排机械动力", 120000000, "千瓦", None, ">=")]),
    ("组织失业青年参加3—12个月的就业见习，按规定给予就业见习补贴，并适当提高补贴标准。", []),
    ("推动在港澳与大湾区内地间取消或降低通信漫游和长途资费。", []),
    # our own, one per convention
    ("到2021年，全省高新技术企业数量增长10%以上。", [("全省高新技术企业数量", 10, "%", 2021, ">=")]),
    ("2022年底前，新建5G基站不少于三万个。", [("新建5G基站", 30000, "个", 2022, ">=")]),
    ("培育省级龙头企业达到一百二十家。", [("培育省级龙头企业", 120, "家", None, ">=")]),
    ("单位GDP能耗下降到0.45吨以下。", [("单位GDP能耗", 0.45, "吨", None, "<=")]),
    ("城镇登记失业率控制在３.５％以内。", [("城镇登记失业率", 3.5, "%", None, "<=")]),
]


@pytest.mark.parametrize("sentence, expected", REAL, ids=[s[:16] for s, _ in REAL])
def test_real_sentences_read_exactly(sentence, expected):
    found = extract(Task(7, body=sentence))
    assert [(i.text, i.value, i.measure, i.year, i.comparison) for i in found] == expected
    assert all(i.task == 7 and i.source and i.source in sentence for i in found)  # the sentence as written


def test_at_least_25_real_sentences_and_25_targets():
    own = 5  # the last ones are ours
    assert len(REAL) - own >= 25 and sum(len(expected) for _, expected in REAL[:-own]) >= 25


@pytest.mark.parametrize("text, value", [("二十五", 25), ("一百零八", 108), ("两千", 2000), ("三点五", 3.5), ("十", 10)])
def test_chinese_numerals(text, value):
    assert chinese_number(text) == value


def test_met_for_each_comparison():
    at_least = Indicator(1, "森林覆盖率", 52, "%", 2020, ">=")
    at_most = Indicator(1, "时限", 4, "个工作日", 2020, "<=")
    about = Indicator(1, "总动力", 100, "千瓦", 2025, "=")
    assert (at_least.met(52), at_least.met(51.9), at_least.met(None)) == (True, False, None)
    assert (at_most.met(4), at_most.met(5)) == (True, False)
    assert (about.met(104), about.met(106)) == (True, False)
    at_least.actuals = {"2019年": 50.0, "2020年": 53.0}
    assert at_least.latest(["2019年", "2020年", "2021年"]) == ("2020年", 53.0)


def target_plan() -> Plan:
    plan = Plan(title="某某工作方案（2019年）")
    plan.tasks = [Task(1, None, "森林", "到2020年，森林覆盖率达到52%。", ["省林业局"]),
                  Task(2, None, "旅客", "机场旅客年吞吐量达1.4亿人次。", ["省交通运输厅"])]
    return plan


def test_indicators_in_json_as_documented_and_kept_ones_round_trip():
    from taskmatrix.io.jsonio import dumps, loads

    plan = target_plan()
    doc = json.loads(dumps(plan))
    assert doc["indicators"] == [
        {"task": 1, "text": "森林覆盖率", "value": 52, "measure": "%", "year": 2020, "comparison": ">=",
         "source": "到2020年，森林覆盖率达到52%", "actuals": {}},
        {"task": 2, "text": "机场旅客年吞吐量", "value": 140000000, "measure": "人次", "year": None, "comparison": ">=",
         "source": "机场旅客年吞吐量达1.4亿人次", "actuals": {}}]
    assert doc["indicators_kept"] is False and loads(dumps(plan)).indicators is None
    plan.indicators = [i.copy() for i in indicators_of(plan)]
    plan.indicators[0].value = 55.0
    plan.indicators[0].actuals = {"2019年第一季度": 50.5}
    again = loads(dumps(plan))
    assert again.indicators == plan.indicators


def test_kept_indicators_round_trip_through_the_workbook(tmp_path):
    import openpyxl

    from taskmatrix.io.formats import read_plan, write_plan
    from taskmatrix.model.rounds import Round, add_round

    plan = target_plan()
    add_round(plan, Round("2019年第一季度"))
    plan.indicators = [i.copy() for i in indicators_of(plan)]
    plan.indicators[1].text = "旅客吞吐量（全省）"
    plan.indicators[0].actuals = {"2019年第一季度": 53.0}
    path = tmp_path / "p.xlsx"
    write_plan(plan, path)
    ws = openpyxl.load_workbook(path)["指标"]
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    assert rows[0] == ["序号", "指标", "目标值", "单位", "年份", "比较", "原文", "2019年第一季度实际值", "达标情况"]
    assert rows[1] == [1, "森林覆盖率", 52, "%", 2020, ">=", "到2020年，森林覆盖率达到52%", 53, "达标"]
    again = read_plan(path).plan
    assert again.indicators == plan.indicators
    write_plan(again, path)  # saved again: one 指标 sheet, still the same
    assert openpyxl.load_workbook(path).sheetnames.count("指标") == 1
    assert read_plan(path).plan.indicators == plan.indicators


def test_extracted_indicators_are_read_again_from_the_bodies(tmp_path):
    from taskmatrix.io.formats import read_plan, write_plan

    plan = target_plan()
    path = tmp_path / "p.xlsx"
    write_plan(plan, path)
    again = read_plan(path).plan
    assert again.indicators is None and [i.value for i in indicators_of(again)] == [52, 140000000]


def test_a_cache_reads_only_the_tasks_that_changed(monkeypatch):
    import taskmatrix.model.indicators as module

    plan = target_plan()
    cache: dict = {}
    first = module.extract_plan(plan, cache)
    read: list = []
    real = module.extract
    monkeypatch.setattr(module, "extract", lambda task: read.append(task.number) or real(task))
    assert module.extract_plan(plan, cache) == first and read == []
    plan.tasks[1].body = "机场旅客年吞吐量达1.5亿人次。"
    again = module.extract_plan(plan, cache)
    assert read == [2] and again[1].value == 150000000 and again[0] is first[0]
    assert module.extract_plan(plan) == again  # the same as reading everything
