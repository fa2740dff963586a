"""Every screen shows the current state after a change made anywhere, without F5: the
Dashboard reads what was just recorded in a child's window, once per change."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt

from portage_desktop.services import children, reviews
from portage_desktop.ui.children.child_dialog import ChildDialog
from portage_desktop.ui.children.child_record import ChildRecordWindow
from tests.ui.conftest import when_modal_opens


def _open_issues(window) -> int:
    text = window.dashboard.reviews.counts.text()
    return int(re.search(r"still open: (\d+)", text).group(1))


def test_the_dashboard_shows_an_issue_raised_in_a_childs_review(qtbot, demo_ctx, open_window):
    window = open_window(demo_ctx)
    window.go_to(0)
    before = _open_issues(window)
    child = children.list_children(demo_ctx.db)[0].id
    record = ChildRecordWindow(demo_ctx, child)
    qtbot.addWidget(record)
    record.show()
    record.tabs.setCurrentWidget(record.reviews)

    def meeting(dialog) -> None:
        qtbot.keyClicks(dialog.parents, "Jo (Mum)")
        qtbot.keyClick(dialog.held, Qt.Key.Key_Space)
        dialog.pages.setCurrentIndex(2)
        qtbot.keyClick(dialog.add_issue, Qt.Key.Key_Space)
        dialog.issues.item(dialog.issues.rowCount() - 1, 0).setText("Sleep at night")
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)

    when_modal_opens(qtbot, meeting)
    qtbot.keyClick(record.reviews.prepare_button, Qt.Key.Key_Space)
    raised = [i.text for r in reviews.list_reviews(demo_ctx.db, child) for i in r.data.issues]
    assert "Sleep at night" in raised
    # No key pressed, nothing emitted by hand: the commit itself brings the Dashboard up to date.
    qtbot.waitUntil(lambda: _open_issues(window) == before + 1, timeout=3000)


def test_one_change_refreshes_the_dashboard_once(qtbot, demo_ctx, open_window, monkeypatch):
    window = open_window(demo_ctx)
    window.go_to(0)
    dashboard = window.dashboard
    calls: list[int] = []
    real = type(dashboard).refresh
    monkeypatch.setattr(type(dashboard), "refresh", lambda self: calls.append(1) or real(self))
    child = children.list_children(demo_ctx.db)[0].id
    dialog = ChildDialog(demo_ctx, child)
    qtbot.addWidget(dialog)
    dialog.known_as.clear()
    qtbot.keyClicks(dialog.known_as, "Jo")
    qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)  # saves, and says so by hand
    qtbot.wait(50)  # the commit's own notice arrives after the action: it must add nothing
    assert calls == [1]
    assert children.get_child(demo_ctx.db, child).known_as == "Jo"


def test_a_page_behind_another_catches_up_when_shown_not_after_every_save(
    qtbot, demo_ctx, open_window, monkeypatch
):
    """Saving behind a child's record refreshes only what is on screen; the Dashboard, not
    on screen, refreshes once, when it is shown again."""
    window = open_window(demo_ctx)
    window.go_to(0)
    dashboard = window.dashboard
    calls: list[int] = []
    real = type(dashboard).refresh
    monkeypatch.setattr(type(dashboard), "refresh", lambda self: calls.append(1) or real(self))
    window.go_to(1)  # the children list in front: the Dashboard is hidden
    for _ in range(3):
        demo_ctx.hub.children_changed.emit()
    assert calls == []
    window.go_to(0)
    assert calls == [1]
