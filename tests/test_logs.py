"""The log is rotated when the app starts, keeping three earlier logs."""

from __future__ import annotations

from portage_desktop import logs


def test_a_full_log_is_moved_aside_and_the_oldest_dropped(tmp_path):
    log = tmp_path / "portage-desktop.log"
    log.write_bytes(b"x" * logs.MAX_BYTES)
    for n in (1, 2, 3):
        (tmp_path / f"portage-desktop.log.{n}").write_text(f"earlier {n}")
    logs._rotate(log)
    assert not log.exists()
    assert (tmp_path / "portage-desktop.log.1").stat().st_size == logs.MAX_BYTES
    assert (tmp_path / "portage-desktop.log.2").read_text() == "earlier 1"
    assert (tmp_path / "portage-desktop.log.3").read_text() == "earlier 2"
    assert not (tmp_path / "portage-desktop.log.4").exists()


def test_a_log_with_room_left_is_kept(tmp_path):
    log = tmp_path / "portage-desktop.log"
    log.write_text("a line\n")
    logs._rotate(log)
    assert log.read_text() == "a line\n"
    assert list(tmp_path.iterdir()) == [log]
