"""``server-access --apply``: the set-up and one person's login, through the owner's account."""

from __future__ import annotations

import psycopg
import pytest

from portage_desktop import server_access_cli
from portage_desktop.cli import main
from portage_desktop.data.server_access.names import login_name
from tests.data.server_access.conftest import PASSWORD, SiteForTests


def test_apply_and_one_step_add_and_remove_of_a_login(
    site: SiteForTests, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    owner = site.owner.without_password()
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    assert main(["server-access", "--apply", "--owner-url", owner]) == 0
    monkeypatch.setattr(server_access_cli.getpass, "getpass", lambda _prompt: "new login pw 1")
    argv = ["server-access", "--apply", "--owner-url", owner]
    assert main([*argv, "--add-login", "newbie", "--role", "read_only"]) == 0
    login = login_name(site.site.prefix, "newbie")
    assert login in capsys.readouterr().out
    kwargs = {
        "host": site.owner.host or None,
        "port": site.owner.port,
        "dbname": site.site.database,
        "user": login,
    }
    with (
        psycopg.connect(password="new login pw 1", autocommit=True, **kwargs) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        conn.execute("UPDATE child SET known_as = 'x'")
    assert main([*argv, "--remove-login", "newbie"]) == 0
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(password="new login pw 1", **kwargs).close()
