"""``import-children``: a spreadsheet into the records from a script, plainly and all or nothing."""

from __future__ import annotations

from pathlib import Path

from portage_desktop.cli import main


def _csv(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_import_children_dry_run_then_import_with_a_mapping(home, tmp_path, capsys):
    db = str(tmp_path / "records.db")
    assert main(["make-demo", db, "--children", "1", "--seed", "2"]) == 0
    capsys.readouterr()
    sheet = _csv(
        tmp_path / "kids.csv",
        "Given,Surname,Born on,Notes\n"
        "Ayo,Bello,01/06/2023,=SUM(A1)\n"
        "Cai,Dunn,31/04/2023,\n"
        "=Eli,Ford,2023-07-09,\n",
    )
    args = ["import-children", sheet, "--database", db, "--map", "Given=first_name"]
    args += ["--map", "Born on=date_of_birth"]
    assert main([*args, "--dry-run"]) == 1
    out = capsys.readouterr().out
    assert "Born on -> Date of birth" in out and "Notes -> (left out)" in out
    assert "Row 3: Date of birth: That date does not exist." in out
    assert "2 to import, 0 duplicates skipped, 1 with problems" in out
    assert "Nothing was written (--dry-run)." in out

    assert main(args) == 1  # problems: nothing written
    assert "Nothing was written: please correct" in capsys.readouterr().out
    assert main([*args, "--skip-problem-rows"]) == 0
    assert "Added 2 to the records." in capsys.readouterr().out
    assert main([*args, "--skip-problem-rows", "--dry-run"]) == 1
    assert "0 to import, 2 duplicates skipped, 1 with problems" in capsys.readouterr().out


def test_import_children_refuses_bad_maps_and_files_plainly(home, tmp_path, capsys):
    db = str(tmp_path / "records.db")
    assert main(["make-demo", db, "--children", "1", "--seed", "2"]) == 0
    sheet = _csv(tmp_path / "kids.csv", "First name,Surname,DOB\nAyo,Bello,01/06/2023\n")
    capsys.readouterr()
    for extra, message in (
        (["--map", "Shoe size=first_name"], 'no column headed "Shoe size"'),
        (["--map", "DOB=shoe_size"], "shoe_size is not a field"),
        (["--map", "DOB"], "--map needs HEADING=FIELD"),
    ):
        assert main(["import-children", sheet, "--database", db, *extra]) != 0
        err = capsys.readouterr().err
        assert message in err and "Traceback" not in err
    pdf = _csv(tmp_path / "kids.pdf", "x")
    assert main(["import-children", pdf, "--database", db]) != 0
    assert "Please choose a .csv or .xlsx file" in capsys.readouterr().err
