from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel

from portage_desktop.services import children, consent
from portage_desktop.services.consent import ConsentInput
from portage_desktop.services.record_vocabulary import ConsentPurpose
from portage_desktop.ui.children.share_dialog import ShareDialog


def test_family_needs_nothing_more(qtbot, demo_ctx):
    dialog = ShareDialog(demo_ctx.db, children.list_children(demo_ctx.db)[0].id)
    qtbot.addWidget(dialog)
    assert not dialog.recipient.isEnabled()
    dialog.ok_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.request is None


def test_an_agency_with_consent_is_offered_and_safeguarding_needs_a_reason(qtbot, demo_ctx):
    child = children.list_children(demo_ctx.db)[0].id
    consent.save_consent(
        demo_ctx.db,
        child,
        ConsentInput(
            ConsentPurpose.SHARE_WITH_AGENCY, True, "Dad", date(2026, 2, 1), agency="Hill Physio"
        ),
    )
    dialog = ShareDialog(demo_ctx.db, child)
    qtbot.addWidget(dialog)
    dialog.agency.click()
    assert dialog.recipient.findText("Hill Physio (consent given)") >= 0
    assert not dialog.reason.isEnabled()
    dialog.recipient.setCurrentIndex(dialog.recipient.count() - 1)
    assert dialog.reason.isEnabled()
    qtbot.keyClicks(dialog.other_name, "Social care")
    dialog.ok_button.click()
    assert "sentence or two" in dialog.errors.text("reason")
    qtbot.keyClicks(dialog.reason, "A safeguarding concern raised today; shared under policy.")
    dialog.ok_button.click()
    assert dialog.request is not None and dialog.request.recipient == "Social care"
    assert dialog.request.safeguarding_reason.startswith("A safeguarding concern")
    dialog2 = ShareDialog(demo_ctx.db, child)
    qtbot.addWidget(dialog2)
    dialog2.agency.click()
    dialog2.recipient.setCurrentIndex(dialog2.recipient.findData("Hill Physio"))
    dialog2.ok_button.click()
    assert dialog2.request is not None and dialog2.request.recipient == "Hill Physio"


def test_a_read_only_user_cannot_choose_another_agency(qtbot, demo_ctx):
    from portage_desktop.services.access import Actor, Role, set_actor

    demo_ctx.db.multi_user = True
    set_actor(demo_ctx.db, Actor("reader", "Reader", Role.READ_ONLY))
    dialog = ShareDialog(demo_ctx.db, children.list_children(demo_ctx.db)[0].id)
    qtbot.addWidget(dialog)
    assert not dialog.agency.isEnabled()
    assert "SENCO or manager" in dialog.findChild(QLabel, "no_share_right").text()
    dialog.ok_button.click()  # the family is still fine
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.request is None
