"""Sharing with another agency: consent for that agency, or a recorded safeguarding reason."""

from __future__ import annotations

from datetime import date

import pytest

from portage_desktop.cli import main
from portage_desktop.printing.kinds import print_record
from portage_desktop.services import audit, children, consent, sharing
from portage_desktop.services.consent import ConsentInput
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.record_vocabulary import ConsentPurpose
from portage_desktop.services.sharing import Basis, ShareRequest
from tests.conftest import TODAY

REASON = "Concerns raised at drop-off; shared with children's social care under our policy."


def _consent(db, child_id, agency="Riverside Speech Service", withdrawn=None, given=True):
    data = ConsentInput(
        ConsentPurpose.SHARE_WITH_AGENCY,
        given,
        "Mum",
        date(2026, 1, 5),
        agency=agency,
        withdrawn_on=withdrawn,
    )
    consent.save_consent(db, child_id, data, today=TODAY)


def test_consent_for_the_named_agency_covers_sharing(demo_db):
    child = children.list_children(demo_db)[0].id
    _consent(demo_db, child)
    share = sharing.record_share(
        demo_db, child, "one-page-profile", ShareRequest("riverside speech service"), TODAY
    )
    assert share.basis is Basis.CONSENT and share.consent_id is not None
    (entry,) = audit.search(demo_db, action="share")
    assert entry.record_id == child and entry.detail == "one-page-profile; consent"


@pytest.mark.parametrize(
    ("setup", "recipient"),
    [
        ({}, "Riverside Speech Service"),  # no consent at all
        ({"agency": "Another Service"}, "Riverside Speech Service"),  # consent for someone else
        ({"withdrawn": date(2026, 6, 1)}, "Riverside Speech Service"),  # withdrawn
        ({"given": False}, "Riverside Speech Service"),  # refused
    ],
)
def test_without_matching_consent_sharing_is_refused(demo_db, tmp_path, setup, recipient):
    child = children.list_children(demo_db)[0].id
    if setup:
        _consent(demo_db, child, **setup)
    with pytest.raises(ValidationError) as caught:
        print_record(
            demo_db,
            "one-page-profile",
            child,
            tmp_path / "x.pdf",
            TODAY,
            share=ShareRequest(recipient),
        )
    assert "No consent in force" in caught.value.errors["recipient"]
    assert not (tmp_path / "x.pdf").exists()
    assert audit.search(demo_db, action="share") == []


def test_safeguarding_needs_a_real_reason(demo_db, tmp_path):
    child = children.list_children(demo_db)[0].id
    with pytest.raises(ValidationError) as caught:
        sharing.record_share(
            demo_db,
            child,
            "one-page-profile",
            ShareRequest("Children's Social Care", "concern"),
            TODAY,
        )
    assert "reason" in caught.value.errors
    print_record(
        demo_db,
        "one-page-profile",
        child,
        tmp_path / "x.pdf",
        TODAY,
        share=ShareRequest("Children's Social Care", REASON),
    )
    (entry,) = audit.search(demo_db, action="share")
    assert entry.detail == "one-page-profile; safeguarding" and "Care" not in entry.detail


def test_shares_are_part_of_the_subject_access_export(demo_db):
    from portage_desktop.services import subject_access

    child = children.list_children(demo_db)[0].id
    sharing.record_share(
        demo_db, child, "assessment-summary", ShareRequest("Children's Social Care", REASON), TODAY
    )
    export = subject_access.collect(demo_db, child)
    assert export.raw["share_record"][0]["recipient"] == "Children's Social Care"


def test_sharing_from_the_command_line(home, tmp_path, capsys):
    db = tmp_path / "demo.db"
    assert main(["make-demo", str(db), "--children", "3"]) == 0
    out = tmp_path / "p.pdf"
    argv = ["print", "one-page-profile", "--database", str(db), "--child", "1", "--out", str(out)]
    assert main([*argv, "--share-with", "Nobody Known"]) == 1
    assert "No consent in force covers sharing with Nobody Known" in capsys.readouterr().err
    assert not out.exists()
    assert main([*argv, "--share-with", "Social care", "--safeguarding-reason", REASON]) == 0
    assert out.exists()


def _as(db, role):
    from portage_desktop.services.access import Actor, set_actor

    db.multi_user = True
    set_actor(db, Actor(f"{role.value}-user", role.label, role))


def test_a_read_only_user_cannot_record_a_share_or_print_for_an_agency(demo_db, tmp_path):
    from portage_desktop.services.access import PermissionDenied, Role

    child = children.list_children(demo_db)[0].id
    _consent(demo_db, child)
    for role in (Role.READ_ONLY, Role.PRACTITIONER):
        _as(demo_db, role)
        assert not sharing.may_share(demo_db)
        with pytest.raises(PermissionDenied, match="SENCO or manager"):
            sharing.record_share(
                demo_db, child, "one-page-profile", ShareRequest("Social care", REASON), TODAY
            )
        with pytest.raises(PermissionDenied):
            print_record(
                demo_db,
                "one-page-profile",
                child,
                tmp_path / "x.pdf",
                TODAY,
                share=ShareRequest("Riverside Speech Service"),
            )
        assert not (tmp_path / "x.pdf").exists()
        # Printing for the family still needs only the print right.
        print_record(demo_db, "one-page-profile", child, tmp_path / "f.pdf", TODAY)
        assert (tmp_path / "f.pdf").exists()
    _as(demo_db, Role.MANAGER)
    assert [e for e in audit.search(demo_db, action="share")] == []


@pytest.mark.parametrize("role_name", ["senco", "manager"])
def test_a_senco_or_manager_records_a_safeguarding_share(demo_db, role_name):
    from portage_desktop.services.access import Role

    child = children.list_children(demo_db)[0].id
    _as(demo_db, Role(role_name))
    assert sharing.may_share(demo_db)
    share = sharing.record_share(
        demo_db, child, "one-page-profile", ShareRequest("Social care", REASON), TODAY
    )
    assert share.basis is Basis.SAFEGUARDING
    _as(demo_db, Role.MANAGER)
    (entry,) = audit.search(demo_db, action="share")
    assert entry.actor == f"{role_name}-user"
