"""The app itself on a person's own server login: the server checks the password, the app
never reads a password hash, and a role changes through the server's audited function."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import text

from portage_desktop.data.engine import Database, DatabaseError
from portage_desktop.data.server_access.own_login import address_for, password_opens
from portage_desktop.services import users
from portage_desktop.services.access import PermissionDenied, Role, current_actor
from portage_desktop.services.errors import ValidationError
from portage_desktop.startup import open_server_and_migrate
from tests.data.server_access.conftest import PASSWORD, SiteForTests


def _open_as(site: SiteForTests, username: str, password: str = PASSWORD) -> Database:
    return open_server_and_migrate(address_for(site.owner, username, password))


def _last_audit(site: SiteForTests) -> tuple[str, str, str]:
    with site.owner_db.engine.connect() as conn:
        row = conn.execute(
            text("SELECT actor, action, detail FROM audit_entry ORDER BY id DESC LIMIT 1")
        ).one()
    return row[0], row[1], row[2]


def test_starting_on_a_persons_own_login_logs_them_in_with_their_role(
    site: SiteForTests,
) -> None:
    db = _open_as(site, "pat")
    try:
        actor = current_actor(db)
        assert (actor.username, actor.role) == ("pat", Role.PRACTITIONER)
        assert db.own_login == "pat"
        assert _last_audit(site)[:2] == ("pat", "login")
    finally:
        db.dispose()


def test_the_owners_connection_is_not_taken_for_anyone(site: SiteForTests) -> None:
    db = open_server_and_migrate(site.owner)
    try:
        assert db.own_login is None
        assert not users.logged_in(db)  # the login dialog asks, as before
    finally:
        db.dispose()


def test_a_login_without_an_active_account_is_told_plainly(site: SiteForTests) -> None:
    with site.owner_db.engine.begin() as conn:
        conn.execute(text("UPDATE user_account SET active = false WHERE username = 'rita'"))
    try:
        with pytest.raises(DatabaseError, match="no active account called rita"):
            _open_as(site, "rita")
    finally:
        with site.owner_db.engine.begin() as conn:
            conn.execute(text("UPDATE user_account SET active = true WHERE username = 'rita'"))


def test_a_wrong_password_never_opens_the_records(site: SiteForTests) -> None:
    with pytest.raises(DatabaseError, match="did not accept the password"):
        _open_as(site, "pat", "not the password at all")


def test_a_manager_on_her_own_login_manages_accounts_without_reading_hashes(
    site: SiteForTests,
) -> None:
    db = _open_as(site, "mina")
    try:
        people = {u.username: u for u in users.list_users(db)}
        assert people["sam"].role is Role.SENCO
        changed = users.update_user(db, people["sam"].id, Role.PRACTITIONER, True)
        assert changed.role is Role.PRACTITIONER
        with site.owner_db.engine.connect() as conn:
            in_group = conn.execute(
                text("SELECT pg_has_role(:login, :group, 'MEMBER')"),
                {
                    "login": f"{site.site.prefix}_user_sam",
                    "group": f"{site.site.prefix}_role_practitioner",
                },
            ).scalar()
        assert in_group  # the server moved sam's login to the new role's group
        assert _last_audit(site)[:2] == ("mina", "change")
        users.update_user(db, people["sam"].id, Role.SENCO, True)
        made = users.create_user(
            db,
            users.UserInput(
                "newbie", "New Person", Role.PRACTITIONER, "Tr0ub4dor&3horse", "Tr0ub4dor&3horse"
            ),
        )
        assert made.role is Role.PRACTITIONER
    finally:
        db.dispose()


def test_a_practitioner_on_her_own_login_is_refused_account_changes_plainly(
    site: SiteForTests,
) -> None:
    db = _open_as(site, "pat")
    try:
        with pytest.raises(PermissionDenied):
            users.update_user(db, site.ids["user_pat"], Role.MANAGER, True)
    finally:
        db.dispose()
    with site.owner_db.engine.connect() as conn:
        role = conn.execute(text("SELECT role FROM user_account WHERE username = 'pat'")).scalar()
    assert role == "practitioner"


def test_logging_in_again_after_a_lock_asks_the_server(site: SiteForTests) -> None:
    db = _open_as(site, "hana")
    try:
        assert users.log_in(db, "hana", PASSWORD).username == "hana"
        with pytest.raises(users.LoginFailed):
            users.log_in(db, "hana", "wrong wrong wrong")
        with pytest.raises(users.LoginFailed):  # the connection is hana's: nobody else's
            users.log_in(db, "hugo", PASSWORD)
    finally:
        db.dispose()


def test_a_person_changes_her_own_password_on_the_server(site: SiteForTests) -> None:
    new = "a different long passphrase 42"
    db = _open_as(site, "tess")
    try:
        users.set_password(db, site.ids["user_tess"], new, new)
        assert password_opens(db, "tess", new)
        assert not password_opens(db, "tess", PASSWORD)
        with db.session() as s:  # the app's own connections carry on with the new one
            assert s.exec(text("SELECT count(*) FROM child")).scalar_one() >= 1
        users.set_password(db, site.ids["user_tess"], PASSWORD, PASSWORD)
    finally:
        db.dispose()
    assert _open_as(site, "tess").own_login == "tess"


def test_even_a_manager_cannot_set_someone_elses_server_password(site: SiteForTests) -> None:
    db = _open_as(site, "mina")
    try:
        with pytest.raises(ValidationError) as refused:
            users.set_password(
                db, site.ids["user_pat"], "another long one 99", "another long one 99"
            )
        assert refused.value.errors["password"] == users.SERVER_KEEPS_PASSWORDS
    finally:
        db.dispose()
    assert password_opens(site.owner_db, "pat", PASSWORD)


def test_an_address_for_a_username_no_login_could_have_is_refused() -> None:
    from portage_desktop.data.server_access.names import BadName
    from portage_desktop.database_url import parse

    with pytest.raises(BadName):
        address_for(parse("postgresql://x@db.example.org/portage"), "x" * 80, "pw")
    address = address_for(parse("postgresql://x@db.example.org/portage"), " J.Smith ", "pw")
    assert replace(address, password="") == replace(
        parse("postgresql://portage_user_j.smith@db.example.org/portage"), password=""
    )
