"""The child record screen, driven from the keyboard as a SENCO would, checked in the database."""

from __future__ import annotations

import json
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox

from portage_desktop.services import assessments, children, consent, family, frameworks
from portage_desktop.services.dates import format_date
from portage_desktop.services.record_vocabulary import ConsentPurpose, Contributor, PhotoUse
from portage_desktop.ui.assessment.assessment_dialog import AssessmentDialog
from portage_desktop.ui.assessment.status_table import STATUS
from portage_desktop.ui.children.child_record import ChildRecordWindow
from tests.conftest import reopen
from tests.ui.conftest import make_ctx, when_modal_opens


def _open_from_list(qtbot, window) -> ChildRecordWindow:
    page = window.children_page
    window.go_to(1)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    record = page.record_windows[page.selected_child().id]
    qtbot.waitExposed(record)
    return record


def test_a_senco_builds_the_holistic_record_and_finds_it_after_a_restart(
    qtbot, demo_ctx, home, open_window
):
    window = open_window(demo_ctx)
    record = _open_from_list(qtbot, window)
    child_id = record.child_id
    name = children.get_child(demo_ctx.db, child_id).first_name
    assert name in record.windowTitle()
    before = len(family.list_family(demo_ctx.db, child_id))

    record.tabs.setCurrentWidget(record.family)

    def add_member(dialog) -> None:
        qtbot.keyClicks(dialog.name, "Ewa Kowalska")
        qtbot.keyClicks(dialog.relationship, "Grandma")
        qtbot.keyClick(dialog.lives_with_child, Qt.Key.Key_Space)
        qtbot.keyClicks(dialog.language, "Polish")
        qtbot.keyClick(dialog.interpreter, Qt.Key.Key_Space)
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)

    when_modal_opens(qtbot, add_member)
    qtbot.keyClick(record.family.add_button, Qt.Key.Key_Space)
    members = family.list_family(demo_ctx.db, child_id)
    assert len(members) == before + 1
    grandma = members[-1]
    assert (grandma.relationship, grandma.lives_with_child, grandma.interpreter_needed) == (
        "Grandma",
        True,
        True,
    )
    assert grandma.parental_responsibility is False
    assert record.family.model.rowCount() == before + 1

    record.tabs.setCurrentWidget(record.consent)

    def record_consent(dialog) -> None:
        dialog.purpose.setCurrentIndex(dialog.purpose.findData(ConsentPurpose.PHOTOS))
        qtbot.keyClick(dialog.use_boxes[PhotoUse.DISPLAYS], Qt.Key.Key_Space)
        dialog.decision.setCurrentIndex(1)  # refused: uses are not needed
        qtbot.keyClicks(dialog.decided_by, "Ewa Kowalska")
        qtbot.keyClicks(dialog.decided_on.edit, format_date(date.today()))
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)

    when_modal_opens(qtbot, record_consent)
    qtbot.keyClick(record.consent.add_button, Qt.Key.Key_Space)
    latest = consent.list_consents(demo_ctx.db, child_id)[-1]
    assert (latest.purpose, latest.given, latest.decided_by) == (
        ConsentPurpose.PHOTOS,
        False,
        "Ewa Kowalska",
    )

    record.tabs.setCurrentWidget(record.assessments)
    count = len(assessments.list_assessments(demo_ctx.db, child_id))

    def assess(dialog: AssessmentDialog) -> None:
        table = dialog.table
        assert dialog.framework.currentText().startswith("Portage Desktop Small Steps")
        qtbot.keyClick(dialog.carry_button, Qt.Key.Key_Space)
        assert "Carried forward" in dialog.count.text()
        table.setFocus()
        table.setCurrentCell(0, STATUS)
        for key in (Qt.Key.Key_5, Qt.Key.Key_4, Qt.Key.Key_2):
            qtbot.keyClick(table, key)
        assert table.currentRow() == 3
        qtbot.keyClick(table, Qt.Key.Key_Down)
        qtbot.keyClick(table, Qt.Key.Key_1)
        table.setCurrentCell(1, 4)
        qtbot.keyClicks(table, "W")  # typing in Evidence starts the note
        editor = table.findChild(QLineEdit)
        qtbot.keyClicks(editor, "aves bye to Grandma")
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: table.item(1, 4).text() == "Waves bye to Grandma")
        qtbot.keyClick(dialog.contributor_boxes[Contributor.PARENT], Qt.Key.Key_Space)
        qtbot.keyClicks(dialog.names, "Ewa (Grandma)")
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)

    when_modal_opens(qtbot, assess)
    qtbot.keyClick(record.assessments.new_button, Qt.Key.Key_Space)
    stored = assessments.list_assessments(demo_ctx.db, child_id)
    assert len(stored) == count + 1
    new = stored[-1]
    items = frameworks.get_framework(demo_ctx.db, new.framework_id).items
    assert new.assessed_on == date.today()
    assert [new.entries[i.id].status for i in items[:3]] == [5, 4, 2]
    assert new.entries[items[4].id].status == 1
    assert new.entries[items[1].id].evidence == "Waves bye to Grandma"
    assert Contributor.PARENT in new.contributors
    assert new.contributor_names == "Ewa (Grandma)"
    assert len(new.entries) > 5  # the rest were carried forward from last time
    assert "Ewa (Grandma)" in record.assessments.summary.toPlainText()
    assert record.assessments.chart.points[-1].assessed_on == date.today()

    record.close()
    window.close()
    again = open_window(make_ctx(reopen(demo_ctx.db), home, is_demo=True))
    reopened = _open_from_list(qtbot, again)
    assert reopened.child_id == child_id
    assert reopened.family.model.row_object(before).name == "Ewa Kowalska"
    first_listed = reopened.assessments.list.item(0).text()
    assert first_listed.startswith(format_date(date.today()))
    reopened.close()


