"""Subject access export, retention and erasure."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from portage_desktop.cli import main
from portage_desktop.printing.kinds import export_child
from portage_desktop.services import audit, children, retention, staff
from portage_desktop.services.access import Actor, PermissionDenied, Role, set_actor
from portage_desktop.services.children import ChildInput
from portage_desktop.services.dates import add_months
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.staff import StaffInput
from portage_desktop.services.vocabulary import StaffRole
from portage_desktop.startup import open_and_migrate
from tests.conftest import TODAY
from tests.pdf_text import pdf_text

NAME = ("Peregrina", "Thistlewood")


def _child(db, leave: date | None = None) -> int:
    member = staff.save_staff(db, StaffInput("Kay", "Rowe", (StaffRole.KEY_PERSON,)))
    child = children.save_child(
        db,
        ChildInput(
            *NAME,
            date(2022, 5, 5),
            start_date=date(2023, 1, 9),
            key_person_id=member.id,
            home_languages="Welsh",
        ),
        today=TODAY,
    )
    if leave:
        children.archive_child(db, child.id, leave)
    return child.id


def test_subject_access_export_writes_pdf_and_json(db, tmp_path):
    from portage_desktop.services import setting
    from portage_desktop.services.setting import SettingInput

    setting.save_setting(db, SettingInput("Acorns", "group"))
    child_id = _child(db)
    (tmp_path / "out").mkdir()
    pdf, data = export_child(db, child_id, tmp_path / "out", today=TODAY)
    document = json.loads(data.read_text(encoding="utf-8"))
    (row,) = document["tables"]["child"]
    assert (row["first_name"], row["date_of_birth"]) == ("Peregrina", "2022-05-05")
    text = " ".join(pdf_text(pdf).split())
    assert "Everything we hold about Peregrina Thistlewood" in text
    assert "05/05/2022" in text and "Welsh" in text
    assert [e.detail for e in audit.search(db, action="export")] == ["subject access"]


def test_only_seniors_may_export(db, tmp_path):
    child_id = _child(db)
    set_actor(db, Actor("p", "P", Role.PRACTITIONER))
    with pytest.raises(PermissionDenied):
        export_child(db, child_id, tmp_path)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2024, 3, 15), -36, date(2021, 3, 15)),
        (date(2024, 12, 1), 1, date(2025, 1, 1)),
    ],
)
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected


def test_children_are_due_for_review_three_years_after_leaving(db):
    child_id = _child(db, leave=date(2023, 11, 22))
    assert [d.child_id for d in retention.due_for_review(db, today=date(2026, 11, 22))] == [
        child_id
    ]
    assert retention.due_for_review(db, today=date(2026, 11, 21)) == []
    retention.set_period(db, 48, effective_from=date(2026, 1, 1))
    assert retention.due_for_review(db, today=date(2026, 11, 22)) == []
    assert retention.current_rule(db, on=date(2025, 6, 1)).period_months == 36
    with pytest.raises(ValidationError):
        retention.set_period(db, 0)


def _file_bytes(path: Path) -> bytes:
    return b"".join(
        Path(f"{path}{s}").read_bytes() for s in ("", "-wal", "-shm") if Path(f"{path}{s}").exists()
    )


def test_erasure_leaves_no_trace_in_the_file(home, tmp_path):
    db = open_and_migrate(tmp_path / "plain.db", None, None)  # plain, so bytes can be searched
    child_id = _child(db, leave=date(2023, 7, 1))
    for _ in range(3):
        children.get_child(db, child_id)
    assert NAME[1].encode() in _file_bytes(db.path)
    with pytest.raises(ValidationError):
        retention.erase_child(db, child_id, "Someone Else")
    assert children.get_child(db, child_id)
    removed = retention.erase_child(db, child_id, "peregrina  THISTLEWOOD")
    assert removed == 1
    db.dispose()
    raw = _file_bytes(db.path)
    assert NAME[0].encode() not in raw and NAME[1].encode() not in raw
    again = open_and_migrate(db.path, None, None)
    assert children.list_children(again, include_archived=True) == []
    (entry,) = audit.search(again, action="erase")
    assert entry.record_id == child_id and NAME[1] not in entry.detail
    assert audit.verify_chain(again).ok


def test_erasure_needs_a_manager(db):
    child_id = _child(db)
    set_actor(db, Actor("s", "S", Role.SENCO))
    with pytest.raises(PermissionDenied):
        retention.erase_child(db, child_id, " ".join(NAME))


def test_export_child_from_the_command_line(home, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PORTAGE_DESKTOP_PASSPHRASE", "portage demo")
    db = tmp_path / "demo.db"
    assert main(["make-demo", str(db), "--children", "3"]) == 0
    (tmp_path / "x").mkdir()
    assert (
        main(["export-child", "--database", str(db), "--child", "1", "--out", str(tmp_path / "x")])
        == 0
    )
    assert len(list((tmp_path / "x").glob("child-1-subject-access-*"))) == 2
    assert (
        main(["export-child", "--database", str(db), "--child", "99", "--out", str(tmp_path)]) == 1
    )
    assert "No child has record number 99" in capsys.readouterr().err
