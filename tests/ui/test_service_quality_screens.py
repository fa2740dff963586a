"""The registered-service screens driven from the keyboard against a real database: the
supervision log (a child without consent never appears by name, on screen, in the database or
in the CSV), the induction checklist, questionnaire entry and the annual report page."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWidget
from sqlmodel import select

from portage_desktop.data.models.service_quality import SupervisionChildRecord
from portage_desktop.services.consent import ConsentInput, save_consent
from portage_desktop.services.home_visiting import caseloads, referrals
from portage_desktop.services.record_vocabulary import ConsentPurpose
from portage_desktop.services.service_quality import evaluation, supervision, workforce
from portage_desktop.services.service_quality.evaluation import QuestionKind, ReturnStatus
from portage_desktop.ui.service_quality.annual_report_page import AnnualReportPage
from portage_desktop.ui.service_quality.induction_checklist import InductionChecklist
from portage_desktop.ui.service_quality.page import ServiceQualityPage
from portage_desktop.ui.service_quality.questionnaire_entry import QuestionnaireEntry
from portage_desktop.ui.service_quality.supervision_log import SupervisionLog
from tests.services.home_visiting_helpers import TODAY, add_visitor, waiting_family

MONDAY = date(2026, 9, 14)


def _press(qtbot, button: QPushButton) -> None:
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)


def _service(db) -> tuple[int, int, int]:
    """A visitor and two allocated families; only Amy's parents agreed to discussion."""
    visitor = add_visitor(db)
    children = []
    for first, last in (("Amy", "Lee"), ("Ben", "Okafor")):
        referral = waiting_family(db, first=first, last=last)
        caseloads.allocate(db, referral, visitor, MONDAY)
        children.append(referrals.get_referral(db, referral).child_id)
    data = ConsentInput(ConsentPurpose.DISCUSS_IN_MEETINGS, True, "Jo (Mum)", date(2026, 9, 1))
    save_consent(db, children[0], data, today=TODAY)
    return visitor, children[0], children[1]


