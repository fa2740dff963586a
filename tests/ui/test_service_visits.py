"""The Visits area driven from the keyboard: a visit recorded fast, its draft surviving a crash,
a cancelled visit made up, a block planned, the review at the block's last visit, and the
family's copy printed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt

from portage_desktop.services.home_visiting import caseloads, visits
from portage_desktop.services.home_visiting.visits import BlockInput, VisitInput
from portage_desktop.services.home_visiting.vocabulary import (
    BlockKind,
    Pattern,
    VisitPlace,
    VisitStatus,
)
from portage_desktop.ui.common import pdf_save
from portage_desktop.ui.service.block_dialog import BlockDialog
from portage_desktop.ui.service.visit_dialog import VisitDialog
from portage_desktop.ui.service.visits_page import VisitsPage
from portage_desktop.ui.service.visits_panel import MakeUpDialog
from tests.services.home_visiting_helpers import add_visitor, waiting_family
from tests.ui.conftest import when_modal_opens
from tests.ui.service_helpers import fits_small_screen, make_service, shown

START = date(2026, 9, 14)  # a Monday


def _family_with_block(db, count: int = 8) -> tuple[int, int]:
    """An allocated family with a weekly block on Mondays from START; (referral, child)."""
    make_service(db)
    hana = add_visitor(db, "Hana", "Moss")
    referral_id = waiting_family(db)
    caseloads.allocate(db, referral_id, hana, START)
    block = visits.plan_block(
        db, referral_id, BlockInput(BlockKind.STANDARD, Pattern.WEEKLY, 0, "10:00", START, count)
    )
    return referral_id, block.child_id


def _page(qtbot, ctx) -> VisitsPage:
    page = shown(qtbot, VisitsPage(ctx))
    page.families.selectRow(0)
    return page


def test_a_visit_is_recorded_with_the_keyboard_alone(qtbot, ctx):
    _, child_id = _family_with_block(ctx.db)
    page = _page(qtbot, ctx)
    panel = page.panel
    assert panel.title.text() == "Amy Lee: Allocated a home visitor"
    assert panel.block_model.index(0, 4).data() == "0 of 8 planned"
    assert panel.selected_visit().number == 1  # the next visit to write up is ready

    def write(dialog: VisitDialog) -> None:
        assert fits_small_screen(dialog)
        assert dialog.status.currentText() == "Held"
        qtbot.keyClick(dialog.place, Qt.Key.Key_Down)  # clinic or family hub
        for spin, minutes in (
            (dialog.child_led, "20"),
            (dialog.family_focus, "15"),
            (dialog.teaching, "25"),
        ):
            spin.lineEdit().selectAll()
            qtbot.keyClicks(spin, minutes)
        qtbot.keyClicks(dialog.enjoyed, "Bubbles and the tunnel")
        qtbot.keyClicks(dialog.practise, "Waiting for 'ready, steady... go!'")
        qtbot.keyClicks(dialog.next_time, "Posting shapes")
        qtbot.keyClicks(dialog.shared, "We agreed: three goes at bath time.")
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)

    when_modal_opens(qtbot, write)
    qtbot.keyClick(panel.visit_table, Qt.Key.Key_Return)
    first = visits.list_visits(ctx.db, child_id)[0]
    d = first.data
    assert (d.status, d.place, d.visit_on) == (VisitStatus.HELD, VisitPlace.CLINIC, START)
    assert (d.minutes_child_led, d.minutes_family_focus, d.minutes_teaching) == (20, 15, 25)
    assert d.shared_notes == "We agreed: three goes at bath time."
    assert d.written_up_on == date.today()
    assert panel.block_model.index(0, 4).data() == "1 of 8 planned"
    assert panel.selected_visit().number == 2  # straight on to the next one


def test_a_typed_visit_survives_a_crash_as_a_draft(qtbot, ctx, answer_boxes):
    _, child_id = _family_with_block(ctx.db)
    visit = visits.list_visits(ctx.db, child_id)[0]
    dialog = VisitDialog(ctx, visit, "Amy Lee")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.shared, "Half-written notes")
    dialog.drafts.save_now()  # as the timer does a few seconds after typing stops
    dialog.deleteLater()  # the app closes without Save or Cancel
    said = answer_boxes()  # "Carry on where you left off?" Yes
    again = VisitDialog(ctx, visit, "Amy Lee")
    qtbot.addWidget(again)
    assert said and "Carry on" in said[0][1]
    assert again.shared.toPlainText() == "Half-written notes" and again.dirty
    qtbot.keyClick(again.save_button, Qt.Key.Key_Space)
    assert visits.get_visit(ctx.db, visit.id).data.shared_notes == "Half-written notes"


def test_a_cancelled_visit_shows_only_its_reason_and_can_be_made_up(qtbot, ctx):
    _, child_id = _family_with_block(ctx.db)
    page = _page(qtbot, ctx)
    panel = page.panel

    def cancel(dialog: VisitDialog) -> None:
        qtbot.keyClick(dialog.status, Qt.Key.Key_Down)  # cancelled by the family
        assert not dialog.form.isRowVisible(dialog.place.parentWidget())
        assert dialog.form.isRowVisible(dialog.reason.parentWidget())
        qtbot.keyClicks(dialog.reason, "Amy has chickenpox")
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)

    when_modal_opens(qtbot, cancel)
    qtbot.keyClick(panel.visit_table, Qt.Key.Key_Return)
    missed = visits.list_visits(ctx.db, child_id)[0]
    assert (missed.data.status, missed.data.reason) == (
        VisitStatus.CANCELLED_FAMILY,
        "Amy has chickenpox",
    )
    panel.visit_table.selectRow(0)

    def make_up(dialog: MakeUpDialog) -> None:
        qtbot.keyClicks(dialog.on.edit, "16/09/2026")
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)

    when_modal_opens(qtbot, make_up)
    qtbot.keyClick(panel.buttons["Make-up visit"], Qt.Key.Key_Space)
    [extra] = [v for v in visits.list_visits(ctx.db, child_id) if v.is_make_up]
    assert (extra.make_up_for_id, extra.on, extra.planned_time) == (
        missed.id,
        date(2026, 9, 16),
        "10:00",
    )
    texts = [panel.visit_model.index(r, 1).data() for r in range(panel.visit_model.rowCount())]
    assert "Make-up" in texts


def test_a_block_is_planned_from_the_visits_area(qtbot, ctx):
    _, child_id = _family_with_block(ctx.db, count=2)
    page = _page(qtbot, ctx)

    def plan(dialog: BlockDialog) -> None:
        qtbot.keyClick(dialog.pattern, Qt.Key.Key_Down)  # fortnightly
        qtbot.keyClick(dialog.weekday, Qt.Key.Key_Down)  # Tuesday
        dialog.time.clear()
        qtbot.keyClicks(dialog.time, "13:30")
        dialog.start.edit.clear()
        qtbot.keyClicks(dialog.start.edit, "05/10/2026")
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)

    when_modal_opens(qtbot, plan)
    qtbot.keyClick(page.panel.buttons["Plan a block"], Qt.Key.Key_Space)
    newest = visits.list_blocks(ctx.db, child_id)[-1]
    assert (newest.visit_count, newest.pattern, newest.weekday) == (8, Pattern.FORTNIGHTLY, 1)
    assert newest.start_on == date(2026, 10, 5) and newest.usual_time == "13:30"
    assert page.panel.block_model.rowCount() == 2


def test_the_last_visit_of_a_block_leads_to_the_review_with_parents(qtbot, ctx, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    _, child_id = _family_with_block(ctx.db, count=1)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    page = _page(qtbot, ctx)
    opened: list[str] = []

    def write(dialog: VisitDialog) -> None:
        qtbot.keyClicks(dialog.shared, "Last visit of the block.")
        when_modal_opens(qtbot, lambda review: opened.append(review.windowTitle()))
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)

    when_modal_opens(qtbot, write)
    qtbot.keyClick(page.panel.visit_table, Qt.Key.Key_Return)
    [block] = visits.list_blocks(ctx.db, child_id)
    assert block.review_id is not None and opened
    assert page.panel.block_model.index(0, 5).data() == "Linked"


def test_the_familys_copy_of_a_visit_is_printed(qtbot, ctx, tmp_path, monkeypatch):
    _, child_id = _family_with_block(ctx.db)
    first = visits.list_visits(ctx.db, child_id)[0]
    visits.record_visit(
        ctx.db,
        first.id,
        VisitInput(VisitStatus.HELD, place=VisitPlace.HOME, shared_notes="Bubbles"),
    )
    out = tmp_path / "visit.pdf"
    monkeypatch.setattr(pdf_save, "ask_pdf_path", lambda *_a: out)
    opened: list[Path] = []
    monkeypatch.setattr(pdf_save, "confirm_saved", lambda _parent, path: opened.append(path))
    page = _page(qtbot, ctx)
    page.panel.visit_table.selectRow(0)
    qtbot.keyClick(page.panel.buttons["Print the family's copy"], Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(opened), timeout=20000)
    assert out.read_bytes().startswith(b"%PDF")


def test_a_childs_record_has_a_visits_tab_only_in_a_service(qtbot, ctx):
    from portage_desktop.ui.children.child_record import VISITS_TAB, ChildRecordWindow

    _, child_id = _family_with_block(ctx.db)
    record = shown(qtbot, ChildRecordWindow(ctx, child_id))
    assert record.tabs.isTabVisible(VISITS_TAB)
    record.tabs.setCurrentIndex(VISITS_TAB)
    tab = record.tabs.currentWidget()
    assert tab.title.text() == "Amy Lee: Allocated a home visitor"
    assert tab.visit_model.rowCount() == 8


def test_a_setting_has_no_visits_tab(qtbot, ctx):
    from portage_desktop.services import children as children_service
    from portage_desktop.services.children import ChildInput
    from portage_desktop.ui.children.child_record import VISITS_TAB, ChildRecordWindow

    child = children_service.save_child(ctx.db, ChildInput("Amy", "Lee", date(2024, 5, 10)))
    record = shown(qtbot, ChildRecordWindow(ctx, child.id))
    assert not record.tabs.isTabVisible(VISITS_TAB)


def test_the_service_agreement_is_recorded_as_signed(qtbot, ctx):
    from portage_desktop.services.home_visiting import referrals
    from portage_desktop.ui.service.agreement_dialog import AgreementDialog

    referral_id, _ = _family_with_block(ctx.db)
    page = _page(qtbot, ctx)

    def sign(dialog: AgreementDialog) -> None:
        dialog.signed_on.edit.clear()
        qtbot.keyClicks(dialog.signed_on.edit, "14/09/2026")
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)
        assert dialog.errors.text("signed_by") == "Please enter the name of the parent who signed."
        qtbot.keyClicks(dialog.signed_by, "Jo Lee")
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)

    when_modal_opens(qtbot, sign)
    qtbot.keyClick(page.panel.buttons["Service agreement"], Qt.Key.Key_Space)
    signed = referrals.get_referral(ctx.db, referral_id)
    assert (signed.agreement_signed_on, signed.agreement_signed_by) == (date(2026, 9, 14), "Jo Lee")
    assert page.panel.title.text().endswith("agreement signed 14/09/2026 by Jo Lee")


def test_what_a_parent_said_is_kept_in_their_words_beside_the_visits(qtbot, ctx):
    from portage_desktop.services.service_quality import monitoring
    from portage_desktop.ui.service.visits_panel import ParentViewDialog

    _, child_id = _family_with_block(ctx.db)
    page = _page(qtbot, ctx)
    panel = page.panel
    visit = panel.selected_visit()

    def say(dialog: ParentViewDialog) -> None:
        assert fits_small_screen(dialog)
        assert dialog.said_on.edit.text() == "14/09/2026"  # the chosen visit's day
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)
        assert "in their words" in dialog.errors.text("words")
        qtbot.keyClicks(dialog.words, "She says 'more' at tea time now!")
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)

    when_modal_opens(qtbot, say)
    qtbot.keyClick(panel.buttons["What the parent said"], Qt.Key.Key_Space)
    [view] = monitoring.list_parent_views(ctx.db, child_id)
    assert (view.said_on, view.visit_id) == (START, visit.id)
    assert view.words == "She says 'more' at tea time now!"
    assert panel.views.item(0).text().startswith("14/09/2026: “She says 'more' at tea time now!”")