def test_a_mistake_is_shown_beside_its_field_and_typed_work_is_not_lost(
    qtbot, demo_ctx, answer_boxes
):
    child_id = children.list_children(demo_ctx.db)[0].id
    record = ChildRecordWindow(demo_ctx, child_id)
    qtbot.addWidget(record)
    said = answer_boxes(question=QMessageBox.StandardButton.Cancel)
    seen: dict[str, str] = {}

    def bad_email(dialog) -> None:
        qtbot.keyClicks(dialog.name, "Tom")
        qtbot.keyClicks(dialog.relationship, "Dad")
        qtbot.keyClicks(dialog.email, "tom.at.home")
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)
        seen["email"] = dialog.errors.text("email")
        dialog.reject()  # asks first; Cancel keeps the dialog open
        seen["open"] = str(dialog.isVisible())

    when_modal_opens(qtbot, bad_email)
    record.family.add_button.click()
    assert "does not look right" in seen["email"]
    assert seen["open"] == "True"
    assert said and said[0][1].startswith("Discard changes?")
    assert all(m.name != "Tom" for m in family.list_family(demo_ctx.db, child_id))


def _import_file(monkeypatch, path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def test_importing_a_checklist_from_the_assessments_tab(
    qtbot, demo_ctx, tmp_path, monkeypatch, answer_boxes
):
    record = ChildRecordWindow(demo_ctx, children.list_children(demo_ctx.db)[0].id)
    qtbot.addWidget(record)
    said = answer_boxes()
    bad = tmp_path / "ours.json"
    bad.write_text(json.dumps({"name": "Ours", "version": "1", "scale": [], "areas": []}, indent=1))
    _import_file(monkeypatch, bad)
    record.assessments.import_button.click()
    assert said[-1][0] == "warning"
    assert 'Line 1, field "scale"' in said[-1][1]
    assert "Nothing was changed" in said[-1][1]
    assert len(frameworks.list_frameworks(demo_ctx.db)) == 2

    good = tmp_path / "ours.csv"
    good.write_text(
        "kind,area,aspect,code,text,meaning,age_from_months,age_to_months\n"
        "name,,,,Ours,,,\nversion,,,,1,,,\n"
        "status,,,1,Not yet,not_yet,,\nstatus,,,2,Yes,achieved,,\n"
        "item,Play,,,Rolls a ball,,,\n"
    )
    _import_file(monkeypatch, good)
    record.assessments.import_button.click()
    assert any(kind == "question" and "1 areas and 1 small steps" in text for kind, text in said)
    assert said[-1] == (
        "information",
        "Checklist imported: Ours (version 1) is ready to use for assessments.",
    )
    assert "Ours" in [f.name for f in frameworks.list_frameworks(demo_ctx.db)]


def test_printing_both_records_from_the_child_screen(qtbot, demo_ctx, tmp_path, monkeypatch):
    from portage_desktop.ui.common import pdf_save

    opened: list[str] = []  # the confirmation, a modal box, says where each PDF was saved
    monkeypatch.setattr(pdf_save, "confirm_saved", lambda _parent, path: opened.append(str(path)))
    child_id = children.list_children(demo_ctx.db)[0].id
    record = ChildRecordWindow(demo_ctx, child_id)
    qtbot.addWidget(record)
    for kind, button in (
        ("one-page-profile", record.print_profile),
        ("assessment-summary", record.print_summary),
    ):
        out = tmp_path / f"{kind}.pdf"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, o=out, **k: (str(o), ""))
        when_modal_opens(qtbot, lambda dialog: dialog.ok_button.click())  # for the family
        button.click()
        qtbot.waitUntil(lambda o=out: str(o) in opened, timeout=10000)
        assert out.read_bytes().startswith(b"%PDF")
    QApplication.processEvents()