def _show(qtbot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(1300, 740)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _all_text(widget: QWidget) -> str:
    from PySide6.QtWidgets import QLabel, QListWidget, QTableView

    parts = [w.text() for w in widget.findChildren(QLabel)]
    for lst in widget.findChildren(QListWidget):
        parts += [lst.item(i).text() for i in range(lst.count())]
    for view in widget.findChildren(QTableView):
        model = view.model()
        parts += [
            str(model.index(r, c).data())
            for r in range(model.rowCount())
            for c in range(model.columnCount())
        ]
    return "\n".join(parts)


def test_supervision_log_keeps_a_child_without_consent_by_initials(qtbot, ctx):
    visitor, amy, _ben = _service(ctx.db)
    log = _show(qtbot, SupervisionLog(ctx, today=TODAY))
    log.held_on.edit.clear()
    qtbot.keyClicks(log.held_on.edit, "20/11/2026")
    qtbot.keyClicks(log.supervisor, "Sam Lead")
    log.present.setFocus()
    log.present.setCurrentRow(0)
    qtbot.keyClick(log.present, Qt.Key.Key_Space)
    log.child.setFocus()
    assert log.child.currentText() == "Amy Lee"
    _press(qtbot, log.add_child)
    log.child.setFocus()
    qtbot.keyClick(log.child, Qt.Key.Key_Down)  # Ben Okafor, whose parents have not agreed
    _press(qtbot, log.add_child)
    assert [log.discussed.item(i).text() for i in range(2)] == [
        "Amy Lee",
        "B.O. (initials only: no consent to discussion at supervision)",
    ]
    qtbot.keyClicks(log.action, "Send the sleep leaflet")
    qtbot.keyClicks(log.owner, "Hana")
    qtbot.keyClicks(log.due.edit, "27/11/2026")
    _press(qtbot, log.add_action)
    _press(qtbot, log.save)

    assert log.message.text().startswith("Session saved. B.O. is recorded by initials only")
    [session] = supervision.list_sessions(ctx.db, visitor)
    assert session.held_on == date(2026, 11, 20) and session.visitor_ids == (visitor,)
    assert session.actions[0].due_on == date(2026, 11, 27)
    with ctx.db.session() as s:
        rows = list(s.exec(select(SupervisionChildRecord).order_by(SupervisionChildRecord.id)))
    assert [(r.child_id, r.initials) for r in rows] == [(amy, ""), (None, "B.O.")]
    shown = _all_text(log)
    assert "Amy Lee" in shown and "Ben" not in shown and "Okafor" not in shown
    assert "last supervision 20/11/2026" in log.status.text()


def test_supervision_log_shows_problems_beside_the_fields(qtbot, ctx):
    _service(ctx.db)
    log = _show(qtbot, SupervisionLog(ctx, today=TODAY))
    _press(qtbot, log.save)
    assert log.errors.text("supervisor") and log.errors.text("visitors")
    assert supervision.list_sessions(ctx.db) == []
    assert log.status.text().startswith("⚠ Hana Visit has no supervision")


def test_induction_checklist_from_the_keyboard(qtbot, ctx):
    visitor = add_visitor(ctx.db)
    page = _show(qtbot, InductionChecklist(ctx, today=TODAY))
    for text in ("Read the lone-working policy", "Shadow two home visits"):
        qtbot.keyClicks(page.new_item, text)
        qtbot.keyClick(page.new_item, Qt.Key.Key_Return)
    assert page.items.count() == 2
    page.items.setFocus()
    qtbot.keyClick(page.items, Qt.Key.Key_Home)
    qtbot.keyClicks(page.mentor, "Sam Mentor")
    _press(qtbot, page.tick)
    assert page.items.currentRow() == 1  # moves on to the next item
    assert "1 induction checklist item to tick" in page.certificate.text()
    _press(qtbot, page.up)  # the second item becomes the first
    texts = [line.item.text for line in workforce.induction_for(ctx.db, visitor).lines]
    assert texts == ["Shadow two home visits", "Read the lone-working policy"]
    page.mentor.clear()
    _press(qtbot, page.tick)
    assert page.errors.text("mentor") == "Please enter the mentor's name."
    lines = workforce.induction_for(ctx.db, visitor).lines
    assert [line.ticked_on for line in lines] == [None, TODAY]
    assert lines[1].mentor == "Sam Mentor"


def test_questionnaire_entry_types_answers_back(qtbot, ctx):
    _service(ctx.db)
    evaluation.save_questions(
        ctx.db, [("Visits helped", QuestionKind.SCALE), ("What helped most?", QuestionKind.TEXT)]
    )
    page = _show(qtbot, QuestionnaireEntry(ctx, today=TODAY))
    page.sent_on.edit.clear()
    qtbot.keyClicks(page.sent_on.edit, "10/11/2026")
    _press(qtbot, page.send)
    [sent] = evaluation.list_returns(ctx.db)
    assert sent.sent_on == date(2026, 11, 10) and sent.status is ReturnStatus.SENT
    scale, text = page._answers.values()
    scale.setFocus()
    qtbot.keyClicks(scale, "4")
    qtbot.keyClicks(text, "The picture cards")
    page.returned_on.edit.clear()
    qtbot.keyClicks(page.returned_on.edit, "01/12/2026")  # after today: refused
    _press(qtbot, page.save)
    assert "not in the future" in page.errors.text("returned_on")
    assert evaluation.list_returns(ctx.db)[0].status is ReturnStatus.SENT
    page.returned_on.edit.clear()
    qtbot.keyClicks(page.returned_on.edit, "20/11/2026")
    _press(qtbot, page.save)
    [back] = evaluation.list_returns(ctx.db)
    assert back.status is ReturnStatus.RETURNED and back.returned_on == date(2026, 11, 20)
    assert sorted(back.answers.values(), key=str) == [4, "The picture cards"]
    assert page.message.text() == "Answers saved."


def test_annual_report_page_lists_the_records_and_saves_a_csv(
    qtbot, ctx, tmp_path, monkeypatch, answer_boxes
):
    visitor, _amy, ben = _service(ctx.db)
    from portage_desktop.services.service_quality.supervision import (
        ChildToDiscuss,
        SessionInput,
        SessionKind,
    )

    supervision.record_session(
        ctx.db,
        SessionInput(TODAY, SessionKind.INDIVIDUAL, "Sam Lead", (visitor,), (ChildToDiscuss(ben),)),
        today=TODAY,
    )
    page = _show(qtbot, AnnualReportPage(ctx, today=TODAY))
    page.year.setFocus()
    page.year.selectAll()
    qtbot.keyClicks(page.year, "2026")
    qtbot.keyClick(page.year, Qt.Key.Key_Return)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Home)
    page.table.selectRow(0)
    _press(qtbot, page.show_records)
    assert page.records_title.text() == "Referrals received: 2 records"
    assert page.records.count() == 2 and page.records.item(0).text().startswith("Referral ")

    said = answer_boxes()
    out = tmp_path / "figures.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    _press(qtbot, page.csv)
    text = out.read_text(encoding="utf-8")
    assert "Supervision sessions held,1," in text
    assert "Ben" not in text and "Okafor" not in text
    assert said and said[-1][0] == "information"


