"""``portage-desktop server-access --print-sql``: the SQL IT runs, and plain refusals."""

from __future__ import annotations

import pytest

from portage_desktop.cli import main

OWNER_URL = "postgresql://portage@records.example.org/portage"


def test_print_sql_prints_the_whole_setup_for_the_owner(capsys: pytest.CaptureFixture) -> None:
    assert main(["server-access", "--print-sql", "--owner-url", OWNER_URL]) == 0
    out = capsys.readouterr().out
    assert 'SET LOCAL ROLE "portage";' in out
    for role in ("manager", "senco", "practitioner", "read_only", "home_visitor", "team_lead"):
        assert f'CREATE ROLE "portage_role_{role}" NOLOGIN' in out
    assert 'CREATE POLICY portage_may_read ON "child"' in out
    assert "password_hash" not in out.split("GRANT UPDATE (")[0]  # never readable
    assert out.rstrip().endswith("COMMIT;")


def test_print_sql_for_one_person_leaves_the_password_to_psql(
    capsys: pytest.CaptureFixture,
) -> None:
    argv = ["server-access", "--print-sql", "--owner-url", OWNER_URL, "--add-login", "j.smith"]
    assert main([*argv, "--role", "home_visitor"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines() == [
        'CREATE ROLE "portage_user_j.smith" LOGIN;',
        'GRANT "portage_role_home_visitor" TO "portage_user_j.smith";',
        '-- then, in psql: \\password "portage_user_j.smith"',
    ]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--add-login", "j.smith"], "--add-login needs --role"),
        (["--add-login", "x" * 60, "--role", "manager"], "shorter username"),
    ],
)
def test_bad_requests_get_one_plain_line(
    capsys: pytest.CaptureFixture, extra: list[str], message: str
) -> None:
    assert main(["server-access", "--print-sql", "--owner-url", OWNER_URL, *extra]) != 0
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_the_owner_url_must_name_the_owner(capsys: pytest.CaptureFixture) -> None:
    url = "postgresql://records.example.org/portage"
    assert main(["server-access", "--print-sql", "--owner-url", url]) != 0
    assert "must name the owner's account" in capsys.readouterr().err
