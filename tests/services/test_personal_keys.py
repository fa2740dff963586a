"""Personal keys: each person's own password opens the file, never as anyone else."""

from __future__ import annotations

import json
import stat

import pytest

from portage_desktop.data import cipher, key_slots
from portage_desktop.data.errors import DatabaseError, WrongPassphrase
from portage_desktop.services import audit, personal_keys, security, users
from portage_desktop.services.access import Permission, PermissionDenied, Role, current_actor
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.users import UserInput
from portage_desktop.startup import open_and_migrate, unlock
from tests.conftest import TEST_PASSPHRASE

pytestmark = pytest.mark.sqlite_only

MINA_PW = "a long password 1"
PAT_PW = "pats own quiet garden"


@pytest.fixture
def team(db):
    """An encrypted file with a manager (Mina) and a practitioner (Pat)."""
    mina = users.create_user(db, UserInput("mina", "Mina Shah", Role.MANAGER, MINA_PW, MINA_PW))
    pat = users.create_user(db, UserInput("pat", "Pat Lee", Role.PRACTITIONER, PAT_PW, PAT_PW))
    return db, mina, pat


def _open_as(path, username, password):
    unlocked = personal_keys.unlock_as(path, username, password)
    opened = open_and_migrate(path, None, unlocked.key)
    users.sign_in(opened, unlocked)
    return opened


def test_each_account_gets_a_slot_in_a_private_key_file(team):
    db, _, _ = team
    keys = key_slots.slots_path(db.path)
    assert keys.name == "portage.db.keys"
    assert stat.S_IMODE(keys.stat().st_mode) == 0o600
    raw = json.loads(keys.read_text())
    assert [(s["kind"], s["username"]) for s in raw["slots"]] == [
        ("person", "mina"),
        ("person", "pat"),
    ]
    text = keys.read_text()
    assert MINA_PW not in text and PAT_PW not in text and db.key.key.hex() not in text
    assert personal_keys.uses_personal_keys(db.path)
    assert personal_keys.people_with_keys(db) == {"mina", "pat"}


def test_a_practitioners_password_opens_the_file_only_as_that_practitioner(team):
    db, _, _ = team
    path = db.path
    db.dispose()
    with pytest.raises(WrongPassphrase):
        personal_keys.unlock_as(path, "mina", PAT_PW)  # Pat's password on the manager's slot
    with pytest.raises(WrongPassphrase):
        personal_keys.unlock_as(path, "nobody", PAT_PW)
    opened = _open_as(path, "pat", PAT_PW)
    try:
        actor = current_actor(opened)
        assert (actor.username, actor.role) == ("pat", Role.PRACTITIONER)
        assert not actor.may(Permission.MANAGE_USERS)
        with pytest.raises(PermissionDenied):
            users.list_users(opened)
        with pytest.raises(PermissionDenied):
            personal_keys.change_database_key(opened)
    finally:
        opened.dispose()
    manager = _open_as(path, "mina", MINA_PW)
    try:
        assert current_actor(manager).role is Role.MANAGER
        assert [e.actor for e in audit.search(manager, action="login")][-1] == "pat"
    finally:
        manager.dispose()


def test_switching_someone_off_removes_their_slot_and_a_new_password_replaces_it(team):
    db, _, pat = team
    users.set_password(db, pat.id, "pats brand new meadow", "pats brand new meadow")
    with pytest.raises(WrongPassphrase):
        personal_keys.unlock_as(db.path, "pat", PAT_PW)
    assert personal_keys.unlock_as(db.path, "pat", "pats brand new meadow").key == db.key
    users.update_user(db, pat.id, Role.PRACTITIONER, active=False)
    assert personal_keys.people_with_keys(db) == {"mina"}
    with pytest.raises(WrongPassphrase):
        personal_keys.unlock_as(db.path, "pat", "pats brand new meadow")


