"""Named users for shared computers: accounts, roles, passwords (argon2id) and logging in.

With no accounts the database is in single-user mode. The first account must be a manager, and
the last active manager can be neither removed nor demoted, so nobody is ever locked out.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, replace

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from portage_desktop.data import users_store
from portage_desktop.data.engine import Database
from portage_desktop.data.models import StaffMemberRecord, UserAccountRecord
from portage_desktop.data.server_access import own_login
from portage_desktop.data.stores import touch
from portage_desktop.i18n import tr
from portage_desktop.services import audit, personal_keys, security
from portage_desktop.services.access import (
    Actor,
    Permission,
    Role,
    current_actor,
    require,
    set_actor,
)
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.errors import NotFoundError, ValidationError
from portage_desktop.services.validation import clean, refuse_hidden_value

_HASHER = PasswordHasher()
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,39}$")
MIN_PASSWORD = 10


@dataclass(frozen=True)
class UserAccount:
    id: int
    username: str
    display_name: str
    role: Role
    staff_member_id: int | None
    active: bool


@dataclass(frozen=True)
class UserInput:
    username: str
    display_name: str
    role: Role | str | None
    password: str = ""
    confirm: str = ""
    staff_member_id: int | None = None


class LoginFailed(Exception):
    """Wrong username or password; deliberately does not say which."""


def _account(r: UserAccountRecord) -> UserAccount:
    assert r.id is not None
    return UserAccount(r.id, r.username, r.display_name, Role(r.role), r.staff_member_id, r.active)


def is_multi_user(db: Database) -> bool:
    """A file with accounts, or any shared server (a team always logs in by name there)."""
    if db.on_server:
        return True
    with db.session() as s:
        return users_store.count_accounts(s) > 0


def list_users(db: Database) -> list[UserAccount]:
    require(db, Permission.MANAGE_USERS)
    with db.session() as s:
        return [_account(r) for r in users_store.all_accounts(s)]


def check_password(errors: dict[str, str], password: str, confirm: str) -> None:
    """A person's password unlocks their key to the file, so it must resist offline guessing."""
    rating = security.strength(password)
    if len(password) < MIN_PASSWORD:
        errors["password"] = tr("Use at least {MIN_PASSWORD} characters.").format(
            MIN_PASSWORD=MIN_PASSWORD
        )
    elif rating.score < security.MIN_SCORE:
        errors["password"] = f"{rating.label}. {rating.advice}"
    elif password != confirm:
        errors["confirm"] = tr("The two passwords are not the same.")


def needs_first_manager(db: Database) -> bool:
    """A shared server nobody has set up yet: whoever starts the app first creates a manager."""
    if not db.on_server:
        return False
    with db.session() as s:
        return users_store.count_accounts(s) == 0


FIRST_TAKEN = tr(
    "Someone else has just set up the first account on this server. Please log in with an "
    "account a manager gives you."
)


def create_first_manager(db: Database, data: UserInput) -> UserAccount:
    """The very first account on a new server, a manager, who then carries on logged in.

    Needs no permission, so it is refused as soon as any account exists: two people starting
    the app at once cannot both become the first manager (the accounts are locked while one
    is checked for and created).
    """
    return _create(db, replace(data, role=Role.MANAGER), first_only=True)


def create_user(db: Database, data: UserInput) -> UserAccount:
    require(db, Permission.MANAGE_USERS)
    return _create(db, data, first_only=False)


def _create(db: Database, data: UserInput, first_only: bool) -> UserAccount:
    errors: dict[str, str] = {}
    username = clean(data.username).lower()
    display = clean(data.display_name)
    if not _USERNAME.match(username):
        errors["username"] = tr(
            "Use 2-40 lower-case letters, numbers, dots, dashes or underscores."
        )
    if not display:
        errors["display_name"] = tr("Please enter the person's name.")
    refuse_hidden_value(errors, "display_name", data.display_name)
    role = Role(data.role) if data.role in set(Role) else None
    if role is None:
        errors["role"] = tr("Please choose a role.")
    check_password(errors, data.password, data.confirm)
    with db.session() as s:
        if first_only:
            users_store.lock_accounts(s)
        first = users_store.count_accounts(s) == 0
        if first_only and not first:
            raise ValidationError({"username": FIRST_TAKEN})
        if "username" not in errors and users_store.by_username(s, username):
            errors["username"] = tr("Someone already has that username.")
        if first and role is not None and role is not Role.MANAGER:
            errors["role"] = tr(
                "The first account must be a manager, so someone can manage the rest."
            )
        if (
            data.staff_member_id is not None
            and s.get(StaffMemberRecord, data.staff_member_id) is None
        ):
            errors["staff_member_id"] = tr("That staff member no longer exists.")
        if errors:
            raise ValidationError(errors)
        assert role is not None
        record = UserAccountRecord(
            username=username,
            display_name=display,
            role=role.value,
            staff_member_id=data.staff_member_id,
            password_hash=_HASHER.hash(data.password),
        )
        s.add(record)
        s.flush()
        # Nobody is logged in while the first manager is made: the log names them.
        audit.record(
            s, db, AuditAction.CREATE, "user", record.id, actor=username if first_only else None
        )
        # Their own key to the file, written before the account commits: at worst a key
        # for an account that does not exist, never an account that cannot open the file.
        personal_keys.give_key(db, username, data.password)
        account = _account(record)
    db.multi_user = True
    if first:  # whoever set up the first account carries on as that manager
        set_actor(
            db,
            Actor(
                account.username,
                account.display_name,
                account.role,
                account.id,
                account.staff_member_id,
            ),
        )
    return account


