from __future__ import annotations

from datetime import date

from portage_desktop.services import backups, children
from portage_desktop.services.children import ChildInput
from portage_desktop.ui.shell.backup_actions import RestoreDialog


def test_back_up_now_writes_a_checked_backup(qtbot, demo_ctx, open_window, answer_boxes):
    said = answer_boxes()
    window = open_window(demo_ctx)
    window.backups.back_up_now()
    qtbot.waitUntil(lambda: bool(said), timeout=10_000)
    assert said[0][0] == "information"
    assert len(backups.list_backups(demo_ctx.db, demo_ctx.paths.backup_dir)) == 1


def test_restore_from_the_file_menu_gives_the_data_back(
    qtbot, demo_ctx, open_window, answer_boxes, monkeypatch
):
    said = answer_boxes()
    window = open_window(demo_ctx)
    backups.back_up(demo_ctx.db, demo_ctx.paths.backup_dir, keep=5)
    original = children.list_children(demo_ctx.db)
    children.save_child(demo_ctx.db, ChildInput("Extra", "Child", date(2024, 1, 1)))
    demo_ctx.hub.children_changed.emit()
    assert window.children_page.model.rowCount() == len(original) + 1

    def choose_newest(dialog: RestoreDialog) -> int:
        assert dialog.list.count() == 1
        dialog._accept_selected()
        return 1

    monkeypatch.setattr(RestoreDialog, "exec", choose_newest)
    assert window.backups.restore() is True
    assert children.list_children(demo_ctx.db) == original
    assert window.children_page.model.rowCount() == len(original)
    assert "kept in" in said[-1][1]


def test_declining_the_confirmation_changes_nothing(
    qtbot, demo_ctx, open_window, answer_boxes, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    answer_boxes(question=QMessageBox.StandardButton.No)
    window = open_window(demo_ctx)
    backups.back_up(demo_ctx.db, demo_ctx.paths.backup_dir, keep=5)
    children.save_child(demo_ctx.db, ChildInput("Extra", "Child", date(2024, 1, 1)))
    monkeypatch.setattr(RestoreDialog, "exec", lambda d: (d._accept_selected(), 1)[1])
    assert window.backups.restore() is False
    assert any(c.first_name == "Extra" for c in children.list_children(demo_ctx.db))


def test_closing_the_window_backs_up_real_data_but_not_the_demo(qtbot, ctx, demo_ctx, open_window):
    from portage_desktop.services import setting
    from portage_desktop.services.setting import SettingInput

    setting.save_setting(ctx.db, SettingInput("Acorns", "group"))
    open_window(ctx).close()
    assert [b.reason for b in backups.list_backups(ctx.db, ctx.paths.backup_dir)] == ["on-close"]
    open_window(demo_ctx).close()
    assert backups.list_backups(demo_ctx.db, demo_ctx.paths.backup_dir) == []


def test_the_cycle_collector_is_paused_only_while_a_job_runs(
    qtbot, demo_ctx, open_window, answer_boxes
):
    import gc

    said = answer_boxes()
    window = open_window(demo_ctx)
    window.backups.back_up_now()
    assert not gc.isenabled()
    qtbot.waitUntil(lambda: bool(said), timeout=10_000)
    assert gc.isenabled()


def test_the_daily_backup_runs_on_a_worker_once_at_a_time(qtbot, ctx, open_window, monkeypatch):
    import threading

    from portage_desktop.services import setting
    from portage_desktop.services.setting import SettingInput

    setting.save_setting(ctx.db, SettingInput("Acorns", "group"))
    window = open_window(ctx)
    threads: list[threading.Thread] = []
    real = backups.back_up

    def watched(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(backups, "back_up", watched)
    window.backups.daily_backup_if_due()
    window.backups.daily_backup_if_due()  # already running: not a second one
    qtbot.waitUntil(lambda: not window.backups.daily_running, timeout=10_000)
    assert len(threads) == 1 and threads[0] is not threading.main_thread()
    assert [b.reason for b in backups.list_backups(ctx.db, ctx.paths.backup_dir)] == ["daily"]


def test_the_backup_on_closing_leaves_the_window_answering(qtbot, ctx, open_window, monkeypatch):
    """The copy is made on a worker with the window already hidden: timers keep running while
    it is made, and closing returns only once it is there."""
    import threading

    from PySide6.QtCore import QTimer

    from portage_desktop.services import setting
    from portage_desktop.services.setting import SettingInput

    setting.save_setting(ctx.db, SettingInput("Acorns", "group"))
    window = open_window(ctx)
    real = backups.back_up
    seen: dict[str, object] = {}

    def slow_back_up(*args, **kwargs):
        seen["thread"] = threading.current_thread() is threading.main_thread()
        seen["visible"] = window.isVisible()
        threading.Event().wait(0.3)  # a large file
        return real(*args, **kwargs)

    monkeypatch.setattr(backups, "back_up", slow_back_up)
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    window.close()
    timer.stop()
    assert seen == {"thread": False, "visible": False}
    assert len(ticks) >= 10  # the event loop turned while the copy was made
    assert [b.reason for b in backups.list_backups(ctx.db, ctx.paths.backup_dir)] == ["on-close"]
