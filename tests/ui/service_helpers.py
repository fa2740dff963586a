"""A small home-visiting service for the screens' tests, built through the services."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from portage_desktop.services import setting as setting_service
from portage_desktop.services.setting import SettingInput
from portage_desktop.services.vocabulary import SettingKind


def make_service(db, name: str = "Riverside Portage") -> None:
    setting_service.save_setting(db, SettingInput(name, SettingKind.PORTAGE_SERVICE))


def shown(qtbot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def fits_small_screen(widget: QWidget) -> bool:
    """Every window fits a 1366x768 screen (with room for the title bar and task bar)."""
    widget.adjustSize()
    size = widget.size()
    return size.width() <= 1366 and size.height() <= 720
