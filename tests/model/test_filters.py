"""Filter matching and sort keys, without Qt, on the seed plan."""

from taskmatrix.model.filters import (
    EMPTY_STATUS,
    NO_SECTION,
    ROLE_LEAD,
    ROLE_PARTICIPANT,
    FilterSpec,
    SearchIndex,
    sort_key,
)
from taskmatrix.model.plan import Task
from taskmatrix.model.queries import city_counts, city_links, task_cities, unit_counts


def numbers(plan, rows):
    return [plan.tasks[r].number for r in rows]


def test_no_filter_matches_everything_in_plan_order(seed_plan):
    index = SearchIndex(seed_plan)
    assert index.match(FilterSpec()) == list(range(100))
    assert not FilterSpec().is_active()


def test_unit_with_role(seed_plan):
    index = SearchIndex(seed_plan)
    lead = numbers(seed_plan, index.match(FilterSpec(unit="省科技厅", role=ROLE_LEAD)))
    assert lead == [6, 8, 10, 11, 12, 14, 15]
    part = numbers(seed_plan, index.match(FilterSpec(unit="省科技厅", role=ROLE_PARTICIPANT)))
    assert len(part) == 16 and not set(part) & set(lead)
    either = numbers(seed_plan, index.match(FilterSpec(unit="省科技厅")))
    assert sorted(either) == sorted(lead + part)


def test_city_directly_or_through_a_group(seed_plan):
    index = SearchIndex(seed_plan)
    jiangmen = numbers(seed_plan, index.match(FilterSpec(city="江门市")))
    assert 53 in jiangmen and 94 in jiangmen  # named directly
    assert 1 in jiangmen and 5 in jiangmen  # through 大湾区内地各市
    assert len(jiangmen) == 35
    assert index.match(FilterSpec(city="汕头市")) == []


def test_free_text_all_words_must_match_case_insensitively(seed_plan):
    index = SearchIndex(seed_plan)
    one = numbers(seed_plan, index.match(FilterSpec(text="中医药")))
    both = numbers(seed_plan, index.match(FilterSpec(text="中医药  横琴")))
    assert 7 in one and set(both) <= set(one) and 86 in both and 66 not in both
    assert numbers(seed_plan, index.match(FilterSpec(text="ipv6"))) == [25]
    # Units, cities and section titles are searched too.
    assert 96 in numbers(seed_plan, index.match(FilterSpec(text="省大湾区办 保障措施")))
    assert 1 in numbers(seed_plan, index.match(FilterSpec(text="肇庆市")))


def test_section_and_status(seed_plan):
    seed_plan.tasks[0].status = "推进中"
    seed_plan.tasks[1].section = None
    index = SearchIndex(seed_plan)
    assert numbers(seed_plan, index.match(FilterSpec(section=9))) == [96, 97, 98, 99, 100]
    assert numbers(seed_plan, index.match(FilterSpec(section=NO_SECTION))) == [2]
    assert numbers(seed_plan, index.match(FilterSpec(status="推进中"))) == [1]
    assert len(index.match(FilterSpec(status=EMPTY_STATUS))) == 99


def test_combined_filters_and_index_updates(seed_plan):
    index = SearchIndex(seed_plan)
    spec = FilterSpec(text="平台", unit="省科技厅", role=ROLE_LEAD, section=2)
    assert spec.is_active()
    before = numbers(seed_plan, index.match(spec))
    assert 6 in before and all(seed_plan.task(n).section == 2 for n in before)
    seed_plan.tasks[5].title = "全新标题"
    seed_plan.tasks[5].body = ""
    index.update(5)
    assert 6 not in numbers(seed_plan, index.match(spec))
    seed_plan.tasks.insert(0, Task(101, 2, "创新平台", leads=["省科技厅"]))
    index.insert(0)
    assert numbers(seed_plan, index.match(spec))[0] == 101
    del seed_plan.tasks[0]
    index.remove(0)
    assert 101 not in numbers(seed_plan, index.match(spec))


def test_sort_keys(seed_plan):
    by_number = sorted(seed_plan.tasks, key=sort_key(seed_plan, "number"), reverse=True)
    assert [t.number for t in by_number[:3]] == [100, 99, 98]
    by_lead = sorted(seed_plan.tasks, key=sort_key(seed_plan, "leads"))
    positions = [seed_plan.registry.names().index(t.leads[0]) for t in by_lead]
    assert positions == sorted(positions)  # the registry's official order, not code points
    assert by_lead[0].leads[0] == "省委组织部" or positions[0] == min(positions)
    by_section = sorted(reversed(seed_plan.tasks), key=sort_key(seed_plan, "section"))
    assert [t.number for t in by_section[:2]] == [1, 2]


