"""The Waiting list and Caseloads areas driven from the keyboard: the order with its reasons,
contact notes, a move by hand (which needs a reason), allocation, over-capacity said in words,
reassignment that keeps the history, and a home visitor seeing her own families first."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from portage_desktop.services.access import Actor, Role, set_actor
from portage_desktop.services.home_visiting import caseloads, referrals, rules
from portage_desktop.services.home_visiting.vocabulary import ReferralStatus
from portage_desktop.ui.service.caseloads_page import CaseloadsPage
from portage_desktop.ui.service.waiting_dialogs import (
    AllocateDialog,
    ContactNoteDialog,
    MoveDialog,
)
from portage_desktop.ui.service.waiting_list_page import WaitingListPage
from tests.services.home_visiting_helpers import add_visitor, waiting_family
from tests.ui.conftest import when_modal_opens
from tests.ui.service_helpers import fits_small_screen, make_service, shown


def _two_waiting(db) -> tuple[int, int]:
    early = waiting_family(db, first="Early", referred_on=date(2026, 9, 1))
    in_need = waiting_family(db, first="Ivy", referred_on=date(2026, 9, 5), child_in_need=True)
    return early, in_need


def test_the_waiting_list_shows_the_order_and_why(qtbot, ctx):
    make_service(ctx.db)
    _two_waiting(ctx.db)
    page = shown(qtbot, WaitingListPage(ctx))
    model = page.model
    assert [model.index(r, 1).data() for r in range(2)] == ["Ivy Lee", "Early Lee"]
    assert "child in need" in model.index(0, 4).data()
    assert model.index(0, 3).data() == "01/09/2027"  # the term after the third birthday
    assert page.reason.text() == page.families[0].reason
    assert page.message.text().startswith("2 families waiting")
    for row, family in enumerate(page.families):  # past the target in words and a symbol
        assert ("⚠ past target" in model.index(row, 2).data()) == family.over_target


def test_a_dated_named_contact_note_is_kept(qtbot, ctx):
    make_service(ctx.db)
    early, _ = _two_waiting(ctx.db)
    page = shown(qtbot, WaitingListPage(ctx))
    qtbot.keyClick(page.table, Qt.Key.Key_Down)  # the second family: Early Lee

    def write(dialog: ContactNoteDialog) -> None:
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)
        assert dialog.errors.text("note") == "Please write what was said or agreed."
        qtbot.keyClicks(dialog.by, "Sam Lead")
        qtbot.keyClicks(dialog.note, "Rang Mum: still keen; a place is likely in January.")
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)

    when_modal_opens(qtbot, write)
    qtbot.keyClick(page.note_button, Qt.Key.Key_Space)
    [note] = referrals.list_contact_notes(ctx.db, early)
    assert (note.contacted_on, note.by_name) == (date.today(), "Sam Lead")
    assert page.notes_model.index(0, 2).data().startswith("Rang Mum")


def test_a_move_by_hand_needs_a_reason(qtbot, ctx):
    make_service(ctx.db)
    early, _ = _two_waiting(ctx.db)
    page = shown(qtbot, WaitingListPage(ctx))
    qtbot.keyClick(page.table, Qt.Key.Key_Down)

    def move(dialog: MoveDialog) -> None:
        qtbot.keyClick(dialog.place, Qt.Key.Key_Down)  # from 2nd to 1st
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)
        assert dialog.errors.text("reason") == "Please give the reason for moving this family."
        qtbot.keyClicks(dialog.reason, "Moving out of the area in March")
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)

    when_modal_opens(qtbot, move)
    qtbot.keyClick(page.move_button, Qt.Key.Key_Space)
    moved = referrals.get_referral(ctx.db, early)
    assert (moved.manual_position, moved.manual_reason) == (1, "Moving out of the area in March")
    assert page.model.index(0, 1).data() == "Early Lee"
    assert page.table.currentIndex().row() == 0  # the moved family stays chosen


def test_a_family_is_allocated_from_the_waiting_list(qtbot, ctx):
    make_service(ctx.db)
    add_visitor(ctx.db, "Hana", "Moss")
    early, in_need = _two_waiting(ctx.db)
    page = shown(qtbot, WaitingListPage(ctx))

    def allocate(dialog: AllocateDialog) -> None:
        assert fits_small_screen(dialog)
        assert dialog.visitor.currentText().startswith("Hana Moss: 0 of 16 families")
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)

    when_modal_opens(qtbot, allocate)
    qtbot.keyClick(page.allocate_button, Qt.Key.Key_Space)
    assert referrals.get_referral(ctx.db, in_need).status is ReferralStatus.ALLOCATED
    assert referrals.get_referral(ctx.db, early).status is ReferralStatus.WAITING
    assert [page.model.index(r, 1).data() for r in range(page.model.rowCount())] == ["Early Lee"]


def _allocated(db, referral_id: int, visitor_id: int) -> None:
    caseloads.allocate(db, referral_id, visitor_id, date(2026, 9, 14))


def test_over_capacity_is_said_in_words_and_a_symbol(qtbot, ctx):
    make_service(ctx.db)
    rules.save_rule(ctx.db, "families_full_time", "1", rules.DEFAULTS_SINCE)
    hana = add_visitor(ctx.db, "Hana", "Moss")
    add_visitor(ctx.db, "Ola", "Nwosu")
    for first in ("Amy", "Ben"):
        _allocated(ctx.db, waiting_family(ctx.db, first=first), hana)
    page = shown(qtbot, CaseloadsPage(ctx))
    rows = {page.model.index(r, 0).data(): r for r in range(page.model.rowCount())}
    assert page.model.index(rows["Hana Moss"], 2).data() == "2 of 1"
    assert page.model.index(rows["Hana Moss"], 5).data() == "⚠ Over capacity"
    assert page.model.index(rows["Ola Nwosu"], 5).data() == "Room for 1 more"
    assert page.message.text() == "⚠ Over capacity: Hana Moss."


def test_reassignment_keeps_the_history(qtbot, ctx):
    make_service(ctx.db)
    hana = add_visitor(ctx.db, "Hana", "Moss")
    add_visitor(ctx.db, "Ola", "Nwosu")
    referral_id = waiting_family(ctx.db)
    _allocated(ctx.db, referral_id, hana)
    page = shown(qtbot, CaseloadsPage(ctx))
    page.table.selectRow(0)
    assert page.families_model.index(0, 0).data() == "Amy Lee"
    page.families.selectRow(0)

    def reassign(dialog: AllocateDialog) -> None:
        qtbot.keyClick(dialog.visitor, Qt.Key.Key_Down)  # Ola Nwosu
        dialog.on.edit.clear()
        qtbot.keyClicks(dialog.on.edit, "01/10/2026")
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)
        assert dialog.errors.text("reason") == "Please give the reason for the change."
        qtbot.keyClicks(dialog.reason, "Hana is on leave")
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)

    when_modal_opens(qtbot, reassign)
    qtbot.keyClick(page.move_button, Qt.Key.Key_Space)
    history = caseloads.allocation_history(ctx.db, referral_id)
    assert [(h.visitor_name, h.until_on, h.reason) for h in history] == [
        ("Hana Moss", date(2026, 10, 1), ""),
        ("Ola Nwosu", None, "Hana is on leave"),
    ]


def test_a_home_visitor_sees_her_own_families_first(qtbot, ctx):
    make_service(ctx.db)
    hana = add_visitor(ctx.db, "Hana", "Moss")
    ola = add_visitor(ctx.db, "Ola", "Nwosu")
    _allocated(ctx.db, waiting_family(ctx.db, first="Mine"), hana)
    _allocated(ctx.db, waiting_family(ctx.db, first="Theirs"), ola)
    staff_id = next(v.staff_member_id for v in caseloads.list_visitors(ctx.db) if v.id == hana)
    set_actor(ctx.db, Actor("hana", "Hana Moss", Role.HOME_VISITOR, staff_member_id=staff_id))
    page = shown(qtbot, CaseloadsPage(ctx))
    assert page.model.rowCount() == 1 and page.model.index(0, 0).data() == "Hana Moss"
    assert page.everyone.isVisible()
    qtbot.keyClick(page.everyone, Qt.Key.Key_Space)
    assert page.model.rowCount() == 2
