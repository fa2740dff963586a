"""The command line: every path a script or a manager would use, and its errors."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

import pytest

from portage_desktop.cli import main
from tests.pdf_text import pdf_text


def test_help_lists_every_command(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    for word in (
        "make-demo",
        "print",
        "check-stamp",
        "--database",
        "--database-url",
        "--demo",
        "--smoke-test",
    ):
        assert word in out


def test_make_demo_then_print(home, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("PORTAGE_DESKTOP_PASSPHRASE", raising=False)
    db = tmp_path / "demo.db"
    assert main(["make-demo", str(db), "--children", "5", "--seed", "2"]) == 0
    assert (
        main(["print", "children-list", "--database", str(db), "--out", str(tmp_path / "l.pdf")])
        == 1
    )
    assert "PORTAGE_DESKTOP_PASSPHRASE" in capsys.readouterr().err
    monkeypatch.setenv("PORTAGE_DESKTOP_PASSPHRASE", "portage demo")
    db = tmp_path / "demo2.db"
    assert main(["make-demo", str(db), "--children", "5", "--seed", "2"]) == 0
    assert (
        main(["print", "children-list", "--database", str(db), "--out", str(tmp_path / "l.pdf")])
        == 0
    )
    assert "5 children" in pdf_text(tmp_path / "l.pdf")


def test_make_demo_large_shows_progress_and_writes_the_site(home, tmp_path, capsys):
    db = tmp_path / "large.db"
    assert main(["make-demo", str(db), "--large", "--scale", "0.01", "--seed", "3"]) == 0
    captured = capsys.readouterr()
    assert "10 of 10 children" in captured.err
    assert "Wrote a large demo site (10 children)" in captured.out
    out = tmp_path / "l.pdf"
    assert main(["print", "children-list", "--database", str(db), "--out", str(out)]) == 0
    assert "children" in pdf_text(out)


def test_print_list_names_the_kinds(home, capsys):
    assert main(["print", "--list"]) == 0
    assert "children-list" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["print", "children-list", "--out", "x.pdf"],
            "--database PATH or --database-url URL is required",
        ),
        (
            ["print", "children-list", "--database", "missing.db", "--out", "x.pdf"],
            "no database at",
        ),
        (["print", "nonsense", "--database", "x.db", "--out", "x.pdf"], 'unknown kind "nonsense"'),
        (["print"], "say what to print"),
        (["make-demo", "demo.db", "--children", "0"], "between 1 and 5000"),
        (["make-demo", "demo.db", "--large", "--children", "5"], "use --scale"),
        (["make-demo", "demo.db", "--scale", "0.5"], "--scale goes with --large"),
        (["make-demo", "demo.db", "--large", "--scale", "0"], "--scale must be more than 0"),
    ],
)
def test_errors_are_one_line_and_non_zero(home, tmp_path, monkeypatch, capsys, argv, message):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_make_demo_never_overwrites_without_force(home, tmp_path, capsys):
    target = tmp_path / "precious.db"
    target.write_bytes(b"precious")
    assert main(["make-demo", str(target)]) == 1
    assert target.read_bytes() == b"precious"
    assert "--force" in capsys.readouterr().err


def test_a_damaged_database_is_one_clear_line(home, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("PORTAGE_DESKTOP_PASSPHRASE", "whatever it is")
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"x" * 5000)
    assert (
        main(["print", "children-list", "--database", str(bad), "--out", str(tmp_path / "o.pdf")])
        == 1
    )
    err = capsys.readouterr().err
    assert "not a Portage Desktop database" in err and err.count("\n") == 1


def test_usage_errors_exit_2_on_one_line(home, capsys):
    with pytest.raises(SystemExit) as done:
        main(["frobnicate"])
    assert done.value.code == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_smoke_test_opens_and_paints_the_window(tmp_path):
    env = {**os.environ, "PORTAGE_DESKTOP_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "portage_desktop", "--smoke-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Smoke test passed" in result.stdout


def test_smoke_test_reports_a_bad_database(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"x" * 5000)
    env = {
        **os.environ,
        "PORTAGE_DESKTOP_HOME": str(tmp_path),
        "QT_QPA_PLATFORM": "offscreen",
        "PORTAGE_DESKTOP_PASSPHRASE": "not the right one",
    }
    result = subprocess.run(
        [sys.executable, "-m", "portage_desktop", "--smoke-test", "--database", str(bad)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 1
    assert "does not open" in result.stderr


def test_check_stamp_prints_a_table_and_json(home, tmp_path, capsys):
    import json

    db = tmp_path / "demo.db"
    assert main(["make-demo", str(db)]) == 0
    capsys.readouterr()
    today = date.today()  # the demo is built relative to today
    assert main(["check-stamp", "--database", str(db), "--on", f"{today:%d/%m/%Y}"]) == 0
    out = capsys.readouterr().out
    assert f"Stamp of Approval check on {today:%d/%m/%Y}" in out
    assert "6  ✔ Met" in out and "To fix:" in out
    assert main(["check-stamp", "--database", str(db), "--on", today.isoformat(), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["checked_on"] == today.isoformat()
    assert [c["number"] for c in data["criteria"]] == list(range(1, 9))
    assert {c["status"] for c in data["criteria"]} <= {
        "met",
        "at_risk",
        "not_met",
        "needs_statement",
        "no_evidence",
    }


def test_check_stamp_json_carries_the_records_counted(home, tmp_path, capsys):
    import json

    db = tmp_path / "demo.db"
    assert main(["make-demo", str(db)]) == 0
    capsys.readouterr()
    assert main(["check-stamp", "--database", str(db), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    criteria = {c["number"]: c for c in data["criteria"]}
    for number, criterion in criteria.items():
        assert criterion["records"], number
        assert set(criterion["records"][0]) == {"who", "record", "details", "counted", "why"}
    workshops = [r for r in criteria[6]["records"] if r["record"] == "Portage Workshop"]
    assert any(not r["counted"] and r["why"] == "trainer not NPA-accredited" for r in workshops)
    assert any(r["counted"] and "NPA-accredited: yes" in r["details"] for r in workshops)
    reviews = [r for r in criteria[4]["records"] if r["record"] == "Review with parents"]
    assert reviews and all(r["details"].startswith("held ") for r in reviews)
    assert {r["record"] for r in criteria[4]["records"]} >= {
        "Active plan",
        "Goal: play and personal development",
        "Goal: learning, physical development and communication",
        "Goal: participation and inclusion in family and community life",
    }
    assert any(r["record"].startswith("Outcome-focused") for r in criteria[5]["records"])
    memberships = criteria[7]["records"]
    assert all(", valid through " in r["details"] for r in memberships)
    assert criteria[7]["because"].endswith(f"before the award year ends on {_uk(data)}")
    assert "up to and including" in data["valid_through"]


def _uk(data: dict) -> str:
    day = date.fromisoformat(data["award_year_ends"])
    return f"{day:%d/%m/%Y}"


def test_stamp_records_print_from_the_command_line(home, tmp_path, capsys):
    db = tmp_path / "demo.db"
    assert main(["make-demo", str(db), "--children", "3"]) == 0
    for kind, words in (
        ("training-matrix", "Staff training matrix"),
        ("application-pack", "Support from a Portage representative"),
    ):
        out = tmp_path / f"{kind}.pdf"
        assert main(["print", kind, "--database", str(db), "--out", str(out)]) == 0
        assert words in pdf_text(out)
    assert main(["print", "--list"]) == 0
    listed = capsys.readouterr().out
    assert "training-matrix" in listed and "application-pack" in listed


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["check-stamp"], "--database PATH or --database-url URL is required"),
        (["check-stamp", "--database", "missing.db"], "no database at"),
        (["check-stamp", "--database", "x.db", "--on", "31/02/2026"], "That date does not exist"),
        (["check-stamp", "--database", "x.db", "--on", "soon"], "Enter a date like"),
    ],
)
def test_check_stamp_errors_are_one_line(home, tmp_path, monkeypatch, capsys, argv, message):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


@pytest.mark.sqlite_only
def test_a_lock_left_by_another_computer_can_be_passed_from_the_command_line(
    home, tmp_path, capsys, monkeypatch
):
    """The window could take over a lock left by a computer that crashed; the command line
    could only say to start the window. It now says how, and does it only when told."""
    import json

    from portage_desktop.data import file_lock

    db = tmp_path / "demo.db"
    assert main(["make-demo", str(db), "--children", "3"]) == 0
    file_lock.lock_path(db).write_text(
        json.dumps({"host": "OFFICE-PC", "pid": 4242, "since": "2026-12-04T09:15:00"})
    )
    out = tmp_path / "list.pdf"
    argv = ["print", "children-list", "--database", str(db), "--out", str(out)]
    capsys.readouterr()
    assert main(argv) == 1
    said = capsys.readouterr().err
    assert "OFFICE-PC" in said and "PORTAGE_DESKTOP_OTHER_COMPUTER_FINISHED=yes" in said
    assert not out.exists()
    monkeypatch.setenv("PORTAGE_DESKTOP_OTHER_COMPUTER_FINISHED", "yes")
    assert main(argv) == 0
    assert out.read_bytes().startswith(b"%PDF")
