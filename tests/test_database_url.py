"""Server addresses: read and checked in plain words, shown and saved without the password."""

from __future__ import annotations

import json

import pytest

from portage_desktop.database_url import BadAddress, parse, strip_password
from portage_desktop.paths import app_paths, records_location
from portage_desktop.settings import Settings


def test_an_address_is_read_into_its_parts():
    address = parse("postgresql://jo:s%40cret@db.example.org:6432/portage?sslmode=require")
    assert (address.user, address.password, address.host, address.port) == (
        "jo",
        "s@cret",
        "db.example.org",
        6432,
    )
    assert address.database == "portage"
    assert dict(address.options) == {"sslmode": "require"}
    assert address.display == "jo@db.example.org:6432/portage"
    assert address.without_password() == (
        "postgresql://jo@db.example.org:6432/portage?sslmode=require"
    )
    assert parse(address.without_password()) == address.with_password("")


@pytest.mark.parametrize(
    "text", ["postgres://jo@h/db", "postgresql+psycopg://jo@h/db", "POSTGRESQL://jo@h/db"]
)
def test_the_usual_spellings_are_accepted(text):
    assert parse(text).database == "db"


def test_a_socket_folder_may_stand_in_for_the_host():
    address = parse("postgresql://jo@/portage?host=/var/run/postgresql")
    assert address.display == "jo@/var/run/postgresql/portage"


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "type the address"),
        ("db.example.org/portage", "start with postgresql://"),
        ("mysql://jo@h/db", "Only PostgreSQL"),
        ("postgresql://jo@h", "name of the database"),
        ("postgresql://jo@h:99999/db", "port"),
        ("postgresql://jo@/db", "server's name"),
    ],
)
def test_a_bad_address_is_explained(text, says):
    with pytest.raises(BadAddress, match=says):
        parse(text)


def test_passwords_are_taken_out_even_of_a_broken_address():
    assert strip_password("postgresql://jo:pw@h/db") == ("postgresql://jo@h/db", True)
    assert strip_password("postgresql://jo@h/db") == ("postgresql://jo@h/db", False)
    assert strip_password("postgresql://jo:pw@h:nope/db")[0] == "postgresql://jo@h:nope/db"
    assert "hunter2" not in repr(parse("postgresql://jo:hunter2@h/db"))


def test_the_settings_file_never_holds_a_password(tmp_path, caplog):
    path = tmp_path / "settings.json"
    settings = Settings(use_server=True, database_url="postgresql://jo:hunter2@h/db")
    settings.save(path)
    assert "hunter2" not in path.read_text()
    path.write_text(
        json.dumps({"use_server": True, "database_url": "postgresql://jo:hunter2@h/db"})
    )
    loaded = Settings.load(path)
    assert loaded.database_url == "postgresql://jo@h/db" and loaded.use_server
    assert "hunter2" not in caplog.text
    assert "ignored" in caplog.text


def test_where_the_records_are_follows_the_usual_order(home, monkeypatch, tmp_path):
    paths = app_paths()
    saved = "postgresql://team@saved/portage"
    assert records_location(None, None, paths) == paths.default_database
    assert records_location(None, None, paths, saved).host == "saved"
    monkeypatch.setenv("PORTAGE_DESKTOP_DATABASE", str(tmp_path / "env.db"))
    assert records_location(None, None, paths, saved) == tmp_path / "env.db"
    monkeypatch.setenv("PORTAGE_DESKTOP_DATABASE_URL", "postgresql://team@env/portage")
    assert records_location(None, None, paths, saved).host == "env"
    assert records_location(str(tmp_path / "cli.db"), None, paths) == tmp_path / "cli.db"
    assert records_location(None, "postgresql://x@cli/p", paths).host == "cli"
    with pytest.raises(BadAddress, match="not both"):
        records_location("a.db", "postgresql://x@cli/p", paths)
