"""The Groups area driven from the keyboard: a group made, sessions planned past a closure, a
family booked and its attendance and the session's notes saved."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from portage_desktop.services.home_visiting import groups, referrals, rules
from portage_desktop.services.home_visiting.groups import Attendance, GroupInput
from portage_desktop.services.home_visiting.vocabulary import Pattern
from portage_desktop.ui.service.groups_page import GroupDialog, GroupsPage, PlanSessionsDialog
from tests.services.home_visiting_helpers import waiting_family
from tests.ui.conftest import when_modal_opens
from tests.ui.service_helpers import fits_small_screen, make_service, shown

TODAY = date(2026, 11, 2)


def test_a_stay_and_play_group_from_first_session_to_register(qtbot, ctx):
    make_service(ctx.db)
    waiting_family(ctx.db)  # Amy Lee, referred and waiting
    rules.add_closure(ctx.db, date(2026, 11, 11), date(2026, 11, 11), "Training day")
    page = shown(qtbot, GroupsPage(ctx, today=TODAY))
    assert page.register_hint.text().startswith("No groups yet: press New group…")

    def make(dialog: GroupDialog) -> None:
        assert fits_small_screen(dialog)
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)
        assert dialog.errors.text("name")
        qtbot.keyClicks(dialog.name, "Stay and Play")
        qtbot.keyClicks(dialog.place, "Riverside family hub")
        dialog.weekday.setCurrentIndex(2)  # Wednesday
        qtbot.keyClicks(dialog.time, "9:30")
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)

    when_modal_opens(qtbot, make)
    qtbot.keyClick(page.new_button, Qt.Key.Key_Space)
    assert page.groups_model.index(0, 1).data() == "Wednesdays at 09:30"
    assert page.register_hint.text().startswith("Choose a group with sessions planned")

    def plan(dialog: PlanSessionsDialog) -> None:
        dialog.start.edit.clear()
        qtbot.keyClicks(dialog.start.edit, "02/11/2026")
        dialog.count.setValue(3)
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)

    when_modal_opens(qtbot, plan)
    qtbot.keyClick(page.plan_button, Qt.Key.Key_Space)
    days = [page.sessions_model.index(r, 0).data() for r in range(3)]
    assert days == ["04/11/2026", "18/11/2026", "25/11/2026"]  # the training day passed over
    assert page.sessions_table.selectionModel().selectedRows()[0].row() == 0
    assert page.register_hint.text().startswith("No family is booked on this session yet")

    qtbot.keyClick(page.book_button, Qt.Key.Key_Space)
    assert page.message.text() == "Amy Lee booked for 04/11/2026."
    qtbot.keyClick(page.book_button, Qt.Key.Key_Space)
    assert "already booked" in page.message.text()
    assert page.register.item(0, 0).text() == "Amy Lee"
    assert page.register_hint.isHidden()
    came = page.register.cellWidget(0, 1)
    came.setCurrentIndex(came.findData(Attendance.CAME))
    qtbot.keyClicks(page.notes, "Bubbles, songs and sleep routines")
    qtbot.keyClick(page.save_button, Qt.Key.Key_Space)
    [first, *_] = groups.list_sessions(ctx.db, groups.list_groups(ctx.db, TODAY)[0].id)
    assert first.came == 1 and first.notes == "Bubbles, songs and sleep routines"
    assert page.sessions_model.index(0, 2).data() == "1"


def test_the_chosen_sessions_register_is_printed_to_take_to_the_room(
    qtbot, ctx, tmp_path, monkeypatch
):
    from pathlib import Path

    from portage_desktop.ui.common import pdf_save
    from tests.pdf_text import pdf_text

    make_service(ctx.db)
    amy = waiting_family(ctx.db)
    child = referrals.list_referrals(ctx.db)[0].child_id
    group = groups.save_group(ctx.db, GroupInput("Stay and Play", place="Riverside hub"))
    groups.plan_sessions(ctx.db, group, date(2026, 11, 30), 2, Pattern.WEEKLY)
    first, _second = groups.list_sessions(ctx.db, group)
    groups.book(ctx.db, first.id, child)
    assert amy
    out = tmp_path / "register.pdf"
    monkeypatch.setattr(pdf_save, "ask_pdf_path", lambda *_a: out)
    saved: list[Path] = []
    monkeypatch.setattr(pdf_save, "confirm_saved", lambda _parent, path: saved.append(path))
    page = shown(qtbot, GroupsPage(ctx, today=TODAY))
    page.groups_table.selectRow(0)
    page.sessions_table.selectRow(0)
    qtbot.keyClick(page.print_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(saved), timeout=20000)
    text = pdf_text(out)
    assert "Stay and Play: register" in text and "Monday 30 November 2026" in text
    assert "Amy Lee" in text and "Riverside hub" in text
