"""The profile editor says, as the words are typed, whether they still fit one page at a
readable size and how much to trim; what it says is what the print does."""

from __future__ import annotations

from portage_desktop.printing.kinds import print_record
from portage_desktop.services import children, profiles
from portage_desktop.ui.children.about_me_tab import ProfileDialog
from tests.conftest import TODAY
from tests.pdf_text import page_count, pdf_text

LONG = "She loves the swings, bubbles and singing with Nan after tea. " * 12


def _dialog(qtbot, ctx, child_id: int) -> ProfileDialog:
    latest = profiles.list_profiles(ctx.db, child_id)
    dialog = ProfileDialog(ctx, child_id, latest[0] if latest else None)
    qtbot.addWidget(dialog)
    dialog.drafts.timer.stop()
    return dialog


def test_typing_too_much_is_flagged_live_and_prints_as_a_full_profile(qtbot, demo_ctx, tmp_path):
    child_id = children.list_children(demo_ctx.db)[0].id
    dialog = _dialog(qtbot, demo_ctx, child_id)
    assert dialog.fit.text() == "Fits on one page."
    assert dialog.fit.accessibleName() == "Fits on one page"
    for field in ("admired_for", "important_to_me", "how_to_support", "interests"):
        dialog.texts[field].setPlainText(LONG)
    edit = next(iter(dialog.texts.values()))
    edit.setFocus()
    qtbot.keyClicks(edit, " And trains.")
    qtbot.waitUntil(lambda: not dialog.fit.fits)
    assert "Too long for one page by about" in dialog.fit.text()
    assert "full profile over 2 pages" in dialog.fit.text()

    dialog.written_on.edit.setText("21/11/2026")
    dialog.save()
    assert profiles.list_profiles(demo_ctx.db, child_id)[0].written_on.day == 21
    out = print_record(demo_ctx.db, "one-page-profile", child_id, tmp_path / "p.pdf", TODAY)
    assert page_count(out) == 2
    assert "Finding out about me (full profile)" in pdf_text(out)


def test_trimming_brings_it_back_to_one_page(qtbot, demo_ctx):
    child_id = children.list_children(demo_ctx.db)[0].id
    dialog = _dialog(qtbot, demo_ctx, child_id)
    edits = list(dialog.texts.values())
    for edit in edits:
        edit.setPlainText(LONG)
    qtbot.waitUntil(lambda: not dialog.fit.fits)
    for edit in edits:
        edit.selectAll()
        qtbot.keyClicks(edit, "Bubbles.")
    qtbot.waitUntil(lambda: dialog.fit.fits)
    assert dialog.fit.text() == "Fits on one page."
    dialog.dirty = False
