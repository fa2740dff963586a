"""'Show the records counted' on the Stamp page, read as a manager or an assessor would."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from portage_desktop.services import staff, training
from portage_desktop.ui.staff.staff_page import StaffDialog
from portage_desktop.ui.stamp.counted_records import RecordsCountedDialog
from tests.ui.conftest import wait_for_stamp_check, when_modal_opens

WHO, RECORD, DETAILS, COUNTED, WHY = range(5)


def _open_records(qtbot, page, number: int) -> list[tuple[str, ...]]:
    """Select the criterion, press the button, and read every row of the dialog."""
    page.table.selectRow(number - 1)
    assert page.current is not None and page.current.number == number
    assert page.records_button.isVisibleTo(page)
    seen: list[list[tuple[str, ...]]] = []

    def read(dialog: RecordsCountedDialog) -> None:
        assert isinstance(dialog, RecordsCountedDialog)
        assert dialog.windowTitle() == f"Records counted for criterion {number}"
        seen.append(dialog.row_texts())

    when_modal_opens(qtbot, read)
    qtbot.mouseClick(page.records_button, Qt.MouseButton.LeftButton)
    assert seen, "the dialog opened"
    return seen[0]


def test_the_records_behind_criteria_4_6_and_7(qtbot, demo_ctx, open_window):
    window = open_window(demo_ctx)
    window.go_to(3)
    page = window.stamp_page
    wait_for_stamp_check(qtbot, demo_ctx)
    today = date.today()

    rows = _open_records(qtbot, page, 6)
    people = {m.full_name: m for m in staff.list_staff(demo_ctx.db)}
    workshops = [r for r in rows if r[RECORD] == "Portage Workshop"]
    counted = {r[WHO] for r in workshops if r[COUNTED] == "✔ Counted"}
    assert counted and all(people[name].is_current(today) for name in counted)
    assert any(r[WHY] == "trainer not NPA-accredited" for r in workshops)
    leaver = next(m for m in people.values() if m.leave_date and m.leave_date <= today)
    [row] = [r for r in rows if r[WHO] == leaver.full_name and r[RECORD] == "Staff member"]
    assert row[COUNTED] == "✖ Not counted"
    assert row[WHY] == f"left on {leaver.leave_date:%d/%m/%Y}"

    rows = _open_records(qtbot, page, 7)
    members = training.list_training(demo_ctx.db)
    numbers = {r.membership_number for r in members if r.membership_number}
    assert {r[RECORD].rsplit(" ", 1)[-1] for r in rows} == numbers
    assert all(", valid through " in r[DETAILS] for r in rows)
    assert any(r[COUNTED] == "✔ Counted" for r in rows)

    rows = _open_records(qtbot, page, 4)
    reviews = [r for r in rows if r[RECORD] == "Review with parents"]
    assert reviews and all(r[DETAILS].startswith("held ") for r in reviews)
    assert all(r[WHY].startswith("counts until ") for r in reviews if r[COUNTED] == "✔ Counted")
    child = reviews[0][WHO]
    areas = {r[RECORD] for r in rows if r[WHO] == child and r[RECORD].startswith("Goal: ")}
    assert areas == {
        "Goal: play and personal development",
        "Goal: learning, physical development and communication",
        "Goal: participation and inclusion in family and community life",
    }


def test_searching_the_records_counted(qtbot, demo_ctx):
    from portage_desktop.services.stamp_check import check_stamp

    result = check_stamp(demo_ctx.db, date.today()).result(4)
    dialog = RecordsCountedDialog(result)
    qtbot.addWidget(dialog)
    everyone = dialog.row_texts()
    child = everyone[0][WHO]
    qtbot.keyClicks(dialog.search, child)
    narrowed = dialog.row_texts()
    assert narrowed and len(narrowed) < len(everyone)
    assert all(r[WHO] == child for r in narrowed)
    assert dialog.table.accessibleName() == "Records counted for criterion 4"
    assert dialog.width() <= 1366 and dialog.height() <= 768


def test_the_stamp_page_states_what_valid_through_means(qtbot, demo_ctx, open_window):
    window = open_window(demo_ctx)
    page = window.stamp_page
    wait_for_stamp_check(qtbot, demo_ctx)
    assert "valid through" in page.headline.text()
    assert "up to and including that day" in page.headline.text()
    page.table.selectRow(6)
    assert "up to and including that day" in page.evidence.text()


def test_the_staff_form_says_what_the_leaving_date_means(qtbot, demo_ctx):
    dialog = StaffDialog(demo_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    hints = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]
    assert any("The first day they no longer work here" in h for h in hints)
    assert dialog.leave_date.accessibleName()
