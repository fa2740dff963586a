"""The bundled fonts, offered to every screen, so a name in any script shows, not boxes.

Windows and macOS have fonts for Arabic, Chinese and emoji; a lean Linux desktop may not. The
fonts the printed records use are added to the application's font database: Qt picks them as
fallbacks for characters the interface font lacks (and shapes them itself).
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

from portage_desktop.paths import resource_path

# Only the fallbacks: the interface keeps the system's own font for everything else.
FALLBACK_FILES = (
    "NotoSansArabic-Regular.ttf",
    "NotoSansArabic-Bold.ttf",
    "DroidSansFallback.ttf",
    "SymbolaEmoji.ttf",
)

_added: list[str] = []


def install_fallback_fonts() -> list[str]:
    """Add the bundled fallback fonts once (needs a QGuiApplication); their family names."""
    if _added:
        return list(_added)
    for name in FALLBACK_FILES:
        path = resource_path("fonts", name)
        if not path.exists():
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in _added:
                _added.append(family)
    if "Symbola" in _added:
        # Outline emoji where the system has no colour emoji font of its own.
        QFontDatabase.addApplicationEmojiFontFamily("Symbola")
    return list(_added)


def install_qt_translations() -> bool:
    """Qt's own words (OK, Cancel, the file dialog) in the app's language, from the
    translations Qt for Python ships; English needs none. True when one was loaded."""
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

    from portage_desktop import i18n

    code = i18n.current_language()
    if code in (i18n.ENGLISH, i18n.PSEUDO):
        return False
    translator = QTranslator(QCoreApplication.instance())
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(QLocale(code), "qtbase", "_", folder):
        return False
    return QCoreApplication.installTranslator(translator)
