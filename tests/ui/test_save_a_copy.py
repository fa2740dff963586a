"""Saving a copy of an attached file goes through the safe writer: a bad place is a message."""

from __future__ import annotations

import os
import stat

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from portage_desktop.services import observations
from portage_desktop.services.attachments import FileToAttach
from portage_desktop.services.observations import ObservationInput
from portage_desktop.services.record_vocabulary import AuthorKind, ObservationKind
from portage_desktop.ui.children.observation_dialog import ObservationDialog
from tests.conftest import TODAY
from tests.services.plan_helpers import add_child

PNG = b"\x89PNG\r\n\x1a\n" + b"\x01" * 16


def _dialog(qtbot, ctx) -> ObservationDialog:
    child = add_child(ctx.db)
    note = ObservationInput(
        kind=ObservationKind.OBSERVATION,
        observed_on=TODAY,
        author_kind=AuthorKind.STAFF,
        author_name="Kay Rowe",
        text="Played with the sand",
        new_files=(FileToAttach("..", PNG),),
    )
    observations.save_observation(ctx.db, child, note, today=TODAY)
    [saved] = observations.list_observations(ctx.db, child)
    dialog = ObservationDialog(ctx, child, saved)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.files.setCurrentRow(0)
    return dialog


def test_a_copy_is_saved_whole_and_private(qtbot, ctx, tmp_path, monkeypatch, answer_boxes):
    said = answer_boxes()
    dialog = _dialog(qtbot, ctx)
    asked: list[str] = []

    def ask(_parent, _title, suggested, *_args, **_kwargs):
        asked.append(suggested)
        return str(tmp_path / "sand.png"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    qtbot.mouseClick(dialog.save_copy_button, Qt.MouseButton.LeftButton)
    assert asked[0].endswith(os.sep + "attachment")  # never "..", which is the folder above
    assert (tmp_path / "sand.png").read_bytes() == PNG
    if os.name == "posix":
        assert stat.S_IMODE((tmp_path / "sand.png").stat().st_mode) == 0o600
    assert said == []


def test_a_missing_folder_is_a_message_not_a_crash(qtbot, ctx, tmp_path, monkeypatch, answer_boxes):
    said = answer_boxes()
    dialog = _dialog(qtbot, ctx)
    target = tmp_path / "gone" / "sand.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    qtbot.mouseClick(dialog.save_copy_button, Qt.MouseButton.LeftButton)
    assert not target.parent.exists()
    [(kind, text)] = said
    assert kind == "warning" and "Not saved" in text and "does not exist" in text
