"""Errors a user can act on. Services raise these; screens show them beside the right field."""

from __future__ import annotations

from typing import Any

from portage_desktop.i18n import tr


class ValidationError(Exception):
    """One or more fields are wrong. ``errors`` maps a field name to a plain-English message."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = dict(errors)


class NotFoundError(Exception):
    """The record asked for no longer exists (for example, it was erased on another screen)."""


class ConflictError(Exception):
    """Someone else saved this record after it was opened here, so nothing was written.

    ``current`` is the record as it is stored now, of the type the screen was opened with, so
    the screen can show both versions and let the person reload theirs or save over it on
    purpose (by saving again with ``current.version``). Never a silent overwrite.
    """

    def __init__(self, what: str, current: Any) -> None:
        super().__init__(
            tr(
                "Someone else saved a newer version of this {what} while you were editing it."
            ).format(what=what)
        )
        self.what = what
        self.current = current

    @property
    def version(self) -> int:
        return int(getattr(self.current, "version", 0))
