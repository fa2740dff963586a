"""Small pieces the service-quality screens share: the home visitor chooser and a service call
that shows its problem beside the right field instead of raising."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from portage_desktop.i18n import tr
from portage_desktop.services.access import PermissionDenied
from portage_desktop.services.errors import NotFoundError, ValidationError
from portage_desktop.services.home_visiting.caseloads import HomeVisitor
from portage_desktop.ui.common.widgets import FieldErrors

T = TypeVar("T")


def visitor_combo(visitors: list[HomeVisitor], name: str = "Home visitor") -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    for v in visitors:
        combo.addItem(v.name, v.id)
    return combo


def attempt(
    call: Callable[[], T], errors: FieldErrors, message: QLabel, parent: QWidget | None = None
) -> T | None:
    """Run a service call; a validation problem goes beside its field (or under the form),
    a refusal into the message line. ``None`` when nothing was saved."""
    errors.clear()
    try:
        result = call()
    except ValidationError as exc:
        errors.show(exc.errors)
        rest = errors.unplaced(exc.errors)
        message.setText(
            " ".join(rest.values()) if rest else tr("Please correct the marked fields.")
        )
        return None
    except (PermissionDenied, NotFoundError) as exc:
        message.setText(str(exc))
        return None
    return result


def form_row(form: QFormLayout, errors: FieldErrors, text: str, name: str, field: QWidget) -> None:
    """A labelled row with its problem line under the field (``text`` carries the shortcut)."""
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.addWidget(field)
    column.addWidget(errors.label_for(name, field))
    label = QLabel(text)
    label.setBuddy(field)
    form.addRow(label, holder)
