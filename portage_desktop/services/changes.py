"""What part of the records a commit changed, in the words the screens refresh by: the
children and their records, the staff and their training, or the setting (its profile,
rules, the Stamp of Approval). Screens subscribe here instead of being told by each other."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from portage_desktop.data.engine import Database


class Area(StrEnum):
    CHILDREN = "children"
    STAFF = "staff"
    SETTING = "setting"
    # A child's day-by-day records of a plan (the week grid). Only the plan's own screens
    # show them, so saving a week leaves the Dashboard and the lists alone (refreshing the
    # Dashboard behind the grid made a week's save take 123 ms instead of under 50).
    DAILY_RECORDS = "daily_records"


# Tables that change nothing anyone sees on another screen: drafts are saved as people type,
# and the audit trail is written beside every change that matters.
UNSEEN = frozenset({"record_draft", "audit_entry"})

STAFF_TABLES = frozenset(
    {
        "staff_member",
        "training_record",
        "training_attachment",
        "home_visitor",
        "induction_item",
        "induction_tick",
        "supervision_session",
        "supervision_attendee",
        "supervision_child",
        "supervision_action",
    }
)
SETTING_TABLES = frozenset(
    {
        "setting",
        "user_account",
        "inspection",
        "stamp_award",
        "stamp_rule",
        "stamp_statement",
        "stamp_application",
        "retention_rule",
        "service_rule",
        "service_closure",
        "framework",
        "framework_area",
        "framework_item",
        "plan_template",
        "plan_option",
        "questionnaire_question",
    }
)
DAILY_TABLES = frozenset({"activity_record"})


def areas_of(tables: frozenset[str]) -> frozenset[Area]:
    """Every other table holds a child's records (a new kind of record counts as one too, so
    nothing new is ever left stale)."""
    found: set[Area] = set()
    for table in tables - UNSEEN:
        if table in STAFF_TABLES:
            found.add(Area.STAFF)
        elif table in SETTING_TABLES:
            found.add(Area.SETTING)
        elif table in DAILY_TABLES:
            found.add(Area.DAILY_RECORDS)
        else:
            found.add(Area.CHILDREN)
    return frozenset(found)


def watch(db: Database, callback: Callable[[int, frozenset[Area]], None]) -> None:
    """Call ``callback(commit_number, areas)`` after each commit that changed what is seen.

    It may be called from a worker thread (a long job saving in the background)."""

    def heard(number: int, tables: frozenset[str]) -> None:
        areas = areas_of(tables)
        if areas:
            callback(number, areas)

    db.change_listeners.append(heard)


def commits_so_far(db: Database) -> int:
    return db.commits_with_changes
