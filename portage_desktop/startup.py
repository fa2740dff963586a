"""Opening a database the same way for the window, the command line and tests."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

from portage_desktop.data import assessment_store, cipher, migrate
from portage_desktop.data.cipher import KeyMaterial, WrongPassphrase
from portage_desktop.data.engine import Database, DatabaseError, open_database, open_server
from portage_desktop.database_url import ServerAddress
from portage_desktop.i18n import tr
from portage_desktop.paths import PASSPHRASE_ENV

# The demo holds only made-up people, so its passphrase can be public (it is in the README).
DEMO_PASSPHRASE = tr("portage demo")

__all__ = ["DEMO_PASSPHRASE", "PASSPHRASE_ENV", "WrongPassphrase"]


def demo_passphrase() -> str:
    return os.environ.get(PASSPHRASE_ENV) or DEMO_PASSPHRASE


def file_state(path: Path) -> str:
    """'missing', 'empty', 'plain' or 'encrypted': decides which dialog the app shows first."""
    return cipher.file_state(path)


def unlock(path: Path, passphrase: str) -> KeyMaterial:
    """The key for an existing encrypted file; :class:`WrongPassphrase` if it does not fit."""
    key = cipher.key_for_file(path, passphrase)
    cipher.check_key(path, key)
    return key


def new_key(passphrase: str) -> KeyMaterial:
    """A key (with a fresh salt) for a database that does not exist yet."""
    return cipher.derive(passphrase)


def claim(path: Path, backup_dir: Path | None, force: bool = False) -> list[str]:
    """Lock ``path`` for this copy of the app and tidy up after a killed one (see
    :func:`leftovers.claim`); raises :class:`DatabaseInUse`."""
    from portage_desktop.data import leftovers

    return leftovers.claim(path, backup_dir, force)


def open_and_migrate(
    path: Path, backup_dir: Path | None, key: KeyMaterial | None = None, checked: bool = False
) -> Database:
    """Check, open and migrate ``path``; raises ``DatabaseError`` with a user-facing message.

    ``checked``: the file's quick check has just passed (see ``app``), so it is not repeated.
    """
    db = open_database(path, key, checked)
    db.backup_dir = backup_dir
    db = _prepare(db, backup_dir)
    if db.key is not None:
        # A kill after the file was encrypted but before its old backups were: finish that.
        from portage_desktop.data.backup import encrypt_plain_copies

        encrypt_plain_copies(path, backup_dir, db.key)
    return db


def open_server_and_migrate(address: ServerAddress) -> Database:
    """Connect to a shared server, set up or update its schema, and require named accounts.

    A server is shared by a team, so it always works with named accounts: there is no
    single-user owner and no passphrase. Raises ``DatabaseError`` with a user-facing message
    (``ServerPasswordNeeded`` when the server wants a password that was not given).
    """
    db = _prepare(open_server(address), None)
    db.multi_user = True
    # On a person's own login the server has checked their password: they are logged in.
    from portage_desktop.services.users import LoginFailed, sign_in_own_login

    try:
        sign_in_own_login(db)
    except LoginFailed as exc:
        db.dispose()
        raise DatabaseError(str(exc)) from None
    return db


def _prepare(db: Database, backup_dir: Path | None) -> Database:
    try:
        migrate.upgrade_to_head(db, backup_dir)
        with db.session() as session:
            # Two copies starting at once must not both add the shipped checklists.
            migrate.hold_setup_lock(session.connection())
            assessment_store.install_shipped(session)
    except Exception:
        db.dispose()
        raise
    from portage_desktop.services.users import is_multi_user

    db.multi_user = is_multi_user(db)
    return db


def make_demo(
    path: Path,
    children: int = 12,
    seed: int = 1,
    today: date | None = None,
    key: KeyMaterial | None = None,
    start_application: bool = False,
    service: bool = False,
) -> Database:
    """Write a fresh, encrypted demo database at ``path``, replacing any earlier demo there.

    ``service`` writes the home-visiting service demo instead of the setting (``children``
    and ``start_application`` are the setting's and do not apply to it).

    ``start_application`` also begins the year's self-assessment with four plans chosen, as a
    setting would have done, so the demo's application pack shows anonymised plans.
    """
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    from portage_desktop.demo import small as demo

    db = open_and_migrate(path, backup_dir=None, key=key or new_key(demo_passphrase()))
    if service:
        from portage_desktop.demo import service as service_demo

        service_demo.populate(db, seed=seed, today=today)
        return db
    demo.populate(db, children=children, seed=seed, today=today)
    if start_application:
        _demo_application(db, today or date.today())
    return db


def make_large_demo(
    path: Path,
    seed: int = 1,
    today: date | None = None,
    key: KeyMaterial | None = None,
    scale: float = 1.0,
    progress: Callable[[int, int], None] | None = None,
) -> Database:
    """Write the large demo site (1,000 children and five years of records at ``scale`` 1) to
    ``path``, encrypted like :func:`make_demo` and replacing any earlier file there.

    The year's self-assessment is started with four plans, as for the small demo, so the
    application pack has anonymised plans to show.
    """
    from portage_desktop.demo.large.build import populate_large

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = open_and_migrate(path, backup_dir=None, key=key or new_key(demo_passphrase()))
    try:
        populate_large(db, seed=seed, today=today, scale=scale, progress=progress)
        _demo_application(db, today or date.today())
    except BaseException:
        db.dispose()
        raise
    return db


DEMO_MANAGER = "manager"


def make_large_demo_on_server(
    address: ServerAddress,
    manager_password: str,
    seed: int = 1,
    today: date | None = None,
    scale: float = 1.0,
    progress: Callable[[int, int], None] | None = None,
) -> Database:
    """The large demo site in an empty database on a server, for trying a team's server and
    timing it. A server always works with named accounts, so the first one, a manager
    (``manager``, with ``manager_password``), is made first and does the rest."""
    from portage_desktop.demo.large.build import populate_large
    from portage_desktop.services import users
    from portage_desktop.services.access import Role
    from portage_desktop.services.errors import ValidationError

    db = open_server_and_migrate(address)
    try:
        if not users.needs_first_manager(db):
            raise DatabaseError(
                tr(
                    "That database already has accounts and records: the large demo goes only "
                    "into an empty one. Nothing was changed."
                )
            )
        data = users.UserInput(
            DEMO_MANAGER, tr("Demo manager"), Role.MANAGER, manager_password, manager_password
        )
        try:
            users.create_first_manager(db, data)
        except ValidationError as exc:
            raise DatabaseError(" ".join(exc.errors.values())) from None
        populate_large(db, seed=seed, today=today, scale=scale, progress=progress)
        _demo_application(db, today or date.today())
    except BaseException:
        db.dispose()
        raise
    return db


_DEMO_NARRATIVES = {
    "principles": tr(
        "Parents lead: every plan starts from what the family wants next, and we practise in "
        "small steps through play, at home and here."
    ),
    "partnership": tr(
        "Each family has a key person who shares the home chart every week and reviews the "
        "plans with them at least once a term."
    ),
}


def _demo_application(db: Database, today: date) -> None:
    """Start the demo's self-assessment with four plans from different children, so the
    application pack shows real anonymised plans rather than an empty section."""
    from portage_desktop.services import stamp_application, stamp_check, stamp_evidence

    year = stamp_application.award_year_for(stamp_check.check_stamp(db, today))
    chosen: list[int] = []
    children: set[str] = set()
    areas: set[object] = set()
    plans = stamp_evidence.plans_for_application(db)
    for prefer_new_area in (True, False):
        for plan in plans:
            who = f"{plan.child_first_name} {plan.child_last_name}"
            if (
                len(chosen) < 4
                and who not in children
                and (plan.goal_area not in areas or not prefer_new_area)
            ):
                chosen.append(plan.id)
                children.add(who)
                areas.add(plan.goal_area)
    stamp_application.save_draft(
        db, year, _DEMO_NARRATIVES, tuple(chosen), tr("Jo Whitfield (demo)")
    )
