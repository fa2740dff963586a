"""Who may do what. Checked here, in the services, so hiding a button is never the only guard.

A database with no user accounts is in single-user mode (a childminder working alone): whoever
unlocked it is the owner and may do everything. Once accounts exist, each person logs in and
their role decides what they may see and do.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from portage_desktop.data.engine import Database
from portage_desktop.i18n import tr


class Role(StrEnum):
    MANAGER = "manager"
    SENCO = "senco"
    PRACTITIONER = "practitioner"
    READ_ONLY = "read_only"
    TEAM_LEAD = "team_lead"  # leads a Portage home-visiting service
    HOME_VISITOR = "home_visitor"
    NONE = "none"  # nobody has logged in yet on a multi-user database

    @property
    def label(self) -> str:
        return {
            "manager": tr("Manager"),
            "senco": tr("SENCO"),
            "practitioner": tr("Practitioner"),
            "read_only": tr("Read only"),
            "team_lead": tr("Team lead"),
            "home_visitor": tr("Home visitor"),
            "none": tr("Not logged in"),
        }[self]


ASSIGNABLE_ROLES = (
    Role.MANAGER,
    Role.SENCO,
    Role.PRACTITIONER,
    Role.READ_ONLY,
    Role.TEAM_LEAD,
    Role.HOME_VISITOR,
)


class Permission(StrEnum):
    VIEW_CHILDREN = "view_children"
    EDIT_CHILDREN = "edit_children"  # details, family, assessments, plans, records, reviews
    ARCHIVE_CHILDREN = "archive_children"
    PRINT = "print"
    EXPORT = "export"  # subject access export, sharing with another agency
    EDIT_STAFF = "edit_staff"  # staff and their training records
    EDIT_SETTING = "edit_setting"  # setting profile, inspections, award, rules
    SUBMIT_APPLICATION = "submit_application"
    MANAGE_USERS = "manage_users"
    VIEW_AUDIT = "view_audit"
    ERASE = "erase"
    RESTORE_BACKUP = "restore_backup"
    RECORD_VISITS = "record_visits"  # a home-visiting service's referrals, notes and visits
    MANAGE_SERVICE = "manage_service"  # eligibility, allocation, service rules, sign-off


_READ = {Permission.VIEW_CHILDREN, Permission.PRINT}
_PRACTITIONER = _READ | {Permission.EDIT_CHILDREN}
_SENCO = _PRACTITIONER | {Permission.ARCHIVE_CHILDREN, Permission.EXPORT}
_HOME_VISITOR = _PRACTITIONER | {Permission.RECORD_VISITS}
# A team lead runs the service day to day: decisions, allocation and sign-off, the staff's
# training, and the audit trail of her own team's moves; accounts and backups stay a manager's.
_TEAM_LEAD = (
    _SENCO
    | _HOME_VISITOR
    | {Permission.MANAGE_SERVICE, Permission.EDIT_STAFF, Permission.VIEW_AUDIT}
)
GRANTS: dict[Role, frozenset[Permission]] = {
    Role.NONE: frozenset(),
    Role.READ_ONLY: frozenset(_READ),
    Role.PRACTITIONER: frozenset(_PRACTITIONER),
    Role.SENCO: frozenset(_SENCO),
    Role.HOME_VISITOR: frozenset(_HOME_VISITOR),
    Role.TEAM_LEAD: frozenset(_TEAM_LEAD),
    Role.MANAGER: frozenset(Permission),
}


@dataclass(frozen=True)
class Actor:
    """The person using the app now, as the audit log names them."""

    username: str
    display_name: str
    role: Role
    user_id: int | None = None
    staff_member_id: int | None = None

    def may(self, permission: Permission) -> bool:
        return permission in GRANTS[self.role]


OWNER = Actor("owner", tr("Owner (single-user mode)"), Role.MANAGER)
NOBODY = Actor("nobody", tr("Not logged in"), Role.NONE)


class PermissionDenied(Exception):
    """The current user's role does not allow this; the message says who can."""


_WHO_CAN = {
    Permission.EDIT_CHILDREN: tr("a practitioner, SENCO or manager"),
    Permission.ARCHIVE_CHILDREN: tr("a SENCO or manager"),
    Permission.EXPORT: tr("a SENCO or manager"),
    Permission.VIEW_CHILDREN: tr("anyone who is logged in"),
    Permission.PRINT: tr("anyone who is logged in"),
    Permission.RECORD_VISITS: tr("a home visitor, team lead or manager"),
    Permission.MANAGE_SERVICE: tr("a team lead or manager"),
}


def current_actor(db: Database) -> Actor:
    """The logged-in person; the owner in single-user mode; nobody (no rights) otherwise."""
    actor = db.actor
    if isinstance(actor, Actor):
        return actor
    return NOBODY if db.multi_user else OWNER


def set_actor(db: Database, actor: Actor | None) -> None:
    db.actor = actor


def require(db: Database, permission: Permission) -> Actor:
    """Return the current actor if they hold ``permission``; otherwise refuse, plainly."""
    actor = current_actor(db)
    if actor.role is Role.NONE:
        raise PermissionDenied(tr("Please log in first."))
    if not actor.may(permission):
        who = _WHO_CAN.get(permission, "a manager")
        raise PermissionDenied(
            tr("Your role ({label}) cannot do this. Please ask {who}.").format(
                label=actor.role.label, who=who
            )
        )
    return actor
