"""The holistic record's services against a real database: validation, storage, audit, roles."""

from __future__ import annotations

from datetime import date

import pytest

from portage_desktop.demo.assessment import _png
from portage_desktop.services import (
    assessments,
    attachments,
    audit,
    consent,
    family,
    frameworks,
    observations,
    profiles,
)
from portage_desktop.services.access import Actor, PermissionDenied, Role, set_actor
from portage_desktop.services.assessments import AssessmentInput, Entry
from portage_desktop.services.attachments import FileToAttach
from portage_desktop.services.children import ChildInput, save_child
from portage_desktop.services.consent import ConsentInput
from portage_desktop.services.errors import NotFoundError, ValidationError
from portage_desktop.services.family import FamilyMemberInput, ProfessionalInput
from portage_desktop.services.observations import ObservationInput
from portage_desktop.services.profiles import ProfileInput
from portage_desktop.services.record_vocabulary import (
    AuthorKind,
    ConsentPurpose,
    Contributor,
    ObservationKind,
    PhotoUse,
    ProfessionalRole,
)
from tests.conftest import TODAY

PNG = _png(__import__("random").Random(1), 16)
PDF = b"%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj\n"


@pytest.fixture
def child(db):
    return save_child(db, ChildInput("Ola", "Nowak", date(2023, 6, 1)), today=TODAY).id


def _small_steps(db):
    fw = next(f for f in frameworks.list_frameworks(db) if "Small Steps" in f.name)
    return frameworks.get_framework(db, fw.id)


def test_family_member_rules(db, child):
    with pytest.raises(ValidationError) as caught:
        family.save_family_member(
            db,
            child,
            FamilyMemberInput(
                " ", "", phone="call me", email="anna.at.home", interpreter_needed=True
            ),
        )
    assert set(caught.value.errors) == {
        "name",
        "relationship",
        "phone",
        "email",
        "preferred_language",
    }
    assert family.list_family(db, child) == []
    saved = family.save_family_member(
        db,
        child,
        FamilyMemberInput(
            "Anna  Nowak", "Mum", True, True, "+44 7700 900123", "anna@example.org", "Polish", True
        ),
    )
    assert saved.name == "Anna Nowak"
    family.save_family_member(db, child, FamilyMemberInput("Anna Nowak", "Mother"), saved.id)
    assert [m.relationship for m in family.list_family(db, child)] == ["Mother"]
    family.remove_family_member(db, child, saved.id)
    assert family.list_family(db, child) == []
    with pytest.raises(NotFoundError):
        family.remove_family_member(db, child, saved.id)


def test_professional_with_other_role_and_dates(db, child):
    with pytest.raises(ValidationError) as caught:
        family.save_professional(
            db,
            child,
            ProfessionalInput(
                ProfessionalRole.OTHER, "Sam", from_date=date(2026, 5, 1), to_date=date(2026, 4, 1)
            ),
        )
    assert set(caught.value.errors) == {"role_other", "to_date"}
    saved = family.save_professional(
        db, child, ProfessionalInput(ProfessionalRole.OTHER, "Sam", "Play therapist")
    )
    assert saved.role_label == "Play therapist"
    assert saved.is_current(TODAY)


def test_a_profile_photo_needs_photo_consent_and_a_real_image(db, child):
    text = ProfileInput(
        date(2026, 11, 1), "Anna (Mum)", admired_for="My smile\n\n\n\nand  my laugh"
    )
    with pytest.raises(ValidationError) as caught:
        profiles.add_profile_version(
            db, child, ProfileInput(date(2026, 11, 1), photo=FileToAttach("me.png", PNG)), TODAY
        )
    assert set(caught.value.errors) == {"admired_for", "photo"}
    consent.save_consent(
        db,
        child,
        ConsentInput(
            ConsentPurpose.PHOTOS, True, "Anna", date(2026, 1, 1), photo_uses=(PhotoUse.RECORD,)
        ),
        today=TODAY,
    )
    with pytest.raises(ValidationError, match="not a photo"):
        profiles.add_profile_version(
            db,
            child,
            ProfileInput(
                date(2026, 11, 1), admired_for="x", photo=FileToAttach("me.png", b"GIF89a...")
            ),
            TODAY,
        )
    first = profiles.add_profile_version(db, child, text, TODAY)
    assert first.admired_for == "My smile\n\nand my laugh"
    second = profiles.add_profile_version(
        db,
        child,
        ProfileInput(date(2026, 11, 20), admired_for="Kind", photo=FileToAttach("me.png", PNG)),
        TODAY,
    )
    assert [p.id for p in profiles.list_profiles(db, child)] == [second.id, first.id]
    assert profiles.profile_photo(db, child, second, PhotoUse.RECORD, TODAY) == PNG
    assert profiles.profile_photo(db, child, second, PhotoUse.PRINTED_RECORDS, TODAY) is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"MZ\x90\x00", "is not a photo (JPEG or PNG) or a PDF"),
        (PDF + b"0" * (10 * 1024 * 1024), "larger than 10 MB"),
    ],
)
def test_attachments_are_checked_by_content_and_size(content, message):
    errors: dict[str, str] = {}
    attachments.check_file(
        "files", FileToAttach("/tmp/report.pdf", content), observations.ATTACHABLE, errors
    )
    assert message in errors["files"]
    assert errors["files"].startswith("report.pdf")


