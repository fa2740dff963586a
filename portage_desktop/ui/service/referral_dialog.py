"""The "New referral" dialog: the child, who referred and when, consent or the safeguarding
reason, the screening results, and what the family needs. Before a new child's record is made
the children already held with that name and date of birth are offered, so one child never
ends up with two records."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.i18n import tr
from portage_desktop.services.attachments import FileToAttach
from portage_desktop.services.children import ChildInput
from portage_desktop.services.dates import format_date
from portage_desktop.services.home_visiting import referrals
from portage_desktop.services.home_visiting.referrals import (
    PossibleDuplicate,
    Referral,
    ReferralInput,
)
from portage_desktop.services.home_visiting.vocabulary import ReferrerKind
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.record_dialog import RecordDialog
from portage_desktop.ui.common.widgets import DateField
from portage_desktop.ui.service.common import chosen, scroll_form, text_box

NOT_KNOWN = tr("Not known yet")


def _yes_no_combo(name: str) -> QComboBox:
    """Yes, no, or not known yet: eligibility shows an unknown rule as unknown, not as no."""
    combo = QComboBox()
    combo.setAccessibleName(name)
    for text, value in ((NOT_KNOWN, None), (tr("Yes"), True), (tr("No"), False)):
        combo.addItem(text, value)
    return combo


def _count_spin(name: str, top: int) -> QSpinBox:
    """A number where -1 (shown as "Not known yet") means not recorded."""
    spin = QSpinBox()
    spin.setRange(-1, top)
    spin.setValue(-1)
    spin.setSpecialValueText(NOT_KNOWN)
    spin.setAccessibleName(name)
    return spin


class ReferralDialog(RecordDialog):
    """Refer a new child; ``saved`` holds the referral once it is stored."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, tr("New referral"), parent)
        self.saved: Referral | None = None
        self.first_name = self.add_row(tr("Child's &first name *"), "first_name", QLineEdit())
        self.last_name = self.add_row(tr("Child's &last name *"), "last_name", QLineEdit())
        self.born = self.add_row(
            tr("Date of &birth *"), "date_of_birth", DateField(tr("Date of birth"))
        )
        self.referred_on = self.add_row(
            tr("&Referred on *"), "referred_on", DateField(tr("Date of the referral"))
        )
        self.referred_on.set_value(date.today())
        self.kind = QComboBox()
        for kind in ReferrerKind:
            self.kind.addItem(kind.label, kind)
        self.add_row(tr("Referred b&y *"), "referrer_kind", self.kind)
        self.referrer_name = self.add_row(
            tr("Professional's &name"),
            "referrer_name",
            QLineEdit(),
            tr("For a professional's referral."),
        )
        self.referrer_role = self.add_row(
            tr("Their r&ole"), "referrer_role", QLineEdit(), tr("For example health visitor.")
        )
        self.consent_on = self.add_row(
            tr("Parent &agreed on"),
            "consent_on",
            DateField(tr("Date the parent agreed to the referral")),
        )
        self.consent_by = self.add_row(tr("Who a&greed"), "consent_by", QLineEdit())
        self.safeguarding = self.add_row(
            tr("Or &safeguarding reason"),
            "safeguarding_reason",
            QLineEdit(),
            tr("Only when the referral is made without the parent's agreement."),
        )
        self.screening = self.add_row(
            tr("Screening resul&ts"),
            "screening_summary",
            QLineEdit(),
            tr("Results only, for example: ASQ-3, 3 areas in the refer range."),
        )
        self.delay_areas = self.add_row(
            tr("Areas of &delay"), "delay_areas", _count_spin(tr("Areas of significant delay"), 10)
        )
        self.condition = self.add_row(tr("&Known condition"), "known_condition", QLineEdit())
        self.in_area = self.add_row(
            tr("Lives in the ar&ea"), "lives_in_area", _yes_no_combo(tr("Lives in the area"))
        )
        self.specialist = self.add_row(
            tr("In s&pecialist provision"),
            "specialist_provision",
            _yes_no_combo(tr("In other specialist provision")),
        )
        self.hours = self.add_row(
            tr("&Hours a week in a setting"),
            "setting_hours",
            _count_spin(tr("Hours in a setting"), 60),
        )
        self.interpreter = self.add_row(tr("&Interpreter needs"), "interpreter", QLineEdit())
        self.availability = self.add_row(
            tr("A&vailability"), "availability", text_box(tr("Family's availability"), 2)
        )
        self.looked_after = QCheckBox(tr("Looked-after child"))
        self.protection = QCheckBox(tr("Child protection plan"))
        self.in_need = QCheckBox(tr("Child in need"))
        self.urgent = QCheckBox(tr("Urgent"))
        priority = QWidget()
        priority.setAccessibleName(tr("Priority"))
        grid = QGridLayout(priority)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, box in enumerate((self.looked_after, self.protection, self.in_need, self.urgent)):
            grid.addWidget(box, i // 2, i % 2)
        self.form.addRow(tr("Priority:"), priority)
        # Supporting reports (a paediatrician's letter, a speech therapist's report), kept in
        # the child's record with the referral.
        self.reports: list[FileToAttach] = []
        self.report_list = QListWidget()
        self.report_list.setAccessibleName(tr("Supporting reports to keep with the referral"))
        self.report_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 4)
        add_report = QPushButton(tr("Add a &report…"))
        add_report.clicked.connect(self.add_report)
        drop_report = QPushButton(tr("Ta&ke it off"))
        drop_report.clicked.connect(self.drop_report)
        reports = QWidget()
        column = QVBoxLayout(reports)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.report_list)
        buttons = QHBoxLayout()
        buttons.addWidget(add_report)
        buttons.addWidget(drop_report)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.add_row(
            tr("Supporting re&ports"), "reports", reports, tr("PDFs or photos, 10 MB each at most.")
        )
        self.setMinimumWidth(720)
        scroll_form(self)
        self.finish()
        self.availability.textChanged.connect(self.mark_dirty)
        self.delay_areas.valueChanged.connect(self.mark_dirty)
        self.hours.valueChanged.connect(self.mark_dirty)

    def read(self, errors: dict[str, str]) -> tuple[ChildInput, ReferralInput]:
        dates = self.read_dates(
            errors,
            date_of_birth=self.born,
            referred_on=self.referred_on,
            consent_on=self.consent_on,
        )
        child = ChildInput(self.first_name.text(), self.last_name.text(), dates["date_of_birth"])
        delay = self.delay_areas.value()
        hours = self.hours.value()
        data = ReferralInput(
            referred_on=dates["referred_on"],
            referrer_kind=chosen(self.kind, ReferrerKind) or ReferrerKind.PARENT,
            referrer_name=self.referrer_name.text(),
            referrer_role=self.referrer_role.text(),
            consent_on=dates["consent_on"],
            consent_by=self.consent_by.text(),
            safeguarding_reason=self.safeguarding.text(),
            screening_summary=self.screening.text(),
            delay_areas=None if delay < 0 else delay,
            known_condition=self.condition.text(),
            lives_in_area=self.in_area.currentData(),
            specialist_provision=self.specialist.currentData(),
            setting_hours=None if hours < 0 else hours,
            interpreter=self.interpreter.text(),
            availability=self.availability.toPlainText(),
            looked_after=self.looked_after.isChecked(),
            protection_plan=self.protection.isChecked(),
            child_in_need=self.in_need.isChecked(),
            urgent=self.urgent.isChecked(),
        )
        return child, data

    def save(self) -> None:
        errors: dict[str, str] = {}
        child, data = self.read(errors)
        existing: int | None = None
        if not errors and child.date_of_birth is not None and child.first_name.strip():
            matches = referrals.find_duplicates(
                self.ctx.db, child.first_name.strip(), child.last_name.strip(), child.date_of_birth
            )
            if matches:
                choice = self.ask_about_duplicates(matches)
                if choice is None:
                    return
                existing = choice or None

        def store() -> None:
            files = tuple(self.reports)
            if existing is not None:
                self.saved = referrals.create_referral(
                    self.ctx.db, data, child_id=existing, reports=files
                )
            else:
                self.saved = referrals.create_referral(
                    self.ctx.db, data, child, allow_duplicate=True, reports=files
                )

        self.run_save(errors, store, data)

    def add_report(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, tr("Add a supporting report"), "", tr("Reports (*.pdf *.png *.jpg *.jpeg)")
        )
        for name in names:
            try:
                content = Path(name).read_bytes()
            except OSError as exc:
                self.show_errors(
                    {
                        "reports": tr("{name} could not be read ({exc}).").format(
                            name=Path(name).name, exc=exc
                        )
                    }
                )
                return
            self.reports.append(FileToAttach(Path(name).name, content))
            self.report_list.addItem(
                tr("{name} ({max} KB)").format(
                    name=Path(name).name, max=max(1, len(content) // 1024)
                )
            )
            self.mark_dirty()

    def drop_report(self) -> None:
        row = self.report_list.currentRow()
        if row >= 0:
            self.report_list.takeItem(row)
            del self.reports[row]

    def ask_about_duplicates(self, matches: list[PossibleDuplicate]) -> int | None:
        """Which record to refer: an existing child's number, 0 for a new record, None to go
        back to the form."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(tr("Is this a child we already hold?"))
        names = "\n".join(
            f"• {m.name}, born {format_date(m.date_of_birth)}"
            + (" (record archived)" if m.archived else "")
            for m in matches
        )
        box.setText(
            tr("We already hold a record with this name and date of birth:\n{names}").format(
                names=names
            )
        )
        box.setInformativeText(
            tr(
                "Refer that child, so everything stays in one record, or make a new record if this "
                "is a different child."
            )
        )
        link = box.addButton(
            tr("&Refer {name} (the record we hold)").format(name=matches[0].name),
            QMessageBox.ButtonRole.AcceptRole,
        )
        new = box.addButton(
            tr("&Different child: make a new record"), QMessageBox.ButtonRole.NoRole
        )
        box.addButton(tr("&Go back"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(link)
        box.exec()
        if box.clickedButton() is link:
            return matches[0].child_id
        if box.clickedButton() is new:
            return 0
        return None
