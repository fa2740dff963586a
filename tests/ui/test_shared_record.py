"""The shared record: everything about a child in date order, filtered by kind and date."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from portage_desktop.printing.kinds import print_record
from portage_desktop.services import observations, plan_records, reviews, shared_record
from portage_desktop.services.record_vocabulary import AuthorKind, ObservationKind
from portage_desktop.services.shared_record import EntryKind
from portage_desktop.ui.children.child_record import ChildRecordWindow
from tests.services.plan_helpers import START, TODAY, add_child, add_goal, add_plan
from tests.ui.test_stamp_screens import _nameless


def _child_with_history(db, tmp_path) -> int:
    from portage_desktop.services.setting import SettingInput, save_setting
    from portage_desktop.services.vocabulary import SettingKind

    save_setting(db, SettingInput("Acorns", SettingKind.GROUP))
    child = add_child(db)
    plan = add_plan(db, child, add_goal(db, child))
    plan_records.save_week(
        db, child, plan, [plan_records.DayEntry(date(2026, 11, 3), 5, 2, "Model", note="Tired")]
    )
    plan_records.next_step(db, child, plan, on=date(2026, 11, 10))
    note = observations.ObservationInput(
        ObservationKind.OBSERVATION, date(2026, 11, 4), AuthorKind.PARENT, "Jo Lee", "Sang at bath"
    )
    observations.save_observation(db, child, note, today=TODAY)
    review = reviews.ReviewInput(
        held_on=date(2026, 11, 12),
        held=True,
        parents="Jo Lee",
        issues=(reviews.Issue("Sleep advice", "SENCO"),),
    )
    reviews.save_review(db, child, review, today=TODAY)
    print_record(db, "activity-chart", child, tmp_path / "c.pdf", today=TODAY)
    return child


def test_everything_in_date_order_and_filtered(db, tmp_path):
    child = _child_with_history(db, tmp_path)
    entries = shared_record.timeline(db, child)
    kinds = [e.kind for e in entries]
    assert kinds[0] is EntryKind.PRINTED  # printed today, so the newest
    assert [e.day for e in entries] == sorted((e.day for e in entries), reverse=True)
    texts = {(e.kind, e.text) for e in entries}
    assert (EntryKind.FAMILY_NOTE, "Jo Lee: Sang at bath") in texts
    assert (EntryKind.ISSUE, "Sleep advice") in texts
    assert (EntryKind.ACTIVITY, "Coat on: 2 of 5 tries (model). Tired – practitioner") in texts
    assert (EntryKind.PLAN, "Small step learnt: Pulls the coat up from the elbows") in texts
    assert (EntryKind.PLAN, "Started “Coat on”") in texts
    only = shared_record.timeline(db, child, frozenset({EntryKind.REVIEW}))
    assert [e.text for e in only] == ["Review with Jo Lee"]
    window = shared_record.timeline(db, child, None, START, date(2026, 11, 4))
    assert {e.day for e in window} <= {START, date(2026, 11, 3), date(2026, 11, 4)}


def test_the_tab_filters_as_a_parent_and_practitioner_look_back(qtbot, ctx, tmp_path):
    child = _child_with_history(ctx.db, tmp_path)
    record = ChildRecordWindow(ctx, child)
    qtbot.addWidget(record)
    record.show()
    record.tabs.setCurrentWidget(record.shared)
    tab = record.shared
    assert _nameless(tab) == []
    assert tab.model.rowCount() == len(shared_record.timeline(ctx.db, child))
    tab.kind.setCurrentIndex(tab.kind.findData(EntryKind.FAMILY_NOTE.value))
    assert tab.model.rowCount() == 1 and tab.model.index(0, 2).data() == "Jo Lee: Sang at bath"
    tab.kind.setCurrentIndex(0)
    qtbot.keyClicks(tab.start.edit, "10/11/2026")
    qtbot.keyClicks(tab.end.edit, "31/12/2025")
    qtbot.keyClick(tab.show_button, Qt.Key.Key_Space)
    assert tab.model.rowCount() == 0
    tab.end.edit.clear()
    qtbot.keyClicks(tab.end.edit, "nonsense")
    qtbot.keyClick(tab.show_button, Qt.Key.Key_Space)
    assert tab.error.isVisible()


def test_a_long_record_shows_its_newest_entries_first_and_the_rest_on_request(
    qtbot, demo_ctx, monkeypatch
):
    from portage_desktop.services import children
    from portage_desktop.ui.children import shared_record_tab

    child = max(
        (c.id for c in children.list_children(demo_ctx.db)),
        key=lambda c: len(shared_record.timeline(demo_ctx.db, c)),
    )
    everything = shared_record.timeline(demo_ctx.db, child)
    page = len(everything) // 3
    assert page >= 3
    first = shared_record.timeline(demo_ctx.db, child, limit=page)
    assert [(e.day, e.kind) for e in first] == [(e.day, e.kind) for e in everything[: page + 1]]

    monkeypatch.setattr(shared_record_tab, "PAGE", page)
    record = ChildRecordWindow(demo_ctx, child)
    qtbot.addWidget(record)
    record.show()
    record.tabs.setCurrentWidget(record.shared)
    tab = record.shared
    assert tab.model.rowCount() == page and tab.older_button.isVisible()
    qtbot.keyClick(tab.older_button, Qt.Key.Key_Space)
    assert tab.model.rowCount() == len(everything)
    assert not tab.older_button.isVisible()
