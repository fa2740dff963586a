"""The app's own colours are readable in light and dark mode (WCAG AA, 4.5:1 for text), come
from one theme module, and follow the system's palette."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from portage_desktop.services.stamp_criteria import Status
from portage_desktop.ui.common import theme
from portage_desktop.ui.common.form import FormSection

# The backgrounds text is drawn on: window, base and alternate rows, for typical light and
# dark system palettes (Windows, macOS, GNOME, Qt's Fusion).
BACKGROUNDS = {
    False: ("#ffffff", "#efefef", "#f0f0f0", "#f7f7f7"),
    True: ("#1e1e1e", "#2d2d2d", "#353535", "#282828", "#202020"),
}
TEXT = {False: "#000000", True: "#ffffff"}
DIM_TEXT = {False: "#1f1f1f", True: "#e6e6e6"}  # the dimmest text a palette uses


def _luminance(value: str) -> float:
    colour = QColor(value)

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(x) for x in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_is_measured_as_wcag_does():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("colours", [theme.LIGHT, theme.DARK], ids=["light", "dark"])
def test_every_text_colour_meets_aa_on_its_background(colours):
    low = []
    for background in BACKGROUNDS[colours.dark]:
        for name in ("error", "ok"):
            if contrast(getattr(colours, name), background) < 4.5:
                low.append((name, background))
    for status, tint in colours.status_tints.items():
        if contrast(colours.status_ink, tint) < 4.5:
            low.append(("status " + status, tint))
    if contrast(colours.on_accent, colours.accent) < 4.5:
        low.append(("primary button", colours.accent))
    for background in BACKGROUNDS[colours.dark]:  # a focus ring must stand out (3:1)
        if contrast(colours.focus, background) < 3 or contrast(colours.accent, background) < 3:
            low.append(("primary button's edge", background))
    for text in (TEXT[colours.dark], DIM_TEXT[colours.dark]):
        for name, tint in [*colours.step_tints.items(), ("chart band", colours.chart_band)]:
            if contrast(text, tint) < 4.5:
                low.append((name, tint))
    assert low == []


def test_every_status_has_a_tint_in_both_modes():
    for colours in (theme.LIGHT, theme.DARK):
        assert set(colours.status_tints) == {s.value for s in Status}


def _dark_palette() -> QPalette:
    palette = QPalette()
    for role, value in (
        (QPalette.ColorRole.Window, "#2d2d2d"),
        (QPalette.ColorRole.WindowText, "#ffffff"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.Text, "#ffffff"),
    ):
        palette.setColor(role, QColor(value))
    return palette


def test_a_dark_system_palette_gets_the_dark_colours(qtbot):
    app = QApplication.instance()
    before = app.palette()
    app.setPalette(_dark_palette())
    try:
        assert theme.is_dark() and theme.current() is theme.DARK
        section = FormSection()
        section.form.addRow("Name", QLabel())
        section.show_errors({"general": "Something is wrong"})
        assert theme.DARK.error in section.general_error.styleSheet()
    finally:
        app.setPalette(before)
    assert not theme.is_dark() and theme.current() is theme.LIGHT


def test_no_screen_hard_codes_a_colour_outside_the_theme():
    ui = Path(theme.__file__).parents[1]
    found = [
        f"{path.relative_to(ui)}: {match}"
        for path in ui.rglob("*.py")
        if path.name != "theme.py"
        for match in re.findall(r"#[0-9a-fA-F]{6}\b", path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_a_dialogs_save_is_its_primary_button(qtbot, demo_ctx):
    from portage_desktop.ui.children.child_dialog import ChildDialog

    dialog = ChildDialog(demo_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.save_button.property("primary") == "yes"
    assert theme.LIGHT.accent in dialog.save_button.styleSheet()
