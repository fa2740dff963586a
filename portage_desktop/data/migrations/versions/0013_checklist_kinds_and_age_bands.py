"""checklist kinds and age bands

A checklist entry says what it is (a small step, a checkpoint to observe, or guidance for the
practitioner) and may give its ages in the framework's own words ("Birth to three").
Every entry already stored is a small step with no such words.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05 09:40:00.000000
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "framework_item",
        sa.Column(
            "kind",
            sqlmodel.sql.sqltypes.AutoString(length=12),
            server_default="step",
            nullable=False,
        ),
    )
    op.add_column(
        "framework_item",
        sa.Column(
            "age_band",
            sqlmodel.sql.sqltypes.AutoString(length=60),
            server_default="",
            nullable=False,
        ),
    )


def downgrade() -> None:
    with op.batch_alter_table("framework_item", schema=None) as batch_op:
        batch_op.drop_column("age_band")
        batch_op.drop_column("kind")
