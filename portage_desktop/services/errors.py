"""Errors a user can act on. Services raise these; screens show them beside the right field."""

from __future__ import annotations


class ValidationError(Exception):
    """One or more fields are wrong. ``errors`` maps a field name to a plain-English message."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = dict(errors)


class NotFoundError(Exception):
    """The record asked for no longer exists (for example, it was erased on another screen)."""
