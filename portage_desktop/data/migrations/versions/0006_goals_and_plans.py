"""goals and plans

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22 23:50:12.169955
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plan_option",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("changed_by", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("plan_option", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_plan_option_effective_from"), ["effective_from"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_plan_option_key"), ["key"], unique=False)

    op.create_table(
        "plan_template",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("area", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("plan_template", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_template_name"), ["name"], unique=False)

    op.create_table(
        "goal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("child_id", sa.Integer(), nullable=False),
        sa.Column("area", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("written_with", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("written_on", sa.Date(), nullable=False),
        sa.Column("target_date", sa.Date(), nullable=True),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["child_id"], ["child.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("goal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_goal_area"), ["area"], unique=False)
        batch_op.create_index(batch_op.f("ix_goal_child_id"), ["child_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_goal_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_goal_written_on"), ["written_on"], unique=False)

    op.create_table(
        "activity_plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("child_id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("behaviour", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("conditions", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("criterion", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("successes_needed", sa.Integer(), nullable=False),
        sa.Column("tries_out_of", sa.Integer(), nullable=False),
        sa.Column("days_in_row", sa.Integer(), nullable=False),
        sa.Column("target_prompt", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("method", sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
        sa.Column("prompts", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("prompt_fading", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("materials", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("routines", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("if_hard", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("praise", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("recording_method", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("purpose", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("play_ideas", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.Column("to_notice", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("who", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("review_on", sa.Date(), nullable=True),
        sa.Column("agreed_with", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("agreed_on", sa.Date(), nullable=True),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("general_people", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("general_places", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column(
            "general_materials", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False
        ),
        sa.Column("shared_on", sa.Date(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["child_id"], ["child.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["goal_id"], ["goal.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("activity_plan", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_activity_plan_child_id"), ["child_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_activity_plan_goal_id"), ["goal_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_activity_plan_review_on"), ["review_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_activity_plan_shared_on"), ["shared_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_activity_plan_start_on"), ["start_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_activity_plan_status"), ["status"], unique=False)

    op.create_table(
        "goal_source",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("observation_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["goal_id"], ["goal.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["item_id"], ["framework_item.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["observation_id"], ["observation.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("goal_source", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_goal_source_goal_id"), ["goal_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_goal_source_item_id"), ["item_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_goal_source_observation_id"), ["observation_id"], unique=False
        )

    op.create_table(
        "plan_step",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(length=400), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=True),
        sa.Column("achieved_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["plan_id"], ["activity_plan.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("plan_step", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_step_plan_id"), ["plan_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_plan_step_position"), ["position"], unique=False)

    op.create_table(
        "activity_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("step_id", sa.Integer(), nullable=True),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("by_kind", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("tries", sa.Integer(), nullable=True),
        sa.Column("successes", sa.Integer(), nullable=True),
        sa.Column("prompt", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["activity_plan.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["step_id"], ["plan_step.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("plan_id", "day"),
    )
    with op.batch_alter_table("activity_record", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_activity_record_day"), ["day"], unique=False)
        batch_op.create_index(batch_op.f("ix_activity_record_plan_id"), ["plan_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_activity_record_step_id"), ["step_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("activity_record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_activity_record_step_id"))
        batch_op.drop_index(batch_op.f("ix_activity_record_plan_id"))
        batch_op.drop_index(batch_op.f("ix_activity_record_day"))

    op.drop_table("activity_record")
    with op.batch_alter_table("plan_step", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_step_position"))
        batch_op.drop_index(batch_op.f("ix_plan_step_plan_id"))

    op.drop_table("plan_step")
    with op.batch_alter_table("goal_source", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_goal_source_observation_id"))
        batch_op.drop_index(batch_op.f("ix_goal_source_item_id"))
        batch_op.drop_index(batch_op.f("ix_goal_source_goal_id"))

    op.drop_table("goal_source")
    with op.batch_alter_table("activity_plan", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_activity_plan_status"))
        batch_op.drop_index(batch_op.f("ix_activity_plan_start_on"))
        batch_op.drop_index(batch_op.f("ix_activity_plan_shared_on"))
        batch_op.drop_index(batch_op.f("ix_activity_plan_review_on"))
        batch_op.drop_index(batch_op.f("ix_activity_plan_goal_id"))
        batch_op.drop_index(batch_op.f("ix_activity_plan_child_id"))

    op.drop_table("activity_plan")
    with op.batch_alter_table("goal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_goal_written_on"))
        batch_op.drop_index(batch_op.f("ix_goal_status"))
        batch_op.drop_index(batch_op.f("ix_goal_child_id"))
        batch_op.drop_index(batch_op.f("ix_goal_area"))

    op.drop_table("goal")
    with op.batch_alter_table("plan_template", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_template_name"))

    op.drop_table("plan_template")
    with op.batch_alter_table("plan_option", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_option_key"))
        batch_op.drop_index(batch_op.f("ix_plan_option_effective_from"))

    op.drop_table("plan_option")
