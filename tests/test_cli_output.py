"""Printing and exporting to a place that cannot take the file: one plain line, non-zero exit,
and nothing written, replaced or followed."""

from __future__ import annotations

import os
import stat

import pytest

from portage_desktop.cli import main
from portage_desktop.printing.kinds import print_record
from portage_desktop.printing.safe_write import OutputError
from tests.pdf_text import pdf_text

posix_only = pytest.mark.skipif(os.name != "posix", reason="links and devices are POSIX")


def _one_plain_line(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    assert "Wrote" not in captured.out
    assert captured.err.count("\n") == 1 and "Traceback" not in captured.err
    assert "Errno" not in captured.err
    return captured.err


@posix_only
def test_print_and_export_refuse_bad_places(home, tmp_path, capsys):
    db = str(tmp_path / "demo.db")
    assert main(["make-demo", db, "--children", "3"]) == 0
    capsys.readouterr()

    before = os.stat("/dev/full")
    assert main(["print", "children-list", "--database", db, "--out", "/dev/full"]) == 1
    assert "not an ordinary file" in _one_plain_line(capsys)
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)
    assert os.stat("/dev/full").st_ino == before.st_ino

    precious = tmp_path / "precious.txt"
    precious.write_text("keep me")
    link = tmp_path / "list.pdf"
    link.symlink_to(precious)
    assert main(["print", "children-list", "--database", db, "--out", str(link)]) == 1
    assert "is a link" in _one_plain_line(capsys)
    assert precious.read_text() == "keep me"

    missing = tmp_path / "no-such-folder" / "list.pdf"
    assert main(["print", "children-list", "--database", db, "--out", str(missing)]) == 1
    assert "does not exist" in _one_plain_line(capsys)
    assert not missing.parent.exists()

    out = tmp_path / "exports"
    assert main(["export-child", "--database", db, "--child", "1", "--out", str(out)]) == 1
    assert "does not exist" in _one_plain_line(capsys)
    assert not out.exists()

    good = tmp_path / "ok.pdf"
    assert main(["print", "children-list", "--database", db, "--out", str(good)]) == 0
    assert "3 children" in pdf_text(good)
    assert stat.S_IMODE(good.stat().st_mode) == 0o600


@posix_only
def test_the_print_service_refuses_a_link_too(demo_db, tmp_path):
    """The report builder writes through the safe writer too, not only the command line."""
    folder = tmp_path / "out"
    folder.mkdir()
    precious = folder / "precious.txt"
    precious.write_text("keep me")
    link = folder / "list.pdf"
    link.symlink_to(precious)
    with pytest.raises(OutputError, match="is a link"):
        print_record(demo_db, "children-list", None, link)
    assert precious.read_text() == "keep me"
    assert sorted(p.name for p in folder.iterdir()) == ["list.pdf", "precious.txt"]


def test_a_subject_access_export_is_not_half_written(demo_db, tmp_path):
    """A refused place for the PDF is found before the JSON is written, so no lone half."""
    from datetime import date

    from portage_desktop.printing.kinds import export_child

    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "child-1-subject-access-2026-01-01.pdf").mkdir()  # the PDF's name is a folder
    with pytest.raises(OutputError, match="is a folder"):
        export_child(demo_db, 1, folder, today=date(2026, 1, 1))
    assert [p.name for p in folder.iterdir()] == ["child-1-subject-access-2026-01-01.pdf"]
