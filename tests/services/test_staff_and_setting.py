from __future__ import annotations

from datetime import date

import pytest

from portage_desktop.services import setting, staff
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.setting import SettingInput
from portage_desktop.services.staff import StaffInput
from portage_desktop.services.vocabulary import SettingKind, StaffRole


def test_staff_need_names_and_a_role(db):
    with pytest.raises(ValidationError) as caught:
        staff.save_staff(db, StaffInput(" ", "", ()))
    assert set(caught.value.errors) == {"first_name", "last_name", "roles"}
    assert staff.list_staff(db) == []


def test_staff_leave_date_not_before_start(db):
    with pytest.raises(ValidationError) as caught:
        staff.save_staff(
            db, StaffInput("Jo", "Bell", (StaffRole.SENCO,), date(2024, 1, 10), date(2024, 1, 9))
        )
    assert "leave_date" in caught.value.errors


def test_roles_are_kept_in_a_stable_order(db):
    saved = staff.save_staff(db, StaffInput("Jo", "Bell", (StaffRole.KEY_PERSON, StaffRole.SENCO)))
    assert staff.list_staff(db)[0].roles == (StaffRole.SENCO, StaffRole.KEY_PERSON)
    assert saved.roles_text == "SENCO, Key person"


@pytest.mark.parametrize(
    ("start", "leave", "on", "current"),
    [
        (None, None, date(2026, 1, 1), True),
        (date(2026, 2, 1), None, date(2026, 1, 1), False),
        (None, date(2026, 1, 1), date(2026, 1, 1), False),
        (None, date(2026, 1, 2), date(2026, 1, 1), True),
    ],
)
def test_who_counts_as_current(start, leave, on, current):
    member = staff.StaffMember(1, "A", "B", (StaffRole.PRACTITIONER,), start, leave)
    assert member.is_current(on) is current


def test_current_staff_count_ignores_leavers(db):
    staff.save_staff(db, StaffInput("A", "One", (StaffRole.MANAGER,)))
    staff.save_staff(db, StaffInput("B", "Two", (StaffRole.MANAGER,), None, date(2026, 1, 1)))
    assert staff.current_staff_count(db, date(2025, 12, 31)) == 2
    assert staff.current_staff_count(db, date(2026, 1, 1)) == 1


def test_setting_is_created_once_then_updated(db):
    assert setting.get_setting(db) is None
    setting.save_setting(db, SettingInput("Acorns", SettingKind.GROUP, "ey 123456"))
    info = setting.save_setting(db, SettingInput("Acorns Pre-school", "childminder", ""))
    assert info.name == "Acorns Pre-school" and info.is_childminder
    assert setting.get_setting(db) == info


def test_setting_first_save_normalises_the_urn(db):
    info = setting.save_setting(db, SettingInput("Acorns", SettingKind.GROUP, "ey 123456"))
    assert info.ofsted_urn == "EY123456"


@pytest.mark.parametrize(
    ("data", "fields"),
    [
        (SettingInput("", SettingKind.GROUP), {"name"}),
        (SettingInput("Acorns", None), {"kind"}),
        (SettingInput("Acorns", "school"), {"kind"}),
        (SettingInput("Acorns", SettingKind.GROUP, "hello"), {"ofsted_urn"}),
    ],
)
def test_setting_validation(db, data, fields):
    with pytest.raises(ValidationError) as caught:
        setting.save_setting(db, data)
    assert set(caught.value.errors) == fields
    assert setting.get_setting(db) is None
