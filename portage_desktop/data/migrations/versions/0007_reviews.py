"""reviews with parents and transition plans

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23 00:24:06.215133
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "review",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("child_id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("parents", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("staff", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("professionals", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("parent_views", sqlmodel.sql.sqltypes.AutoString(length=3000), nullable=False),
        sa.Column("child_voice", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.Column("successes", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.Column("wishes", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("transition", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("agreed_by", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("agreed_on", sa.Date(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["child_id"], ["child.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("review", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_review_child_id"), ["child_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_review_held_on"), ["held_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_review_status"), ["status"], unique=False)

    op.create_table(
        "transition_plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("child_id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("place", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("meeting_on", sa.Date(), nullable=True),
        sa.Column("attended", sqlmodel.sql.sqltypes.AutoString(length=400), nullable=False),
        sa.Column("needs", sqlmodel.sql.sqltypes.AutoString(length=3000), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["child_id"], ["child.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("transition_plan", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_transition_plan_child_id"), ["child_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_transition_plan_meeting_on"), ["meeting_on"], unique=False
        )

    op.create_table(
        "review_issue",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("child_id", sa.Integer(), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("owner", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["child_id"], ["child.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["review_id"], ["review.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("review_issue", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_review_issue_child_id"), ["child_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_review_issue_closed_on"), ["closed_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_review_issue_due_on"), ["due_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_review_issue_review_id"), ["review_id"], unique=False)

    op.create_table(
        "transition_action",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("owner", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["plan_id"], ["transition_plan.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("transition_action", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_transition_action_done_on"), ["done_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_transition_action_due_on"), ["due_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_transition_action_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "review_plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=True),
        sa.Column("goal_area", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("progress", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("decision", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["activity_plan.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["review_id"], ["review.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("review_plan", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_review_plan_plan_id"), ["plan_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_review_plan_review_id"), ["review_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("review_plan", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_plan_review_id"))
        batch_op.drop_index(batch_op.f("ix_review_plan_plan_id"))

    op.drop_table("review_plan")
    with op.batch_alter_table("transition_action", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_transition_action_plan_id"))
        batch_op.drop_index(batch_op.f("ix_transition_action_due_on"))
        batch_op.drop_index(batch_op.f("ix_transition_action_done_on"))

    op.drop_table("transition_action")
    with op.batch_alter_table("review_issue", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_issue_review_id"))
        batch_op.drop_index(batch_op.f("ix_review_issue_due_on"))
        batch_op.drop_index(batch_op.f("ix_review_issue_closed_on"))
        batch_op.drop_index(batch_op.f("ix_review_issue_child_id"))

    op.drop_table("review_issue")
    with op.batch_alter_table("transition_plan", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_transition_plan_meeting_on"))
        batch_op.drop_index(batch_op.f("ix_transition_plan_child_id"))

    op.drop_table("transition_plan")
    with op.batch_alter_table("review", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_status"))
        batch_op.drop_index(batch_op.f("ix_review_held_on"))
        batch_op.drop_index(batch_op.f("ix_review_child_id"))

    op.drop_table("review")
