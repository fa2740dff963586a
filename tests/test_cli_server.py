"""The command line and the window against a shared PostgreSQL server (skipped without one)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

import pytest

from portage_desktop.cli import main
from portage_desktop.services import children, setting, users
from portage_desktop.services.children import ChildInput
from portage_desktop.services.setting import SettingInput
from portage_desktop.services.users import UserInput
from portage_desktop.services.vocabulary import SettingKind
from tests.pdf_text import pdf_text

PW = "a long password 1"


@pytest.fixture
def site(server_db, monkeypatch):
    """A server set up as a site would be: a manager, the setting and one child. The server's
    own password travels in PGPASSWORD, as the README suggests, never on the command line."""
    users.create_first_manager(server_db, UserInput("mina", "Mina Shah", None, PW, PW))
    setting.save_setting(server_db, SettingInput("Acorns Shared", SettingKind.GROUP))
    children.save_child(server_db, ChildInput("Ola", "Nowak", date(2023, 6, 1)))
    if server_db.server.password:
        monkeypatch.setenv("PGPASSWORD", server_db.server.password)
    monkeypatch.setenv("PORTAGE_DESKTOP_USER", "mina")
    monkeypatch.setenv("PORTAGE_DESKTOP_PASSWORD", PW)
    return server_db.server.without_password()


def test_every_command_reads_a_shared_server(site, tmp_path, capsys, monkeypatch):
    assert main(["check-stamp", "--database-url", site, "--json"]) == 0
    assert '"criteria"' in capsys.readouterr().out
    out = tmp_path / "list.pdf"
    assert main(["print", "children-list", "--database-url", site, "--out", str(out)]) == 0
    assert "Acorns Shared" in pdf_text(out)
    monkeypatch.setenv("PORTAGE_DESKTOP_DATABASE_URL", site)
    (tmp_path / "x").mkdir()  # an export goes into a folder that exists
    assert main(["export-child", "--child", "Ola Nowak", "--out", str(tmp_path / "x")]) == 0
    assert len(list((tmp_path / "x").glob("child-*-subject-access-*"))) == 2


def test_a_wrong_account_password_is_one_line(site, capsys, monkeypatch):
    monkeypatch.setenv("PORTAGE_DESKTOP_PASSWORD", "not the password")
    assert main(["check-stamp", "--database-url", site]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "do not match an active account" in err


def test_a_new_server_needs_its_first_manager_from_the_app(server_db, home, capsys, monkeypatch):
    if server_db.server.password:
        monkeypatch.setenv("PGPASSWORD", server_db.server.password)
    url = server_db.server.without_password()
    assert main(["check-stamp", "--database-url", url]) == 1
    assert "create the first manager" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["check-stamp", "--database-url", "mysql://x@h/db"], "Only PostgreSQL"),
        (["--database-url", "postgresql://x@h"], "name of the database"),
        (
            ["check-stamp", "--database", "a.db", "--database-url", "postgresql://x@h/db"],
            "not both",
        ),
    ],
)
def test_bad_server_addresses_are_one_line(home, capsys, argv, message):
    assert main(argv) in (1, 2)
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err


def test_an_unreachable_server_is_one_line(home, capsys):
    assert main(["check-stamp", "--database-url", "postgresql://x@127.0.0.1:1/portage"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Cannot reach the database server" in err


def test_the_window_opens_on_a_shared_server(site, tmp_path):
    env = {
        **os.environ,
        "PORTAGE_DESKTOP_HOME": str(tmp_path),
        "QT_QPA_PLATFORM": "offscreen",
    }
    result = subprocess.run(
        [sys.executable, "-m", "portage_desktop", "--smoke-test", "--database-url", site],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Smoke test passed" in result.stdout


def test_the_large_demo_is_built_on_a_server_with_its_first_manager(server_db, capsys, monkeypatch):
    if server_db.server.password:
        monkeypatch.setenv("PGPASSWORD", server_db.server.password)
    url = server_db.server.without_password()
    monkeypatch.delenv("PORTAGE_DESKTOP_PASSWORD", raising=False)
    argv = ["make-demo", "--large", "--scale", "0.01", "--database-url", url]
    assert main(argv) == 1
    assert "PORTAGE_DESKTOP_PASSWORD" in capsys.readouterr().err
    monkeypatch.setenv("PORTAGE_DESKTOP_PASSWORD", PW)
    assert main(argv) == 0
    assert "log in as manager" in capsys.readouterr().out
    users.log_in(server_db, "manager", PW)
    assert len(children.list_children(server_db, include_archived=True)) == 10
    assert main(argv) == 1  # never into a database that already has records
    assert "only into an empty one" in capsys.readouterr().err
    assert main(["make-demo", "--database-url", url]) == 1
    assert "--large only" in capsys.readouterr().err
