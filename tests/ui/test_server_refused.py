"""An action the shared server refuses ends in one plain warning, not the crash box."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from portage_desktop.data.errors import ServerRefused
from portage_desktop.ui.common.crash import install_crash_handler


def test_a_refusal_by_the_server_is_explained_plainly(
    qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, title, text: shown.append((title, text))
    )
    monkeypatch.setattr(QMessageBox, "exec", lambda _self: pytest.fail("the crash box opened"))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # both put back after the test
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    install_crash_handler(tmp_path / "portage.log")
    error = ServerRefused()
    sys.excepthook(ServerRefused, error, None)
    assert shown == [("Not allowed on the shared server", str(error))]
    assert "ask a manager" in shown[0][1]
