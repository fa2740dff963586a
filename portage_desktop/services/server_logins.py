"""People's own logins on a shared server, from People and roles (managers only).

Creating or ending a login needs the owner's account (it alone may create roles), so each
change is made either through the owner's password, typed for that one change and never kept,
or as the exact SQL for whoever looks after the server to run: whichever the site prefers.
"""

from __future__ import annotations

from dataclasses import dataclass

from portage_desktop.data.engine import Database
from portage_desktop.data.server_access import apply, own_login
from portage_desktop.data.server_access.names import BadName, prefix_for
from portage_desktop.database_url import ServerAddress
from portage_desktop.i18n import tr
from portage_desktop.services import audit
from portage_desktop.services.access import Permission, require
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.users import LoginFailed, UserAccount, check_password


@dataclass(frozen=True)
class Owner:
    """The owner's account and password, for one change; the password is never stored."""

    account: str
    password: str


def own_login_address(address: ServerAddress, username: str, password: str) -> ServerAddress:
    """Where ``username`` signs in with their own login; ``LoginFailed`` for a username no
    login could have (said as a wrong username or password, like any other)."""
    try:
        return own_login.address_for(address, username, password)
    except BadName:
        raise LoginFailed(
            tr("That username and password do not match an active account.")
        ) from None


def _site(db: Database) -> apply.Site:
    if db.server is None:
        raise ValidationError({"general": tr("Only records on a shared server have logins.")})
    return apply.Site(db.server.database, "")


def with_login(db: Database, accounts: list[UserAccount]) -> set[str]:
    """The usernames among ``accounts`` that have their own login on the server."""
    require(db, Permission.MANAGE_USERS)
    return own_login.logins_present(db, [a.username for a in accounts])


def sql_to_add(db: Database, account: UserAccount) -> str:
    """What IT runs to give ``account`` a login; the password is then set with ``\\password``."""
    require(db, Permission.MANAGE_USERS)
    site = _site(db)
    statements = apply.add_login_statements(site, account.username, account.role.value)
    login = statements[0].split('"')[1]
    return "\n".join(
        [
            *(f"{s};" for s in statements),
            f'\\password "{login}"',
        ]
    )


def sql_to_remove(db: Database, account: UserAccount) -> str:
    require(db, Permission.MANAGE_USERS)
    return "\n".join(f"{s};" for s in apply.remove_login_statements(_site(db), account.username))


def _check_owner(owner: Owner) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not owner.account.strip():
        errors["owner"] = tr("Please type the owner's account name.")
    if not owner.password:
        errors["owner_password"] = tr("Please type the owner's password.")
    return errors


def _through_owner(db: Database, owner: Owner, change) -> None:  # noqa: ANN001
    """Run ``change(engine, site)`` as the owner (see ``own_login.as_owner``)."""
    _site(db)  # only on a server
    own_login.as_owner(db, owner.account, owner.password, change)


def give_login(
    db: Database, owner: Owner, account: UserAccount, password: str, confirm: str
) -> None:
    """Make ``account``'s own login in its role's group, through the owner's account."""
    require(db, Permission.MANAGE_USERS)
    errors = _check_owner(owner)
    check_password(errors, password, confirm)
    try:
        prefix_for(_site(db).database)
        own_login.address_for(db.server, account.username, "")  # type: ignore[arg-type]
    except BadName as exc:
        errors["general"] = str(exc)
    if errors:
        raise ValidationError(errors)
    _through_owner(
        db,
        owner,
        lambda engine, site: apply.add_login(
            engine, site, account.username, account.role.value, password
        ),
    )
    audit.record_now(db, AuditAction.CHANGE, "user", account.id, detail="server login given")


def remove_login(db: Database, owner: Owner, account: UserAccount) -> None:
    """End ``account``'s own login at once; their records and audit entries stay."""
    require(db, Permission.MANAGE_USERS)
    errors = _check_owner(owner)
    if errors:
        raise ValidationError(errors)
    _through_owner(
        db, owner, lambda engine, site: apply.remove_login(engine, site, account.username)
    )
    audit.record_now(db, AuditAction.CHANGE, "user", account.id, detail="server login removed")
