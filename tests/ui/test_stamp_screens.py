"""The Stamp of Approval screens, driven as a manager would, checked against the database."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from portage_desktop.services import (
    certificates,
    inspections,
    setting_profile,
    staff,
    stamp_application,
    stamp_statements,
    training,
)
from portage_desktop.services.access import Actor, Role, set_actor
from portage_desktop.services.inspections import Framework
from portage_desktop.services.stamp_check import check_stamp
from portage_desktop.services.stamp_criteria import Status
from portage_desktop.services.training import TrainingKind
from portage_desktop.ui.staff.training_dialog import TrainingDialog
from portage_desktop.ui.stamp.stamp_dialogs import AwardDialog, InspectionDialog
from portage_desktop.ui.stamp.stamp_wizard import StampWizard
from tests.ui.conftest import wait_for_stamp_check, when_modal_opens


def _select_criterion(qtbot, page, number: int) -> None:
    wait_for_stamp_check(qtbot, page.ctx)
    page.table.selectRow(number - 1)
    assert page.current is not None and page.current.number == number


def test_writing_and_confirming_a_statement_meets_criterion_1(qtbot, demo_ctx, open_window):
    window = open_window(demo_ctx)
    window.go_to(3)
    page = window.stamp_page
    _select_criterion(qtbot, page, 1)
    assert "Needs your statement" in page.model.data(page.model.index(0, 1))
    qtbot.keyClicks(page.statement, "Parents lead; we follow the child's interests.")
    page.confirm.click()
    qtbot.mouseClick(page.save_statement_button, Qt.MouseButton.LeftButton)
    said = stamp_statements.statements(demo_ctx.db)[1]
    assert said.text.startswith("Parents lead") and said.confirmed_on == date.today()
    wait_for_stamp_check(qtbot, demo_ctx)
    assert "✔ Met" in page.model.data(page.model.index(0, 1))
    assert "Confirmed by" in page.statement_saved.text()


def test_an_empty_confirmation_is_refused_beside_the_statement(qtbot, demo_ctx, open_window):
    window = open_window(demo_ctx)
    page = window.stamp_page
    _select_criterion(qtbot, page, 3)
    page.confirm.click()
    page.save_statement()
    assert "Please write what you are confirming" in page.statement_error.text()
    assert 3 not in stamp_statements.statements(demo_ctx.db)


def test_moving_away_from_an_unsaved_statement_asks_first(
    qtbot, demo_ctx, open_window, answer_boxes
):
    said = answer_boxes(QMessageBox.StandardButton.Save)
    window = open_window(demo_ctx)
    page = window.stamp_page
    _select_criterion(qtbot, page, 4)
    qtbot.keyClicks(page.statement, "Reviews each term with parents.")
    page.table.selectRow(4)
    assert said and "not saved" in said[0][1]
    assert stamp_statements.statements(demo_ctx.db)[4].text == "Reviews each term with parents."


def test_a_practitioner_is_told_who_can_confirm(qtbot, demo_ctx, open_window):
    window = open_window(demo_ctx)
    set_actor(demo_ctx.db, Actor("pat", "Pat", Role.PRACTITIONER))
    page = window.stamp_page
    _select_criterion(qtbot, page, 1)
    qtbot.keyClicks(page.statement, "Text")
    assert not page.save_statement()
    assert "Please ask a manager" in page.statement_error.text()


def test_confirming_the_inspection_meets_criterion_2(qtbot, demo_ctx, open_window):
    window = open_window(demo_ctx)
    page = window.stamp_page
    _select_criterion(qtbot, page, 2)
    assert any("Safeguarding: Met" in e for e in page.current.evidence)
    page.confirm.click()
    page.save_statement()
    assert check_stamp(demo_ctx.db, date.today()).result(2).status is Status.MET


def test_adding_training_with_a_certificate(qtbot, demo_ctx, open_window, tmp_path):
    window = open_window(demo_ctx)
    window.go_to(2)
    page = window.staff_page
    member = page.selected()
    bad, good = tmp_path / "cert.pdf", tmp_path / "cert2.pdf"
    bad.write_bytes(b"PK\x03\x04 a word document")
    good.write_bytes(b"%PDF-1.4 certificate")

    def fill(dialog: TrainingDialog) -> None:
        dialog.kind.setCurrentIndex(dialog.kind.findData(TrainingKind.MEMBERSHIP))
        assert dialog.membership_number.isVisibleTo(dialog)
        assert not dialog.trainer.isVisibleTo(dialog)
        qtbot.keyClicks(dialog.membership_number, "NPA-4242")
        qtbot.keyClicks(dialog.started_on.edit, "01/09/2026")
        qtbot.keyClicks(dialog.expires_on.edit, "31/08/2028")
        assert not dialog.add_file(bad)
        assert "not a PDF, PNG or JPEG" in dialog.errors.text("file")
        assert dialog.add_file(good)
        dialog.save()

    when_modal_opens(qtbot, fill)
    page.training.add_record()
    [record] = [
        r
        for r in training.list_training(demo_ctx.db, member.id)
        if r.membership_number == "NPA-4242"
    ]
    assert record.expires_on == date(2028, 8, 31) and record.attachments == 1
    assert certificates.list_certificates(demo_ctx.db, record.id)[0].filename == "cert2.pdf"
    texts = [
        page.training.model.data(page.training.model.index(i, 1))
        for i in range(page.training.model.rowCount())
    ]
    assert any("NPA-4242" in t for t in texts)
    page.tabs.setCurrentWidget(page.matrix)  # the matrix is filled in when it is looked at
    matrix_text = " ".join(
        page.matrix.model.data(page.matrix.model.index(r, c)) or ""
        for r in range(page.matrix.model.rowCount())
        for c in range(page.matrix.model.columnCount())
    )
    assert "NPA-4242" in matrix_text


def test_training_errors_show_beside_their_fields(qtbot, demo_ctx):
    member = staff.list_staff(demo_ctx.db)[0]
    dialog = TrainingDialog(demo_ctx, member)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.completed_on.edit, "32/13/2026")
    dialog.save()
    assert "does not exist" in dialog.errors.text("completed_on")
    assert dialog.errors.text("trainer") == "Please enter who delivered the Workshop."


def test_deleting_training_asks_first(qtbot, demo_ctx, open_window, answer_boxes):
    window = open_window(demo_ctx)
    window.go_to(2)
    page = window.staff_page
    member = page.selected()
    before = len(training.list_training(demo_ctx.db, member.id))
    page.training.table.selectRow(0)
    answer_boxes(QMessageBox.StandardButton.No)
    page.training.delete_selected()
    assert len(training.list_training(demo_ctx.db, member.id)) == before
    answer_boxes(QMessageBox.StandardButton.Yes)
    page.training.delete_selected()
    assert len(training.list_training(demo_ctx.db, member.id)) == before - 1


def test_a_leaver_breaking_criterion_6_warns_on_the_dashboard(qtbot, demo_ctx, open_window):
    window = open_window(demo_ctx)
    summary = window.dashboard.stamp
    wait_for_stamp_check(qtbot, demo_ctx)
    assert "Criterion 6" not in summary.warnings.text()
    today = date.today()
    trained = [
        p
        for p in staff.list_staff(demo_ctx.db)
        if p.is_current(today)
        and any(r.counts_for_workshop(today) for r in training.list_training(demo_ctx.db, p.id))
    ]
    for member in trained[:-1]:
        staff.save_staff(
            demo_ctx.db,
            staff.StaffInput(
                member.first_name, member.last_name, member.roles, member.start_date, today
            ),
            member.id,
        )
    demo_ctx.hub.staff_changed.emit()
    wait_for_stamp_check(qtbot, demo_ctx)
    [leaver] = trained[:-1]  # named with the day they left, the latest leaver first
    assert (
        f"Criterion 6 is not met because {leaver.full_name} left on {today:%d/%m/%Y}"
        in summary.warnings.text()
    )
    assert "✖ Not met" in summary.summary.text()


def test_recording_an_inspection_as_published(qtbot, demo_ctx):
    dialog = InspectionDialog(demo_ctx)
    qtbot.addWidget(dialog)
    dialog.framework.setCurrentIndex(dialog.framework.findData(Framework.REPORT_CARD))
    assert dialog.judgements["safeguarding"].isVisibleTo(dialog)
    assert not dialog.judgements["overall"].isVisibleTo(dialog)
    qtbot.keyClicks(dialog.inspected_on.edit, "03/02/2026")
    dialog.save()
    assert "safeguarding" in dialog.errors.text("judgement_safeguarding")
    for area, combo in dialog.judgements.items():
        if combo.isVisibleTo(dialog):
            combo.setCurrentIndex(combo.findData("met" if area == "safeguarding" else "strong"))
    dialog.save()
    [latest] = [
        i for i in inspections.list_inspections(demo_ctx.db) if i.inspected_on == date(2026, 2, 3)
    ]
    assert latest.framework is Framework.REPORT_CARD and latest.judgement("safeguarding") == "met"
    assert latest.judgement("overall") is None


def test_recording_an_award_fills_in_a_year(qtbot, demo_ctx):
    dialog = AwardDialog(demo_ctx)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.awarded_on.edit, "15/01/2027")
    qtbot.keyClicks(dialog.representative, "Sam Rep")
    dialog.save()
    award = setting_profile.list_awards(demo_ctx.db)[0]
    assert (award.expires_on, award.representative) == (date(2028, 1, 15), "Sam Rep")


def test_the_wizard_page_by_page(qtbot, demo_ctx, answer_boxes):
    answer_boxes(QMessageBox.StandardButton.Yes)
    check = check_stamp(demo_ctx.db, date.today())
    year = stamp_application.award_year_for(check)
    stamp_application.save_draft(demo_ctx.db, year - 1, {"model": "Last year: play first."}, ())
    wizard = StampWizard(demo_ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    first = wizard.currentPage()
    assert first.title() == "Portage Principles and aims"
    assert "Criterion 1" in first.evidence.text()
    qtbot.keyClicks(first.narrative, "Parents are the senior partners.")
    wizard.next()
    assert stamp_application.load_application(demo_ctx.db, year).narrative("principles")
    second = wizard.currentPage()
    assert second.reuse.isEnabled()
    qtbot.keyClicks(second.narrative, "draft")
    qtbot.mouseClick(second.reuse, Qt.MouseButton.LeftButton)  # asks, then replaces
    assert second.narrative.toPlainText() == "Last year: play first."
    for _ in range(len(stamp_application.SECTIONS) - 1):
        wizard.next()
    assert wizard.currentPage() is wizard.plans_page
    assert wizard.plans_page.note.text() == "" and wizard.plans_page.list.count() == 22
    wizard.next()
    assert wizard.currentPage() is wizard.review_page
    wizard.next()
    finish = wizard.currentPage()
    assert finish is wizard.finish_page
    assert "Criterion 6" not in finish.missing.text() or "met" in finish.missing.text()
    assert "Not written yet: Working in partnership" in finish.missing.text()
    assert "Not written yet: The three elements" not in finish.missing.text()
    qtbot.keyClicks(finish.representative, "Jo Whitfield")
    wizard.accept()
    saved = stamp_application.load_application(demo_ctx.db, year)
    assert saved.representative == "Jo Whitfield"
    assert saved.narrative("model") == "Last year: play first."

    again = StampWizard(demo_ctx)  # a draft is resumed where it was left
    qtbot.addWidget(again)
    assert again.sections[0].narrative.toPlainText() == "Parents are the senior partners."


def _nameless(root) -> list:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QLineEdit,
        QListWidget,
        QPlainTextEdit,
        QTableView,
    )

    found = []
    for kind in (QLineEdit, QComboBox, QTableView, QPlainTextEdit, QListWidget):
        for widget in root.findChildren(kind):
            parent = widget.parent()
            inner = widget.objectName() == "qt_spinbox_lineedit"  # named by its spin box
            if not (widget.accessibleName() or inner) and not (
                parent and parent.objectName() == "qt_calendar_navigationbar"
            ):
                found.append(widget)
    found += [b for b in root.findChildren(QAbstractButton) if not (b.accessibleName() or b.text())]
    return [w for w in found if w.isVisibleTo(root)]


def test_every_new_control_has_an_accessible_name(qtbot, demo_ctx, open_window):
    window = open_window(demo_ctx)
    for area in (0, 2, 3, 4):
        window.go_to(area)
        assert _nameless(window) == [], area
    window.go_to(2)
    window.staff_page.tabs.setCurrentIndex(1)
    assert _nameless(window) == []
    member = staff.list_staff(demo_ctx.db)[0]
    for dialog in (
        TrainingDialog(demo_ctx, member),
        InspectionDialog(demo_ctx),
        AwardDialog(demo_ctx),
        StampWizard(demo_ctx),
    ):
        qtbot.addWidget(dialog)
        dialog.show()
        assert _nameless(dialog) == [], type(dialog).__name__
        dialog.hide()


def test_changing_a_rule_from_settings_changes_the_check(qtbot, demo_ctx, open_window):
    from portage_desktop.services import stamp_rules
    from portage_desktop.ui.stamp.stamp_dialogs import RuleDialog

    window = open_window(demo_ctx)
    window.go_to(4)
    section = window.settings_page.profile
    keys = [section.rules_model.row_object(i).key for i in range(section.rules_model.rowCount())]
    section.rules_table.selectRow(keys.index("members_needed"))

    def change(dialog: RuleDialog) -> None:
        dialog.value.clear()
        qtbot.keyClicks(dialog.value, "0")
        dialog.save()
        assert "whole number from 1 to 20" in dialog.errors.text("value")
        dialog.value.clear()
        qtbot.keyClicks(dialog.value, "2")
        dialog.save()

    when_modal_opens(qtbot, change)
    section.change_rule()
    assert stamp_rules.rules_on(demo_ctx.db, date.today()).members_needed == 2
    row = section.rules_model.row_object(keys.index("members_needed"))
    assert (row.value, row.is_default) == ("2", False)
    window.go_to(3)
    wait_for_stamp_check(qtbot, demo_ctx)
    assert "Needed: 2" in window.stamp_page.check.result(7).evidence[0]


def test_the_setting_profile_is_saved_from_settings(qtbot, demo_ctx, open_window):
    from portage_desktop.services.setting_profile import Regulator

    window = open_window(demo_ctx)
    window.go_to(4)
    section = window.settings_page.profile
    section.regulator_buttons[Regulator.AGENCY].click()
    qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    assert "name of the childminder agency" in section.form.errors.text("agency_name")
    assert setting_profile.get_profile(demo_ctx.db).regulator is Regulator.OFSTED
    qtbot.keyClicks(section.agency_name, "Bright Start Agency")
    qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    profile = setting_profile.get_profile(demo_ctx.db)
    assert (profile.regulator, profile.agency_name) == (Regulator.AGENCY, "Bright Start Agency")
    assert profile.portage_service == "Riverside Portage Service (demo)"


def test_the_wizard_saves_nothing_until_something_is_written(qtbot, demo_ctx, answer_boxes):
    said = answer_boxes()
    set_actor(demo_ctx.db, Actor("ro", "Reader", Role.READ_ONLY))
    wizard = StampWizard(demo_ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    assert said == []  # reading the draft is allowed; nothing to save yet
    qtbot.keyClicks(wizard.currentPage().narrative, "Changed")
    wizard.next()
    assert said and "Please ask a manager" in said[0][1]


def test_choosing_four_plans_in_the_wizard(qtbot, demo_ctx, monkeypatch):
    from portage_desktop.ui.stamp import stamp_wizard
    from tests.reports.test_application_pack import PLANS

    more = [*PLANS, PLANS[0].__class__(**{**PLANS[0].__dict__, "id": 5})]
    monkeypatch.setattr(stamp_wizard, "plans_for_application", lambda _db: more)
    wizard = StampWizard(demo_ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.plans_page
    assert page.list.count() == 5 and "Zofia Kowalski" in page.list.item(0).text()
    for i in range(5):
        page.list.item(i).setCheckState(Qt.CheckState.Checked)
    assert not page.isComplete() and "at most 4" in page.error.text()
    page.list.item(4).setCheckState(Qt.CheckState.Unchecked)
    assert page.isComplete()
    wizard.accept()
    year = wizard.year
    assert stamp_application.load_application(demo_ctx.db, year).chosen_plans == (1, 2, 3, 4)


def test_the_wizards_words_can_be_the_statement_for_criteria_1_and_2(qtbot, demo_ctx):
    """Words written in the wizard for criteria the records cannot show count once the
    manager confirms them there; before, the last page still said "needs your statement"."""
    before = check_stamp(demo_ctx.db, date.today())
    assert before.result(1).status is Status.NEEDS_STATEMENT
    assert before.result(2).status is Status.NEEDS_STATEMENT
    wizard = StampWizard(demo_ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    first = wizard.currentPage()
    pages = len(wizard.pageIds())
    assert first.subTitle().startswith(f"Page 1 of {pages}. ")
    assert wizard.finish_page.subTitle().startswith(f"Page {pages} of {pages}. ")
    assert list(first.confirms) == [1]
    qtbot.keyClicks(first.narrative, "Parents are the senior partners in all we do.")
    qtbot.keyClick(first.confirms[1], Qt.Key.Key_Space)
    wizard.next()
    said = stamp_statements.statements(demo_ctx.db)[1]
    assert said.text.startswith("Parents are") and said.confirmed_on == date.today()
    assert not first.confirms[1].isEnabled()
    assert all(1 not in page.confirms for page in wizard.sections[1:])  # asked once only
    last = next(page for page in wizard.sections if 2 in page.confirms)
    while wizard.currentPage() is not last:
        wizard.next()
    qtbot.keyClick(last.confirms[2], Qt.Key.Key_Space)
    while wizard.currentPage() is not wizard.finish_page:
        wizard.next()
    missing = wizard.finish_page.missing.text()
    assert "Criterion 1" not in missing and "Criterion 2" not in missing
    after = check_stamp(demo_ctx.db, date.today())
    assert after.result(1).status is Status.MET and after.result(2).status is Status.MET


def test_an_unticked_wizard_page_confirms_nothing(qtbot, demo_ctx):
    wizard = StampWizard(demo_ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.keyClicks(wizard.currentPage().narrative, "Our aims.")
    wizard.next()
    assert 1 not in stamp_statements.statements(demo_ctx.db)
    assert "Criterion 1" in "".join(wizard.missing())
