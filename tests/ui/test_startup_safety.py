"""Start-up's questions after a crash: a lock from another computer, and a part-updated file."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from portage_desktop.data import backup as backup_store
from portage_desktop.data import file_lock, leftovers, migrate
from portage_desktop.data.upgrade_check import UpgradeFailed
from portage_desktop.ui.shell.startup_questions import Cancelled, claim_records, open_or_recover
from tests.ui.conftest import when_modal_opens

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "schema-0001.db"


def _press(qtbot, label: str, seen: list[str]) -> None:
    """When the next box opens, note what it says, then press ``label`` from the keyboard."""

    def act(box) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(f"{box.windowTitle()}|{box.text()}|{box.informativeText()}")
        button = next(b for b in box.buttons() if b.text().replace("&", "") == label)
        button.setFocus()
        qtbot.keyClick(button, Qt.Key.Key_Space)

    when_modal_opens(qtbot, act)


def _foreign_lock(path: Path) -> None:
    file_lock.lock_path(path).write_text(
        json.dumps({"host": "OFFICE-PC", "pid": 4242, "since": "2026-12-04T09:15:00"})
    )


def test_a_lock_from_another_computer_is_passed_once_the_person_says_so(qtbot, tmp_path):
    path = tmp_path / "portage.db"
    _foreign_lock(path)
    seen: list[str] = []
    _press(qtbot, "It is closed: open them here", seen)
    claim_records(path, tmp_path / "backups", headless=False)
    assert "Are these records open elsewhere?" in seen[0]
    assert "on the computer OFFICE-PC since 09:15 on 04/12/2026" in seen[0]
    assert json.loads(file_lock.lock_path(path).read_text())["pid"] == os.getpid()
    file_lock.acquire(path).release()


def test_quitting_leaves_the_other_computers_lock_alone(qtbot, tmp_path):
    path = tmp_path / "portage.db"
    _foreign_lock(path)
    _press(qtbot, "Quit", [])
    with pytest.raises(Cancelled):
        claim_records(path, tmp_path / "backups", headless=False)
    assert json.loads(file_lock.lock_path(path).read_text())["host"] == "OFFICE-PC"


def test_the_person_is_told_what_was_tidied(qtbot, tmp_path, answer_boxes):
    said = answer_boxes()
    path = tmp_path / "portage.db"
    shutil.copy(FIXTURE, path)
    path.with_name("portage.db.encrypting").write_bytes(os.urandom(4096))
    claim_records(path, tmp_path / "backups", headless=False)
    assert said == [("information", f"Portage Desktop was stopped last time: {leftovers.UNDONE}")]
    file_lock.acquire(path).release()


def test_a_part_updated_file_is_named_and_the_checked_copy_put_back(qtbot, tmp_path):
    path = tmp_path / "portage.db"
    shutil.copy(FIXTURE, path)
    backups = tmp_path / "backups"
    good = backup_store.make_backup(path, backups, reason="before-upgrade")
    conn = sqlite3.connect(path)  # what an older version left when killed part-way
    conn.execute("CREATE TABLE audit_entry (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    later = os.path.getmtime(good) + 5
    os.utime(path, (later, later))
    seen: list[str] = []
    _press(qtbot, "Put the copy back", seen)
    db = open_or_recover(path, backups, None, smoke_test=False)
    try:
        assert seen[0].startswith("Your records were only partly updated|")
        assert "has been checked and updates correctly" in seen[0]
        assert migrate.current_revision(db) == migrate.HEAD_REVISION
        with db.engine.connect() as conn2:
            assert conn2.exec_driver_sql("SELECT count(*) FROM child").scalar() > 0
    finally:
        db.close()
    assert len(list(tmp_path.glob("portage-damaged-*.db"))) == 1  # kept, in case


def test_declining_leaves_the_part_updated_file_as_it_was(qtbot, tmp_path):
    path = tmp_path / "portage.db"
    shutil.copy(FIXTURE, path)
    backups = tmp_path / "backups"
    good = backup_store.make_backup(path, backups, reason="before-upgrade")
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE audit_entry (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    later = os.path.getmtime(good) + 5
    os.utime(path, (later, later))
    before = path.read_bytes()
    _press(qtbot, "Quit", [])
    with pytest.raises(UpgradeFailed):
        open_or_recover(path, backups, None, smoke_test=False)
    assert path.read_bytes() == before
