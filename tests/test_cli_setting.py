"""``export-setting`` and ``import-setting`` from the command line: plain lines, nothing partial."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from portage_desktop.cli import main


def _demo(tmp_path: Path) -> Path:
    db = tmp_path / "demo.db"
    assert main(["make-demo", str(db), "--children", "5", "--seed", "2"]) == 0
    return db


def _tables(path: Path) -> dict:
    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read("setting.json"))["tables"]


def test_export_import_export_gives_the_same_content(home, tmp_path, capsys):
    db = _demo(tmp_path)
    first, second, new = tmp_path / "a.zip", tmp_path / "b.zip", tmp_path / "new.db"
    assert main(["export-setting", "--database", str(db), "--out", str(first)]) == 0
    assert main(["import-setting", str(first), "--database", str(new)]) == 0
    assert main(["export-setting", "--database", str(new), "--out", str(second)]) == 0
    out = capsys.readouterr().out
    assert "Wrote " in out and "Imported " in out
    before, after = _tables(first), _tables(second)
    history, now = before.pop("audit_entry"), after.pop("audit_entry")
    assert before == after
    assert now[: len(history)] == history and len(now) == len(history) + 1
    assert now[-1]["action"] == "restore"


def test_import_over_an_existing_database_is_refused_untouched(home, tmp_path, capsys):
    db = _demo(tmp_path)
    out = tmp_path / "a.zip"
    assert main(["export-setting", "--database", str(db), "--out", str(out)]) == 0
    before = db.read_bytes()
    assert main(["import-setting", str(out), "--database", str(db)]) == 1
    err = capsys.readouterr().err
    assert "already exists" in err and "Traceback" not in err
    assert db.read_bytes() == before


def test_a_broken_file_lists_its_problems_and_makes_no_database(home, tmp_path, capsys):
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr(
            "setting.json",
            json.dumps({"format": "portage-desktop-setting", "version": 7, "tables": []}),
        )
    new = tmp_path / "new.db"
    assert main(["import-setting", str(bad), "--database", str(new)]) == 1
    err = capsys.readouterr().err
    assert "nothing was imported" in err
    assert "version:" in err and "tables: must be an object" in err
    assert "Traceback" not in err
    assert not new.exists()
    assert list(tmp_path.glob("new.db*")) == []


def test_not_a_zip_is_one_plain_line(home, tmp_path, capsys):
    bad = tmp_path / "bad.zip"
    bad.write_text("hello")
    assert main(["import-setting", str(bad), "--database", str(tmp_path / "n.db")]) == 1
    err = capsys.readouterr().err
    assert "not a zip file" in err and "Traceback" not in err
    assert not (tmp_path / "n.db").exists()


def test_export_never_writes_through_a_link(home, tmp_path, capsys):
    db = _demo(tmp_path)
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("keep")
    link = tmp_path / "out.zip"
    link.symlink_to(elsewhere)
    assert main(["export-setting", "--database", str(db), "--out", str(link)]) == 1
    err = capsys.readouterr().err
    assert "link" in err and "Traceback" not in err
    assert elsewhere.read_text() == "keep"