def test_the_page_gathers_the_screens(qtbot, ctx):
    _service(ctx.db)
    page = _show(qtbot, ServiceQualityPage(ctx, today=TODAY))
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        "&Supervision",
        "&Induction",
        "&Joint visits",
        "&Questionnaires",
        "Questions to &ask",
        "Annual &report",
        "Ru&les and closures",
    ]
    page.tabs.setCurrentIndex(5)
    assert page.report.model.rowCount() > 10


def test_writing_the_questions_makes_a_new_version(qtbot, ctx):
    from portage_desktop.ui.service_quality.question_editor import QuestionEditor

    editor = _show(qtbot, QuestionEditor(ctx))
    _press(qtbot, editor.save)
    assert editor.errors.text("questions") == "Please write at least one question."
    qtbot.keyClicks(editor.text, "Visits helped my child")
    qtbot.keyClick(editor.text, Qt.Key.Key_Return)
    editor.kind.setFocus()
    qtbot.keyClick(editor.kind, Qt.Key.Key_Down)  # in their own words
    qtbot.keyClicks(editor.text, "What helped most?")
    _press(qtbot, editor.add)
    _press(qtbot, editor.save)
    assert editor.message.text() == "Saved as version 1 of the questionnaire."
    asked = evaluation.current_questions(ctx.db)
    assert [(q.text, q.kind) for q in asked] == [
        ("Visits helped my child", QuestionKind.SCALE),
        ("What helped most?", QuestionKind.TEXT),
    ]


def test_a_joint_monitoring_visit_is_recorded_from_the_keyboard(qtbot, ctx):
    """The family's joint visit shows as due (in words), is recorded with the teacher's
    feedback and the parent's views, and then shows as done; missing feedback is explained."""
    from datetime import timedelta

    from portage_desktop.services.home_visiting import visits
    from portage_desktop.services.service_quality import monitoring
    from portage_desktop.ui.service_quality.monitoring_page import MonitoringPage
    from tests.services.test_service_quality_families import DUE, _family, _hold

    _visitor, referral, child = _family(ctx.db)
    _hold(ctx.db, visits.list_visits(ctx.db, child)[0])
    page = _show(qtbot, MonitoringPage(ctx, today=DUE + timedelta(days=20)))
    assert page.model.index(0, 3).data() == "⚠ Overdue"
    assert "1 joint visits overdue" in page.summary.text()
    page.visited_on.edit.clear()
    qtbot.keyClicks(page.visited_on.edit, "10/12/2026")
    qtbot.keyClicks(page.teacher, "Claire Teacher")
    _press(qtbot, page.save)
    assert "feedback" in page.errors.text("feedback")
    assert monitoring.monitoring_list(ctx.db, DUE + timedelta(days=20))[0].done_on is None
    qtbot.keyClicks(page.feedback, "A warm start; offer two choices at tidy-up.")
    qtbot.keyClicks(page.parent_views, "We love the posting box.")
    _press(qtbot, page.save)
    assert page.model.index(0, 3).data() == "✔ Done"
    assert page.model.index(0, 4).data() == "10/12/2026"
    assert page.message.text().startswith("Joint visit for")
    assert not page.save.isEnabled()  # done: nothing more to record for this family
    [done] = monitoring.monitoring_list(ctx.db, DUE + timedelta(days=20))
    assert done.referral_id == referral and done.done_on == date(2026, 12, 10)


