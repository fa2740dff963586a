from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from portage_desktop.services import setting
from portage_desktop.services.vocabulary import SettingKind
from portage_desktop.ui.shell.first_run import FirstRunDialog


def test_first_run_sets_up_the_setting(qtbot, db):
    dialog = FirstRunDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.text("name") == "Please enter the name of your setting."
    assert "a group setting, a childminder" in dialog.errors.text("kind")
    assert setting.get_setting(db) is None

    qtbot.keyClicks(dialog.fields.name, "Little Acorns")
    dialog.fields.kind_buttons[SettingKind.CHILDMINDER].click()
    qtbot.keyClicks(dialog.fields.urn, "ey 654321")
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == QDialog.DialogCode.Accepted
    info = setting.get_setting(db)
    assert (info.name, info.kind, info.ofsted_urn) == (
        "Little Acorns",
        SettingKind.CHILDMINDER,
        "EY654321",
    )


def test_a_bad_urn_is_explained_beside_the_field(qtbot, db):
    dialog = FirstRunDialog(db)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.fields.name, "Little Acorns")
    dialog.fields.kind_buttons[SettingKind.GROUP].click()
    qtbot.keyClicks(dialog.fields.urn, "not a urn")
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert "EY123456" in dialog.errors.text("ofsted_urn")
    assert dialog.errors.text("name") == ""
    assert setting.get_setting(db) is None
