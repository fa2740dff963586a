"""The Referrals area driven from the keyboard: a new referral (with the duplicate check before
a child's record is made), the eligibility decision, and the family's letter."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from portage_desktop.services import children as children_service
from portage_desktop.services.children import ChildInput
from portage_desktop.services.home_visiting import referrals
from portage_desktop.services.home_visiting.vocabulary import (
    Decision,
    ReferralStatus,
    ReferrerKind,
)
from portage_desktop.ui.common import pdf_save
from portage_desktop.ui.service.eligibility_dialog import EligibilityDialog
from portage_desktop.ui.service.referral_dialog import ReferralDialog
from portage_desktop.ui.service.referrals_page import ReferralsPage
from tests.services.home_visiting_helpers import accept, refer
from tests.ui.conftest import when_modal_opens
from tests.ui.service_helpers import fits_small_screen, make_service, shown


def _type_referral(qtbot, dialog: ReferralDialog, first: str = "Amy") -> None:
    qtbot.keyClicks(dialog.first_name, first)
    qtbot.keyClicks(dialog.last_name, "Lee")
    qtbot.keyClicks(dialog.born.edit, "10/05/2024")
    dialog.referred_on.edit.clear()
    qtbot.keyClicks(dialog.referred_on.edit, "01/09/2026")
    dialog.kind.setFocus()
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)  # a professional
    qtbot.keyClicks(dialog.referrer_name, "Kim Ford")
    qtbot.keyClicks(dialog.referrer_role, "Health visitor")
    qtbot.keyClicks(dialog.consent_on.edit, "01/09/2026")
    qtbot.keyClicks(dialog.consent_by, "Jo Lee (Mum)")
    qtbot.keyClicks(dialog.screening, "ASQ-3: 3 areas in the refer range")
    for _ in range(4):  # from "Not known yet" (-1) up to 3 areas
        qtbot.keyClick(dialog.delay_areas, Qt.Key.Key_Up)
    qtbot.keyClicks(dialog.interpreter, "Polish")
    qtbot.keyClicks(dialog.availability, "Mornings, not Fridays")
    qtbot.keyClick(dialog.protection, Qt.Key.Key_Space)


def test_a_new_referral_typed_from_the_keyboard_is_stored(qtbot, ctx):
    make_service(ctx.db)
    page = shown(qtbot, ReferralsPage(ctx))
    assert page.message.text() == ""

    def fill_in(dialog: ReferralDialog) -> None:
        assert fits_small_screen(dialog)
        _type_referral(qtbot, dialog)
        dialog.referrer_name.clear()  # a professional's referral needs the name
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)
        assert "name of the professional" in dialog.errors.text("referrer_name")
        qtbot.keyClicks(dialog.referrer_name, "Kim Ford")
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)

    when_modal_opens(qtbot, fill_in)
    qtbot.keyClick(page.new_button, Qt.Key.Key_Space)
    [made] = referrals.list_referrals(ctx.db)
    assert made.child_name == "Amy Lee" and made.date_of_birth == date(2024, 5, 10)
    assert made.data.referrer_kind is ReferrerKind.PROFESSIONAL
    assert (made.data.referrer_name, made.data.referrer_role) == ("Kim Ford", "Health visitor")
    assert made.data.consent_on == date(2026, 9, 1) and made.data.delay_areas == 3
    assert made.data.lives_in_area is None  # left as "Not known yet", not stored as no
    assert made.data.protection_plan and made.data.interpreter == "Polish"
    assert made.data.availability == "Mornings, not Fridays"
    assert page.model.rowCount() == 1
    assert page.message.text() == "Referral of Amy Lee saved."


def test_without_consent_a_safeguarding_reason_is_needed(qtbot, ctx):
    make_service(ctx.db)
    dialog = shown(qtbot, ReferralDialog(ctx))
    _type_referral(qtbot, dialog)
    dialog.consent_on.edit.clear()
    qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)
    assert "safeguarding reason" in dialog.errors.text("consent_on")
    assert referrals.list_referrals(ctx.db) == []  # nothing half-written
    assert children_service.list_children(ctx.db) == []
    qtbot.keyClicks(dialog.safeguarding, "Parent not told: a child protection enquiry")
    qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)
    [made] = referrals.list_referrals(ctx.db)
    assert made.data.consent_on is None and made.data.safeguarding_reason.startswith("Parent")


def _press(text: str):
    """Answer the duplicate question by pressing the button whose words start with ``text``."""

    def answer(box: QMessageBox) -> None:
        assert "already hold a record" in box.text()
        [button] = [b for b in box.buttons() if b.text().replace("&", "").startswith(text)]
        button.click()

    return answer


def test_the_duplicate_check_offers_the_child_already_held(qtbot, ctx):
    make_service(ctx.db)
    held = children_service.save_child(ctx.db, ChildInput("Amy", "Lee", date(2024, 5, 10)))
    dialog = shown(qtbot, ReferralDialog(ctx))
    _type_referral(qtbot, dialog)
    when_modal_opens(qtbot, _press("Go back"))
    qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)
    assert referrals.list_referrals(ctx.db) == [] and dialog.isVisible()
    when_modal_opens(qtbot, _press("Refer Amy Lee"))
    qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)
    [made] = referrals.list_referrals(ctx.db)
    assert made.child_id == held.id  # linked, no second record
    assert len(children_service.list_children(ctx.db)) == 1


def test_a_different_child_with_the_same_name_gets_a_record(qtbot, ctx):
    make_service(ctx.db)
    children_service.save_child(ctx.db, ChildInput("Amy", "Lee", date(2024, 5, 10)))
    dialog = shown(qtbot, ReferralDialog(ctx))
    _type_referral(qtbot, dialog)
    when_modal_opens(qtbot, _press("Different child"))
    qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)
    assert len(children_service.list_children(ctx.db)) == 2


def test_eligibility_shows_each_rule_and_records_the_decision(qtbot, ctx):
    make_service(ctx.db)
    referral_id = refer(ctx.db, lives_in_area=None, setting_hours=12)
    page = shown(qtbot, ReferralsPage(ctx))

    def decide(dialog: EligibilityDialog) -> None:
        assert fits_small_screen(dialog)
        lines = [label.text() for label in dialog.rule_labels]
        assert lines[0].startswith("? Not known yet: Lives in")
        assert lines[1].startswith("✔ Met: Young enough")
        assert lines[4].startswith("✘ Not met: Fewer than 10 hours") and "12 hours" in lines[4]
        assert dialog.decision.currentText() == "Accepted as an exception"
        dialog.decision.setFocus()
        qtbot.keyClick(dialog.decision, Qt.Key.Key_Home)  # "Accepted": not every rule is met
        qtbot.keyClicks(dialog.reason, "Delay in three areas.")
        qtbot.keyClicks(dialog.decided_by, "Sam Lead")
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)
        assert "Not every rule is met" in dialog.errors.text("decision")
        qtbot.keyClick(dialog.decision, Qt.Key.Key_End)  # the exception, with its reason
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)

    when_modal_opens(qtbot, decide)
    qtbot.keyClick(page.decide_button, Qt.Key.Key_Space)
    found = referrals.get_referral(ctx.db, referral_id)
    assert (found.decision, found.decided_by) == (Decision.EXCEPTION.value, "Sam Lead")
    assert found.status is ReferralStatus.WAITING and found.decided_on == date.today()
    assert page.model.index(0, 5).data() == "Accepted as an exception"


def test_the_familys_letter_is_saved_as_a_pdf(qtbot, ctx, tmp_path, monkeypatch):
    make_service(ctx.db)
    accept(ctx.db, refer(ctx.db))
    out = tmp_path / "letter.pdf"
    monkeypatch.setattr(pdf_save, "ask_pdf_path", lambda *_a: out)
    opened: list[Path] = []
    monkeypatch.setattr(pdf_save, "confirm_saved", lambda _parent, path: opened.append(path))
    page = shown(qtbot, ReferralsPage(ctx))
    qtbot.keyClick(page.letter_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(opened), timeout=20000)
    assert out.read_bytes().startswith(b"%PDF")


def test_supporting_reports_come_with_the_referral_and_a_wrong_file_is_explained(
    qtbot, ctx, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog
    from sqlmodel import select

    from portage_desktop.data.models.assessment import AttachmentRecord

    make_service(ctx.db)
    letter = tmp_path / "paediatrician letter.pdf"
    letter.write_bytes(b"%PDF-1.4\n% a letter\n%%EOF\n")
    notes = tmp_path / "notes.txt"
    notes.write_text("not a report")
    dialog = shown(qtbot, ReferralDialog(ctx))
    _type_referral(qtbot, dialog)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(notes), str(letter)], "")
    )
    dialog.add_report()
    assert dialog.report_list.count() == 2
    qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)
    assert "notes.txt is not a photo" in dialog.errors.text("reports")
    assert referrals.list_referrals(ctx.db) == []  # nothing saved with a wrong file
    dialog.report_list.setCurrentRow(0)
    dialog.drop_report()
    qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)
    [made] = referrals.list_referrals(ctx.db)
    with ctx.db.session() as s:
        rows = s.exec(select(AttachmentRecord)).all()
        kept = [(a.child_id, a.filename, a.media_type) for a in rows]
    assert kept == [(made.child_id, "paediatrician letter.pdf", "application/pdf")]
    from portage_desktop.services.home_visiting import referral_reports

    listed = referral_reports.list_reports(ctx.db, made.id)
    assert [r.filename for r in listed] == ["paediatrician letter.pdf"]
