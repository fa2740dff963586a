"""A kept file's name can never point outside a folder, and a record number of any size is a
plain "no such child"."""

from __future__ import annotations

import pytest

from portage_desktop.cli import main
from portage_desktop.printing.kinds import PrintError, find_child_id
from portage_desktop.services import attachments, children, observations
from portage_desktop.services.attachments import FileToAttach, safe_filename
from portage_desktop.services.errors import NotFoundError
from portage_desktop.services.observations import ObservationInput
from portage_desktop.services.record_vocabulary import AuthorKind, ObservationKind
from portage_desktop.services.validation import MAX_RECORD_ID
from tests.conftest import TODAY
from tests.services.plan_helpers import add_child

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("..", "attachment"),
        ("a/..", "attachment"),
        ("a\\..", "attachment"),
        (".", "attachment"),
        ("", "attachment"),
        ("../../home/amy/.bashrc", "bashrc"),
        ("C:\\Users\\Amy\\..\\photo.png", "photo.png"),
        ("photo\u202egnp.exe", "photo_gnp.exe"),
        ('what?"<>|*.png', "what______.png"),
        ("Amy at play.jpg", "Amy at play.jpg"),
        ("Zoë.png", "Zoë.png"),
    ],
)
def test_a_file_name_becomes_a_safe_name(given, kept):
    assert safe_filename(given) == kept


def test_a_very_long_name_keeps_its_ending():
    name = safe_filename("x" * 500 + ".jpeg")
    assert len(name) == attachments.NAME_MAX and name.endswith(".jpeg")


@pytest.mark.parametrize("name", ["..", "a/.."])
def test_an_attached_file_named_dot_dot_is_kept_under_a_safe_name(db, name):
    child = add_child(db)
    note = ObservationInput(
        kind=ObservationKind.OBSERVATION,
        observed_on=TODAY,
        author_kind=AuthorKind.STAFF,
        author_name="Kay Rowe",
        text="Played with the sand",
        new_files=(FileToAttach(name, PNG),),
    )
    observations.save_observation(db, child, note, today=TODAY)
    [saved] = observations.list_observations(db, child)
    [info] = saved.files
    assert info.filename == "attachment"
    assert attachments.open_attachment(db, child, info.id).filename == "attachment"


@pytest.mark.parametrize(
    "typed", ["999999999999999999999", str(MAX_RECORD_ID + 1), "9" * 5000, "0", "00"]
)
def test_a_record_number_of_any_size_is_no_such_child(db, typed):
    add_child(db)
    with pytest.raises(PrintError, match="No child has record number"):
        find_child_id(db, typed)


def test_the_child_lookups_never_overflow(db):
    assert not children.child_exists(db, 10**21)
    assert not children.child_exists(db, -1)
    with pytest.raises(NotFoundError):
        children.get_child(db, 10**21)


def test_a_superscript_digit_is_read_as_a_name_not_a_number(db):
    with pytest.raises(PrintError, match='No child is called "²"'):
        find_child_id(db, "²")


def test_the_command_line_says_no_such_child(home, tmp_path, capsys):
    db = str(tmp_path / "demo.db")
    assert main(["make-demo", db, "--children", "2"]) == 0
    capsys.readouterr()
    out = str(tmp_path / "p.pdf")
    argv = ["print", "one-page-profile", "--database", db, "--out", out]
    assert main([*argv, "--child", "999999999999999999999"]) == 1
    err = capsys.readouterr().err
    assert "No child has record number 999999999999999999999" in err
    assert "OverflowError" not in err and err.count("\n") == 1


def test_an_odd_file_name_is_made_safe_rather_than_refusing_the_note(db):
    child = add_child(db)
    note = ObservationInput(
        kind=ObservationKind.OBSERVATION,
        observed_on=TODAY,
        author_kind=AuthorKind.STAFF,
        author_name="Kay Rowe",
        text="Played with the sand",
        new_files=(FileToAttach("sand\u202egnp.exe", PNG),),
    )
    observations.save_observation(db, child, note, today=TODAY)
    [saved] = observations.list_observations(db, child)
    assert [f.filename for f in saved.files] == ["sand_gnp.exe"]
