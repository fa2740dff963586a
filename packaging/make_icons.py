"""Make the app icon's sizes from its SVG source, for the window, the .desktop file and installers.

Qt's own SVG renderer draws each size (so the icon looks the same as the window's, which Qt
also draws from the SVG), and Pillow, which ReportLab already brings, packs the Windows .ico and
the macOS .icns. Everything is written under build/icons and never committed.

    python packaging/make_icons.py [OUTPUT-FOLDER]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import project_info

# Freedesktop's hicolor theme sizes, and what .ico and .icns take.
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render_pngs(svg: Path, out: Path, sizes: tuple[int, ...] = PNG_SIZES) -> dict[int, Path]:
    """Draw the SVG at each size into ``out/png/NxN.png``."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not an SVG that Qt can draw.")
    folder = out / "png"
    folder.mkdir(parents=True, exist_ok=True)
    written: dict[int, Path] = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = folder / f"{size}x{size}.png"
        if not image.save(str(path), "PNG"):
            raise SystemExit(f"Could not write {path}.")
        written[size] = path
    return written


def pack_ico_and_icns(pngs: dict[int, Path], out: Path) -> tuple[Path, Path]:
    """The Windows and macOS icon files, each holding every size its system asks for."""
    from PIL import Image

    largest = Image.open(pngs[max(pngs)]).convert("RGBA")
    ico = out / "portage-desktop.ico"
    largest.save(ico, format="ICO", sizes=[(s, s) for s in ICO_SIZES])
    icns = out / "portage-desktop.icns"
    images = [Image.open(pngs[s]).convert("RGBA") for s in ICNS_SIZES]
    images[-1].save(icns, format="ICNS", append_images=images[:-1])
    return ico, icns


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else project_info.BUILT_ICONS
    out.mkdir(parents=True, exist_ok=True)
    pngs = render_pngs(project_info.ICON_SVG, out)
    ico, icns = pack_ico_and_icns(pngs, out)
    print(f"Wrote {len(pngs)} PNG sizes, {ico.name} and {icns.name} to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