def test_an_observation_keeps_its_links_and_files_inside_the_database(db, child):
    detail = _small_steps(db)
    obs_id = observations.save_observation(
        db,
        child,
        ObservationInput(
            ObservationKind.ADVICE,
            date(2026, 11, 2),
            AuthorKind.PROFESSIONAL,
            "Jo (SLT)",
            "Use two-word phrases.",
            (detail.items[0].id, detail.items[3].id, 999999),
            (FileToAttach("advice.pdf", PDF), FileToAttach("play.png", PNG)),
        ),
        today=TODAY,
    )
    (stored,) = observations.list_observations(db, child)
    assert stored.id == obs_id
    assert set(stored.item_ids) == {detail.items[0].id, detail.items[3].id}
    assert sorted(f.filename for f in stored.files) == ["advice.pdf", "play.png"]
    pdf = next(f for f in stored.files if f.media_type == "application/pdf")
    assert attachments.open_attachment(db, child, pdf.id).content == PDF
    observations.delete_observation(db, child, obs_id)
    with pytest.raises(NotFoundError):
        attachments.open_attachment(db, child, pdf.id)


def _assessment(db, child, on=date(2026, 10, 1), **changes):
    detail = _small_steps(db)
    entries = {i.id: Entry(4, "seen") for i in detail.items[:3]}
    data = dict(
        framework_id=detail.framework.id,
        assessed_on=on,
        contributors=(Contributor.PARENT,),
        entries=entries,
    )
    data.update(changes)
    return AssessmentInput(**data)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"assessed_on": None}, "assessed_on", "Please enter the date"),
        ({"assessed_on": date(2026, 12, 1)}, "assessed_on", "future"),
        ({"assessed_on": date(2023, 1, 1)}, "assessed_on", "before the child's date of birth"),
        ({"contributors": ()}, "contributors", "who took part"),
        ({"entries": {}}, "entries", "at least one small step"),
        ({"entries": {1: Entry(9)}}, "entries", "not on the checklist's scale"),
        ({"entries": {-5: Entry(1)}}, "entries", "not part of this checklist"),
    ],
)
def test_assessment_rules(db, child, changes, field, message):
    if field == "entries" and "scale" in message:
        first = _small_steps(db).items[0].id
        changes = {"entries": {first: Entry(9)}}
    with pytest.raises(ValidationError) as caught:
        assessments.save_assessment(db, child, _assessment(db, child, **changes), today=TODAY)
    assert message in caught.value.errors[field]
    assert assessments.list_assessments(db, child) == []


def test_saving_an_assessment_again_replaces_its_statuses_whole(db, child):
    saved = assessments.save_assessment(db, child, _assessment(db, child), today=TODAY)
    first = _small_steps(db).items[0].id
    changed = _assessment(db, child, entries={first: Entry(1, "  not  today ")})
    assessments.save_assessment(db, child, changed, saved.id, today=TODAY)
    (stored,) = assessments.list_assessments(db, child)
    assert stored.entries == {first: Entry(1, "not today")}


def test_audit_details_name_what_changed_never_who(db, child):
    family.save_family_member(db, child, FamilyMemberInput("Anna Nowak", "Mum"))
    assessments.save_assessment(db, child, _assessment(db, child), today=TODAY)
    details = [e.detail for e in audit.search(db, record_id=child)]
    assert "family member added" in details
    assert any(d.startswith("assessment ") for d in details)
    assert not any("Anna" in d or "Ola" in d for d in details)


def test_read_only_may_look_but_not_change(db, child):
    set_actor(db, Actor("viewer", "Viewer", Role.READ_ONLY))
    assert family.list_family(db, child) == []
    with pytest.raises(PermissionDenied):
        family.save_family_member(db, child, FamilyMemberInput("Anna", "Mum"))
    with pytest.raises(PermissionDenied):
        assessments.save_assessment(db, child, _assessment(db, child), today=TODAY)
    with pytest.raises(PermissionDenied):
        frameworks.preview_import(db, "x.json", b"{}")


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (ProfileInput(None, admired_for="x"), "written_on", "Please enter the date"),
        (ProfileInput(date(2026, 12, 1), admired_for="x"), "written_on", "future"),
        (ProfileInput(date(2026, 11, 1), interests="x" * 1501), "interests", "too long"),
        (
            ProfileInput(date(2026, 11, 1), communication="  \n \n"),
            "admired_for",
            "at least one part",
        ),
    ],
)
def test_profile_rules(data, field, message):
    with pytest.raises(ValidationError) as caught:
        profiles.validate_profile(data, TODAY)
    assert message in caught.value.errors[field]


def _obs(**changes):
    data = dict(
        kind=ObservationKind.OBSERVATION,
        observed_on=date(2026, 11, 1),
        author_kind=AuthorKind.PARENT,
        author_name="Anna",
        text="Rolled the ball back to me",
    )
    data.update(changes)
    return ObservationInput(**data)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"text": "  "}, "text", "Please write"),
        ({"text": "x" * 5001}, "text", "too long"),
        ({"author_name": ""}, "author_name", "Please enter"),
        ({"observed_on": None}, "observed_on", "Please enter the date"),
        ({"observed_on": date(2026, 11, 23)}, "observed_on", "future"),
        (
            {"new_files": tuple(FileToAttach(f"{n}.png", PNG) for n in range(11))},
            "files",
            "at most 10",
        ),
        (
            {"new_files": (FileToAttach("notes.txt", b"hello"),)},
            "files",
            "notes.txt is not a photo",
        ),
    ],
)
def test_observation_rules(db, child, changes, field, message):
    with pytest.raises(ValidationError) as caught:
        observations.save_observation(db, child, _obs(**changes), today=TODAY)
    assert message in caught.value.errors[field]
    assert observations.list_observations(db, child) == []