@pytest.mark.parametrize("key", [Qt.Key.Key_0, Qt.Key.Key_Delete])
def test_a_status_can_be_cleared_from_the_keyboard(qtbot, demo_ctx, key):
    child_id = children.list_children(demo_ctx.db)[0].id
    dialog = AssessmentDialog(demo_ctx, child_id)  # no earlier checklist: the first is offered
    qtbot.addWidget(dialog)
    table = dialog.table
    assert dialog.framework.currentText().startswith("Portage Desktop Participation")
    table.setCurrentCell(0, STATUS)
    qtbot.keyClick(table, Qt.Key.Key_3)
    assert table.status(0) == 3 and dialog.dirty
    assert "1 of 15 small steps have a status" in dialog.count.text()
    table.setCurrentCell(0, STATUS)
    qtbot.keyClick(table, key)
    assert table.status(0) is None
    qtbot.keyClick(table, Qt.Key.Key_4)  # not on this checklist's scale: nothing happens
    assert table.status(0) is None
    dialog.dirty = False


def test_an_assessment_cut_short_by_a_crash_is_offered_back(
    qtbot, demo_ctx, answer_boxes, monkeypatch
):
    from portage_desktop.services import drafts
    from portage_desktop.ui.common import drafts as draft_keeper

    monkeypatch.setattr(draft_keeper, "DELAY_MS", 50)  # seconds in use; quick in a test

    child_id = children.list_children(demo_ctx.db)[0].id
    first = AssessmentDialog(demo_ctx, child_id)
    qtbot.addWidget(first)
    first.table.setCurrentCell(2, STATUS)
    qtbot.keyClick(first.table, Qt.Key.Key_2)
    qtbot.keyClicks(first.names, "Anna (Mum)")
    qtbot.waitUntil(
        lambda: drafts.find_draft(demo_ctx.db, child_id, "assessment", None) is not None,
        timeout=6000,
    )
    first.hide()  # the app stops here without closing the dialog, as in a crash

    said = answer_boxes(question=QMessageBox.StandardButton.Yes)
    second = AssessmentDialog(demo_ctx, child_id)
    qtbot.addWidget(second)
    assert said[-1][1].startswith("Carry on where you left off?")
    assert second.names.text() == "Anna (Mum)"
    assert second.table.status(2) == 2 and second.dirty
    qtbot.keyClick(second.contributor_boxes[Contributor.PARENT], Qt.Key.Key_Space)
    second.save()
    assert assessments.list_assessments(demo_ctx.db, child_id)[-1].contributor_names == "Anna (Mum)"
    assert drafts.find_draft(demo_ctx.db, child_id, "assessment", None) is None
    first.drafts.timer.stop()


def test_starting_again_throws_the_draft_away(qtbot, demo_ctx, answer_boxes):
    from portage_desktop.services import drafts

    child_id = children.list_children(demo_ctx.db)[0].id
    drafts.save_draft(demo_ctx.db, child_id, "profile", None, {"interests": "Trains"})
    answer_boxes(question=QMessageBox.StandardButton.No)
    from portage_desktop.ui.children.about_me_tab import ProfileDialog

    dialog = ProfileDialog(demo_ctx, child_id, None)
    qtbot.addWidget(dialog)
    assert dialog.texts["interests"].toPlainText() == ""
    assert drafts.find_draft(demo_ctx.db, child_id, "profile", None) is None