def update_user(
    db: Database, user_id: int, role: Role, active: bool, display_name: str | None = None
) -> UserAccount:
    """Change someone's role or switch their account off (accounts are never deleted)."""
    require(db, Permission.MANAGE_USERS)
    hidden: dict[str, str] = {}
    refuse_hidden_value(hidden, "display_name", display_name or "")
    if hidden:
        raise ValidationError(hidden)
    with db.session() as s:
        record = users_store.get_account(s, user_id)
        if record is None:
            raise NotFoundError(tr("That account no longer exists."))
        losing_manager = (
            record.role == Role.MANAGER
            and record.active
            and (role is not Role.MANAGER or not active)
        )
        if losing_manager and users_store.active_managers(s) <= 1:
            raise ValidationError(
                {"role": tr("This is the last active manager. Make someone else a manager first.")}
            )
        if db.own_login is not None and record.role != role.value:
            # Only the server's function may change a role; it audits the change itself.
            users_store.set_role_on_server(s, user_id, role.value)
            s.expire(record)
            record = users_store.get_account(s, user_id)
            assert record is not None
        else:
            record.role = role.value
        record.active = active
        if display_name is not None and clean(display_name):
            record.display_name = clean(display_name)
        if active:
            record.failed_attempts = 0
        touch(record)
        s.add(record)
        audit.record(s, db, AuditAction.CHANGE, "user", user_id, f"role {role.value}")
        account = _account(record)
    if not active:  # their password no longer opens the file
        personal_keys.take_key(db, account.username)
    return account


def set_password(db: Database, user_id: int, password: str, confirm: str) -> None:
    """A manager resets a password, or a person changes their own."""
    actor = current_actor(db)
    if actor.user_id != user_id:
        require(db, Permission.MANAGE_USERS)
    errors: dict[str, str] = {}
    if db.own_login is not None and actor.user_id != user_id:
        errors["password"] = SERVER_KEEPS_PASSWORDS
    check_password(errors, password, confirm)
    if errors:
        raise ValidationError(errors)
    if db.own_login is not None:
        own_login.change_own_password(db, password)
        audit.record_now(db, AuditAction.CHANGE, "user", user_id, detail="password")
        return
    with db.session() as s:
        record = s.get(UserAccountRecord, user_id)
        if record is None:
            raise NotFoundError(tr("That account no longer exists."))
        record.password_hash = _HASHER.hash(password)
        record.failed_attempts = 0
        touch(record)
        s.add(record)
        audit.record(s, db, AuditAction.CHANGE, "user", user_id, "password")
        if record.active:  # the new password opens their key; the old one no longer does
            personal_keys.give_key(db, record.username, password)


SERVER_KEEPS_PASSWORDS = tr(
    "On this server everyone's password is kept by the server itself. Each person changes "
    "their own in Settings; a forgotten one is reset by whoever looks after the server "
    "(the server-access command's --add-login, after --remove-login)."
)
LOCK_AFTER_FAILURES = 10


