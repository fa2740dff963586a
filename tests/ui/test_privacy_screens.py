from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QFileDialog, QInputDialog

from portage_desktop.services import children, retention
from portage_desktop.ui.children.privacy_dialogs import RetentionDialog


def test_export_everything_for_the_selected_child(
    qtbot, demo_ctx, open_window, answer_boxes, monkeypatch, tmp_path
):
    said = answer_boxes()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    monkeypatch.setattr(
        "portage_desktop.ui.children.privacy_dialogs.QDesktopServices.openUrl", lambda *_a: True
    )
    window = open_window(demo_ctx)
    window.go_to(1)
    child = window.children_page.selected_child()
    window.children_page.export_button.click()
    qtbot.waitUntil(lambda: bool(said), timeout=15_000)
    assert said[-1][0] == "information"
    made = sorted(p.suffix for p in tmp_path.glob(f"child-{child.id}-subject-access-*"))
    assert made == [".json", ".pdf"]


def test_erase_a_leaver_who_is_due(qtbot, demo_ctx, monkeypatch, answer_boxes):
    said = answer_boxes()
    long_ago = date.today() - timedelta(days=90)
    leaver = next(
        c
        for c in children.list_children(demo_ctx.db)
        if (children.get_child(demo_ctx.db, c.id).start_date or long_ago) <= long_ago
    )
    children.archive_child(demo_ctx.db, leaver.id, long_ago)
    retention.set_period(demo_ctx.db, 1, effective_from=date(2000, 1, 1))
    dialog = RetentionDialog(demo_ctx)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1
    assert dialog.months.value() == 1

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("not the name", True))
    dialog.erase_button.click()
    assert said[-1][0] == "warning"
    assert children.get_child(demo_ctx.db, leaver.id)

    full = f"{leaver.first_name} {leaver.last_name}"
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (full, True))
    dialog.erase_button.click()
    assert dialog.model.rowCount() == 0
    assert all(c.id != leaver.id for c in children.list_children(demo_ctx.db, True))
    assert dialog.status.text().startswith("Erased.")


def test_nothing_to_erase_means_no_erase_button(qtbot, demo_ctx):
    dialog = RetentionDialog(demo_ctx)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 0
    assert not dialog.erase_button.isEnabled()
    assert dialog.status.text() == "Nothing is due for review."
