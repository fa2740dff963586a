"""Server connections: sslmode spelled out and checked; only the owner migrates."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import text

from portage_desktop.data.engine import DatabaseError, connection_encrypted, server_url
from portage_desktop.data.migrate import ASK_THE_OWNER, HEAD_REVISION, current_revision
from portage_desktop.data.server_access.names import login_name
from portage_desktop.database_url import BadAddress, parse
from portage_desktop.startup import open_server_and_migrate
from tests.data.server_access.conftest import PASSWORD, SiteForTests


def test_the_connection_requires_encryption_unless_the_address_says_otherwise(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("PGSSLMODE", raising=False)
    plain = parse("postgresql://jo@db.example.org/portage")
    assert server_url(plain).query["sslmode"] == "require"
    strict = parse("postgresql://jo@db.example.org/portage?sslmode=verify-full")
    assert server_url(strict).query["sslmode"] == "verify-full"
    monkeypatch.setenv("PGSSLMODE", "require")
    assert server_url(plain).query["sslmode"] == "require"


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("postgresql://jo@localhost/portage", "prefer"),
        ("postgresql://jo@127.0.0.1:5433/portage", "prefer"),
        ("postgresql://jo@127.1.2.3/portage", "prefer"),
        ("postgresql://jo@[::1]/portage", "prefer"),
        ("postgresql://jo@/portage?host=/var/run/postgresql", "prefer"),
        ("postgresql://jo@128.0.0.1/portage", "require"),
        ("postgresql://jo@localhost.example.org/portage", "require"),
        ("postgresql://jo@10.0.0.5/portage", "require"),
    ],
)
def test_only_a_server_on_this_computer_may_go_unencrypted(
    monkeypatch: pytest.MonkeyPatch, address: str, expected: str
) -> None:
    monkeypatch.delenv("PGSSLMODE", raising=False)
    assert server_url(parse(address)).query["sslmode"] == expected


def test_an_sslmode_the_server_would_not_understand_is_refused_plainly() -> None:
    with pytest.raises(BadAddress, match="sslmode=verify-full"):
        parse("postgresql://jo@db.example.org/portage?sslmode=yes")


def test_an_unencrypted_connection_is_reported_as_such(site: SiteForTests) -> None:
    from portage_desktop.data.engine import open_server

    options = (*[o for o in site.owner.options if o[0] != "sslmode"], ("sslmode", "disable"))
    db = open_server(replace(site.owner, options=options))
    try:
        assert connection_encrypted(db) is False
    finally:
        db.dispose()


def test_a_persons_login_is_told_to_ask_the_owner_rather_than_migrating(
    site: SiteForTests,
) -> None:
    older = "0011"
    with site.owner_db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": older})
    pat = replace(site.owner, user=login_name(site.site.prefix, "pat"), password=PASSWORD)
    try:
        with pytest.raises(DatabaseError) as refused:
            open_server_and_migrate(pat)
        assert str(refused.value) == ASK_THE_OWNER
        assert current_revision(site.owner_db) == older  # nothing was changed
    finally:
        with site.owner_db.engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": HEAD_REVISION})


def test_what_the_server_refuses_reaches_the_app_as_one_plain_message(
    site: SiteForTests,
) -> None:
    from portage_desktop.data.engine import open_server
    from portage_desktop.data.errors import ServerRefused

    pat = replace(site.owner, user=login_name(site.site.prefix, "pat"), password=PASSWORD)
    db = open_server(pat)
    try:
        with pytest.raises(ServerRefused, match="does not allow your account"), db.session() as s:
            s.exec(text("UPDATE setting SET name = 'Renamed'"))
        with pytest.raises(ServerRefused), db.session() as s:
            s.exec(text("DELETE FROM audit_entry"))
        with db.session() as s:  # the same connection goes on working afterwards
            assert s.exec(text("SELECT count(*) FROM child")).scalar_one() >= 3
    finally:
        db.dispose()
