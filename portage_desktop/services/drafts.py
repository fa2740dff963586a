"""Drafts of forms that take a while to fill in (an assessment with a parent), kept as they are
typed so that a crash, a flat battery or a power cut loses a few seconds, not the session.

Drafts are not part of the child's record and are replaced every few seconds, so they are not
written to the audit log; saving the real record is.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from portage_desktop.data import draft_store
from portage_desktop.data.engine import Database
from portage_desktop.services.access import Permission, require
from portage_desktop.services.record_rows import ensure_child

MAX_PAYLOAD = 500_000


@dataclass(frozen=True)
class Draft:
    """What was typed, and when it was last kept."""

    saved_at: datetime
    payload: dict[str, Any]


def save_draft(
    db: Database, child_id: int, kind: str, target_id: int | None, payload: dict[str, Any]
) -> None:
    """Keep what is typed so far; too large a payload is silently not kept."""
    require(db, Permission.EDIT_CHILDREN)
    text = json.dumps(payload, ensure_ascii=False)
    if len(text) > MAX_PAYLOAD:
        return  # far beyond any real form; the explicit Save still works
    with db.session() as s:
        ensure_child(s, child_id)
        draft_store.put(s, child_id, kind, target_id, text)


def find_draft(db: Database, child_id: int, kind: str, target_id: int | None) -> Draft | None:
    """The draft left for this form, if any (an unreadable one counts as none)."""
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        row = draft_store.find(s, child_id, kind, target_id)
        if row is None:
            return None
        try:
            payload = json.loads(row.payload)
        except ValueError:
            return None
        return Draft(row.saved_at, payload if isinstance(payload, dict) else {})


def discard_draft(db: Database, child_id: int, kind: str, target_id: int | None) -> None:
    """Forget the draft once the record is saved or the user starts again."""
    require(db, Permission.EDIT_CHILDREN)
    with db.session() as s:
        draft_store.remove(s, child_id, kind, target_id)
