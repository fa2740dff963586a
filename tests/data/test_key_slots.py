"""Key slots on their own: sealing, binding to a name, private atomic writes."""

from __future__ import annotations

import json
import os
import stat

import pytest

from portage_desktop.data import key_slots
from portage_desktop.data.errors import DatabaseError, WrongPassphrase
from portage_desktop.data.key_slots import PERSON, RECOVERY

KEY = os.urandom(32)


def test_a_slot_opens_only_with_its_own_secret(tmp_path):
    slot = key_slots.make_slot(PERSON, "pat", "pats own quiet garden", KEY)
    assert key_slots.open_slot(slot, "pats own quiet garden") == [KEY]
    with pytest.raises(WrongPassphrase):
        key_slots.open_slot(slot, "pats own quiet gardem")


def test_a_slot_renamed_to_another_person_no_longer_opens(tmp_path):
    database = tmp_path / "portage.db"
    key_slots.save(database, [key_slots.make_slot(PERSON, "pat", "pats own quiet garden", KEY)])
    raw = json.loads(key_slots.slots_path(database).read_text())
    raw["slots"][0]["username"] = "mina"  # pretend Pat's slot is the manager's
    key_slots.slots_path(database).write_text(json.dumps(raw))
    (renamed,) = key_slots.load(database)
    with pytest.raises(WrongPassphrase):
        key_slots.open_slot(renamed, "pats own quiet garden")


def test_a_new_key_is_sealed_without_the_password_and_promoted(tmp_path):
    slot = key_slots.make_slot(RECOVERY, "", "eight words", KEY)
    new = os.urandom(32)
    key_slots.seal_next(slot, new)
    assert key_slots.open_slot(slot, "eight words") == [KEY, new]
    key_slots.promote_next(slot)
    assert key_slots.open_slot(slot, "eight words") == [new]


def test_the_file_is_private_written_whole_and_removed_when_empty(tmp_path):
    database = tmp_path / "portage.db"
    slots = [key_slots.make_slot(PERSON, "pat", "pats own quiet garden", KEY)]
    key_slots.save(database, slots)
    path = key_slots.slots_path(database)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["portage.db.keys"]  # no .partial
    assert KEY.hex() not in path.read_text()
    key_slots.save(database, [])
    assert not path.exists() and key_slots.load(database) == []


@pytest.mark.parametrize(
    "text", ["{", "[]", '{"format": "other"}', '{"format": "portage-desktop-key-slots"}']
)
def test_a_damaged_or_foreign_file_is_a_plain_message(tmp_path, text):
    database = tmp_path / "portage.db"
    key_slots.slots_path(database).write_text(text)
    with pytest.raises(DatabaseError, match="is damaged"):
        key_slots.load(database)


def test_a_key_file_from_a_newer_app_says_so(tmp_path):
    database = tmp_path / "portage.db"
    newer = {"format": "portage-desktop-key-slots", "version": 2, "slots": []}
    key_slots.slots_path(database).write_text(json.dumps(newer))
    with pytest.raises(DatabaseError, match="newer Portage Desktop"):
        key_slots.load(database)
