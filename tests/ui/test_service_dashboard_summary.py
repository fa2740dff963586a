"""A service's Dashboard shows its own summary where a setting sees the Stamp of Approval,
with the counts read from the records."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QLabel

from portage_desktop.services import setting as setting_service
from portage_desktop.services.home_visiting import caseloads, visits
from portage_desktop.services.home_visiting.visits import BlockInput, VisitInput
from portage_desktop.services.home_visiting.vocabulary import (
    BlockKind,
    Pattern,
    VisitPlace,
    VisitStatus,
)
from portage_desktop.services.setting import SettingInput
from portage_desktop.services.vocabulary import SettingKind
from portage_desktop.ui.shell.dashboard import DashboardPage
from tests.services.home_visiting_helpers import add_visitor, waiting_family
from tests.ui.service_helpers import make_service, shown

THURSDAY = date(2026, 11, 26)


def test_a_service_sees_its_own_summary_and_not_the_stamp(qtbot, ctx):
    make_service(ctx.db)
    waiting_family(ctx.db, referred_on=date(2026, 9, 1), consent_on=date(2026, 9, 1))
    allocated = waiting_family(ctx.db, first="Ben")
    caseloads.allocate(ctx.db, allocated, add_visitor(ctx.db), date(2026, 11, 2))
    block = BlockInput(BlockKind.STANDARD, Pattern.WEEKLY, 1, "", date(2026, 11, 10), 4)
    visits.plan_block(ctx.db, allocated, block)  # Tuesdays 10/11 to 01/12
    page = shown(qtbot, DashboardPage(ctx))
    assert page.service_summary.isVisible() and not page.stamp.isVisible()
    assert page.findChild(QLabel, "caption_children_on_roll").text() == (
        "Children known to the service"
    )
    [this_week] = [
        v
        for v in visits.list_visits(ctx.db, _child_of(ctx, allocated))
        if v.on == date(2026, 11, 24)
    ]
    held = VisitInput(VisitStatus.HELD, place=VisitPlace.HOME, shared_notes="Bubbles")
    visits.record_visit(ctx.db, this_week.id, held, today=THURSDAY)

    page.service_summary.refresh(THURSDAY)

    text = page.service_summary.text.text()
    assert "Waiting: 1 family, the longest for" in text
    assert "With a home visitor: 1 family." in text
    assert "This week (from 23/11/2026): 1 of 1 visits held so far, and 0 group sessions." in text
    page.service_summary.refresh(THURSDAY + timedelta(days=7))
    assert "(from 30/11/2026): 0 of 1 visits" in page.service_summary.text.text()


def _child_of(ctx, referral_id: int) -> int:
    from portage_desktop.services.home_visiting import referrals

    return next(r.child_id for r in referrals.list_referrals(ctx.db) if r.id == referral_id)


def test_a_setting_keeps_the_stamp_summary(qtbot, ctx):
    setting_service.save_setting(ctx.db, SettingInput("Little Acorns", SettingKind.GROUP))
    page = shown(qtbot, DashboardPage(ctx))
    assert page.stamp.isVisible() and not page.service_summary.isVisible()
    assert page.findChild(QLabel, "caption_children_on_roll").text() == "Children on roll"


def test_filled_in_steps_a_service_never_shows_the_stamp_box(qtbot, ctx):
    """As the records open, the Dashboard fills in part by part and asks for the Stamp check
    last; a service's page hides the Stamp box with its first part, not at the end."""
    make_service(ctx.db)
    page = DashboardPage(ctx, fill_in_steps=True)
    qtbot.addWidget(page)
    page.show()
    assert page.filling and not page.stamp.isHidden()  # nothing read yet
    page._fill_next()  # the first part: the counts, and what kind of provider this is
    assert page.filling and page.stamp.isHidden()
    qtbot.waitUntil(lambda: not page.filling, timeout=5000)
    assert not page.stamp.isVisible() and page.service_summary.isVisible()
