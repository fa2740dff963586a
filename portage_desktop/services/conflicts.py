"""Turning a refused save into something a screen can show: the record as it is stored now."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from portage_desktop.data.errors import RecordChanged
from portage_desktop.services.errors import ConflictError, NotFoundError

R = TypeVar("R")


@contextmanager
def refuse_stale(what: str, current: Callable[[], object]) -> Iterator[None]:
    """Around a save: if the row moved on since it was read, raise :class:`ConflictError`.

    ``current`` loads the stored record afresh, after the refused transaction has rolled back.
    """
    try:
        yield
    except RecordChanged:
        raise ConflictError(what, current()) from None


def find(records: Iterable[R], record_id: int | None, gone: str) -> R:
    """The record with ``record_id`` from a freshly loaded list, or ``gone`` as NotFoundError."""
    for record in records:
        if getattr(record, "id", None) == record_id:
            return record
    raise NotFoundError(gone)