def log_in(db: Database, username: str, password: str) -> Actor:
    """Check a password and make that person the current actor; every attempt is audited."""
    if db.own_login is not None:
        return _log_in_own_login(db, username, password)
    with db.session() as s:
        record = users_store.by_username(s, clean(username))
        ok = False
        if record is not None and record.active:
            try:
                ok = _HASHER.verify(record.password_hash, password)
            except (VerificationError, InvalidHashError):
                ok = False
        if not ok:
            if record is not None:
                record.failed_attempts += 1
                if record.failed_attempts >= LOCK_AFTER_FAILURES:
                    record.active = False
                s.add(record)
            set_actor(db, None)
            audit.record(
                s,
                db,
                AuditAction.LOGIN_FAILED,
                "user",
                record.id if record else None,
                actor="(failed login)",
            )
            failed = True
        else:
            assert record is not None and record.id is not None
            record.failed_attempts = 0
            if _HASHER.check_needs_rehash(record.password_hash):
                record.password_hash = _HASHER.hash(password)
            s.add(record)
            actor = Actor(
                record.username,
                record.display_name,
                Role(record.role),
                record.id,
                record.staff_member_id,
            )
            set_actor(db, actor)
            audit.record(s, db, AuditAction.LOGIN, "user", record.id)
            failed = False
    if failed:
        raise LoginFailed(tr("That username and password do not match an active account."))
    if not personal_keys.has_personal_key(db, actor.username):
        # An older file opened with the shared passphrase moves to personal keys person by
        # person: their password is known only now (see services.personal_keys).
        personal_keys.give_key(db, actor.username, password)
    return actor


def _actor_of(record: UserAccountRecord) -> Actor:
    assert record.id is not None
    return Actor(
        record.username, record.display_name, Role(record.role), record.id, record.staff_member_id
    )


def _log_in_own_login(db: Database, username: str, password: str) -> Actor:
    """On a person's own server login the server checks the password, and only that person
    may log in again (after the screen was locked): the connection is theirs."""
    same = clean(username).lower() == db.own_login
    if not (same and own_login.password_opens(db, username, password)):
        set_actor(db, None)
        with db.session() as s:
            audit.record(s, db, AuditAction.LOGIN_FAILED, "user", None, actor="(failed login)")
        raise LoginFailed(tr("That username and password do not match an active account."))
    with db.session() as s:
        record = users_store.by_username(s, clean(username))
        if record is None or not record.active:
            raise LoginFailed(tr("That username and password do not match an active account."))
        actor = _actor_of(record)
        set_actor(db, actor)
        audit.record(s, db, AuditAction.LOGIN, "user", record.id)
    return actor


NO_ACCOUNT_FOR_LOGIN = tr(
    "The server let {username} in, but Portage Desktop has no active account called "
    "{username} on it. Please ask a manager to add or switch on that account."
)


def sign_in_own_login(db: Database) -> bool:
    """Log in whoever's own server login this connection is, as the server has already
    checked their password. False when connected some other way (the owner's account).

    Raises ``LoginFailed`` when the login has no active account in the app."""
    username = own_login.connected_username(db)
    if username is None:
        return False
    with db.session() as s:
        record = users_store.by_username(s, username)
        if record is None or not record.active:
            raise LoginFailed(NO_ACCOUNT_FOR_LOGIN.format(username=username))
        actor = _actor_of(record)
        set_actor(db, actor)
        audit.record(s, db, AuditAction.LOGIN, "user", record.id)
    db.own_login = username
    return True


def sign_in(db: Database, unlocked: personal_keys.Unlocked) -> None:
    """Log in whoever opened the file at start-up, so they are not asked twice.

    A personal key logs in that account (its role, never more); the recovery sheet opens the
    file as a manager, so that a manager who lost their password can be given a new one."""
    if unlocked.recovery:
        set_actor(db, personal_keys.RECOVERY_ACTOR)
        audit.record_now(db, AuditAction.LOGIN, "user", detail="opened with the recovery sheet")
    elif unlocked.username:
        with contextlib.suppress(LoginFailed):  # switched off: the login question follows
            log_in(db, unlocked.username, unlocked.password)


def confirm_same_person(db: Database, secret: str) -> None:
    """After a lock, the person who was using the app proves it again: their password, or
    the recovery sheet's words for a session opened with the sheet (it has no account)."""
    actor = current_actor(db)
    if actor == personal_keys.RECOVERY_ACTOR and db.path is not None:
        opened = personal_keys.unlock_with_sheet_or_passphrase(db.path, secret)
        if not opened.recovery or opened.key != db.key:
            raise LoginFailed(tr("Those are not the recovery sheet's words."))
        set_actor(db, actor)
        return
    log_in(db, actor.username, secret)


def check_own_password(db: Database, password: str) -> None:
    """Before a person changes their own password: is this their current one? A wrong one is
    audited and counted like a failed login, but does not log them out."""
    actor = current_actor(db)
    try:
        confirm_same_person(db, password)
    except LoginFailed:
        set_actor(db, actor)
        raise


def logged_in(db: Database) -> bool:
    """Someone (or, in single-user mode, the owner) is using the app now."""
    return current_actor(db).role is not Role.NONE
