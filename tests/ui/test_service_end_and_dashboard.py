"""Ending a family's service from the Visits area (reason required, transition plan, the
questionnaire, a manager's sign-off), and the service's warnings on the Dashboard."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from portage_desktop.services import setting as setting_service
from portage_desktop.services.dates import format_date
from portage_desktop.services.home_visiting import caseloads, end_of_service, referrals, visits
from portage_desktop.services.home_visiting.rules import add_working_days
from portage_desktop.services.home_visiting.visits import BlockInput, VisitInput
from portage_desktop.services.home_visiting.vocabulary import (
    BlockKind,
    EndReason,
    Pattern,
    ReferralStatus,
    VisitPlace,
    VisitStatus,
)
from portage_desktop.services.setting import SettingInput
from portage_desktop.services.vocabulary import SettingKind
from portage_desktop.ui.service.end_of_service_dialog import EndOfServiceDialog
from portage_desktop.ui.service.visits_page import VisitsPage
from portage_desktop.ui.shell.dashboard import DashboardPage
from tests.services.home_visiting_helpers import add_visitor, waiting_family
from tests.ui.conftest import when_modal_opens
from tests.ui.service_helpers import fits_small_screen, make_service, shown


def _allocated(db) -> int:
    make_service(db)
    hana = add_visitor(db, "Hana", "Moss")
    referral_id = waiting_family(db)
    caseloads.allocate(db, referral_id, hana, date(2026, 9, 14))
    return referral_id


def test_the_end_of_service_needs_a_reason_and_is_signed_off(qtbot, ctx):
    referral_id = _allocated(ctx.db)
    page = shown(qtbot, VisitsPage(ctx))
    page.families.selectRow(0)

    def end(dialog: EndOfServiceDialog) -> None:
        assert fits_small_screen(dialog)
        qtbot.keyClicks(dialog.decided_by, "Sam Lead")
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)
        assert dialog.errors.text("reason") == "Please choose the reason the service is ending."
        assert referrals.get_referral(ctx.db, referral_id).status is ReferralStatus.ALLOCATED
        dialog.reason.setFocus()
        for _ in range(4):  # the fourth reason: the term after the third birthday
            qtbot.keyClick(dialog.reason, Qt.Key.Key_Down)
        qtbot.keyClicks(dialog.sent_on.edit, "01/12/2026")
        qtbot.keyClick(dialog.sign, Qt.Key.Key_Space)
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)

    when_modal_opens(qtbot, end)
    qtbot.keyClick(page.panel.buttons["End the service"], Qt.Key.Key_Space)
    ended = end_of_service.get_end(ctx.db, referral_id)
    assert ended.data.reason is EndReason.TERM_AFTER_THIRD_BIRTHDAY
    assert (ended.data.ended_on, ended.data.decided_by) == (date.today(), "Sam Lead")
    assert ended.questionnaire_sent_on == date(2026, 12, 1)
    assert ended.signed_off and ended.signed_off_on == date.today()
    assert referrals.get_referral(ctx.db, referral_id).status is ReferralStatus.ENDED
    assert page.model.rowCount() == 0  # no longer on anyone's caseload


def test_a_new_transition_plan_is_linked_from_the_end_of_service(qtbot, ctx):
    referral_id = _allocated(ctx.db)
    child_id = referrals.get_referral(ctx.db, referral_id).child_id
    dialog = shown(qtbot, EndOfServiceDialog(ctx, referral_id, child_id, "Amy Lee"))

    def plan(transition) -> None:
        qtbot.keyClicks(transition.place, "Little Acorns Nursery")
        qtbot.keyClick(transition.save_button, Qt.Key.Key_Space)

    when_modal_opens(qtbot, plan)
    qtbot.keyClick(dialog.new_plan, Qt.Key.Key_Space)
    assert dialog.transition.currentText().startswith("Little Acorns Nursery")
    dialog.reason.setCurrentIndex(dialog.reason.findData(EndReason.SPECIALIST_PROVISION))
    qtbot.keyClicks(dialog.decided_by, "Sam Lead")
    qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)
    ended = end_of_service.get_end(ctx.db, referral_id)
    assert ended.data.transition_id == dialog.transition.currentData()
    assert not ended.signed_off  # left for a manager


def _held_not_written_up(db) -> visits.Visit:
    """A visit held three weeks or more ago whose notes are not written up: past the 5 working
    days. Starts on a Monday, since blocks run on weekdays only, whatever day the suite runs."""
    referral_id = _allocated(db)
    three_weeks_ago = date.today() - timedelta(days=21)
    start = three_weeks_ago - timedelta(days=three_weeks_ago.weekday())
    block = visits.plan_block(
        db,
        referral_id,
        BlockInput(BlockKind.STANDARD, Pattern.WEEKLY, start.weekday(), "10:00", start, 8),
    )
    first = visits.list_visits(db, block.child_id)[0]
    visits.record_visit(db, first.id, VisitInput(VisitStatus.HELD, place=VisitPlace.HOME))
    return first


def _rows(box) -> list[list[str]]:
    model = box.model
    return [[model.index(r, c).data() for c in range(4)] for r in range(model.rowCount())]


def test_the_dashboard_shows_the_services_warnings_with_child_and_date(qtbot, ctx):
    visit = _held_not_written_up(ctx.db)
    page = shown(qtbot, DashboardPage(ctx))
    box = page.service_warnings
    assert box.isVisible()
    due = add_working_days(visit.on, 5)
    assert [format_date(due), "⚠ Visit not written up", "Amy Lee"] in [r[:3] for r in _rows(box)]
    assert box.summary.text() == f"{box.model.rowCount()} to look at, soonest first."


def test_a_setting_sees_no_service_warnings(qtbot, ctx):
    setting_service.save_setting(ctx.db, SettingInput("Little Acorns", SettingKind.GROUP))
    page = shown(qtbot, DashboardPage(ctx))
    assert not page.service_warnings.isVisible()


def test_a_visit_written_up_leaves_the_dashboard(qtbot, ctx):
    visit = _held_not_written_up(ctx.db)
    page = shown(qtbot, DashboardPage(ctx))
    before = len(_rows(page.service_warnings))
    visits.record_visit(
        ctx.db,
        visit.id,
        VisitInput(VisitStatus.HELD, place=VisitPlace.HOME, written_up_on=date.today()),
    )
    ctx.hub.children_changed.emit()
    after = _rows(page.service_warnings)
    assert "⚠ Visit not written up" not in [r[1] for r in after] and len(after) == before - 1


def test_the_team_lead_sees_supervision_meetings_and_joint_visits_on_the_dashboard(qtbot, ctx):
    """Each visitor's supervision and the team meeting, warned when past the interval; a
    practitioner does not see the lines at all."""
    from portage_desktop.services.access import Actor, Role, set_actor
    from portage_desktop.services.service_quality import supervision
    from portage_desktop.services.service_quality.supervision import SessionInput, SessionKind

    _allocated(ctx.db)
    add_visitor(ctx.db, "Ruth", "Okoro")
    today = date.today()
    supervision.record_session(
        ctx.db,
        SessionInput(today, SessionKind.INDIVIDUAL, "Sam Lead", (1,), (), ()),
        today=today,
    )
    page = shown(qtbot, DashboardPage(ctx))
    box = page.oversight
    assert box.isVisible()
    rows = [[box.model.index(r, c).data() for c in range(4)] for r in range(box.model.rowCount())]
    assert ["⚠ Supervision", "Ruth Okoro", "", "Ruth Okoro has no supervision recorded."] in rows
    assert ["⚠ Team meeting", "The team", "", "No team meeting recorded."] in rows
    hana = next(r for r in rows if r[1] == "Hana Moss")
    assert hana[0] == "✔ Supervision" and hana[2] == format_date(today)
    assert rows.index(hana) == len(rows) - 1  # what needs doing comes first
    assert box.summary.text() == "2 to arrange, most urgent first."
    set_actor(ctx.db, Actor("pat", "Pat", Role.PRACTITIONER))
    page.refresh()
    assert not box.isVisible()


def test_a_service_dashboard_has_no_stamp_of_approval_summary_and_a_setting_does(qtbot, ctx):
    make_service(ctx.db)
    page = shown(qtbot, DashboardPage(ctx))
    assert not page.stamp.isVisible() and page.service_warnings.isVisible()
    setting_service.save_setting(ctx.db, SettingInput("Little Acorns", SettingKind.GROUP))
    ctx.hub.setting_changed.emit()
    assert page.stamp.isVisible() and not page.service_warnings.isVisible()
