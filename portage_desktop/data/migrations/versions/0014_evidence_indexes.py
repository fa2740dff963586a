"""indexes for the criteria check

The Stamp of Approval check counts each child's plans, goal areas, kinds of observation and
reviews held. On a site three times the large demo, reading those from the tables' wide rows
pushed everything else out of the page cache; each index below holds all a query needs, so
the check reads the indexes alone (135 ms to 50 ms there).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05 19:00:00.000000
"""

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

INDEXES = (
    (
        "ix_activity_plan_evidence",
        "activity_plan",
        ["child_id", "start_on", "kind", "status", "agreed_on", "shared_on"],
    ),
    ("ix_goal_evidence", "goal", ["child_id", "written_on", "area", "status"]),
    ("ix_observation_evidence", "observation", ["child_id", "kind", "observed_on"]),
    ("ix_review_evidence", "review", ["status", "held_on", "child_id", "parents"]),
    ("ix_review_plan_evidence", "review_plan", ["review_id", "goal_area"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
