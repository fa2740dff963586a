from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel

from portage_desktop.services import children, staff
from portage_desktop.ui.shell.main_window import AREAS, SERVICE_AREAS, MainWindow
from tests.ui.conftest import when_modal_opens


def _action(window, text: str):
    for menu in window.menuBar().actions():
        for action in menu.menu().actions():
            plain = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            if plain.startswith(text):
                return action
    raise AssertionError(f"no menu item {text!r}")


def test_every_area_is_in_the_sidebar_and_reachable(qtbot, demo_ctx, open_window):
    window = open_window(demo_ctx)
    shown = [
        window.sidebar.item(i).text()
        for i in range(window.sidebar.count())
        if not window.sidebar.item(i).isHidden()
    ]
    # A setting does not see a home-visiting service's areas.
    assert shown == ["Dashboard", "Children", "Staff & training", "Stamp of Approval", "Settings"]
    for number, _area in enumerate(AREAS):
        if number in SERVICE_AREAS:
            assert not _action(window, AREAS[number]).isVisible()
            continue
        _action(window, AREAS[number]).trigger()
        assert window.pages.currentIndex() == number
    assert _action(window, "Staff & training").shortcut().toString() == "Ctrl+3"


def test_the_dashboard_shows_reviews_and_transition_actions(qtbot, demo_ctx, open_window):
    window = open_window(demo_ctx)
    text = " ".join(label.text() for label in window.dashboard.findChildren(QLabel))
    assert "Coming up next term:" in text and "Transition actions still to do: 4" in text
    assert window.dashboard.reviews.title() == "Reviews with parents"
    assert window.dashboard.transitions.title() == "Transition actions"


def test_dashboard_counts_match_the_records(qtbot, demo_ctx, open_window):
    window = open_window(demo_ctx)
    window.go_to(0)
    assert window.dashboard.children_count.text() == "12"
    working = [m for m in staff.list_staff(demo_ctx.db) if m.is_current(date.today())]
    assert window.dashboard.staff_count.text() == str(len(working)) == "7"  # one demo leaver
    first = children.list_children(demo_ctx.db)[0]
    children.archive_child(demo_ctx.db, first.id, date.today())
    demo_ctx.hub.children_changed.emit()
    assert window.dashboard.children_count.text() == "11"
    assert window.dashboard.left_count.text() == "1"


def test_find_shortcut_goes_to_the_search_box(qtbot, demo_ctx, open_window):
    window = open_window(demo_ctx)
    _action(window, "Find a child").trigger()
    assert window.current_page() is window.children_page
    assert _action(window, "Find a child").shortcut().toString() == "Ctrl+F"
    assert _action(window, "New child").shortcut().toString() == "Ctrl+N"
    assert _action(window, "Back up now").shortcut().toString() == "Ctrl+B"


def test_every_control_has_an_accessible_name(qtbot, demo_ctx, open_window):
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QTableView

    window = open_window(demo_ctx)
    nameless = []
    for kind in (QLineEdit, QComboBox, QTableView):
        for widget in window.findChildren(kind):
            if (
                not widget.accessibleName()
                and widget.parent().objectName() != "qt_calendar_navigationbar"
            ):
                nameless.append(widget)
    for button in window.findChildren(QAbstractButton):
        if not (button.accessibleName() or button.text()):
            nameless.append(button)
    assert [w for w in nameless if w.isVisibleTo(window)] == []


def test_the_demo_is_labelled_as_demo(qtbot, demo_ctx, open_window):
    window = open_window(demo_ctx)
    assert window.windowTitle().endswith("(DEMO)")
    assert window.current_page() is window.children_page
    qtbot.keyClick(window.children_page.search, Qt.Key.Key_A)
    assert window.children_page.search.text() == "a"


def test_a_database_on_a_sync_folder_is_warned_about(
    qtbot, demo_ctx, open_window, answer_boxes, monkeypatch
):
    from portage_desktop.ui.shell import main_window

    said = answer_boxes()
    window = open_window(demo_ctx)
    qtbot.wait(10)
    assert said == []  # the demo, and a normal folder: no warning
    demo_ctx.is_demo = False
    monkeypatch.setattr(main_window, "looks_like_shared_drive", lambda _p: True)
    window._warn_if_shared_drive()
    assert said and said[-1][0] == "warning" and "shared drive" in said[-1][1]


def test_the_shortcuts_list_names_every_menu_shortcut(qtbot, demo_ctx, open_window):
    window = open_window(demo_ctx)
    shown: list[str] = []
    when_modal_opens(
        qtbot, lambda box: shown.append(box.findChild(QLabel, "qt_msgbox_label").text())
    )
    _action(window, "Keyboard shortcuts").trigger()
    [text] = shown
    keys = {a.shortcut().toString() for a in window.findChildren(QAction)} - {"", "F1"}
    areas = {f"Ctrl+{n}" for n in range(1, min(len(AREAS), 9) + 1)}  # Ctrl+1 to Ctrl+9
    assert "F5" in keys and "Show the latest" in text
    assert areas <= keys and "Ctrl+1 to Ctrl+5" in text
    assert sorted(k for k in keys - areas if k not in text) == []


def test_the_dashboard_fills_in_steps_as_the_records_open(qtbot, demo_db, home):
    """Opening the records shows the Dashboard part by part, the window answering between
    parts; ``filled`` says when all of it is on screen (the start-up timing waits for it)."""
    from tests.ui.conftest import make_ctx

    window = MainWindow(make_ctx(demo_db, home))
    qtbot.addWidget(window)
    page = window.current_page()
    assert page.filling and page.children_count.text() == ""  # nothing read yet
    emitted: list[bool] = []
    page.filled.connect(lambda: emitted.append(True))
    window.show()
    qtbot.waitUntil(lambda: not page.filling, timeout=5000)
    assert emitted == [True]
    assert page.children_count.text() == "12"
    text = " ".join(label.text() for label in page.findChildren(QLabel))
    assert "Transition actions still to do: 4" in text


def test_asking_for_the_dashboard_mid_fill_gives_it_whole(qtbot, demo_db, home):
    from tests.ui.conftest import make_ctx

    window = MainWindow(make_ctx(demo_db, home))
    qtbot.addWidget(window)
    emitted: list[bool] = []
    window.current_page().filled.connect(lambda: emitted.append(True))
    assert window.dashboard.children_count.text() == "12"  # read at once, not after a turn
    assert not window.dashboard.filling
    qtbot.wait(50)  # the steps still queued find nothing left to do
    assert emitted == [True]


def test_a_window_closed_while_the_dashboard_fills_reads_nothing_more(qtbot, demo_db, home):
    """Closing as the records open stops the fill (the records may be going with the window);
    shown again, the Dashboard is whole."""
    from tests.ui.conftest import make_ctx

    window = MainWindow(make_ctx(demo_db, home))
    qtbot.addWidget(window)
    window.show()
    page = window.current_page()
    assert page.filling
    window.hide()
    qtbot.wait(50)
    assert not page.filling and page.children_count.text() == ""
    window.show()
    qtbot.waitUntil(lambda: page.children_count.text() == "12", timeout=5000)
