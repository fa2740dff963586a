"""The app's few colours, in one place, with a light and a dark value for each.

Everything else comes from the system's palette (so dark mode and high contrast are the
system's own). Each pair is chosen so text meets WCAG AA (4.5:1) on the background it is drawn
on, in both modes; a test checks every pair. Colour is never the only signal: statuses also
carry a word and a symbol.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class Theme:
    dark: bool
    error: str  # text: problems and warnings
    ok: str  # text: a check that passed
    outline: str  # thin lines around chart bars and boxes
    chart_line: str  # a plan's progress line and its filled dots
    chart_band: str  # the shaded "level that counts" (text is drawn over it)
    chart_grid: str
    chart_dash: str  # where a new small step started
    status_ink: str  # text on the criteria's status tints
    status_tints: dict[str, str]  # by criterion status value
    step_tints: dict[str, str]  # assessment statuses by meaning; palette text on top
    shades: tuple[str, ...]  # assessment bars, oldest to newest
    accent: str  # a primary button's face
    on_accent: str  # its words
    focus: str  # the ring around a focused primary button


LIGHT = Theme(
    dark=False,
    error="#a4262c",
    ok="#107c10",
    outline="#1f2a33",
    chart_line="#2f6f5e",
    chart_band="#dcebe5",
    chart_grid="#b9c7c2",
    chart_dash="#1f2a33",
    status_ink="#1f2a33",
    status_tints={
        "met": "#dcefe4",
        "at_risk": "#fdf0cc",
        "not_met": "#f8d7da",
        "needs_statement": "#e3ecf7",
        "no_evidence": "#e9e9e9",
    },
    step_tints={"not_yet": "#f6f1e7", "emerging": "#fff3c4", "achieved": "#d9eee5"},
    shades=("#cfe3dc", "#8fc1b0", "#4f9a82", "#2f6f5e", "#1d4a3e"),
    accent="#1f6f5c",
    on_accent="#ffffff",
    focus="#0b3d91",
)

DARK = Theme(
    dark=True,
    error="#ff8a80",
    ok="#7fd47a",
    outline="#c8d3cf",
    chart_line="#7cc4ad",
    chart_band="#23463c",
    chart_grid="#4f5f5a",
    chart_dash="#c8d3cf",
    status_ink="#f2f2f2",
    status_tints={
        "met": "#1e4030",
        "at_risk": "#4a3b0c",
        "not_met": "#5a1f24",
        "needs_statement": "#1e3350",
        "no_evidence": "#3a3a3a",
    },
    step_tints={"not_yet": "#3b3526", "emerging": "#4a4214", "achieved": "#1e4030"},
    shades=("#1d4a3e", "#2f6f5e", "#4f9a82", "#8fc1b0", "#cfe3dc"),
    accent="#7cc4ad",
    on_accent="#0b1f19",
    focus="#ffd479",
)


def is_dark(palette: QPalette | None = None) -> bool:
    """Dark mode, as the system's palette shows it: a window darker than its text."""
    palette = palette or QGuiApplication.palette()
    return palette.window().color().lightness() < palette.windowText().color().lightness()


def current(palette: QPalette | None = None) -> Theme:
    return DARK if is_dark(palette) else LIGHT


def error_style() -> str:
    """Style for a label that says what is wrong, readable in light and dark mode."""
    return f"color: {current().error};"


def ok_style() -> str:
    return f"color: {current().ok};"


def colour(value: str) -> QColor:
    return QColor(value)


def make_primary(button: QWidget) -> None:
    """Mark the one button that finishes what the window is for (Save, Add the first child):
    filled with the accent colour, its words and focus ring still clear in both modes."""
    colours = current()
    # A string, not a bool: reading a bool property back leaks a reference to True in Qt for
    # Python, which crashed a long run of the tests.
    button.setProperty("primary", "yes")
    button.setStyleSheet(
        f"QPushButton {{ background: {colours.accent}; color: {colours.on_accent};"
        " border: 1px solid transparent; border-radius: 4px; padding: 4px 14px; }"
        f" QPushButton:focus {{ border: 2px solid {colours.focus}; }}"
        " QPushButton:disabled { background: palette(button); color: palette(mid); }"
    )
