"""What every print kind shares: the error a person can fix, and the setting's and a child's
names, read without writing a "viewed" entry (a print is audited once, as a print)."""

from __future__ import annotations

from portage_desktop.data.engine import Database
from portage_desktop.i18n import tr
from portage_desktop.services import children as children_service
from portage_desktop.services import setting as setting_service


class PrintError(Exception):
    """A record cannot be printed, for a reason the user can fix."""


def setting_name(db: Database) -> str:
    info = setting_service.get_setting(db)
    if info is None:
        raise PrintError(tr("This database has no setting yet. Open it in the app to set it up."))
    return info.name


def child_name(db: Database, child_id: int) -> str:
    return children_service.child_name(db, child_id)
