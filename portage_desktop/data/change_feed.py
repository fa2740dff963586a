"""Which tables each committed session wrote, so the screens can show the current state after
any change anywhere in the app (refreshing only what changed) without every screen having to
remember to say so.

The names are gathered as the session flushes and handed on only once it commits: a write that
was rolled back changed nothing.
"""

from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session

KEY = "portage_tables_written"


@event.listens_for(Session, "after_flush")
def _flushed(session: Session, _context: object) -> None:
    names: set[str] = session.info.setdefault(KEY, set())
    for record in (*session.new, *session.dirty, *session.deleted):
        table = getattr(record, "__tablename__", None)
        if isinstance(table, str):
            names.add(table)


@event.listens_for(Session, "do_orm_execute")
def _executed(state: ORMExecuteState) -> None:
    """Bulk INSERT, UPDATE and DELETE statements, which never pass through a flush."""
    if state.is_insert or state.is_update or state.is_delete:
        table = getattr(state.statement, "table", None)
        name = getattr(table, "name", None)
        if isinstance(name, str):
            state.session.info.setdefault(KEY, set()).add(name)


def written(session: Session) -> frozenset[str]:
    """The tables the session wrote since it began (and forgets them)."""
    return frozenset(session.info.pop(KEY, ()))
