"""What each person's own login may do on the server, tried with plain SQL (no app)."""

from __future__ import annotations

import psycopg
import pytest
from psycopg import errors

from portage_desktop.data.engine import server_engine
from portage_desktop.data.errors import DatabaseError
from portage_desktop.data.server_access import apply
from portage_desktop.data.server_access.names import group_name, login_name
from portage_desktop.services import audit
from tests.data.server_access.conftest import SiteForTests

pytestmark = pytest.mark.usefixtures("site")


def refused(conn: psycopg.Connection, sql: str) -> None:
    """``sql`` must fail for lack of privilege (or of ownership, which PostgreSQL reports alike)."""
    with pytest.raises(errors.InsufficientPrivilege):
        conn.execute(sql)


@pytest.mark.parametrize(
    "sql",
    [
        "CREATE TABLE stolen (x text)",
        "CREATE SCHEMA elsewhere",
        "ALTER TABLE child ADD COLUMN note text",
        "ALTER TABLE user_account DROP COLUMN role",
        "DROP TABLE observation",
        "DROP TRIGGER audit_entry_no_update ON audit_entry",
        "ALTER TABLE audit_entry DISABLE TRIGGER ALL",
        "ALTER TABLE child DISABLE ROW LEVEL SECURITY",
        "DROP POLICY portage_may_read ON child",
        "CREATE OR REPLACE FUNCTION portage_my_account() RETURNS integer "
        "LANGUAGE sql AS $$ SELECT 1 $$",
    ],
)
@pytest.mark.parametrize("username", ["pat", "mina"])
def test_no_login_but_the_owner_may_change_the_schema(
    site: SiteForTests, username: str, sql: str
) -> None:
    with site.connect(username) as conn:
        refused(conn, sql)


@pytest.mark.parametrize("username", ["pat", "mina", "rita"])
def test_nobody_may_change_or_delete_the_audit_log(site: SiteForTests, username: str) -> None:
    with site.connect(username) as conn:
        conn.execute(
            "INSERT INTO audit_entry (at, actor, action, record_kind, detail, prev_hash, hash) "
            "VALUES (now(), 'x', 'view', 'child', '', '', '')"
        )
        refused(conn, "UPDATE audit_entry SET actor = 'someone else'")
        refused(conn, "DELETE FROM audit_entry")
        refused(conn, "TRUNCATE audit_entry")


@pytest.mark.parametrize("username", ["pat", "mina", "rita", "hana"])
def test_password_hashes_cannot_be_read(site: SiteForTests, username: str) -> None:
    with site.connect(username) as conn:
        refused(conn, "SELECT password_hash FROM user_account")
        refused(conn, "SELECT * FROM user_account")
        names = conn.execute("SELECT username, role FROM user_account").fetchall()
    assert ("pat", "practitioner") in names


def test_a_role_cannot_be_changed_directly_even_by_a_manager(site: SiteForTests) -> None:
    for username in ("pat", "mina"):
        with site.connect(username) as conn:
            refused(conn, "UPDATE user_account SET role = 'manager' WHERE username = 'pat'")
    with site.connect("pat") as conn:
        with pytest.raises(errors.InsufficientPrivilege, match="Only a manager"):
            conn.execute("SELECT portage_set_role(%s, 'manager')", [site.ids["user_pat"]])
        role = conn.execute("SELECT role FROM user_account WHERE username = 'pat'").fetchone()
    assert role == ("practitioner",)


