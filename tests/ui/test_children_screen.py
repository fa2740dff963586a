from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QInputDialog, QLabel, QMessageBox

from portage_desktop.services import children, setting, staff
from portage_desktop.services.dates import format_date
from portage_desktop.services.setting import SettingInput
from portage_desktop.services.staff import StaffInput
from portage_desktop.services.vocabulary import NeedArea, SenStatus, SettingKind, StaffRole
from portage_desktop.ui.children.child_dialog import ChildDialog
from tests.conftest import reopen
from tests.ui.conftest import make_ctx, when_modal_opens


@pytest.fixture
def set_up(ctx):
    setting.save_setting(ctx.db, SettingInput("Acorns", SettingKind.GROUP))
    staff.save_staff(ctx.db, StaffInput("Ruth", "Agyei", (StaffRole.KEY_PERSON,)))
    return ctx


def _visible_names(page) -> list[str]:
    return [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]


def test_add_a_child_restart_and_find_them(qtbot, set_up, home, open_window):
    window = open_window(set_up)
    page = window.children_page
    window.go_to(1)
    assert page.stack.currentWidget().objectName() == "empty_state"

    def fill(dialog: ChildDialog) -> None:
        qtbot.keyClicks(dialog.first_name, "Maisie")
        qtbot.keyClicks(dialog.last_name, "Cole")
        qtbot.keyClicks(dialog.date_of_birth.edit, "14/02/2023")
        qtbot.keyClicks(dialog.start_date.edit, "1 September 2024")
        dialog.key_person.setCurrentIndex(dialog.key_person.findText("Ruth Agyei"))
        dialog.sen_status.setCurrentIndex(dialog.sen_status.findData(SenStatus.EHC_PLAN))
        dialog.need_boxes[NeedArea.COMMUNICATION].click()
        qtbot.keyClicks(dialog.home_languages, "Welsh, English")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    when_modal_opens(qtbot, fill)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)

    assert _visible_names(page) == ["Maisie Cole"]
    stored = children.get_child(set_up.db, children.list_children(set_up.db)[0].id)
    assert stored.date_of_birth == date(2023, 2, 14)
    assert stored.start_date == date(2024, 9, 1)
    assert stored.sen_status is SenStatus.EHC_PLAN
    assert stored.need_areas == (NeedArea.COMMUNICATION,)
    assert stored.home_languages == "Welsh, English"

    window.close()
    again = open_window(make_ctx(reopen(set_up.db), home))
    again.go_to(1)
    assert _visible_names(again.children_page) == ["Maisie Cole"]
    assert again.children_page.model.row_object(0).key_person == "Ruth Agyei"


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("date_of_birth", "", "Please enter the date of birth."),
        ("date_of_birth", "31/02/2023", "That date does not exist"),
        ("date_of_birth", format_date(date.today() + timedelta(days=1)), "future"),
        ("date_of_birth", "01/01/2010", "more than 8 years ago"),
        ("leave_date", "01/01/2023", "cannot be before the start date"),
    ],
)
def test_each_validation_error_shows_beside_its_field(qtbot, set_up, field, typed, message):
    dialog = ChildDialog(set_up)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.first_name, "Maisie")
    qtbot.keyClicks(dialog.last_name, "Cole")
    values = {"date_of_birth": "14/02/2022", "start_date": "01/09/2023", "leave_date": ""}
    values[field] = typed
    for name, text in values.items():
        if text:
            qtbot.keyClicks(getattr(dialog, name).edit, text)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert message in dialog.errors.text(field)
    assert dialog.findChild(type(dialog.general_error), f"error_{field}").isVisible()
    assert dialog.isVisible()
    assert children.list_children(set_up.db, include_archived=True) == []


def test_missing_names_are_both_reported(qtbot, set_up):
    dialog = ChildDialog(set_up)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.date_of_birth.edit, "14/02/2022")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.text("first_name") == "Please enter the child's first name."
    assert dialog.errors.text("last_name") == "Please enter the child's surname."
    assert dialog.focusWidget() in (dialog.first_name, None)