def test_professional_other_role_and_consent_fields_follow_the_choice(qtbot, demo_ctx):
    from portage_desktop.services.record_vocabulary import ProfessionalRole
    from portage_desktop.ui.children.family_dialogs import ConsentDialog, ProfessionalDialog

    child_id = children.list_children(demo_ctx.db)[0].id
    pro = ProfessionalDialog(demo_ctx, child_id)
    qtbot.addWidget(pro)
    assert not pro.role_other.isEnabled()
    pro.role.setCurrentIndex(pro.role.findData(ProfessionalRole.OTHER))
    assert pro.role_other.isEnabled()
    qtbot.keyClicks(pro.role_other, "Play therapist")
    qtbot.keyClicks(pro.name, "Sam Lee")
    pro.save()
    assert family.list_professionals(demo_ctx.db, child_id)[-1].role_label == "Play therapist"

    dialog = ConsentDialog(demo_ctx, child_id)
    qtbot.addWidget(dialog)
    dialog.purpose.setCurrentIndex(dialog.purpose.findData(ConsentPurpose.SHARE_WITH_AGENCY))
    assert dialog.agency.isEnabled() and not dialog.uses_box.isEnabled()
    holder = next(
        m.name for m in family.list_family(demo_ctx.db, child_id) if m.parental_responsibility
    )
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.decided_by.setFocus()
    qtbot.waitUntil(dialog.decided_by.hasFocus)
    qtbot.keyClicks(dialog.decided_by, holder[:4])
    dialog.dirty = False  # never leave a real "Discard changes?" box open if an assert fails
    assert dialog.decided_by.text() == holder  # the rest of the name is offered
    qtbot.keyClick(dialog.decided_by, Qt.Key.Key_End)
    qtbot.keyClicks(dialog.decided_on.edit, "01/01/2026")
    dialog.save()
    assert "name the agency" in dialog.errors.text("agency")
    dialog.purpose.setCurrentIndex(dialog.purpose.findData(ConsentPurpose.PHOTOS))
    assert dialog.uses_box.isEnabled() and not dialog.agency.isEnabled()
    dialog.dirty = False


def test_changing_checklist_mid_assessment_asks_first(qtbot, demo_ctx, answer_boxes):
    child_id = children.list_children(demo_ctx.db)[0].id
    dialog = AssessmentDialog(demo_ctx, child_id)
    qtbot.addWidget(dialog)
    dialog.table.setCurrentCell(0, STATUS)
    qtbot.keyClick(dialog.table, Qt.Key.Key_3)
    said = answer_boxes(question=QMessageBox.StandardButton.Cancel)
    dialog.framework.setCurrentIndex(1)
    assert said[-1][1].startswith("Change the checklist?")
    assert dialog.framework.currentIndex() == 0 and dialog.table.status(0) == 3
    answer_boxes(question=QMessageBox.StandardButton.Yes)
    dialog.framework.setCurrentIndex(1)
    assert dialog.table.rowCount() >= 150 and dialog.table.entries() == {}
    dialog.dirty = False


def test_a_read_only_user_sees_the_record_and_is_told_plainly_when_saving(qtbot, demo_ctx):
    from portage_desktop.services.access import Actor, Role, set_actor

    set_actor(demo_ctx.db, Actor("viewer", "Viewer", Role.READ_ONLY))
    child_id = children.list_children(demo_ctx.db)[0].id
    record = ChildRecordWindow(demo_ctx, child_id)
    qtbot.addWidget(record)
    assert record.family.model.rowCount() >= 1
    from portage_desktop.ui.children.family_dialogs import FamilyMemberDialog

    dialog = FamilyMemberDialog(demo_ctx, child_id)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name, "Tom")
    qtbot.keyClicks(dialog.relationship, "Dad")
    dialog.save()
    assert "Your role (Read only) cannot do this" in dialog.general_error.text()
    dialog.dirty = False


def test_a_new_profile_version_is_shown_and_the_earlier_one_kept(qtbot, demo_ctx):
    from portage_desktop.services import profiles

    child_id = children.list_children(demo_ctx.db)[0].id
    record = ChildRecordWindow(demo_ctx, child_id)
    qtbot.addWidget(record)
    tab = record.profile
    before = tab.version.count()
    earlier_text = tab.text.toPlainText()

    def write(dialog) -> None:
        dialog.texts["interests"].setPlainText("Dinosaurs & diggers <big ones>")
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)

    when_modal_opens(qtbot, write)
    tab.new_button.click()
    assert tab.version.count() == before + 1
    assert tab.version.currentText().endswith("(latest)")
    assert "Dinosaurs & diggers <big ones>" in tab.text.toPlainText()
    assert (
        profiles.list_profiles(demo_ctx.db, child_id)[0].interests
        == "Dinosaurs & diggers <big ones>"
    )
    tab.version.setCurrentIndex(1)
    assert tab.text.toPlainText() == earlier_text


