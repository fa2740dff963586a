"""Pasting a hidden character into a form: the message appears beside the field, nothing is kept.

Such characters arrive by pasting (QTest cannot type characters beyond Latin-1), so the tests
paste with Ctrl+V, as a person copying a name from an email or a web page would.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from portage_desktop.services import children, setting
from portage_desktop.services.setting import SettingInput
from portage_desktop.services.vocabulary import SettingKind
from portage_desktop.text_rules import FORM_MESSAGES, Hidden
from portage_desktop.ui.children.child_dialog import ChildDialog


def _paste(qtbot, field: QLineEdit, text: str) -> None:
    QApplication.clipboard().setText(text)
    qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


@pytest.fixture
def dialog(qtbot, ctx, answer_boxes) -> ChildDialog:
    answer_boxes(QMessageBox.StandardButton.Discard)  # closing the refused form discards it
    setting.save_setting(ctx.db, SettingInput("Acorns", SettingKind.GROUP))
    shown = ChildDialog(ctx)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.keyClicks(shown.date_of_birth.edit, "14/02/2023")
    qtbot.keyClicks(shown.start_date.edit, "01/09/2024")
    return shown


def test_a_direction_override_pasted_into_a_name_is_refused_beside_it(qtbot, ctx, dialog):
    _paste(qtbot, dialog.first_name, "Amy\u202eeeL")
    assert dialog.first_name.text() == "Amy\u202eeeL"  # it really reached the field
    qtbot.keyClicks(dialog.last_name, "Lee")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.text("first_name") == FORM_MESSAGES[Hidden.DIRECTION]
    assert dialog.findChild(type(dialog.general_error), "error_first_name").isVisible()
    assert dialog.errors.text("last_name") == ""
    assert dialog.isVisible()
    assert children.list_children(ctx.db, include_archived=True) == []


def test_a_surname_of_zero_width_spaces_is_refused_beside_it(qtbot, ctx, dialog):
    qtbot.keyClicks(dialog.first_name, "Amy")
    _paste(qtbot, dialog.last_name, "\u200b\u200b")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.text("last_name") == FORM_MESSAGES[Hidden.INVISIBLE]
    assert dialog.errors.text("first_name") == ""
    assert dialog.isVisible()
    assert children.list_children(ctx.db, include_archived=True) == []
