"""The one safe writer: whole or nothing, never through a link or onto a device, plain errors."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from portage_desktop.printing import safe_write
from portage_desktop.printing.safe_write import OutputError, check_target, write_file

posix_only = pytest.mark.skipif(os.name != "posix", reason="links, devices and modes are POSIX")


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".partial"))


def test_writes_the_whole_file_and_leaves_nothing_beside_it(tmp_path):
    target = tmp_path / "record.pdf"
    assert write_file(target, b"%PDF-1 new") == target
    assert target.read_bytes() == b"%PDF-1 new"
    assert _leftovers(tmp_path) == []


def test_replaces_an_existing_ordinary_file(tmp_path):
    target = tmp_path / "record.pdf"
    target.write_bytes(b"old")
    write_file(target, b"new")
    assert target.read_bytes() == b"new"


@posix_only
def test_a_new_file_is_private_to_its_owner(tmp_path):
    old = os.umask(0o022)  # even under the usual permissive umask
    try:
        write_file(tmp_path / "record.pdf", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "record.pdf").stat().st_mode) == 0o600


@posix_only
def test_a_device_is_refused_and_left_alone():
    before = os.stat("/dev/full")
    with pytest.raises(OutputError, match="not an ordinary file"):
        write_file(Path("/dev/full"), b"%PDF")
    after = os.stat("/dev/full")
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


@posix_only
def test_a_link_as_the_target_is_refused_and_not_followed(tmp_path):
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me")
    link = tmp_path / "record.pdf"
    link.symlink_to(precious)
    with pytest.raises(OutputError, match="is a link"):
        write_file(link, b"%PDF")
    assert precious.read_text() == "keep me" and link.is_symlink()
    assert _leftovers(tmp_path) == []


@posix_only
def test_a_planted_partial_link_is_never_followed(tmp_path):
    """An attacker who can write in the folder plants the name the old code used."""
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me")
    target = tmp_path / "record.pdf"
    (tmp_path / "record.pdf.partial").symlink_to(precious)
    write_file(target, b"%PDF-1 new")
    assert precious.read_text() == "keep me"
    assert target.read_bytes() == b"%PDF-1 new" and not target.is_symlink()


def test_a_folder_as_the_target_is_refused(tmp_path):
    with pytest.raises(OutputError, match="is a folder"):
        write_file(tmp_path, b"%PDF")


def test_a_missing_folder_is_refused_not_created(tmp_path):
    target = tmp_path / "no-such-folder" / "record.pdf"
    with pytest.raises(OutputError, match="does not exist"):
        write_file(target, b"%PDF")
    assert not target.parent.exists()


def test_a_full_disk_leaves_the_old_file_and_no_leftovers(tmp_path, monkeypatch):
    target = tmp_path / "record.pdf"
    target.write_bytes(b"old")

    def full(_handle: int, _data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(safe_write.os, "write", full)
    with pytest.raises(OutputError, match="disk is full") as refused:
        write_file(target, b"new")
    monkeypatch.undo()
    assert target.read_bytes() == b"old"
    assert _leftovers(tmp_path) == []
    assert "Errno" not in str(refused.value)


def test_a_failed_flush_to_disk_is_reported(tmp_path, monkeypatch):
    def failing(_handle: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(safe_write.os, "fsync", failing)
    with pytest.raises(OutputError, match="could not be written"):
        write_file(tmp_path / "record.pdf", b"new")
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []


@posix_only
def test_a_folder_without_write_permission_is_a_plain_message(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root may write anywhere")
    folder = tmp_path / "locked"
    folder.mkdir(mode=0o500)
    try:
        with pytest.raises(OutputError, match="permission"):
            write_file(folder / "record.pdf", b"x")
    finally:
        folder.chmod(0o700)


def test_the_error_is_an_oserror_with_a_plain_message(tmp_path):
    """Everything that already shows file errors plainly shows this one unchanged."""
    with pytest.raises(OSError) as refused:
        check_target(tmp_path / "missing" / "x.pdf")
    assert refused.value.strerror == str(refused.value)
    assert refused.value.filename is None
