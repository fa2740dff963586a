"""The people around a child: family (who holds parental responsibility, who the child lives
with, language and interpreter needs) and the professionals involved."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date

from portage_desktop.data.engine import Database
from portage_desktop.data.models.assessment import FamilyMemberRecord, ProfessionalRecord
from portage_desktop.i18n import tr
from portage_desktop.services import validation as v
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.record_rows import delete_row, list_rows, save_row
from portage_desktop.services.record_vocabulary import ProfessionalRole

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^[0-9+() \-]{6,40}$")


@dataclass(frozen=True)
class FamilyMemberInput:
    """What the family dialog sends in."""

    name: str
    relationship: str
    parental_responsibility: bool = False
    lives_with_child: bool = False
    phone: str = ""
    email: str = ""
    preferred_language: str = ""
    interpreter_needed: bool = False


@dataclass(frozen=True)
class FamilyMember(FamilyMemberInput):
    """A stored family member."""

    id: int = 0
    version: int = 1  # the stored row_version, handed back when saving a change


@dataclass(frozen=True)
class ProfessionalInput:
    """What the professional dialog sends in."""

    role: ProfessionalRole
    name: str
    role_other: str = ""
    organisation: str = ""
    contact: str = ""
    from_date: date | None = None
    to_date: date | None = None


@dataclass(frozen=True)
class Professional(ProfessionalInput):
    """A stored professional; ``to_date`` empty while they are involved."""

    id: int = 0
    version: int = 1  # the stored row_version, handed back when saving a change

    @property
    def role_label(self) -> str:
        return self.role_other if self.role is ProfessionalRole.OTHER else self.role.label

    def is_current(self, on: date) -> bool:
        return self.to_date is None or self.to_date >= on


def contact_checks(errors: dict[str, str], phone: str, email: str) -> tuple[str, str]:
    """Tidy and check a phone number and an email address, both optional."""
    phone, email = v.clean(phone), v.clean(email)
    if phone and not _PHONE.match(phone):
        errors["phone"] = tr("A phone number has digits, spaces and + ( ) - only.")
    if email and not _EMAIL.match(email):
        errors["email"] = tr("That email address does not look right (it needs an @ and a dot).")
    return phone, email


def validate_family_member(data: FamilyMemberInput) -> dict[str, object]:
    """Check every field at once and return the values to store."""
    errors: dict[str, str] = {}
    v.refuse_hidden(errors, data)
    name = v.required_name(errors, "name", data.name, tr("person's name"))
    relationship = v.clean(data.relationship)
    if not relationship:
        errors["relationship"] = tr(
            "Please say who they are to the child, for example Mum or Grandad."
        )
    elif len(relationship) > 60:
        errors["relationship"] = tr("The relationship is too long (at most 60 characters).")
    phone, email = contact_checks(errors, data.phone, data.email)
    language = v.optional_text(
        errors, "preferred_language", data.preferred_language, 60, "language"
    )
    if data.interpreter_needed and not language:
        errors["preferred_language"] = tr("Please say which language the interpreter should speak.")
    if errors:
        raise ValidationError(errors)
    return {
        "name": name,
        "relationship": relationship,
        "parental_responsibility": data.parental_responsibility,
        "lives_with_child": data.lives_with_child,
        "phone": phone,
        "email": email,
        "preferred_language": language,
        "interpreter_needed": data.interpreter_needed,
    }


def _family(row: FamilyMemberRecord) -> FamilyMember:
    names = [f.name for f in fields(FamilyMemberInput)]
    return FamilyMember(
        id=row.id or 0, version=row.row_version, **{n: getattr(row, n) for n in names}
    )


def list_family(db: Database, child_id: int) -> list[FamilyMember]:
    """A child's family members, in the order they were added."""
    return list_rows(db, FamilyMemberRecord, child_id, _family)


def save_family_member(
    db: Database,
    child_id: int,
    data: FamilyMemberInput,
    member_id: int | None = None,
    expected_version: int | None = None,
) -> FamilyMember:
    """Add or change a family member (refused if someone saved a newer version meanwhile)."""
    values = validate_family_member(data)
    return save_row(
        db,
        FamilyMemberRecord,
        child_id,
        member_id,
        values,
        tr("family member"),
        _family,
        expected_version,
    )


def remove_family_member(db: Database, child_id: int, member_id: int) -> None:
    """Remove a family member added by mistake or no longer involved."""
    delete_row(db, FamilyMemberRecord, child_id, member_id, tr("family member"))


def validate_professional(data: ProfessionalInput) -> dict[str, object]:
    """Check every field at once; an Other role needs its name."""
    errors: dict[str, str] = {}
    v.refuse_hidden(errors, data)
    role = ProfessionalRole(data.role)  # screens may hand over the plain code
    name = v.required_name(errors, "name", data.name, tr("professional's name"))
    role_other = v.optional_text(errors, "role_other", data.role_other, 80, "role")
    if role is ProfessionalRole.OTHER and not role_other:
        errors["role_other"] = tr("Please say what their role is.")
    organisation = v.optional_text(errors, "organisation", data.organisation, 120, "organisation")
    contact = v.optional_text(errors, "contact", data.contact, 120, "contact")
    v.not_before(
        errors,
        "to_date",
        data.to_date,
        data.from_date,
        tr("The date they stopped cannot be before the date they started."),
    )
    if errors:
        raise ValidationError(errors)
    return {
        "role": role.value,
        "role_other": role_other if role is ProfessionalRole.OTHER else "",
        "name": name,
        "organisation": organisation,
        "contact": contact,
        "from_date": data.from_date,
        "to_date": data.to_date,
    }


def _professional(row: ProfessionalRecord) -> Professional:
    return Professional(
        id=row.id or 0,
        version=row.row_version,
        role=ProfessionalRole(row.role),
        role_other=row.role_other,
        name=row.name,
        organisation=row.organisation,
        contact=row.contact,
        from_date=row.from_date,
        to_date=row.to_date,
    )


def list_professionals(db: Database, child_id: int) -> list[Professional]:
    """Everyone from other services involved with the child, past and present."""
    return list_rows(db, ProfessionalRecord, child_id, _professional)


def save_professional(
    db: Database,
    child_id: int,
    data: ProfessionalInput,
    professional_id: int | None = None,
    expected_version: int | None = None,
) -> Professional:
    """Add or change a professional (refused if someone saved a newer version meanwhile)."""
    values = validate_professional(data)
    return save_row(
        db,
        ProfessionalRecord,
        child_id,
        professional_id,
        values,
        "professional",
        _professional,
        expected_version,
    )


def remove_professional(db: Database, child_id: int, professional_id: int) -> None:
    """Remove a professional added by mistake."""
    delete_row(db, ProfessionalRecord, child_id, professional_id, "professional")