def test_a_first_assessment_starts_on_the_full_checklist(qtbot, ctx):
    """The short Participation checklist sorts first; a new assessment offers the full one."""
    from tests.services.plan_helpers import add_child

    child_id = add_child(ctx.db)
    record = ChildRecordWindow(ctx, child_id)
    qtbot.addWidget(record)
    record.show()
    record.tabs.setCurrentWidget(record.assessments)
    offered: list[str] = []

    def look(dialog: AssessmentDialog) -> None:
        offered.append(dialog.framework.currentText())
        dialog.reject()

    when_modal_opens(qtbot, look)
    qtbot.keyClick(record.assessments.new_button, Qt.Key.Key_Space)
    assert offered and offered[0].startswith("Portage Desktop Small Steps")


def test_guidance_is_read_not_marked_and_keys_step_over_it(qtbot, ctx):
    """A checklist with guidance and checkpoints: the guidance says so in words and takes no
    status; a number key on a step moves on to the next entry that takes one."""
    from portage_desktop.checklist_format import parse_json
    from portage_desktop.ui.assessment.status_table import STEP, StatusTable
    from tests.services.test_checklist_kinds import FRAMEWORK

    stored = frameworks.import_framework(ctx.db, parse_json(json.dumps(FRAMEWORK)))
    detail = frameworks.get_framework(ctx.db, stored.id)
    table = StatusTable()
    qtbot.addWidget(table)
    table.show()
    table.load(detail, {})
    assert table.item(0, STEP).text().startswith("Guidance: ")
    assert table.item(0, STATUS).text() == "(guidance)"
    assert table.item(2, STEP).text().startswith("Checkpoint: ")
    assert table.currentRow() == 1  # it starts on the first entry that takes a status
    table.setCurrentCell(0, STATUS)
    qtbot.keyClick(table, Qt.Key.Key_3)
    assert table.status(0) is None  # guidance is never marked
    table.setCurrentCell(1, STATUS)
    qtbot.keyClick(table, Qt.Key.Key_4)
    assert table.status(1) == 4 and table.currentRow() == 2
    qtbot.keyClick(table, Qt.Key.Key_2)
    assert table.status(2) == 2 and table.currentRow() == 3
    assert set(table.entries()) == {detail.items[1].id, detail.items[2].id}


@pytest.mark.parametrize(
    ("today", "usual"),
    [
        (date(2026, 12, 4), date(2026, 11, 30)),  # a Friday: this week
        (date(2026, 12, 5), date(2026, 12, 7)),  # a Saturday: next week
        (date(2026, 12, 7), date(2026, 12, 7)),  # the Monday: this week
    ],
)
def test_the_chart_week_offered_first_is_the_usual_one(qtbot, today, usual):
    from portage_desktop.ui.plans.chart_week_dialog import ChartWeekDialog

    dialog = ChartWeekDialog(today)
    qtbot.addWidget(dialog)
    assert dialog.week == usual
    assert dialog.choice.itemText(0).startswith("This week: Monday ")


def test_printing_a_home_chart_asks_which_week_and_prints_that_week(
    qtbot, demo_ctx, monkeypatch, tmp_path
):
    from portage_desktop.ui.children import child_record as record_module
    from portage_desktop.ui.plans.chart_week_dialog import ChartWeekDialog
    from tests.pdf_text import pdf_text

    child = next(c.id for c in children.list_children(demo_ctx.db) if c.first_name and c.id)
    record = ChildRecordWindow(demo_ctx, child)
    qtbot.addWidget(record)
    chosen = {}

    def pick_the_week_after_next(dialog: ChartWeekDialog) -> int:
        dialog.choice.setCurrentIndex(2)
        chosen["week"] = dialog.week
        return 1

    monkeypatch.setattr(ChartWeekDialog, "exec", pick_the_week_after_next)
    from portage_desktop.ui.children import share_dialog

    monkeypatch.setattr(share_dialog.ShareDialog, "exec", lambda _d: 1)
    saved = {}

    def save(_parent, db, kind, _title, _stem, child=None, **options):
        from portage_desktop.printing.kinds import print_record

        out = tmp_path / "chart.pdf"
        options.pop("share", None)
        saved["path"] = print_record(db, kind, child, out, **options)

    monkeypatch.setattr(record_module, "save_print", save)
    record.print_kind("activity-chart")
    assert chosen["week"].weekday() == 0
    assert chosen["week"].strftime("%d/%m") in pdf_text(saved["path"])