def test_search_texts_are_made_lazily_and_in_slices(seed_plan):
    index = SearchIndex(seed_plan)
    assert index.texts.count(None) == 100
    assert not index.warm(limit=40) and index.texts.count(None) == 60
    seed_plan.tasks[10].title = "全新的标题"
    index.update(10)
    assert index.warm(limit=100) and None not in index.texts
    assert "全新的标题" in index.texts[10]
    seed_plan.tasks.insert(50, seed_plan.tasks.pop(5))
    index.move(5, 50)
    index.update(50)
    assert numbers(seed_plan, index.match(FilterSpec(text="全新的标题"))) == [11]  # match() fills the gaps


def test_unit_and_city_rows_are_kept_until_an_edit_and_agree_with_a_full_scan(seed_plan):
    index = SearchIndex(seed_plan)

    def scan_unit(unit):
        return [i for i, t in enumerate(seed_plan.tasks) if unit in t.leads or unit in t.participants]

    def scan_city(city):
        return [i for i, t in enumerate(seed_plan.tasks) if city in task_cities(t, seed_plan.registry)]

    assert index.unit_rows("省科技厅") == scan_unit("省科技厅")
    assert index.unit_rows("省科技厅") is index.unit_rows("省科技厅")  # kept
    assert index.city_rows("江门市") == scan_city("江门市")
    # Every kind of edit forgets what was found.
    seed_plan.tasks[0].participants.append("省科技厅")
    index.update(0)
    assert index.unit_rows("省科技厅") == scan_unit("省科技厅") and index.unit_rows("省科技厅")[0] == 0
    seed_plan.tasks.insert(3, Task(101, 1, "新任务", leads=["江门市"]))
    index.insert(3)
    assert index.city_rows("江门市") == scan_city("江门市") and 3 in index.city_rows("江门市")
    seed_plan.tasks.insert(60, seed_plan.tasks.pop(3))
    index.move(3, 60)
    assert index.city_rows("江门市") == scan_city("江门市") and 60 in index.city_rows("江门市")
    del seed_plan.tasks[60]
    index.remove(60)
    assert index.city_rows("江门市") == scan_city("江门市")
    assert index.unit_rows("省科技厅") == scan_unit("省科技厅")
    # The filter uses them, with other conditions on top.
    spec = FilterSpec(unit="省科技厅", city="江门市", section=2)
    expected = [i for i in scan_unit("省科技厅") if i in scan_city("江门市") and seed_plan.tasks[i].section == 2]
    assert index.match(spec) == expected and expected


def test_counts_and_units_used_are_kept_until_units_or_rows_change(seed_plan):
    index = SearchIndex(seed_plan)
    plan = seed_plan

    def agrees():
        assert index.unit_counts() == unit_counts(plan)
        assert index.city_counts() == city_counts(plan)
        assert index.units_used() == plan.units_used()
        assert index.links == [city_links(t, plan.registry) for t in plan.tasks]
        assert index.cities == [tuple(task_cities(t, plan.registry)) for t in plan.tasks]

    agrees()
    kept = (index.unit_counts(), index.city_counts(), index.units_used(), index.unit_rows("省科技厅"))
    # An edit of text keeps them (and still finds the new text).
    plan.tasks[5].notes = "独一无二的备注"
    index.update(5, units=False)
    assert (index.unit_counts(), index.city_counts(), index.units_used(), index.unit_rows("省科技厅")) == kept
    assert index.unit_counts() is kept[0] and index.city_counts() is kept[1]
    assert index.match(FilterSpec(text="独一无二")) == [5]
    # An edit of units, an insertion, a move and a removal each count again.
    plan.tasks[5].leads = ["江门市", "新单位"]
    index.update(5)
    assert index.unit_counts() is not kept[0]
    agrees()
    assert index.unit_counts()["新单位"] == (1, 0) and index.city_counts()["江门市"] == city_counts(plan)["江门市"]
    plan.tasks.insert(0, Task(101, 1, "新任务", leads=["大湾区内地各市"], participants=["另一新单位"]))
    index.insert(0)
    agrees()
    plan.tasks.insert(40, plan.tasks.pop(0))
    index.move(0, 40)
    agrees()
    del plan.tasks[40]
    index.remove(40)
    agrees()


def test_is_warm_follows_the_texts(seed_plan):
    index = SearchIndex(seed_plan)
    assert not index.is_warm()
    index.warm(limit=99)
    assert not index.is_warm()
    index.warm(limit=1)
    assert index.is_warm()
    index.update(3)
    assert not index.is_warm() and index.warm() and index.is_warm()