def test_closing_with_unsaved_changes_asks_first(qtbot, set_up, monkeypatch):
    dialog = ChildDialog(set_up)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.first_name, "Half typed")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    dialog.reject()
    assert dialog.isVisible()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    dialog.reject()
    assert not dialog.isVisible()


def test_edit_a_child_from_the_keyboard(qtbot, demo_ctx, open_window):
    window = open_window(demo_ctx)
    page = window.children_page
    window.go_to(1)
    page.table.setFocus()
    first = page.selected_child()

    def change(dialog: ChildDialog) -> None:
        dialog.known_as.clear()
        qtbot.keyClicks(dialog.known_as, "Bobo")
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)

    when_modal_opens(qtbot, change)
    qtbot.keyClick(page.edit_button, Qt.Key.Key_Space)  # Enter now opens the whole record
    assert children.get_child(demo_ctx.db, first.id).known_as == "Bobo"
    assert page.selected_child().display_name == f"Bobo {first.last_name}"


def test_search_and_sort(qtbot, demo_ctx, open_window):
    window = open_window(demo_ctx)
    page = window.children_page
    window.go_to(1)
    everyone = children.list_children(demo_ctx.db)
    target = everyone[3]
    qtbot.keyClicks(page.search, f"{target.last_name.lower()} {target.first_name[:2]}")
    assert target.display_name in _visible_names(page)
    assert len(_visible_names(page)) < len(everyone)

    page.search.clear()
    qtbot.keyClicks(page.search, "zzzz nobody")
    assert page.stack.currentWidget() is page.no_match
    assert "zzzz nobody" in page.no_match.text()

    page.search.clear()
    assert page.stack.currentWidget() is page.table
    header = page.table.horizontalHeader()
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(header.sectionViewportPosition(1) + 5, 5),
    )
    oldest = min(everyone, key=lambda c: c.date_of_birth)
    youngest = max(everyone, key=lambda c: c.date_of_birth)
    first_shown = page.proxy.index(0, 0).data()
    assert first_shown == oldest.display_name  # a first click sorts ascending: earliest birth
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(header.sectionViewportPosition(1) + 5, 5),
    )
    assert page.proxy.index(0, 0).data() == youngest.display_name


def test_mark_as_left_and_undo(qtbot, demo_ctx, open_window, monkeypatch):
    window = open_window(demo_ctx)
    page = window.children_page
    window.go_to(1)
    leaving = page.selected_child()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("31/10/2026", True))
    qtbot.mouseClick(page.archive_button, Qt.MouseButton.LeftButton)
    assert leaving.display_name not in _visible_names(page)
    assert children.get_child(demo_ctx.db, leaving.id).leave_date == date(2026, 10, 31)

    page.show_left.click()
    page.select_child(leaving.id)
    assert page.archive_button.text().replace("&", "") == "Return to roll"
    qtbot.mouseClick(page.archive_button, Qt.MouseButton.LeftButton)
    assert not children.get_child(demo_ctx.db, leaving.id).archived
    page.show_left.click()
    assert leaving.display_name in _visible_names(page)


def test_the_demo_the_empty_list_mentions_opens_from_there_and_from_help(
    qtbot, set_up, open_window, monkeypatch
):
    """The empty list said the demo was in the Help menu when it was not: both now start it
    as a separate process, never in this window's records."""
    from portage_desktop.ui.common import demo_launch

    started: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(
        demo_launch.QProcess, "startDetached", lambda p, a: started.append((p, a)) or True
    )
    window = open_window(set_up)
    window.go_to(1)
    page = window.children_page
    assert "Help menu" in page.stack.currentWidget().findChildren(QLabel)[1].text()
    qtbot.keyClick(page.demo_button, Qt.Key.Key_Space)
    help_menu = window.menuBar().actions()[-1].menu()
    by_text = {a.text().replace("&", ""): a for a in help_menu.actions()}
    by_text["Open the demo Portage service"].trigger()
    assert [args[-2:] for _program, args in started] == [
        ["portage_desktop", "--demo"],
        ["--demo", "--service"],
    ]
    assert "Open the demo nursery" in by_text
