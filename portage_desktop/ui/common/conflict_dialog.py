"""When someone else saved a record first: show both versions and let the person decide.

A save built on an older copy is refused by the services (never a silent overwrite). This dialog
puts what the person typed beside what is stored now, field by field, and offers three ways on:
reload the stored version (their own edits are dropped), save theirs over it on purpose, or go
back to editing without saving.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date, datetime
from enum import Enum, auto

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.i18n import tr
from portage_desktop.services.dates import format_date
from portage_desktop.services.errors import ConflictError
from portage_desktop.services.plan_records import DayEntry

# Bookkeeping fields a person never typed, so never worth comparing.
_SKIPPED = {"id", "version", "child_id", "record_count", "attachments", "files", "new_files"}
BLANK = "(blank)"


class ConflictChoice(Enum):
    RELOAD = auto()
    KEEP_MINE = auto()
    CANCEL = auto()


def _text(value: object) -> str:
    """A value as a person would read it in the form."""
    if value is None or value == "" or value == () or value == {}:
        return BLANK
    if isinstance(value, bool):
        return tr("Yes") if value else tr("No")
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, Enum):
        return str(getattr(value, "label", value.value))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        parts = [
            _text(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name not in _SKIPPED and not f.name.endswith("_id")
        ]
        return " · ".join(p for p in parts if p != BLANK) or BLANK
    if isinstance(value, tuple | list):
        return "\n".join(_text(v) for v in value)
    if isinstance(value, Mapping):
        return tr("{count} recorded").format(count=len(value))
    return str(value).strip() or BLANK


def _label(name: str, labels: Mapping[str, str]) -> str:
    return labels.get(name) or name.replace("_", " ").capitalize()


def _fields(record: object) -> dict[str, object]:
    """The typed fields of a record, with a mapping of texts opened out into its parts."""
    data = getattr(record, "data", record)  # plans, reviews and transitions wrap their input
    if not dataclasses.is_dataclass(data):
        return {}
    out: dict[str, object] = {}
    for f in dataclasses.fields(data):
        if f.name in _SKIPPED or f.name.endswith(("_id", "_ids")):
            continue  # links are shown by name elsewhere; raw ids mean nothing to a person
        value = getattr(data, f.name)
        if isinstance(value, Mapping) and all(isinstance(v, str) for v in value.values()):
            out.update(value)  # a record's free-text parts, each compared on its own
        else:
            out[f.name] = value
    return out


def differences(
    mine: object, theirs: object, labels: Mapping[str, str]
) -> list[tuple[str, str, str]]:
    """(label, mine, theirs) for every field the two versions disagree on, in form order."""
    my_fields, their_fields = _fields(mine), _fields(theirs)
    order = list(labels) + [n for n in my_fields if n not in labels]
    rows = []
    for name in dict.fromkeys(order):
        if name not in my_fields and name not in their_fields:
            continue
        mine_value, their_value = my_fields.get(name), their_fields.get(name)
        a, b = _text(mine_value), _text(their_value)
        if a == b and isinstance(mine_value, Mapping) and mine_value != their_value:
            b += tr(" (with different details)")
        if a != b:
            rows.append((_label(name, labels).replace("&", "").rstrip(" *:"), a, b))
    return rows


def describe_day(entry: DayEntry) -> str:
    """One recorded day of a week grid in words, for comparing two versions of it."""
    if entry.empty:
        return tr("(nothing recorded)")
    parts = []
    if entry.tries is not None:
        parts.append(
            tr("{value} out of {tries} tries").format(value=entry.successes or 0, tries=entry.tries)
        )
    if entry.prompt:
        parts.append(entry.prompt)
    if entry.done:
        parts.append("done")
    if entry.note:
        parts.append(f"“{entry.note}”")
    parts.append(tr("by {lower}").format(lower=entry.by.label.lower()))
    return ", ".join(parts)


class ConflictDialog(QDialog):
    """Both versions side by side; :attr:`choice` says what the person chose."""

    def __init__(
        self,
        error: ConflictError,
        mine: object,
        labels: Mapping[str, str] | None = None,
        parent: QWidget | None = None,
        rows: list[tuple[str, str, str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Someone else saved this first"))
        self.choice = ConflictChoice.CANCEL
        self.setMinimumWidth(680)
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "<b>{error}</b><br>Nothing has been saved yet. Here is what is different "
                "between your version and the one now saved. Choose which to keep."
            ).format(error=error)
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(intro)

        if rows is None:
            rows = differences(mine, error.current, labels or {})
        self.table = QTableWidget(len(rows), 3)
        self.table.setAccessibleName(tr("Differences between your version and the saved one"))
        self.table.setHorizontalHeaderLabels(
            [tr("What"), tr("Your version (not saved)"), tr("Saved now")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for r, (label, a, b) in enumerate(rows):
            for c, text in enumerate((label, a, b)):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
        layout.addWidget(self.table)
        if not rows:
            same = QLabel(
                tr(
                    "The fields you can see are the same in both; the saved version differs in "
                    "something else (for example the small steps ticked off from the week grid)."
                )
            )
            same.setWordWrap(True)
            layout.addWidget(same)

        buttons = QHBoxLayout()
        self.reload_button = QPushButton(tr("&Reload the saved version"))
        self.reload_button.setToolTip(tr("Show what is saved now; your changes here are dropped."))
        self.keep_button = QPushButton(tr("&Keep mine and save over it"))
        self.keep_button.setToolTip(tr("Save your version; the other changes are replaced."))
        self.back_button = QPushButton(tr("&Go back to editing"))
        self.back_button.setToolTip(tr("Nothing is saved; you can copy what you need first."))
        for button, choice in (
            (self.reload_button, ConflictChoice.RELOAD),
            (self.keep_button, ConflictChoice.KEEP_MINE),
            (self.back_button, ConflictChoice.CANCEL),
        ):
            button.setAccessibleName(button.text().replace("&", ""))
            button.clicked.connect(lambda _=False, c=choice: self._choose(c))
            buttons.addWidget(button)
        buttons.insertStretch(2)
        layout.addLayout(buttons)
        self.back_button.setDefault(True)
        self.back_button.setFocus()

    def _choose(self, choice: ConflictChoice) -> None:
        self.choice = choice
        if choice is ConflictChoice.CANCEL:
            self.reject()
        else:
            self.accept()


def ask_about_conflict(
    parent: QWidget | None,
    error: ConflictError,
    mine: object,
    labels: Mapping[str, str] | None = None,
    rows: list[tuple[str, str, str]] | None = None,
) -> ConflictChoice:
    """Show the two versions (``rows`` if the caller compared them itself) and wait."""
    dialog = ConflictDialog(error, mine, labels, parent, rows)
    dialog.exec()
    return dialog.choice
