"""Icons from the Phosphor set (MIT licence, shipped in resources/icons/phosphor with it),
drawn from its icon font in the palette's own text colour: they follow dark mode and high
contrast, stay sharp at any size and text scale, and cost one font file for all of them."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
)

from portage_desktop.paths import resource_path

# The glyphs used, by what they show (codepoints of Phosphor 1.3.0's regular weight).
GLYPHS = {
    "dashboard": 0xF2F0,  # squares-four
    "children": 0xF06E,  # baby
    "referrals": 0xF336,  # tray
    "waiting": 0xF1D0,  # hourglass
    "caseloads": 0xF351,  # users
    "visits": 0xF1D9,  # house-line
    "groups": 0xF354,  # users-three
    "service": 0xF0D2,  # chart-bar
    "staff": 0xF2FB,  # student
    "stamp": 0xF213,  # medal
    "settings": 0xF19B,  # gear
}


@cache
def _family() -> str:
    """Load the icon font once; an empty name if it cannot be read (icons are then blank)."""
    font_file = resource_path("icons", "phosphor", "Phosphor-1.3.0.ttf")
    loaded = QFontDatabase.addApplicationFont(str(font_file))
    families = QFontDatabase.applicationFontFamilies(loaded) if loaded >= 0 else []
    return families[0] if families else ""


class _GlyphEngine(QIconEngine):
    def __init__(self, codepoint: int) -> None:
        super().__init__()
        self.codepoint = codepoint

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        palette = QGuiApplication.palette()
        role = {
            QIcon.Mode.Selected: QPalette.ColorRole.HighlightedText,
            QIcon.Mode.Disabled: QPalette.ColorRole.PlaceholderText,
        }.get(mode, QPalette.ColorRole.WindowText)
        font = QFont(_family())
        font.setPixelSize(max(round(rect.height() * 0.9), 1))
        painter.save()
        painter.setFont(font)
        painter.setPen(palette.color(role))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, chr(self.codepoint))
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        image = QPixmap(size)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        painter.end()
        return image

    def clone(self) -> QIconEngine:
        return _GlyphEngine(self.codepoint)


def icon(name: str) -> QIcon:
    """The icon for ``name`` (a key of :data:`GLYPHS`)."""
    _family()
    return QIcon(_GlyphEngine(GLYPHS[name]))


def font_family() -> str:
    return _family()
