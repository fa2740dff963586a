"""Each area in the sidebar has an icon from the shipped, openly licensed set, drawn in the
palette's colours (so dark mode and high contrast apply) and never in place of its words."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QApplication

from portage_desktop.paths import resource_path
from portage_desktop.ui.common.icons import GLYPHS, font_family, icon
from portage_desktop.ui.shell.sidebar import AREA_ICONS


def test_the_icon_font_ships_with_its_licence(qtbot):
    assert resource_path("icons", "phosphor", "Phosphor-1.3.0.ttf").is_file()
    licence = resource_path("icons", "phosphor", "LICENSE.txt").read_text(encoding="utf-8")
    assert "MIT License" in licence and "Phosphor Icons" in licence
    assert font_family()


def test_every_area_in_the_sidebar_has_an_icon_and_keeps_its_words(qtbot, demo_ctx, open_window):
    window = open_window(demo_ctx)
    qtbot.waitUntil(lambda: not window.sidebar.item(0).icon().isNull())
    for row in range(window.sidebar.count()):
        item = window.sidebar.item(row)
        assert item.text() and not item.icon().isNull(), item.text()
        assert AREA_ICONS[item.text()] in GLYPHS


def _ink(qicon: QIcon, mode: QIcon.Mode) -> set[str]:
    image = qicon.pixmap(QSize(32, 32), mode).toImage()
    return {
        QColor(image.pixel(x, y)).name()
        for x in range(32)
        for y in range(32)
        if QColor.fromRgba(image.pixel(x, y)).alpha() == 255
    }


def test_icons_are_drawn_in_the_palettes_text_colours(qtbot):
    palette = QApplication.palette()
    drawn = _ink(icon("children"), QIcon.Mode.Normal)
    assert drawn == {palette.windowText().color().name()}
    selected = _ink(icon("children"), QIcon.Mode.Selected)
    assert selected == {palette.highlightedText().color().name()}
