from __future__ import annotations

from portage_desktop.demo.small import staff_count_for
from portage_desktop.services import children, setting, staff
from portage_desktop.startup import make_demo
from tests.conftest import TODAY


def test_demo_has_a_realistic_setting(demo_db):
    kids = children.list_children(demo_db)
    assert len(kids) == 12
    assert len(staff.list_staff(demo_db)) == 8
    assert "(demo)" in setting.get_setting(demo_db).name
    assert len({c.sen_status for c in kids}) >= 3
    assert all(c.key_person for c in kids)


def test_demo_is_reproducible_from_its_seed(tmp_path):
    a = make_demo(tmp_path / "a.db", children=20, seed=5, today=TODAY)
    b = make_demo(tmp_path / "b.db", children=20, seed=5, today=TODAY)
    c = make_demo(tmp_path / "c.db", children=20, seed=6, today=TODAY)
    assert children.list_children(a) == children.list_children(b)
    assert children.list_children(a) != children.list_children(c)


def test_demo_children_pass_the_same_rules_as_typed_ones(tmp_path):
    db = make_demo(tmp_path / "a.db", children=40, seed=2, today=TODAY)
    for summary in children.list_children(db):
        children.validate_child(children.get_child(db, summary.id), TODAY)


def test_staff_scale_with_the_site():
    assert staff_count_for(12) == 8
    assert staff_count_for(1000) == 60
    assert staff_count_for(1) >= 2
