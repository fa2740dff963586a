"""Fitting each platform: the keyboard shortcuts list names the keys this platform really binds.

The release workflow runs this file under each system's own Qt platform (and so its key
theme); here it runs offscreen with the Linux one, and with stand-in tables for the others.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction, QKeySequence

from portage_desktop.ui.shell import help_text
from portage_desktop.ui.shell.main_window import AREAS, MainWindow
from tests.ui.conftest import make_ctx

NATIVE = QKeySequence.SequenceFormat.NativeText
StandardKey = QKeySequence.StandardKey


@pytest.fixture
def window(qtbot, demo_db, home) -> MainWindow:
    window = MainWindow(make_ctx(demo_db, home, is_demo=True))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_every_key_the_menus_bind_is_listed_as_this_platform_names_it(window):
    text = help_text.shortcuts_html()
    keys = {a.shortcut().toString(NATIVE) for a in window.findChildren(QAction)}
    help_key = QKeySequence(StandardKey.HelpContents).toString(NATIVE)
    areas = {QKeySequence(f"Ctrl+{n}").toString(NATIVE) for n in range(1, len(AREAS) + 1)}
    assert areas <= keys
    assert f"{min(areas)} to {max(areas)}" in text
    assert sorted(k for k in keys - areas - {"", help_key} if k not in text) == []


def test_quit_print_and_find_are_the_platform_s_own_keys(qapp):
    text = help_text.shortcuts_html()
    for standard in (StandardKey.Print, StandardKey.Find):
        assert QKeySequence(standard).toString(NATIVE) in text
    quit_key = QKeySequence(StandardKey.Quit).toString(NATIVE)
    assert (quit_key or "Alt+F4") in text


def test_a_platform_with_no_quit_key_is_told_to_close_the_window(qapp):
    """Windows binds nothing to Quit: the list must not promise Ctrl+Q there."""
    assert help_text.key_text("Quit", bindings=lambda _standard: []) == "Alt+F4"


def test_a_standard_key_with_several_bindings_lists_the_one_the_menus_bind(qapp):
    """Qt binds an action to the first of the platform's keys, such as Ctrl+F and not the
    Find key of some keyboards."""
    both = [QKeySequence("Ctrl+F"), QKeySequence("Ctrl+Shift+F")]
    assert help_text.key_text("Find", bindings=lambda _standard: both) == (both[0].toString(NATIVE))


def test_plain_keys_and_words_around_them_are_kept(qapp):
    ctrl_p = QKeySequence("Ctrl+P").toString(NATIVE)
    assert help_text.key_text("Ctrl+P in a record") == f"{ctrl_p} in a record"
    assert help_text.key_text("1 to 5 in an assessment") == "1 to 5 in an assessment"
    assert help_text.key_text("Escape") == "Escape"
