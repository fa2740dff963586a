"""``check-service`` and ``print service-report`` / ``evaluation-questionnaire`` on the service
demo, and plain one-line errors for bad input."""

from __future__ import annotations

import json

from portage_desktop.cli import main
from tests.pdf_text import pdf_text


def test_check_service_json_gives_each_point_with_evidence(home, tmp_path, capsys):
    db = str(tmp_path / "service.db")
    assert main(["make-demo", db, "--service", "--seed", "3"]) == 0
    capsys.readouterr()
    assert main(["check-service", "--database", db, "--on", "20/11/2026", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["checked_on"] == "2026-11-20"
    assert [p["number"] for p in result["points"]] == list(range(1, 9))
    for point in result["points"]:
        assert point["status"] in {"met", "at_risk", "not_met"} and point["evidence"]
        if point["status"] != "met":
            assert point["to_fix"]
    assert [p["essential"] for p in result["points"]] == [True] * 6 + [False] * 2
    visiting = result["points"][0]
    assert visiting["records"] and all(r.startswith("home_visit ") for r in visiting["records"])
    assert main(["check-service", "--database", db, "--on", "2026-11-20"]) == 0
    assert "Registered-service check on 20/11/2026" in capsys.readouterr().out

    out = tmp_path / "report.pdf"
    args = ["print", "service-report", "--database", db, "--year", "2026", "--out", str(out)]
    assert main(args) == 0
    assert "Referrals received" in pdf_text(out)


def test_bad_input_is_one_plain_line(home, tmp_path, capsys):
    db = str(tmp_path / "service.db")
    assert main(["make-demo", db, "--service", "--seed", "3"]) == 0
    capsys.readouterr()
    assert main(["check-service", "--database", db, "--on", "31/02/2026"]) != 0
    assert "Traceback" not in capsys.readouterr().err
    out = str(tmp_path / "x.pdf")
    assert main(["print", "children-list", "--database", db, "--year", "2026", "--out", out]) != 0
    assert "--year goes with service-report" in capsys.readouterr().err
    plain = str(tmp_path / "setting.db")  # a nursery's demo: no questionnaire written
    assert main(["make-demo", plain, "--children", "2"]) == 0
    capsys.readouterr()
    assert (
        main(
            ["print", "evaluation-questionnaire", "--database", plain, "--child", "1", "--out", out]
        )
        != 0
    )
    assert "no questionnaire yet" in capsys.readouterr().err


def test_the_demo_step_gives_the_service_demo_its_evidence(home, tmp_path, capsys):
    from datetime import date

    from portage_desktop.cli_open import open_existing
    from portage_desktop.demo.service_quality import add_quality_records

    db_path = str(tmp_path / "service.db")
    assert main(["make-demo", db_path, "--service", "--seed", "3"]) == 0
    db = open_existing(db_path, None)
    try:
        add_quality_records(db, seed=3)
    finally:
        db.dispose()
    capsys.readouterr()
    assert main(["check-service", "--database", db_path, "--json"]) == 0
    points = {p["number"]: p for p in json.loads(capsys.readouterr().out)["points"]}
    assert points[3]["status"] == "met"  # every visitor Workshop-trained
    assert points[5]["status"] in {"met", "at_risk"}  # four members in a team of six
    assert points[4]["status"] != "met"  # the newest visitor is still working through it
    assert points[8]["status"] == "met"
    out = tmp_path / "questionnaire.pdf"
    args = ["print", "evaluation-questionnaire", "--database", db_path, "--child", "1"]
    assert main([*args, "--out", str(out)]) == 0
    assert "tick one box" in pdf_text(out)
    year = str(date.today().year)
    report = tmp_path / "report.pdf"
    assert (
        main(
            ["print", "service-report", "--database", db_path, "--year", year, "--out", str(report)]
        )
        == 0
    )
    assert "Parents' evaluation" in pdf_text(report)
