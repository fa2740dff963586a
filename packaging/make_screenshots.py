"""Screenshots of every main screen, in light and dark, at 1366x768 and at large text, from
the two demos (a nursery and a home-visiting service), for docs/screens and the README.

    python packaging/make_screenshots.py [OUTPUT-FOLDER]

Run offscreen by default. The demos are made up, so no real record ever reaches a picture.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WIDTH, HEIGHT = 1366, 768 - 40 - 30  # a laptop's screen less its taskbar and title bar
DARK = {
    "Window": "#2d2d2d",
    "WindowText": "#f0f0f0",
    "Base": "#1e1e1e",
    "AlternateBase": "#282828",
    "Text": "#f0f0f0",
    "Button": "#353535",
    "ButtonText": "#f0f0f0",
    "Highlight": "#2a82da",
    "HighlightedText": "#ffffff",
    "PlaceholderText": "#a0a0a0",
    "Link": "#8ab4f8",
    "ToolTipBase": "#353535",
    "ToolTipText": "#f0f0f0",
}


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "docs" / "screens"
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = Path(tempfile.mkdtemp(prefix="portage-screens-"))
    os.environ["PORTAGE_DESKTOP_HOME"] = str(home)
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QFont, QPalette
    from PySide6.QtWidgets import QApplication, QWidget

    from portage_desktop.paths import app_paths
    from portage_desktop.services import children
    from portage_desktop.settings import Settings
    from portage_desktop.startup import make_demo
    from portage_desktop.ui.children.child_record import ChildRecordWindow
    from portage_desktop.ui.common.context import AppContext, SignalHub
    from portage_desktop.ui.common.fonts import install_fallback_fonts
    from portage_desktop.ui.shell.main_window import AREAS, SIDEBAR, MainWindow

    app = QApplication([])
    app.setStyle("Fusion")  # the same look on every machine that makes the pictures
    install_fallback_fonts()  # as the app does: the demos' Arabic and Chinese names
    light, base_font = app.palette(), app.font()
    paths = app_paths().ensure()
    sites = {
        "nursery": make_demo(paths.data_dir / "nursery.db", seed=3),
        "service": make_demo(paths.data_dir / "service.db", seed=3, service=True),
    }

    def save(widget: QWidget, name: str) -> None:
        """A PNG of at most 128 colours: a screen has few, and the pictures stay small to keep
        in the repository (Pillow comes with ReportLab)."""
        from PIL import Image

        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        widget.grab().save(buffer, "PNG")
        buffer.close()
        picture = Image.open(io.BytesIO(bytes(data))).convert("RGB")
        picture.quantize(colors=128, method=Image.Quantize.MEDIANCUT).save(
            out / f"{name}.png", optimize=True
        )

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    for mode in ("light", "dark"):
        palette = QPalette(light)
        if mode == "dark":
            for role, value in DARK.items():
                palette.setColor(getattr(QPalette.ColorRole, role), QColor(value))
        app.setPalette(palette)
        for size, points in (("1366x768", None), ("large-text", base_font.pointSizeF() * 1.5)):
            font = QFont(base_font)
            if points:
                font.setPointSizeF(points)
            app.setFont(font)
            for site, db in sites.items():
                ctx = AppContext(db, paths, Settings(), SignalHub(), is_demo=True)
                window = MainWindow(ctx)
                window.resize(WIDTH, HEIGHT)
                window.show()
                settle()
                for area in SIDEBAR:
                    if window.sidebar.item(SIDEBAR.index(area)).isHidden():
                        continue
                    window.go_to(area)
                    settle()
                    name = AREAS[area].lower().replace(" & ", "-").replace(" ", "-")
                    save(window, f"{site}-{name}-{mode}-{size}")
                if site == "nursery":
                    record = ChildRecordWindow(ctx, children.list_children(db)[0].id)
                    record.resize(WIDTH, HEIGHT)
                    record.show()
                    record.tabs.setCurrentWidget(record.plans)
                    settle()
                    save(record, f"{site}-child-record-{mode}-{size}")
                    record.close()
                window.close()
                settle()
    for db in sites.values():
        db.dispose()
    print(f"Screenshots written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
