"""People and roles on a shared server: a person's own login given and ended in one step,
through the owner's password or as SQL for IT, by managers only."""

from __future__ import annotations

import pytest

from portage_desktop.data.engine import Database, DatabaseError
from portage_desktop.data.server_access.own_login import address_for, password_opens
from portage_desktop.services import server_logins, users
from portage_desktop.services.access import PermissionDenied, Role
from portage_desktop.services.errors import ValidationError
from portage_desktop.startup import open_server_and_migrate
from tests.data.server_access.conftest import PASSWORD, SiteForTests

NEW_PASSWORD = "correct horse battery staple 7"


def _open_as(site: SiteForTests, username: str) -> Database:
    return open_server_and_migrate(address_for(site.owner, username, PASSWORD))


def _owner(site: SiteForTests, password: str = PASSWORD) -> server_logins.Owner:
    return server_logins.Owner(site.owner.user, password)


def test_a_manager_gives_a_new_person_a_login_and_ends_it(site: SiteForTests) -> None:
    db = _open_as(site, "mina")
    try:
        made = users.create_user(
            db, users.UserInput("nell", "Nell New", Role.HOME_VISITOR, NEW_PASSWORD, NEW_PASSWORD)
        )
        assert server_logins.with_login(db, [made]) == set()
        server_logins.give_login(db, _owner(site), made, NEW_PASSWORD, NEW_PASSWORD)
        assert server_logins.with_login(db, [made]) == {"nell"}
        nell = _open_as_password(site, "nell", NEW_PASSWORD)
        try:
            assert users.logged_in(nell) and nell.own_login == "nell"
        finally:
            nell.dispose()
        server_logins.remove_login(db, _owner(site), made)
        assert server_logins.with_login(db, [made]) == set()
        assert not password_opens(db, "nell", NEW_PASSWORD)
    finally:
        db.dispose()


def _open_as_password(site: SiteForTests, username: str, password: str) -> Database:
    return open_server_and_migrate(address_for(site.owner, username, password))


def test_a_wrong_owner_password_changes_nothing_and_says_so(site: SiteForTests) -> None:
    db = _open_as(site, "mina")
    try:
        account = next(u for u in users.list_users(db) if u.username == "sam")
        with pytest.raises(DatabaseError, match="did not accept the password"):
            server_logins.remove_login(db, _owner(site, "not the owner's"), account)
        assert server_logins.with_login(db, [account]) == {"sam"}
        with pytest.raises(ValidationError) as missing:
            server_logins.give_login(db, _owner(site, ""), account, "short", "short")
        assert set(missing.value.errors) == {"owner_password", "password"}
    finally:
        db.dispose()


def test_a_login_that_is_not_the_owner_cannot_make_logins(site: SiteForTests) -> None:
    db = _open_as(site, "mina")
    try:
        account = next(u for u in users.list_users(db) if u.username == "sam")
        with pytest.raises(DatabaseError, match="owns the records"):
            server_logins.remove_login(
                db, server_logins.Owner(f"{site.site.prefix}_user_mina", PASSWORD), account
            )
    finally:
        db.dispose()


def test_the_sql_for_it_names_the_login_and_its_group(site: SiteForTests) -> None:
    db = _open_as(site, "mina")
    try:
        account = next(u for u in users.list_users(db) if u.username == "hana")
        prefix = site.site.prefix
        added = server_logins.sql_to_add(db, account)
        assert f'CREATE ROLE "{prefix}_user_hana" LOGIN;' in added
        assert f'GRANT "{prefix}_role_home_visitor" TO "{prefix}_user_hana";' in added
        assert f'\\password "{prefix}_user_hana"' in added
        assert (
            server_logins.sql_to_remove(db, account) == f'DROP ROLE IF EXISTS "{prefix}_user_hana";'
        )
    finally:
        db.dispose()


def test_only_a_manager_may_see_or_change_logins(site: SiteForTests) -> None:
    db = _open_as(site, "tess")
    try:
        with pytest.raises(PermissionDenied):
            server_logins.with_login(db, [])
    finally:
        db.dispose()
