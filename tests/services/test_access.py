"""Each role's permissions, enforced by the services themselves."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from portage_desktop.data.engine import DatabaseError
from portage_desktop.printing.kinds import print_record
from portage_desktop.services import audit, backups, children, setting, staff
from portage_desktop.services.access import (
    GRANTS,
    OWNER,
    Actor,
    Permission,
    PermissionDenied,
    Role,
    current_actor,
    set_actor,
)
from portage_desktop.services.children import ChildInput
from portage_desktop.services.setting import SettingInput
from portage_desktop.services.staff import StaffInput
from portage_desktop.services.vocabulary import SettingKind, StaffRole
from tests.conftest import TODAY

NEW_CHILD = ChildInput("Ola", "Nowak", date(2023, 6, 1))


def _as(db, role: Role) -> None:
    set_actor(db, Actor(f"user-{role.value}", role.label, role))


@pytest.mark.sqlite_only
def test_single_user_mode_is_the_owner_with_every_permission(db):
    set_actor(db, None)
    assert current_actor(db) == OWNER
    assert all(OWNER.may(p) for p in Permission)


def test_a_server_is_never_in_single_user_mode(db):
    """A shared server is used by a team: with nobody logged in, nothing is allowed."""
    set_actor(db, None)
    if not db.on_server:
        assert current_actor(db) == OWNER
        return
    assert db.multi_user
    assert current_actor(db).role is Role.NONE
    with pytest.raises(PermissionDenied, match="log in"):
        children.list_children(db)


def test_read_only_never_writes(demo_db, tmp_path):
    _as(demo_db, Role.READ_ONLY)
    first = children.list_children(demo_db)[0]
    children.get_child(demo_db, first.id)
    print_record(demo_db, "children-list", None, tmp_path / "l.pdf", today=TODAY)
    with pytest.raises(PermissionDenied, match="Read only"):
        children.save_child(demo_db, NEW_CHILD, today=TODAY)
    with pytest.raises(PermissionDenied):
        children.archive_child(demo_db, first.id, TODAY)
    with pytest.raises(PermissionDenied):
        staff.save_staff(demo_db, StaffInput("A", "B", (StaffRole.PRACTITIONER,)))
    with pytest.raises(PermissionDenied):
        setting.save_setting(demo_db, SettingInput("X", SettingKind.GROUP))
    set_actor(demo_db, OWNER)
    assert len(children.list_children(demo_db)) == 12


def test_practitioner_edits_children_but_not_staff_or_setting(demo_db):
    _as(demo_db, Role.PRACTITIONER)
    children.save_child(demo_db, NEW_CHILD, today=TODAY)
    first = children.list_children(demo_db)[0]
    with pytest.raises(PermissionDenied, match="SENCO or manager"):
        children.archive_child(demo_db, first.id, TODAY)
    with pytest.raises(PermissionDenied, match="manager"):
        staff.save_staff(demo_db, StaffInput("A", "B", (StaffRole.PRACTITIONER,)))
    with pytest.raises(PermissionDenied):
        audit.search(demo_db)


def test_senco_archives_but_only_a_manager_edits_staff(demo_db):
    _as(demo_db, Role.SENCO)
    first = children.list_children(demo_db)[0]
    children.archive_child(demo_db, first.id, TODAY)
    with pytest.raises(PermissionDenied):
        staff.save_staff(demo_db, StaffInput("A", "B", (StaffRole.PRACTITIONER,)))
    _as(demo_db, Role.MANAGER)
    staff.save_staff(demo_db, StaffInput("A", "B", (StaffRole.PRACTITIONER,)))


@pytest.mark.sqlite_only
def test_only_a_manager_restores(demo_db, tmp_path):
    backup = backups.back_up(demo_db, tmp_path / "b", keep=3)
    _as(demo_db, Role.SENCO)
    with pytest.raises(PermissionDenied):
        backups.restore_backup(demo_db, backup, tmp_path / "b")
    _as(demo_db, Role.MANAGER)
    backups.restore_backup(demo_db, backup, tmp_path / "b")


@pytest.mark.server_only
def test_a_server_has_no_file_backups_to_make_or_restore(db, tmp_path):
    """On a server, backups are its administrator's job: the app says so, never crashes."""
    for attempt in (
        lambda: backups.back_up(db, tmp_path / "b", keep=3),
        lambda: backups.restore_backup(db, tmp_path / "b" / "x.db", tmp_path / "b"),
    ):
        with pytest.raises(DatabaseError, match="pg_dump"):
            attempt()
    assert not backups.daily_backup_due(db, tmp_path / "b")
    assert backups.list_backups(db, tmp_path / "b") == []


def test_roles_grow_from_read_only_to_manager():
    order = [Role.READ_ONLY, Role.PRACTITIONER, Role.SENCO, Role.MANAGER]
    for lower, higher in itertools.pairwise([Role.NONE, *order]):
        assert GRANTS[lower] < GRANTS[higher]
