"""Training records and certificates: validation, permissions, all-or-nothing saving, audit."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from portage_desktop.services import audit, certificates, training
from portage_desktop.services.access import Actor, PermissionDenied, Role, set_actor
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.training import TrainingInput, TrainingKind, TrainingStatus
from portage_desktop.services.training_matrix import training_matrix
from tests.services.stamp_helpers import ON, add_staff, make_setting, membership, workshop

PDF = b"%PDF-1.4\n% test certificate\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 20


def test_each_kind_asks_for_what_its_criterion_needs(db):
    cases = {
        TrainingKind.WORKSHOP: {"completed_on", "trainer"},
        TrainingKind.MEMBERSHIP: {"membership_number", "started_on", "expires_on"},
        TrainingKind.LEVEL3: {"completed_on"},
        TrainingKind.PCPD: {"title", "completed_on"},
    }
    for kind, fields in cases.items():
        with pytest.raises(ValidationError) as error:
            training.validate_training(TrainingInput(kind), ON)
        assert set(error.value.errors) == fields, kind
    with pytest.raises(ValidationError) as error:
        training.validate_training(
            TrainingInput(TrainingKind.LEVEL3, status=TrainingStatus.WORKING_TOWARDS), ON
        )
    assert error.value.errors == {"started_on": "Please enter the date they started."}


def test_dates_are_checked_together(db):
    with pytest.raises(ValidationError) as error:
        training.validate_training(
            TrainingInput(
                TrainingKind.MEMBERSHIP,
                membership_number="N1",
                started_on=date(2026, 5, 1),
                expires_on=date(2026, 4, 1),
            ),
            ON,
        )
    assert "after the start date" in error.value.errors["expires_on"]
    with pytest.raises(ValidationError) as error:
        training.validate_training(
            TrainingInput(TrainingKind.WORKSHOP, completed_on=date(2027, 1, 1), trainer="T"), ON
        )
    assert "future" in error.value.errors["completed_on"]


def test_saving_editing_and_deleting_a_record_is_audited(db):
    make_setting(db)
    ann = add_staff(db, "Ann")
    workshop(db, ann)
    [record] = training.list_training(db, ann)
    assert record.counts_for_workshop(ON) and "trainer NPA-accredited" in record.summary
    training.save_training(
        db,
        ann,
        TrainingInput(TrainingKind.WORKSHOP, completed_on=date(2024, 3, 1), trainer="Someone"),
        record.id,
        today=ON,
    )
    assert not training.list_training(db, ann)[0].trainer_accredited
    training.delete_training(db, record.id)
    assert training.list_training(db, ann) == []
    actions = [(e.action, e.record_kind) for e in audit.search(db, record_kind="training")]
    assert actions == [("erase", "training"), ("change", "training"), ("create", "training")]
    assert all("Ann" not in e.detail for e in audit.search(db))


def test_certificates_are_checked_by_their_content(db):
    assert certificates.content_type_of(PDF) == "application/pdf"
    assert certificates.content_type_of(PNG) == "image/png"
    assert certificates.content_type_of(b"\xff\xd8\xff\xe0JFIF") == "image/jpeg"
    with pytest.raises(ValidationError, match="not a PDF, PNG or JPEG"):
        certificates.check_file("certificate.pdf", b"MZ\x90\x00 a program renamed")
    with pytest.raises(ValidationError, match="larger than 5 MB"):
        certificates.check_file("scan.pdf", b"%PDF-" + b"0" * certificates.MAX_BYTES)
    with pytest.raises(ValidationError, match="is empty"):
        certificates.check_file("empty.png", b"")


def test_a_bad_certificate_saves_nothing(db):
    make_setting(db)
    ann = add_staff(db, "Ann")
    data = TrainingInput(TrainingKind.WORKSHOP, completed_on=date(2024, 3, 1), trainer="T")
    with pytest.raises(ValidationError):
        training.save_training(db, ann, data, today=ON, files=[("a.pdf", PDF), ("b.doc", b"x")])
    assert training.list_training(db, ann) == []
    saved = training.save_training(db, ann, data, today=ON, files=[("../a.pdf", PDF)])
    [cert] = certificates.list_certificates(db, saved.id)
    assert cert.filename == "a.pdf" and saved.attachments == 1
    assert certificates.read_certificate(db, cert.id) == ("a.pdf", PDF)
    certificates.attach(db, saved.id, "photo.png", PNG)
    certificates.remove(db, cert.id)
    assert [c.filename for c in certificates.list_certificates(db, saved.id)] == ["photo.png"]
    training.delete_training(db, saved.id)  # certificates go with their record
    assert certificates.list_certificates(db, saved.id) == []


def test_only_a_manager_edits_training(db):
    make_setting(db)
    ann = add_staff(db, "Ann")
    set_actor(db, Actor("sam", "Sam", Role.SENCO))
    with pytest.raises(PermissionDenied):
        workshop(db, ann)
    with pytest.raises(PermissionDenied):
        certificates.attach(db, 1, "a.pdf", PDF)


def test_the_matrix_lists_current_staff_first_and_warns_of_expiry(db):
    make_setting(db)
    ann = add_staff(db, "Ann")
    gone = add_staff(db, "Zed", leave=date(2026, 1, 1))
    membership(db, ann, date(2026, 1, 1), date(2026, 12, 20))
    membership(db, gone, date(2025, 1, 1), date(2026, 12, 20))
    matrix = training_matrix(db, ON)
    assert [line.member.first_name for line in matrix.lines] == ["Ann", "Zed"]
    assert matrix.warnings == ("Ann Tester: NPA professional membership expires on 20/12/2026.",)
    assert "expires soon" in matrix.lines[0].cells[1]


def test_a_membership_lapsed_long_ago_stays_flagged_until_renewed(db):
    """An assessor looks for lapsed memberships however old; a renewed one is history."""
    make_setting(db)
    ann = add_staff(db, "Ann")
    bea = add_staff(db, "Bea")
    membership(db, ann, date(2023, 9, 26), date(2024, 9, 25))  # lapsed over a year before ON
    membership(db, bea, date(2023, 9, 26), date(2024, 9, 25))
    membership(db, bea, date(2024, 9, 26), date(2027, 9, 25))  # renewed
    matrix = training_matrix(db, ON)
    assert matrix.lapsed == ("Ann Tester: NPA professional membership lapsed on 25/09/2024.",)
    assert matrix.coming_up == ()
    ann_line = next(line for line in matrix.lines if line.member.first_name == "Ann")
    bea_line = next(line for line in matrix.lines if line.member.first_name == "Bea")
    assert "LAPSED" in ann_line.cells[1]
    assert "renewed since" in bea_line.cells[1] and "LAPSED" not in bea_line.cells[1]


def test_a_membership_is_lapsed_only_the_day_after_its_expiry(db):
    make_setting(db)
    ann = add_staff(db, "Ann")
    membership(db, ann, date(2025, 6, 1), ON)
    assert training_matrix(db, ON).lapsed == ()
    after = training_matrix(db, ON + timedelta(days=1))
    assert after.lapsed == (f"Ann Tester: NPA professional membership lapsed on {ON:%d/%m/%Y}.",)
