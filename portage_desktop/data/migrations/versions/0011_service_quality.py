"""service quality

Running an NPA-registered service: the induction checklist and its ticks, supervision sessions
and team meetings (visitors present, children discussed, actions), joint monitoring visits,
parents' views at visits, and the evaluation questionnaire (versioned questions, each family's
return and answers). Qualifications stay in ``training_record`` as new kinds: no column changes.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04 21:57:42.531837
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "induction_item",
        sa.Column("row_version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("induction_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_induction_item_position"), ["position"], unique=False)

    op.create_table(
        "questionnaire_question",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("questionnaire_question", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_questionnaire_question_version"), ["version"], unique=False
        )

    op.create_table(
        "supervision_session",
        sa.Column("row_version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("supervisor", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("notes", sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=False),
        sa.Column("recorded_by", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("supervision_session", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_supervision_session_held_on"), ["held_on"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_supervision_session_kind"), ["kind"], unique=False)

    op.create_table(
        "supervision_action",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("action", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("owner", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["session_id"], ["supervision_session.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("supervision_action", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_supervision_action_due_on"), ["due_on"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_supervision_action_session_id"), ["session_id"], unique=False
        )

    op.create_table(
        "induction_tick",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("visitor_id", sa.Integer(), nullable=False),
        sa.Column("ticked_on", sa.Date(), nullable=False),
        sa.Column("mentor", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["induction_item.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["visitor_id"], ["home_visitor.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("item_id", "visitor_id"),
    )
    with op.batch_alter_table("induction_tick", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_induction_tick_item_id"), ["item_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_induction_tick_visitor_id"), ["visitor_id"], unique=False
        )

    op.create_table(
        "supervision_attendee",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("visitor_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["session_id"], ["supervision_session.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["visitor_id"], ["home_visitor.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("session_id", "visitor_id"),
    )
    with op.batch_alter_table("supervision_attendee", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_supervision_attendee_session_id"), ["session_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_supervision_attendee_visitor_id"), ["visitor_id"], unique=False
        )

    op.create_table(
        "supervision_child",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("child_id", sa.Integer(), nullable=True),
        sa.Column("initials", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.ForeignKeyConstraint(["child_id"], ["child.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["session_id"], ["supervision_session.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("supervision_child", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_supervision_child_child_id"), ["child_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_supervision_child_session_id"), ["session_id"], unique=False
        )

    op.create_table(
        "monitoring_visit",
        sa.Column("row_version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("referral_id", sa.Integer(), nullable=False),
        sa.Column("child_id", sa.Integer(), nullable=False),
        sa.Column("visitor_id", sa.Integer(), nullable=True),
        sa.Column("visited_on", sa.Date(), nullable=False),
        sa.Column("teacher", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("feedback", sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=False),
        sa.Column("parent_views", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["child_id"], ["child.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["referral_id"], ["referral.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["visitor_id"], ["home_visitor.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("monitoring_visit", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_monitoring_visit_child_id"), ["child_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_monitoring_visit_referral_id"), ["referral_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_monitoring_visit_visited_on"), ["visited_on"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_monitoring_visit_visitor_id"), ["visitor_id"], unique=False
        )

    op.create_table(
        "questionnaire_return",
        sa.Column("row_version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("referral_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("sent_on", sa.Date(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("returned_on", sa.Date(), nullable=True),
        sa.Column("recorded_by", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["referral_id"], ["referral.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("questionnaire_return", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_questionnaire_return_referral_id"), ["referral_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_questionnaire_return_returned_on"), ["returned_on"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_questionnaire_return_sent_on"), ["sent_on"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_questionnaire_return_status"), ["status"], unique=False
        )

    op.create_table(
        "questionnaire_answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("return_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("scale", sa.Integer(), nullable=True),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.ForeignKeyConstraint(["question_id"], ["questionnaire_question.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["return_id"], ["questionnaire_return.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("return_id", "question_id"),
    )
    with op.batch_alter_table("questionnaire_answer", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_questionnaire_answer_question_id"), ["question_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_questionnaire_answer_return_id"), ["return_id"], unique=False
        )

    op.create_table(
        "parent_view",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("child_id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=True),
        sa.Column("said_on", sa.Date(), nullable=False),
        sa.Column("words", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("recorded_by", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["child_id"], ["child.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["visit_id"], ["home_visit.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("parent_view", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_parent_view_child_id"), ["child_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_parent_view_said_on"), ["said_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_parent_view_visit_id"), ["visit_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("parent_view", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_parent_view_visit_id"))
        batch_op.drop_index(batch_op.f("ix_parent_view_said_on"))
        batch_op.drop_index(batch_op.f("ix_parent_view_child_id"))

    op.drop_table("parent_view")
    with op.batch_alter_table("questionnaire_answer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_questionnaire_answer_return_id"))
        batch_op.drop_index(batch_op.f("ix_questionnaire_answer_question_id"))

    op.drop_table("questionnaire_answer")
    with op.batch_alter_table("questionnaire_return", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_questionnaire_return_status"))
        batch_op.drop_index(batch_op.f("ix_questionnaire_return_sent_on"))
        batch_op.drop_index(batch_op.f("ix_questionnaire_return_returned_on"))
        batch_op.drop_index(batch_op.f("ix_questionnaire_return_referral_id"))

    op.drop_table("questionnaire_return")
    with op.batch_alter_table("monitoring_visit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_monitoring_visit_visitor_id"))
        batch_op.drop_index(batch_op.f("ix_monitoring_visit_visited_on"))
        batch_op.drop_index(batch_op.f("ix_monitoring_visit_referral_id"))
        batch_op.drop_index(batch_op.f("ix_monitoring_visit_child_id"))

    op.drop_table("monitoring_visit")
    with op.batch_alter_table("supervision_child", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_supervision_child_session_id"))
        batch_op.drop_index(batch_op.f("ix_supervision_child_child_id"))

    op.drop_table("supervision_child")
    with op.batch_alter_table("supervision_attendee", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_supervision_attendee_visitor_id"))
        batch_op.drop_index(batch_op.f("ix_supervision_attendee_session_id"))

    op.drop_table("supervision_attendee")
    with op.batch_alter_table("induction_tick", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_induction_tick_visitor_id"))
        batch_op.drop_index(batch_op.f("ix_induction_tick_item_id"))

    op.drop_table("induction_tick")
    with op.batch_alter_table("supervision_action", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_supervision_action_session_id"))
        batch_op.drop_index(batch_op.f("ix_supervision_action_due_on"))

    op.drop_table("supervision_action")
    with op.batch_alter_table("supervision_session", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_supervision_session_kind"))
        batch_op.drop_index(batch_op.f("ix_supervision_session_held_on"))

    op.drop_table("supervision_session")
    with op.batch_alter_table("questionnaire_question", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_questionnaire_question_version"))

    op.drop_table("questionnaire_question")
    with op.batch_alter_table("induction_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_induction_item_position"))

    op.drop_table("induction_item")
