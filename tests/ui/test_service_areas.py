"""A home-visiting service sees Referrals, Waiting list, Caseloads and Visits beside Children
and Staff; a setting does not; the kind is chosen at first run and can change in Settings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from portage_desktop.services import setting as setting_service
from portage_desktop.services.setting import SettingInput
from portage_desktop.services.vocabulary import SettingKind
from portage_desktop.ui.shell.first_run import FirstRunDialog
from portage_desktop.ui.shell.main_window import AREAS, CASELOADS, REFERRALS, SERVICE_AREAS
from tests.ui.service_helpers import make_service


def _visible_areas(window) -> list[str]:
    bar = window.sidebar
    return [bar.item(i).text() for i in range(bar.count()) if not bar.item(i).isHidden()]


def test_first_run_offers_the_home_visiting_service(qtbot, db):
    dialog = FirstRunDialog(db)
    qtbot.addWidget(dialog)
    button = dialog.fields.kind_buttons[SettingKind.PORTAGE_SERVICE]
    assert button.text() == "Portage home-visiting service"
    qtbot.keyClicks(dialog.fields.name, "Riverside Portage")
    button.click()
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    info = setting_service.get_setting(db)
    assert (info.name, info.kind) == ("Riverside Portage", SettingKind.PORTAGE_SERVICE)


def test_a_service_sees_its_areas_beside_children_and_staff(qtbot, ctx, open_window):
    make_service(ctx.db)
    window = open_window(ctx)
    assert _visible_areas(window) == [
        "Dashboard",
        "Children",
        "Referrals",
        "Waiting list",
        "Caseloads",
        "Visits",
        "Groups",
        "Running the service",
        "Staff & training",
        "Stamp of Approval",
        "Settings",
    ]
    window.sidebar.setFocus()
    window.go_to(1)
    qtbot.keyClick(window.sidebar, Qt.Key.Key_Down)  # the row below Children
    assert window.pages.currentIndex() == REFERRALS
    assert window.current_page().findChild(QPushButton, "").text() == "&New referral…"
    go = [a for m in window.menuBar().actions() for a in m.menu().actions()]
    caseloads = next(a for a in go if a.text() == AREAS[CASELOADS])
    assert caseloads.isVisible() and caseloads.shortcut().toString() == "Ctrl+8"
    caseloads.trigger()
    assert window.pages.currentIndex() == CASELOADS


def test_changing_the_kind_in_settings_shows_or_hides_the_areas(qtbot, ctx, open_window):
    setting_service.save_setting(ctx.db, SettingInput("Little Acorns", SettingKind.GROUP))
    window = open_window(ctx)
    assert not set(_visible_areas(window)) & {AREAS[a] for a in SERVICE_AREAS}
    page = window.settings_page
    page.fields.kind_buttons[SettingKind.PORTAGE_SERVICE].click()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert setting_service.get_setting(ctx.db).kind is SettingKind.PORTAGE_SERVICE
    assert {AREAS[a] for a in SERVICE_AREAS} <= set(_visible_areas(window))
