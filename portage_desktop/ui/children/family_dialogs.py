"""Dialogs for a child's family members, professionals and consent decisions.

Each checks everything through its service on Save, shows problems beside their fields, and asks
before discarding typed changes.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.i18n import tr
from portage_desktop.services import consent as consent_service
from portage_desktop.services import family as family_service
from portage_desktop.services.consent import Consent, ConsentInput
from portage_desktop.services.family import (
    FamilyMember,
    FamilyMemberInput,
    Professional,
    ProfessionalInput,
)
from portage_desktop.services.record_vocabulary import ConsentPurpose, PhotoUse, ProfessionalRole
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.record_dialog import RecordDialog
from portage_desktop.ui.common.widgets import DateField, suggest


class FamilyMemberDialog(RecordDialog):
    """Add or change a family member."""

    def __init__(
        self,
        ctx: AppContext,
        child_id: int,
        member: FamilyMember | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            ctx, tr("Add a family member") if member is None else tr("Family member"), parent
        )
        self.child_id, self.member = child_id, member
        self.name = QLineEdit()
        self.relationship = QLineEdit()
        self.relationship.setPlaceholderText(tr("For example: Mum, Dad, Grandma, foster carer"))
        self.parental_responsibility = QCheckBox(tr("Has &parental responsibility"))
        self.lives_with_child = QCheckBox(tr("The child &lives with them"))
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.language = QLineEdit()
        self.interpreter = QCheckBox(tr("Needs an &interpreter"))
        self.add_row(tr("&Name *"), "name", self.name)
        self.add_row(tr("&Relationship *"), "relationship", self.relationship)
        self.add_row("", "parental_responsibility", self.parental_responsibility)
        self.add_row("", "lives_with_child", self.lives_with_child)
        self.add_row(tr("P&hone"), "phone", self.phone)
        self.add_row(tr("E&mail"), "email", self.email)
        self.add_row(tr("Preferred lan&guage"), "preferred_language", self.language)
        self.add_row("", "interpreter_needed", self.interpreter)
        if member is not None:
            self.fill(member)
        self.finish()
        self.name.setFocus()

    def fill(self, record: object) -> None:
        assert isinstance(record, FamilyMember)
        self.version = record.version
        self.name.setText(record.name)
        self.relationship.setText(record.relationship)
        self.parental_responsibility.setChecked(record.parental_responsibility)
        self.lives_with_child.setChecked(record.lives_with_child)
        self.phone.setText(record.phone)
        self.email.setText(record.email)
        self.language.setText(record.preferred_language)
        self.interpreter.setChecked(record.interpreter_needed)

    def save(self) -> None:
        data = FamilyMemberInput(
            name=self.name.text(),
            relationship=self.relationship.text(),
            parental_responsibility=self.parental_responsibility.isChecked(),
            lives_with_child=self.lives_with_child.isChecked(),
            phone=self.phone.text(),
            email=self.email.text(),
            preferred_language=self.language.text(),
            interpreter_needed=self.interpreter.isChecked(),
        )
        member_id = self.member.id if self.member else None
        self.run_save(
            {},
            lambda: family_service.save_family_member(
                self.ctx.db, self.child_id, data, member_id, self.version
            ),
            data,
        )


class ProfessionalDialog(RecordDialog):
    """Add or change a professional; the Other box is used only for Other."""

    def __init__(
        self,
        ctx: AppContext,
        child_id: int,
        professional: Professional | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = tr("Add a professional") if professional is None else tr("Professional")
        super().__init__(ctx, title, parent)
        self.child_id, self.professional = child_id, professional
        self.role = QComboBox()
        for role in ProfessionalRole:
            self.role.addItem(role.label, role)
        self.role_other = QLineEdit()
        self.name = QLineEdit()
        self.organisation = QLineEdit()
        self.contact = QLineEdit()
        self.contact.setPlaceholderText(tr("Phone or email"))
        self.from_date = DateField(tr("Involved from"))
        self.to_date = DateField(tr("Involved until"))
        self.add_row(tr("R&ole *"), "role", self.role)
        self.add_row(
            tr("Other r&ole"), "role_other", self.role_other, tr("Only if the role is Other")
        )
        self.add_row(tr("&Name *"), "name", self.name)
        self.add_row(tr("Or&ganisation"), "organisation", self.organisation)
        self.add_row(tr("&Contact"), "contact", self.contact)
        self.add_row(tr("&From"), "from_date", self.from_date)
        self.add_row(
            tr("&Until"), "to_date", self.to_date, tr("Leave empty while they are involved")
        )
        if professional is not None:
            self.fill(professional)
        self.role.currentIndexChanged.connect(self._role_changed)
        self._role_changed()
        self.finish()
        self.role.setFocus()

    def fill(self, record: object) -> None:
        assert isinstance(record, Professional)
        self.version = record.version
        self.role.setCurrentIndex(self.role.findData(record.role))
        self.role_other.setText(record.role_other)
        self.name.setText(record.name)
        self.organisation.setText(record.organisation)
        self.contact.setText(record.contact)
        self.from_date.set_value(record.from_date)
        self.to_date.set_value(record.to_date)

    def _role_changed(self) -> None:
        self.role_other.setEnabled(self.role.currentData() == ProfessionalRole.OTHER)

    def save(self) -> None:
        errors: dict[str, str] = {}
        dates = self.read_dates(errors, from_date=self.from_date, to_date=self.to_date)
        data = ProfessionalInput(
            role=ProfessionalRole(self.role.currentData()),
            role_other=self.role_other.text(),
            name=self.name.text(),
            organisation=self.organisation.text(),
            contact=self.contact.text(),
            **dates,
        )
        row_id = self.professional.id if self.professional else None
        self.run_save(
            errors,
            lambda: family_service.save_professional(
                self.ctx.db, self.child_id, data, row_id, self.version
            ),
            data,
        )


class ConsentDialog(RecordDialog):
    """Record or correct a consent decision, including its withdrawal."""

    def __init__(
        self,
        ctx: AppContext,
        child_id: int,
        consent: Consent | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, tr("Record consent") if consent is None else tr("Consent"), parent)
        self.child_id, self.consent = child_id, consent
        self.purpose = QComboBox()
        for purpose in ConsentPurpose:
            self.purpose.addItem(purpose.label, purpose)
        self.agency = QLineEdit()
        self.agency.setPlaceholderText(tr("For example: Community speech and language therapy"))
        self.decision = QComboBox()
        self.decision.addItem(tr("Given"), True)
        self.decision.addItem(tr("Refused"), False)
        self.decided_by = QLineEdit()
        holders = [
            m.name
            for m in family_service.list_family(ctx.db, child_id)
            if m.parental_responsibility
        ]
        suggest(self.decided_by, holders)
        if holders:
            self.decided_by.setPlaceholderText(
                tr("For example: {holders}").format(holders=holders[0])
            )
        self.decided_on = DateField(tr("Date of the decision"))
        self.withdrawn_on = DateField(tr("Date withdrawn"))
        self.uses_box = QGroupBox(tr("Photos or video may be used"))
        uses_layout = QVBoxLayout(self.uses_box)
        self.use_boxes: dict[PhotoUse, QCheckBox] = {}
        for use in PhotoUse:
            box = QCheckBox(use.label)
            box.setAccessibleName(tr("Photo use: {label}").format(label=use.label))
            uses_layout.addWidget(box)
            self.use_boxes[use] = box
        self.add_row(tr("&Purpose *"), "purpose", self.purpose)
        self.add_row(tr("&Agency"), "agency", self.agency, tr("Only for sharing with an agency"))
        self.add_row("", "photo_uses", self.uses_box)
        self.add_row(tr("&Decision *"), "given", self.decision)
        self.add_row(
            tr("Decided &by *"),
            "decided_by",
            self.decided_by,
            tr("A person with parental responsibility"),
        )
        self.add_row(tr("Da&te *"), "decided_on", self.decided_on)
        self.add_row(
            tr("&Withdrawn on"),
            "withdrawn_on",
            self.withdrawn_on,
            tr("If consent is withdrawn later"),
        )
        if consent is not None:
            self.fill(consent)
        self.purpose.currentIndexChanged.connect(self._purpose_changed)
        self._purpose_changed()
        self.finish()
        self.purpose.setFocus()

    def fill(self, record: object) -> None:
        assert isinstance(record, Consent)
        self.version = record.version
        self.purpose.setCurrentIndex(self.purpose.findData(record.purpose))
        self.agency.setText(record.agency)
        self.decision.setCurrentIndex(0 if record.given else 1)
        self.decided_by.setText(record.decided_by)
        self.decided_on.set_value(record.decided_on)
        self.withdrawn_on.set_value(record.withdrawn_on)
        for use, box in self.use_boxes.items():
            box.setChecked(use in record.photo_uses)

    def _purpose_changed(self) -> None:
        # Qt hands enum data back as its plain string code, so compare by value.
        purpose = self.purpose.currentData()
        self.agency.setEnabled(purpose == ConsentPurpose.SHARE_WITH_AGENCY)
        self.uses_box.setEnabled(purpose == ConsentPurpose.PHOTOS)

    def save(self) -> None:
        errors: dict[str, str] = {}
        dates = self.read_dates(errors, decided_on=self.decided_on, withdrawn_on=self.withdrawn_on)
        data = ConsentInput(
            purpose=ConsentPurpose(self.purpose.currentData()),
            given=bool(self.decision.currentData()),
            decided_by=self.decided_by.text(),
            agency=self.agency.text(),
            photo_uses=tuple(u for u, box in self.use_boxes.items() if box.isChecked()),
            **dates,
        )
        row_id = self.consent.id if self.consent else None
        self.run_save(
            errors,
            lambda: consent_service.save_consent(
                self.ctx.db, self.child_id, data, row_id, expected_version=self.version
            ),
            data,
        )