def test_a_manager_changes_a_role_through_the_function_which_audits_it(
    site: SiteForTests, fresh_site_db
) -> None:
    login = login_name(site.site.prefix, "sam")
    with site.connect("mina") as conn:
        conn.execute("SELECT portage_set_role(%s, 'practitioner')", [site.ids["user_sam"]])
        role = conn.execute("SELECT role FROM user_account WHERE username = 'sam'").fetchone()
        member = conn.execute(
            "SELECT pg_has_role(%s, %s, 'MEMBER'), pg_has_role(%s, %s, 'MEMBER')",
            [
                login,
                group_name(site.site.prefix, "practitioner"),
                login,
                group_name(site.site.prefix, "senco"),
            ],
        ).fetchone()
        last = conn.execute(
            "SELECT actor, action, record_kind, record_id, detail FROM audit_entry "
            "ORDER BY id DESC LIMIT 1"
        ).fetchone()
    assert role == ("practitioner",)
    assert member == (True, False)  # the server's privileges follow the app's role
    assert last == ("mina", "change", "user", site.ids["user_sam"], "role practitioner")
    # The server computed the link exactly as the app checks it.
    assert audit.verify_chain(fresh_site_db).ok


def test_the_last_manager_cannot_be_demoted_on_the_server(site: SiteForTests) -> None:
    with site.connect("mina") as conn, pytest.raises(errors.CheckViolation, match="last active"):
        conn.execute("SELECT portage_set_role(%s, 'senco')", [site.ids["user_mina"]])


def test_an_audit_entry_gets_the_servers_link_actor_and_time_whatever_is_sent(
    site: SiteForTests, fresh_site_db
) -> None:
    with site.connect("pat") as conn:
        row = conn.execute(
            "INSERT INTO audit_entry (at, actor, action, record_kind, detail, prev_hash, hash) "
            "VALUES ('2001-01-01', 'mina', 'view', 'child', '', 'forged', 'forged') "
            "RETURNING actor, at > '2020-01-01', prev_hash <> 'forged', hash <> 'forged'"
        ).fetchone()
    assert row == ("pat", True, True, True)
    assert audit.verify_chain(fresh_site_db).ok


def test_everyday_work_succeeds_for_a_practitioner(site: SiteForTests) -> None:
    with site.connect("pat") as conn:
        child = conn.execute(
            "INSERT INTO child (first_name, last_name, known_as, date_of_birth, sen_status, "
            "need_areas, home_languages, created_at, updated_at) VALUES "
            "('New', 'Child', '', '2024-02-29', 'none', '', '', now(), now()) RETURNING id"
        ).fetchone()[0]
        conn.execute("UPDATE child SET known_as = 'Newbie' WHERE id = %s", [child])
        assert conn.execute("SELECT count(*) FROM child").fetchone()[0] >= 4
        # Erasing a child, the setting and the staff list stay with managers.
        refused(conn, f"DELETE FROM child WHERE id = {child}")
        refused(conn, "UPDATE setting SET name = 'x'")
        refused(conn, "UPDATE staff_member SET last_name = 'x'")
    with site.connect("mina") as conn:
        conn.execute("DELETE FROM child WHERE id = %s", [child])


def test_read_only_can_only_read(site: SiteForTests) -> None:
    with site.connect("rita") as conn:
        assert conn.execute("SELECT count(*) FROM child").fetchone()[0] >= 3
        refused(conn, "UPDATE child SET known_as = 'x'")
        refused(
            conn,
            "INSERT INTO staff_member (first_name, last_name, roles, created_at, updated_at) "
            "VALUES ('a', 'b', '', now(), now())",
        )


def test_the_setup_is_refused_unless_connected_as_the_owner(site: SiteForTests) -> None:
    from dataclasses import replace

    practitioner = replace(
        site.owner, user=login_name(site.site.prefix, "pat"), password=site.owner.password
    )
    from tests.data.server_access.conftest import PASSWORD

    engine = server_engine(practitioner.with_password(PASSWORD))
    try:
        with pytest.raises(DatabaseError, match="Only the account that owns the records"):
            apply.apply_setup(engine, site.site)
    finally:
        engine.dispose()


def test_applying_again_is_safe(site: SiteForTests) -> None:
    apply.apply_setup(site.owner_db.engine, site.site)
    with site.connect("pat") as conn:
        refused(conn, "SELECT password_hash FROM user_account")
