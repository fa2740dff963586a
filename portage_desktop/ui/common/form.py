"""Shared form plumbing: labelled rows with an error label under each field, and a guard
against losing typed changes when a dialog is closed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.i18n import tr
from portage_desktop.services.errors import ConflictError, ValidationError
from portage_desktop.ui.common.conflict_dialog import ConflictChoice, ask_about_conflict
from portage_desktop.ui.common.service_errors import REFUSED, explain
from portage_desktop.ui.common.theme import error_style, make_primary
from portage_desktop.ui.common.widgets import FieldErrors


def confirm(parent: QWidget | None, title: str, question: str) -> bool:
    """Ask a yes/no question whose safe answer, No, is the default (Escape and Enter)."""
    answer = QMessageBox.question(
        parent,
        title,
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class FormSection:
    """A form layout whose fields show their own validation messages; usable in any widget."""

    def __init__(self) -> None:
        self.errors = FieldErrors()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.dirty = False
        self.general_error = QLabel()
        self.general_error.setObjectName("error_general")
        self.general_error.setWordWrap(True)
        self.general_error.setStyleSheet(error_style())
        self.general_error.setVisible(False)
        # Field name -> its label, so a conflict can name the fields that differ.
        self.labels: dict[str, str] = {}

    def add_row(self, label: str, name: str, field: QWidget, hint: str = "") -> QWidget:
        """Add ``field`` with its label (a mnemonic with ``&``) and an error label beneath it."""
        caption = QLabel(label)
        caption.setBuddy(field)
        self.labels.setdefault(name, label)
        if not field.accessibleName():
            field.setAccessibleName(label.replace("&", "").rstrip(" *:"))
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        if hint:
            hint_label = QLabel(hint)
            hint_label.setWordWrap(True)
            hint_label.setEnabled(False)
            column.addWidget(hint_label)
        column.addWidget(self.errors.label_for(name, field))
        self.form.addRow(caption, box)
        return field

    def mark_dirty(self, *_args: object) -> None:
        self.dirty = True

    def show_errors(self, errors: dict[str, str]) -> None:
        self.errors.show(errors)
        leftover = self.errors.unplaced(errors)
        self.general_error.setText("⚠ " + " ".join(leftover.values()) if leftover else "")
        self.general_error.setVisible(bool(leftover))

    def show_refusal(self, exc: BaseException) -> None:
        """Show why the services refused a save: beside each field, or on the form's own line."""
        if isinstance(exc, ValidationError):
            self.show_errors(exc.errors)
        else:
            self.show_errors({"general": explain(exc)})

    def clear_errors(self) -> None:
        self.errors.clear()
        self.general_error.setVisible(False)


class FormDialog(QDialog):
    """A dialog built on a :class:`FormSection` that asks before discarding edits."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.section = FormSection()
        self.form = self.section.form
        self.errors = self.section.errors
        self.general_error = self.section.general_error
        self.add_row = self.section.add_row
        self.show_errors = self.section.show_errors
        self.show_refusal = self.section.show_refusal
        # The stored row_version of the record being changed (None for a new one): handed to
        # the service on Save so a change someone else saved meanwhile is never overwritten.
        self.version: int | None = None

    def showEvent(self, event: QShowEvent) -> None:
        """The button that finishes the form (Save, or OK) is shown as the primary one."""
        super().showEvent(event)
        if not getattr(self, "_primary_marked", False):
            self._primary_marked = True
            for box in self.findChildren(QDialogButtonBox):
                for which in (
                    QDialogButtonBox.StandardButton.Save,
                    QDialogButtonBox.StandardButton.Ok,
                ):
                    button = box.button(which)
                    if button is not None:
                        make_primary(button)

    def fill(self, record: object) -> None:
        """Show a stored ``record`` in the form (used to reload after someone else saved)."""
        raise NotImplementedError

    def save(self) -> None:
        raise NotImplementedError

    def attempt(
        self,
        action: Callable[[], object],
        mine: object = None,
        errors: dict[str, str] | None = None,
        check: Callable[[], object] | None = None,
    ) -> bool:
        """Run the service call behind Save; ``True`` once it saved.

        ``errors`` are what the form itself found (an unreadable date); ``check`` is the
        service's validation, run first so both kinds of message show together. A record
        someone else saved meanwhile is compared (``mine`` is what was typed); a refusal is
        explained. Every dialog that saves goes through here, so none handles these twice.
        """
        errors = dict(errors or {})
        try:
            if check is not None:
                check()
        except ValidationError as exc:
            errors = {**exc.errors, **errors}
        try:
            if errors:
                raise ValidationError(errors)
            action()
        except ConflictError as exc:
            if self.resolve_conflict(exc, mine):
                self.save()
            return False
        except ValidationError as exc:
            self.show_errors({**exc.errors, **errors})
            return False
        except REFUSED as exc:
            self.show_refusal(exc)
            return False
        self.dirty = False
        return True

    def resolve_conflict(self, error: ConflictError, mine: object) -> bool:
        """Show both versions and act on the choice; ``True`` means save again over theirs."""
        choice = resolve_conflict(self, self.section, error, mine, self.fill)
        if choice is not ConflictChoice.CANCEL:
            self.version = error.version
        return choice is ConflictChoice.KEEP_MINE

    @property
    def dirty(self) -> bool:
        return self.section.dirty

    @dirty.setter
    def dirty(self, value: bool) -> None:
        self.section.dirty = value

    def mark_dirty(self, *_args: object) -> None:
        self.section.dirty = True

    def reject(self) -> None:
        if self.dirty:
            answer = QMessageBox.question(
                self,
                tr("Discard changes?"),
                tr("You have changes that are not saved. Close without saving them?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()


def resolve_conflict(
    parent: QWidget,
    section: FormSection,
    error: ConflictError,
    mine: object,
    fill: Callable[[object], None],
) -> ConflictChoice:
    """Ask which version to keep; on Reload show the stored one with ``fill``.

    Going back saves nothing and leaves the typing as it is, with a note saying why.
    """
    choice = ask_about_conflict(parent, error, mine, section.labels)
    if choice is ConflictChoice.RELOAD:
        fill(error.current)
        section.clear_errors()
        section.dirty = False
        section.show_errors(
            {
                "general": tr(
                    "Reloaded: this shows the version saved now. Your changes were not kept."
                )
            }
        )
    elif choice is ConflictChoice.CANCEL:
        section.show_errors(
            {
                "general": tr(
                    "Not saved: someone else saved this after you opened it. "
                    "Save again to compare the two and choose."
                )
            }
        )
    return choice
