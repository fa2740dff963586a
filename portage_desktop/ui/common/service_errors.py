"""The one place that turns what the services refuse (no permission, gone, invalid, changed by
someone else, cannot be printed) into the words a person sees, so screens stop repeating it.

Anything else is a fault of the app: it goes to the log (redacted) and the person is told
plainly that nothing saved was lost, never shown a traceback.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QMessageBox, QWidget

from portage_desktop.data.errors import DatabaseError
from portage_desktop.errors import UserError
from portage_desktop.i18n import tr
from portage_desktop.logs import redacted_traceback
from portage_desktop.printing.common import PrintError
from portage_desktop.services.access import PermissionDenied
from portage_desktop.services.errors import ConflictError, NotFoundError, ValidationError

log = logging.getLogger(__name__)

# What a service refuses for a reason the person can act on; the message says what to do.
REFUSED: tuple[type[Exception], ...] = (
    PermissionDenied,
    NotFoundError,
    ValidationError,
    ConflictError,
    PrintError,
    UserError,
    DatabaseError,
)

UNEXPECTED = tr(
    "Portage Desktop hit a problem it did not expect. Everything already saved is safe; "
    "please try again."
)


def explain(exc: BaseException, fallback: str = UNEXPECTED) -> str:
    """The sentence to show for ``exc``: the service's own words, or a plain fallback."""
    if isinstance(exc, ValidationError):
        return " ".join(exc.errors.values()) or fallback
    if isinstance(exc, REFUSED):
        return str(exc) or fallback
    if isinstance(exc, OSError):  # a full disk, a folder that went away, no permission
        reason = exc.strerror or str(exc)
        return (
            tr("The file could not be written: {reason}.").format(reason=reason)
            if reason
            else fallback
        )
    log.error("Unexpected error:\n%s", redacted_traceback(type(exc), exc.__traceback__))
    return fallback


def refused(parent: QWidget | None, title: str, exc: BaseException) -> None:
    """Tell the person why an action did not happen."""
    QMessageBox.warning(parent, title, explain(exc))
