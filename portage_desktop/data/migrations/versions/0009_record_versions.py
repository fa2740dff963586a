"""record versions for safe concurrent editing

Every table people edit gains ``row_version``; existing rows start at 1. Saves then check it, so
a change made on an older copy of a row is refused instead of overwriting a newer one.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-23 01:55:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

EDITABLE_TABLES = (
    "setting",
    "staff_member",
    "child",
    "user_account",
    "family_member",
    "professional",
    "consent",
    "assessment",
    "observation",
    "goal",
    "activity_plan",
    "activity_record",
    "review",
    "inspection",
    "stamp_award",
    "stamp_statement",
    "stamp_application",
    "training_record",
    "transition_plan",
)


def upgrade() -> None:
    for table in EDITABLE_TABLES:
        op.add_column(
            table,
            sa.Column("row_version", sa.Integer(), nullable=False, server_default="1"),
        )


def downgrade() -> None:
    for table in EDITABLE_TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("row_version")