def test_changing_the_database_key_locks_out_the_old_key_and_the_shared_passphrase(team):
    db, _, _ = team
    path, old = db.path, db.key
    assert unlock(path, TEST_PASSPHRASE) == old  # the file began with a shared passphrase
    personal_keys.change_database_key(db)
    assert db.key != old and db.key.salt == old.salt
    with pytest.raises(WrongPassphrase):
        unlock(path, TEST_PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        cipher.check_key(path, old)
    assert "database key changed" in [e.detail for e in audit.search(db, action="change")]
    users.list_users(db)  # still open and usable under the new key
    db.dispose()
    for name, password in (("mina", MINA_PW), ("pat", PAT_PW)):
        assert personal_keys.unlock_as(path, name, password).key.key != old.key
    assert "next" not in key_slots.slots_path(path).read_text()


def test_a_crash_during_a_change_of_key_leaves_a_file_that_still_opens(team):
    db, _, _ = team
    path, old = db.path, db.key
    new = cipher.random_key_for(path)
    slots = key_slots.load(path)
    for slot in slots:
        key_slots.seal_next(slot, new.key)
    key_slots.save(path, slots)
    db.dispose()
    # Killed before the re-key: the current key still opens it.
    assert personal_keys.unlock_as(path, "pat", PAT_PW).key == old
    # Killed after the re-key, before the slots were tidied: the next key opens it.
    cipher.rekey_to(path, old, new)
    assert personal_keys.unlock_as(path, "pat", PAT_PW).key == new


def test_the_recovery_sheet_is_a_slot_of_its_own_and_opens_as_a_manager(team):
    db, _, _ = team
    assert not personal_keys.has_recovery_sheet(db)
    code = personal_keys.recovery_words()
    assert len(code.split()) == personal_keys.RECOVERY_WORDS
    assert set(code.split()) <= set(security.word_list())
    personal_keys.set_recovery_sheet(db, code)
    assert personal_keys.has_recovery_sheet(db)
    second = personal_keys.recovery_words()
    personal_keys.set_recovery_sheet(db, second)  # printing a new sheet retires the old one
    personal_keys.change_database_key(db)  # the sheet survives a change of key
    path = db.path
    db.dispose()
    with pytest.raises(WrongPassphrase):
        personal_keys.unlock_with_sheet_or_passphrase(path, code)
    unlocked = personal_keys.unlock_with_sheet_or_passphrase(path, f"  {second.upper()} ")
    assert unlocked.recovery and "words" not in repr(unlocked)
    opened = open_and_migrate(path, None, unlocked.key)
    try:
        users.sign_in(opened, unlocked)
        assert current_actor(opened) == personal_keys.RECOVERY_ACTOR
        mina = next(u for u in users.list_users(opened) if u.username == "mina")
        users.set_password(opened, mina.id, "minas fresh start here", "minas fresh start here")
        users.confirm_same_person(opened, second)  # after a lock: the sheet's words again
        with pytest.raises(WrongPassphrase):
            users.confirm_same_person(opened, TEST_PASSPHRASE)  # retired by the change of key
        with pytest.raises(WrongPassphrase):
            users.confirm_same_person(opened, "wrong words entirely here")
        assert current_actor(opened) == personal_keys.RECOVERY_ACTOR
    finally:
        opened.dispose()
    personal_keys.unlock_as(path, "mina", "minas fresh start here")


def test_an_older_file_keeps_its_passphrase_and_moves_to_personal_keys_at_each_login(team):
    db, _, _ = team
    path = db.path
    key_slots.slots_path(path).unlink()  # as a file made before personal keys existed
    db.dispose()
    assert not personal_keys.uses_personal_keys(path)
    opened = open_and_migrate(path, None, unlock(path, TEST_PASSPHRASE))
    try:
        assert opened.multi_user and not users.logged_in(opened)
        users.log_in(opened, "pat", PAT_PW)
        assert personal_keys.people_with_keys(opened) == {"pat"}
        users.log_in(opened, "mina", MINA_PW)
        assert personal_keys.people_with_keys(opened) == {"mina", "pat"}
    finally:
        opened.dispose()
    assert personal_keys.unlock_as(path, "pat", PAT_PW).key == unlock(path, TEST_PASSPHRASE)


def test_a_single_user_file_keeps_one_passphrase_and_no_key_file(db):
    assert not users.is_multi_user(db)
    assert not key_slots.slots_path(db.path).exists()
    assert personal_keys.people_with_keys(db) == set()


def test_the_passphrase_cannot_be_changed_under_personal_keys(team):
    db, _, _ = team
    with pytest.raises(ValidationError) as caught:
        new = "another long one 42"
        security.change_passphrase(db, TEST_PASSPHRASE, new, new)
    assert "Change the database key" in caught.value.errors["current"]
    assert personal_keys.unlock_as(db.path, "pat", PAT_PW).key == db.key


def test_a_damaged_key_file_is_a_plain_message(team):
    db, _, _ = team
    key_slots.slots_path(db.path).write_text("{not json")
    with pytest.raises(DatabaseError, match="key file beside your records"):
        personal_keys.unlock_as(db.path, "pat", PAT_PW)


def test_the_command_line_opens_a_rekeyed_file_with_a_persons_own_key(demo_db, monkeypatch):
    from portage_desktop.cli import main

    db = demo_db
    users.create_user(db, UserInput("mina", "Mina Shah", Role.MANAGER, MINA_PW, MINA_PW))
    users.create_user(db, UserInput("pat", "Pat Lee", Role.PRACTITIONER, PAT_PW, PAT_PW))
    personal_keys.change_database_key(db)
    path = db.path
    db.dispose()
    out = path.parent / "list.pdf"
    argv = ["print", "children-list", "--database", str(path), "--out", str(out)]
    monkeypatch.setenv("PORTAGE_DESKTOP_USER", "pat")
    monkeypatch.setenv("PORTAGE_DESKTOP_PASSWORD", MINA_PW)  # the manager's password: refused
    assert main(argv) == 1 and not out.exists()
    monkeypatch.setenv("PORTAGE_DESKTOP_PASSWORD", PAT_PW)
    assert main(argv) == 0 and out.exists()
