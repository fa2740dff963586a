"""What a service's groups print: the register for a session, to take to the room."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from portage_desktop.data.engine import Database
from portage_desktop.i18n import tr
from portage_desktop.printing.common import PrintError
from portage_desktop.services import setting as setting_service
from portage_desktop.services.dates import format_long, weekday_name
from portage_desktop.services.home_visiting import groups
from portage_desktop.services.home_visiting.groups import Attendance, Group, GroupSession


def _sheet(group: Group, session: GroupSession):  # noqa: ANN202
    from portage_desktop.reports.group_register import RegisterLine, RegisterSheet

    when = f"{weekday_name(session.held_on)} {format_long(session.held_on)}"
    if group.data.usual_time:
        when += tr(" at {usual_time}").format(usual_time=group.data.usual_time)
    lines = tuple(
        RegisterLine(b.child_name, "" if b.attendance is Attendance.BOOKED else b.attendance.label)
        for b in sorted(session.bookings, key=lambda b: b.child_name)
    )
    return RegisterSheet(
        group.data.name, when, group.data.place, group.data.purpose, lines, session.notes
    )


def group_register(
    db: Database, today: date, out: Path | None, session_id: int | None = None
) -> bytes:
    """The register of one session, or (``session_id`` None) of each group's next session
    from ``today``."""
    from portage_desktop.reports.base import ReportMeta
    from portage_desktop.reports.group_register import build_group_register

    sheets = []
    for group in groups.list_groups(db, today):
        sessions = groups.list_sessions(db, group.id)
        if session_id is not None:
            sheets += [_sheet(group, x) for x in sessions if x.id == session_id]
        else:
            upcoming = [x for x in sessions if x.held_on >= today]
            if upcoming:
                sheets.append(_sheet(group, upcoming[0]))
    if session_id is not None and not sheets:
        raise PrintError(
            tr("There is no group session numbered {session_id}.").format(session_id=session_id)
        )
    info = setting_service.get_setting(db)
    meta = ReportMeta(info.name if info else "", tr("Group register"), today)
    return build_group_register(meta, sheets, out)
