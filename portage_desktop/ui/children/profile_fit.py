"""Says, while the profile is written, whether it still prints on one page at a readable size
and, if not, roughly how much to trim: the print never shrinks the words to make them fit."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from portage_desktop.i18n import tr
from portage_desktop.ui.common.theme import error_style

# Measured a moment after typing pauses, not at every key: laying out the page takes a few
# hundredths of a second.
PAUSE_MS = 250


class ProfileFitLabel(QLabel):
    """A line under the profile's boxes: "Fits on one page." or how much is over."""

    def __init__(
        self,
        sections: Callable[[], list[tuple[str, str]]],
        has_photo: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.sections, self.has_photo = sections, has_photo
        self.fits = True
        self.setWordWrap(True)
        self.setAccessibleName(tr("Fits on one page"))
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PAUSE_MS)
        self.timer.timeout.connect(self.measure)

    def schedule(self, *_args: object) -> None:
        """Measure once typing pauses."""
        self.timer.start()

    def measure(self) -> None:
        from portage_desktop.reports.one_page_profile import ProfileSheet, measure_profile

        self.timer.stop()
        sheet = ProfileSheet(tr("Name"), tr("1 January 2026"), "", self.sections())
        fit = measure_profile(sheet, self.has_photo())
        self.fits = fit.fits
        self.setText(fit.message())
        colour = "" if fit.fits else f"{error_style()} font-weight: bold;"
        self.setStyleSheet(colour)
