"""Derived views on the seed plan: cities, a unit's tasks, a city's tasks, counts."""

from taskmatrix.model.plan import Task
from taskmatrix.model.queries import (
    CityResolver,
    category_counts,
    city_counts,
    city_links,
    city_tasks,
    mentioned_cities,
    task_cities,
    unit_counts,
    unit_tasks,
)
from taskmatrix.model.units import PRD_NINE, UnitRegistry


def test_task_cities_expand_groups_in_official_order():
    reg = UnitRegistry.default()
    task = Task(1, leads=["肇庆市"], participants=["省科技厅", "广州市", "珠三角九市"])
    assert task_cities(task, reg) == list(PRD_NINE)
    task = Task(2, leads=["省科技厅"], participants=["汕头市", "广州市"])
    assert task_cities(task, reg) == ["广州市", "汕头市"]
    assert task_cities(Task(3, leads=["省科技厅"]), reg) == []
    task = Task(4, leads=["省科技厅"], participants=["各地级以上市"])
    assert len(task_cities(task, reg)) == 21


def test_city_links_prefer_direct_naming():
    reg = UnitRegistry.default()
    task = Task(1, leads=["省科技厅"], participants=["广州市", "大湾区内地各市"])
    links = city_links(task, reg)
    assert links["广州市"] is None
    assert links["江门市"] == "大湾区内地各市"
    assert "汕头市" not in links


def test_city_resolver_answers_as_the_single_task_functions(seed_plan):
    reg = seed_plan.registry
    resolver = CityResolver(reg)
    extra = [Task(901, leads=["肇庆市"], participants=["省科技厅", "广州市", "珠三角九市"]),
             Task(902, leads=["省科技厅"], participants=["汕头市", "广州市"]),
             Task(903, leads=["大湾区内地各市"], participants=["广州市"])]
    for task in [*seed_plan.tasks, *extra, *seed_plan.tasks]:  # second pass: remembered answers
        cities, links = resolver.resolve(task)
        assert list(cities) == task_cities(task, reg)
        assert links == resolver.links(task) == city_links(task, reg)
    assert resolver.links(extra[2])["广州市"] is None  # named directly wins over its group, in any role


def test_mentioned_cities_skip_sun_yat_sen():
    task = Task(1, title="支持中山保护好传承好利用好孙中山文化资源", body="江门华侨")
    assert mentioned_cities(task) == ["中山市", "江门市"]
    assert mentioned_cities(Task(2, body="孙中山文化")) == []


def test_unit_tasks_split_by_role(seed_plan):
    tasks = unit_tasks(seed_plan, "省科技厅")
    assert [t.number for t in tasks.lead] == [6, 8, 10, 11, 12, 14, 15]
    assert 5 in [t.number for t in tasks.participant]
    assert not {t.number for t in tasks.lead} & {t.number for t in tasks.participant}


def test_city_tasks_include_group_tasks_and_mark_them(seed_plan):
    jiangmen = city_tasks(seed_plan, "江门市")
    direct = [c.task.number for c in jiangmen if c.via is None]
    via = [c.task.number for c in jiangmen if c.via == "大湾区内地各市"]
    assert direct == [53, 94]
    assert 1 in via and 96 in via
    lead = [c.task.number for c in jiangmen if c.lead]
    assert lead == [94]
    # A city outside the Bay Area has no tasks through 大湾区内地各市.
    assert city_tasks(seed_plan, "汕头市") == []


def test_counts(seed_plan):
    counts = unit_counts(seed_plan)
    assert counts["省科技厅"] == (7, len(unit_tasks(seed_plan, "省科技厅").participant))
    assert counts["省发展改革委"][0] == 16  # 15 sole leads + joint lead of task 99
    assert counts["省委组织部"] == (1, 3)
    assert counts["潮州市"] == (0, 0)
    cities = city_counts(seed_plan)
    assert cities["江门市"][0] == 2
    assert cities["汕头市"] == (0, 0)
    cats = category_counts(seed_plan)
    assert cats["省委部门"][0] == 5
    assert sum(c[1] for c in cats.values()) == sum(len(t.leads) for t in seed_plan.tasks)


def test_unit_and_city_tasks_among_candidates_equal_the_whole_plan(seed_plan):
    for unit in {u for t in seed_plan.tasks for u in t.leads + t.participants}:
        candidates = [t for t in seed_plan.tasks if unit in t.leads or unit in t.participants]
        assert unit_tasks(seed_plan, unit, candidates) == unit_tasks(seed_plan, unit), unit
    for city in seed_plan.registry.city_names():
        candidates = [t for t in seed_plan.tasks if city in task_cities(t, seed_plan.registry)]
        assert city_tasks(seed_plan, city, candidates) == city_tasks(seed_plan, city), city
