"""What every table shares: UTC timestamps and the row version that catches lost updates."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.orm import declared_attr
from sqlmodel import Field, SQLModel


def utc_now() -> datetime:
    """Timestamps are stored in UTC and shown in local time."""
    return datetime.now(UTC)


class Versioned(SQLModel):
    """A row people edit: ``row_version`` goes up by one on every change.

    The ORM adds ``WHERE row_version = <the version read>`` to each UPDATE, so a save built on an
    older copy of the row matches nothing and fails instead of silently overwriting someone
    else's newer change (two copies of the app on one server, or two windows on one file).
    """

    row_version: int = Field(default=1, sa_column_kwargs={"server_default": "1"})

    @declared_attr  # type: ignore[misc]
    def __mapper_args__(cls) -> dict[str, object]:
        return {"version_id_col": cls.__table__.c.row_version}  # type: ignore[attr-defined]