def test_a_rule_changes_from_a_date_keeping_its_history_and_closures_come_and_go(
    qtbot, ctx, answer_boxes
):
    """A team lead sets supervision every 21 days from 01/12/2026: the old value still judges
    November; a wrong value is explained beside the field; a closure is added (saying how many
    planned visits it falls on) and removed once the lead confirms."""
    from portage_desktop.services.home_visiting import rules as service_rules
    from portage_desktop.services.service_quality import rules as quality_rules
    from portage_desktop.ui.service_quality.rules_page import RulesPage

    page = _show(qtbot, RulesPage(ctx, today=TODAY))
    keys = [page.rules_model.row_object(r).key for r in range(page.rules_model.rowCount())]
    assert {"write_up_days", "supervision_days", "monitoring_weeks"} <= set(keys)
    page.rules_table.selectRow(keys.index("supervision_days"))
    assert page.value.text() == "14"
    assert page.history.item(0).text() == "14: built in"
    page.value.clear()
    qtbot.keyClicks(page.value, "3")
    _press(qtbot, page.save_rule)
    assert "from 7 to 90" in page.errors.text("value")
    page.value.clear()
    qtbot.keyClicks(page.value, "21")
    page.effective_from.edit.clear()
    qtbot.keyClicks(page.effective_from.edit, "01/12/2026")
    _press(qtbot, page.save_rule)
    assert page.message.text().startswith("Saved: Supervision")
    assert quality_rules.rules_on(ctx.db, date(2026, 11, 30)).supervision_days == 14
    assert quality_rules.rules_on(ctx.db, date(2026, 12, 1)).supervision_days == 21
    assert [page.history.item(i).text().split(" (")[0] for i in range(2)] == [
        "14: built in",
        "21: 01/12/2026",
    ]

    from portage_desktop.services.home_visiting import visits
    from portage_desktop.services.home_visiting.visits import BlockInput
    from portage_desktop.services.home_visiting.vocabulary import BlockKind, Pattern

    family = waiting_family(ctx.db)
    caseloads.allocate(ctx.db, family, add_visitor(ctx.db), date(2026, 12, 1))
    block = BlockInput(BlockKind.STANDARD, Pattern.WEEKLY, 0, "", date(2026, 12, 21), 3)
    visits.plan_block(ctx.db, family, block)  # 21/12, 28/12 (in the closure) and 04/01
    qtbot.keyClicks(page.first_day.edit, "24/12/2026")
    qtbot.keyClicks(page.last_day.edit, "23/12/2026")
    _press(qtbot, page.add_closure)
    assert "before the first day" in page.errors.text("last_day")
    page.last_day.edit.clear()
    qtbot.keyClicks(page.last_day.edit, "02/01/2027")
    qtbot.keyClicks(page.why, "Christmas")
    _press(qtbot, page.add_closure)
    [closure] = service_rules.list_closures(ctx.db)
    assert (closure.first_day, closure.last_day, closure.label) == (
        date(2026, 12, 24),
        date(2027, 1, 2),
        "Christmas",
    )
    assert page.closures_model.index(0, 2).data() == "Christmas"
    assert "1 visit already planned falls on them" in page.message.text()
    page.closures_table.selectRow(0)
    said = answer_boxes(QMessageBox.StandardButton.No)
    _press(qtbot, page.remove_closure)
    assert said[-1][1].startswith("Remove the closure: Remove the closure 24/12/2026 to 02/01/2027")
    assert len(service_rules.list_closures(ctx.db)) == 1
    answer_boxes(QMessageBox.StandardButton.Yes)
    _press(qtbot, page.remove_closure)
    assert page.message.text() == "Closure removed."
    assert service_rules.list_closures(ctx.db) == []


def test_someone_who_does_not_run_the_service_reads_the_rules_only(qtbot, ctx):
    from portage_desktop.services.access import Actor, Role, set_actor
    from portage_desktop.ui.service_quality.rules_page import RulesPage

    set_actor(ctx.db, Actor("hana", "Hana", Role.HOME_VISITOR))
    page = _show(qtbot, RulesPage(ctx, today=TODAY))
    assert page.rules_model.rowCount() > 10
    assert not page.save_rule.isEnabled() and not page.add_closure.isEnabled()
    assert "a team lead or manager changes them" in page.who.text()
