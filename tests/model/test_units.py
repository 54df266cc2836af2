"""The unit registry: loading, aliases, categories, city groups."""

from taskmatrix.model.units import (
    CENTRAL_CATEGORIES,
    CITIES,
    PRD_NINE,
    PROVINCIAL_CATEGORIES,
    Unit,
    UnitRegistry,
    clean_unit_name,
)


def test_default_registry_loads_every_row_with_its_category():
    reg = UnitRegistry.default()
    assert len(reg) == 70
    assert reg.names()[0] == "省委组织部"
    assert {u.category for u in reg} == set(PROVINCIAL_CATEGORIES)
    assert reg.city_names() == list(CITIES)
    assert reg.category("广东银保监局") == "中直驻粤单位"
    assert reg.category("省法院") == "司法机关"
    assert reg.category("团省委") == "群团组织"


def test_central_registry_names_units_as_state_council_documents_write_them():
    reg = UnitRegistry.central()
    assert {u.category for u in reg} == set(CENTRAL_CATEGORIES)
    for name in ("发展改革委", "人力资源社会保障部", "人民银行", "银保监会", "市场监管总局", "海关总署", "有关部门"):
        assert name in reg, name
    assert reg.category("财政部") == "国务院组成部门"
    assert reg.category("税务总局") == "国务院直属机构"
    assert reg.city_names() == []
    # Full names are recognised, but a plan's units keep the name the plan writes.
    assert reg.alias_target("国家发展改革委") == "发展改革委"
    assert reg.canonical("国家发展改革委") == "国家发展改革委"
    assert reg.canonical(" 中国 人民银行") == "中国人民银行"
    assert UnitRegistry.default().canonical("省发改委") == "省发展改革委"  # provincial aliases map as before


def test_registry_for_a_plan_is_the_one_that_knows_more_of_its_units():
    from taskmatrix.model.units import registry_for

    national = registry_for(["财政部", "人民银行", "省科技厅"])
    assert "财政部" in national and national.category("省科技厅") == "省政府部门"
    assert "省教育厅" not in national  # only the provincial units the plan names
    provincial = registry_for(["省科技厅", "省教育厅", "海关总署"])
    assert len([u for u in provincial if u.category in PROVINCIAL_CATEGORIES]) == 70
    assert provincial.category("海关总署") == "国务院直属机构"
    assert registry_for([]) == UnitRegistry.default()
    written = registry_for(["国家发展改革委", "财政部"])
    assert written.category("国家发展改革委") == "国务院组成部门" and "发展改革委" in written


def test_compound_names_keep_their_pieces_together():
    reg = UnitRegistry([Unit("各区、县级市", "地级以上市")])
    assert reg.compound_names() == {"各区": "各区、县级市"}


def test_aliases_resolve_to_the_registered_name():
    reg = UnitRegistry.default()
    assert reg.canonical("省发改委") == "省发展改革委"
    assert reg.canonical("省发展和改革委员会") == "省发展改革委"
    assert reg.canonical(" 省 工信厅 ") == "省工业和信息化厅"
    assert reg.canonical("广州") == "广州市"
    assert reg.canonical("大湾区内地九市") == "大湾区内地各市"
    assert reg.canonical("某某局") == "某某局"
    assert not reg.is_registered("某某局")


def test_city_groups_expand_to_their_members_in_official_order():
    reg = UnitRegistry.default()
    assert reg.cities_of("大湾区内地各市") == list(PRD_NINE)
    assert reg.cities_of("珠三角九市") == list(PRD_NINE)
    assert reg.cities_of("各地级以上市") == list(CITIES)
    assert reg.cities_of("江门市") == ["江门市"]
    assert reg.cities_of("省科技厅") == []
    assert reg.group_names() == ["大湾区内地各市", "珠三角九市", "各地级以上市"]


def test_copy_is_independent_and_equal():
    reg = UnitRegistry.default()
    other = reg.copy()
    assert other == reg
    other.get("省科技厅").aliases.append("科技厅")
    assert reg.get("省科技厅").aliases == ["省科学技术厅"]
    assert other != reg


def test_replace_renames_and_keeps_position_and_aliases():
    reg = UnitRegistry.default()
    pos = reg.order_key("广东银保监局")
    reg.replace("广东银保监局", Unit("国家金融监督管理总局广东监管局", "中直驻粤单位", ["广东银保监局"]))
    assert "广东银保监局" not in reg
    assert reg.canonical("广东银保监局") == "国家金融监督管理总局广东监管局"
    assert reg.order_key("国家金融监督管理总局广东监管局")[1] == pos[1]


def test_add_refuses_a_duplicate_and_names_win_over_aliases():
    reg = UnitRegistry([Unit("甲局", "省政府部门", ["乙局"])])
    reg.add(Unit("乙局", "省政府部门"))
    assert reg.canonical("乙局") == "乙局"
    try:
        reg.add(Unit("甲局", "省政府部门"))
    except ValueError as exc:
        assert "甲局" in str(exc)
    else:
        raise AssertionError("duplicate accepted")


def test_from_csv_skips_blank_names_and_reads_bom():
    reg = UnitRegistry.from_csv("\ufeffname,category,aliases\n,省政府部门,\n 省甲厅 ,省政府部门,甲厅;\n")
    assert reg.names() == ["省甲厅"]
    assert reg.get("省甲厅").aliases == ["甲厅"]


def test_clean_unit_name():
    assert clean_unit_name(" 各县(市、区) 政府\n") == "各县（市、区）政府"
