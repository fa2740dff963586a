"""The review step: identifying text planted in a plan never reaches the printed pack, and the
claim that no child can be identified is printed only after a person has confirmed the plans."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWizard

from portage_desktop.printing import stamp as print_stamp
from portage_desktop.printing.kinds import print_record
from portage_desktop.services.staff import list_staff
from portage_desktop.ui.common import pdf_save
from portage_desktop.ui.stamp import plan_review, stamp_wizard
from portage_desktop.ui.stamp.stamp_wizard import StampWizard
from tests.pdf_text import pdf_text
from tests.reports.test_application_pack import PLANS

CLAIM = "no child or family can be identified"
LEAKY = replace(
    PLANS[0],
    child_first_name="Łukasz",
    child_last_name="Nowak",
    known_as="Luki",
    family_names=("Anna Nowak",),
    other_children=("Noah Brennan", "Ava"),
    goal="Luki will ask for more at snack time",
    target=(
        "Lukasz (born 4th November 2025, seen 10.02.22) signs more with Anna. Lucasz sat with "
        "the Brennan twins at 12 Acacia Road, LS6 2AB. NHS 943 476 5919. He goes to "
        "Bramblewood Primary."
    ),
    steps=("Luki's turn first",),
    how_to_help="Praise every try.",
    agreed_with_parent="Anna Nowak",
)
PLANTED = [
    "Łukasz", "Lukasz", "Lucasz", "Luki", "Nowak", "Anna", "Brennan", "November 2025",
    "10.02.22", "Acacia", "LS6", "5919", "Bramblewood",
]  # fmt: skip


def _retype(qtbot, editor, lines: list[str]) -> None:
    """Select everything and type the lines, pressing Enter between them."""
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    for i, line in enumerate(lines):
        if i:
            qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.keyClicks(editor, line)


def test_planted_text_never_reaches_the_pack_and_the_claim_waits_for_confirmation(
    qtbot, demo_ctx, monkeypatch, tmp_path
):
    plans = [LEAKY, *PLANS[1:3]]
    monkeypatch.setattr(stamp_wizard, "plans_for_application", lambda _db: plans)
    monkeypatch.setattr(print_stamp, "plans_for_application", lambda _db: plans)
    out = tmp_path / "pack.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(out), ""))
    monkeypatch.setattr(pdf_save, "confirm_saved", lambda *_a: None)
    staff = list_staff(demo_ctx.db)[0].full_name
    wizard = StampWizard(demo_ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    while wizard.currentPage() is not wizard.plans_page:
        qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    chooser = wizard.plans_page.list
    chooser.setFocus()
    chooser.setCurrentRow(0)
    qtbot.keyClick(chooser, Qt.Key.Key_Space)  # the leaky plan, chosen with the keyboard
    assert wizard.plans_page.chosen() == (LEAKY.id,)
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    page = wizard.review_page
    assert wizard.currentPage() is page
    panel = page.panels[0]
    assert not page.make.isEnabled()  # nothing can be made before the review

    # Before any confirmation, the pack made elsewhere carries no plan and no claim.
    unreviewed = pdf_text(print_record(demo_ctx.db, "application-pack", None, tmp_path / "u.pdf"))
    assert CLAIM not in unreviewed and "Luki" not in unreviewed

    listed = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert "Replaced [4th November 2025] with “[date]” (date)" in listed
    assert "Check [Lucasz]: looks like a name in the records" in listed
    assert "Check [Bramblewood]: capitalised word" in listed
    assert not panel.confirm.isEnabled()

    # The reviewer rewrites the target line, which held the suspects, with the keyboard.
    panel.editor.setFocus()
    lines = panel.editor.toPlainText().splitlines()
    target = "Target: The child signs more at snack time with a member of staff."
    clean = [lines[0], target, *lines[2:]]
    _retype(qtbot, panel.editor, [line.replace("a member of staff", staff) for line in clean])
    # A staff member's name typed in is caught at once and must be dealt with too.
    assert staff in {f.text for f in panel.suspects}
    assert not panel.confirm.isEnabled()
    _retype(qtbot, panel.editor, clean)
    assert panel.suspects == []
    panel.list.setFocus()
    for row in range(panel.list.count()):  # accept each remaining replacement with Space
        panel.list.setCurrentRow(row)
        qtbot.keyClick(panel.list, Qt.Key.Key_Space)
    assert panel.open_items() == 0 and panel.confirm.isEnabled()
    qtbot.mouseClick(panel.confirm, Qt.MouseButton.LeftButton)
    assert page.make.isEnabled()
    assert page.tabs.tabText(0).startswith("✓")

    qtbot.mouseClick(page.make, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: out.exists() and out.stat().st_size > 0, timeout=20000)
    text = pdf_text(out)
    plans_part = text.split("Four individual plans")[1].split("Support from a Portage")[0]
    for planted in PLANTED:
        assert planted not in plans_part, f"{planted!r} reached the printed plans"
        # The rest of the pack (the demo's own records) may hold a date, never these names.
        assert planted in ("November 2025",) or planted not in text
    assert staff not in plans_part
    assert "The child signs more at snack time with a member of staff." in text
    assert CLAIM in " ".join(text.split())


def test_an_edit_after_confirming_needs_confirming_again(qtbot, demo_ctx, monkeypatch):
    monkeypatch.setattr(stamp_wizard, "plans_for_application", lambda _db: [PLANS[3]])
    wizard = StampWizard(demo_ctx)
    qtbot.addWidget(wizard)
    wizard.plans_page.set_chosen((PLANS[3].id,))
    wizard.show()
    while wizard.currentPage() is not wizard.review_page:
        wizard.next()
    panel = wizard.review_page.panels[0]
    for row in range(panel.list.count()):
        panel.list.item(row).setCheckState(Qt.CheckState.Checked)
    panel.confirm.setChecked(True)
    assert wizard.review_page.confirmed()
    panel.editor.setFocus()
    qtbot.keyClicks(panel.editor, " Bath")
    assert not panel.confirm.isChecked()
    assert wizard.review_page.confirmed() == []
    assert not wizard.review_page.make.isEnabled()
    asked: list[object] = []
    monkeypatch.setattr(plan_review, "save_pdf", lambda *a, **_k: asked.append(a))
    wizard.review_page.make_pack()  # even called directly, nothing unconfirmed is made
    assert asked == []


def test_the_review_step_fits_a_small_screen(qtbot, demo_ctx, monkeypatch):
    monkeypatch.setattr(stamp_wizard, "plans_for_application", lambda _db: [LEAKY, *PLANS[1:]])
    wizard = StampWizard(demo_ctx)
    qtbot.addWidget(wizard)
    wizard.plans_page.set_chosen(tuple(p.id for p in [LEAKY, *PLANS[1:]]))
    wizard.show()
    while wizard.currentPage() is not wizard.review_page:
        wizard.next()
    assert wizard.width() <= 1366 and wizard.height() <= 768
    assert len(wizard.review_page.panels) == 4
    for widget in (wizard.review_page.panels[0].editor, wizard.review_page.panels[0].list):
        assert widget.accessibleName()
