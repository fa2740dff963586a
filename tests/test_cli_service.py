"""The home-visiting service's commands, run on the service demo as a script would."""

from __future__ import annotations

import json

from portage_desktop.cli import main
from tests.pdf_text import pdf_text


def test_service_demo_waiting_list_caseloads_and_prints(home, tmp_path, capsys):
    db = str(tmp_path / "service.db")
    assert main(["make-demo", db, "--service", "--seed", "3"]) == 0
    assert "home-visiting service" in capsys.readouterr().out

    assert main(["waiting-list", "--database", db]) == 0
    text = capsys.readouterr().out
    assert "families waiting on" in text and "  1. " in text and "eligible until" in text
    assert main(["waiting-list", "--database", db, "--json"]) == 0
    waiting = json.loads(capsys.readouterr().out)
    assert [w["position"] for w in waiting] == list(range(1, len(waiting) + 1))
    assert all(w["reason"].startswith(f"{w['name']} is ") for w in waiting)

    assert main(["caseloads", "--database", db, "--json"]) == 0
    loads = json.loads(capsys.readouterr().out)
    assert len(loads) == 6 and {c["family_limit"] for c in loads} >= {16.0, 8.0}
    child = next(c["caseload"][0]["child_id"] for c in loads if c["caseload"])
    assert main(["caseloads", "--database", db]) == 0
    assert "families" in capsys.readouterr().out

    out = tmp_path / "visit.pdf"
    assert (
        main(["print", "visit-record", "--database", db, "--child", str(child), "--out", str(out)])
        == 0
    )
    assert "Our visit" in pdf_text(out) and "Your notes this week" in pdf_text(out)
    out = tmp_path / "agreement.pdf"
    args = ["print", "service-agreement", "--database", db, "--child", str(child)]
    assert main([*args, "--out", str(out)]) == 0
    assert "What we ask of you" in pdf_text(out)
    out = tmp_path / "letter.pdf"
    args = ["print", "referral-outcome", "--database", db, "--child", str(child)]
    assert main([*args, "--out", str(out)]) == 0
    assert "referral" in pdf_text(out)
    capsys.readouterr()

    args = ["print", "children-list", "--database", db, "--visit", "3", "--out", str(out)]
    assert main(args) == 1
    assert "--visit goes with visit-record" in capsys.readouterr().err
    args = ["print", "visit-record", "--database", db, "--child", str(child), "--visit", "999999"]
    assert main([*args, "--out", str(out)]) == 1
    assert "has no visit numbered 999999" in capsys.readouterr().err


def test_service_goes_with_demo_only(home, capsys):
    assert main(["--service"]) == 1
    assert "--service goes with --demo" in capsys.readouterr().err


def test_a_small_large_service_demo_in_bulk(home, tmp_path, capsys):
    db = str(tmp_path / "large.db")
    assert main(["make-demo", db, "--service", "--large", "--scale", "0.01"]) == 0
    assert "40 children" in capsys.readouterr().out
    assert main(["caseloads", "--database", db, "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2
    assert main(["make-demo", str(tmp_path / "x.db"), "--service", "--children", "3"]) == 1
    assert "--service does not go with --children" in capsys.readouterr().err


def test_the_groups_next_registers_print_from_the_command_line(home, tmp_path, capsys):
    db = str(tmp_path / "service.db")
    assert main(["make-demo", db, "--service", "--seed", "3"]) == 0
    out = tmp_path / "registers.pdf"
    assert main(["print", "group-register", "--database", db, "--out", str(out)]) == 0
    text = pdf_text(out)
    assert "Stay and Play: register" in text and "Music and Movement: register" in text
    assert "What was talked about" in text
