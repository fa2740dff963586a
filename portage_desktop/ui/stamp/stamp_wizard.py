"""The self-assessment wizard: one page per part of the application, the plans, what is missing.

Every page shows what the records already say and has room for the setting's own words. The
draft is saved to the database whenever the manager moves between pages or closes the wizard,
so it is resumed exactly where it was left; last year's words can be brought back and updated.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from portage_desktop.i18n import tr
from portage_desktop.printing.stamp import make_pack
from portage_desktop.services import stamp_application, stamp_statements
from portage_desktop.services.access import PermissionDenied
from portage_desktop.services.errors import ConflictError, ValidationError
from portage_desktop.services.staff import list_staff
from portage_desktop.services.stamp_application import PLANS_NEEDED, Application, Section
from portage_desktop.services.stamp_check import StampCheck, check_stamp, statement_subject
from portage_desktop.services.stamp_criteria import Status
from portage_desktop.services.stamp_evidence import PlanForApplication, plans_for_application
from portage_desktop.ui.common.conflict_dialog import ConflictChoice, ask_about_conflict
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.form import confirm
from portage_desktop.ui.common.service_errors import REFUSED, refused
from portage_desktop.ui.common.theme import error_style
from portage_desktop.ui.stamp.plan_review import PlanReviewPage


def _label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class SectionPage(QWizardPage):
    """One part of the application: the evidence from the records, and a narrative."""

    def __init__(
        self, section: Section, check: StampCheck, last_year: str, confirmable: tuple[int, ...]
    ) -> None:
        super().__init__()
        self.section = section
        self.last_year = last_year
        self.setTitle(section.title)
        self.setSubTitle(section.prompt)
        lines = []
        for number in section.criteria:
            result = check.result(number)
            lines.append(
                tr("<p><b>Criterion {number}: {symbol} {label}</b><br>").format(
                    number=number, symbol=result.status.symbol, label=result.status.label
                )
                + "<br>".join(escape(e) for e in result.evidence[:6])
                + "</p>"
            )
        self.evidence = _label("".join(lines))
        self.evidence.setObjectName("wizard_evidence")
        self.evidence.setAccessibleName(tr("Evidence from your records"))
        self.narrative = QPlainTextEdit()
        self.narrative.setAccessibleName(tr("Your words: {title}").format(title=section.title))
        self.narrative.setTabChangesFocus(True)
        self.reuse = QPushButton(tr("&Use last year's words"))
        self.reuse.setEnabled(bool(last_year))
        self.reuse.setToolTip(
            tr("Bring back what you wrote last year, to update it")
            if last_year
            else tr("There is no earlier application to reuse")
        )
        self.reuse.clicked.connect(self.use_last_year)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("<b>From your records</b>")))
        layout.addWidget(self.evidence)
        caption = QLabel(tr("&Your words"))
        caption.setBuddy(self.narrative)
        layout.addWidget(caption)
        layout.addWidget(self.narrative, 1)
        layout.addWidget(self.reuse, 0, Qt.AlignmentFlag.AlignLeft)
        # A criterion the records cannot show needs the manager's own confirmed statement;
        # words written here count for it only when she says so, as on the Stamp page.
        self.confirms: dict[int, QCheckBox] = {}
        for number in confirmable:
            box = QCheckBox(
                tr(
                    "Use these words as my statement for criterion {number}, "
                    "and confirm they are true today"
                ).format(number=number)
                if number != 2
                else tr(
                    "Confirm that our latest inspection, shown above, is our most recent and "
                    "meets criterion 2"
                )
            )
            box.setAccessibleName(tr("Confirm criterion {number}").format(number=number))
            self.confirms[number] = box
            layout.addWidget(box)

    def use_last_year(self) -> None:
        if self.narrative.toPlainText().strip() and not confirm(
            self,
            tr("Replace your words?"),
            tr("Replace what you have written on this page with last year's words?"),
        ):
            return
        self.narrative.setPlainText(self.last_year)


class PlansPage(QWizardPage):
    """Choose four plans; they are printed with every identifying detail replaced."""

    def __init__(self, plans: list[PlanForApplication], chosen: tuple[int, ...]) -> None:
        super().__init__()
        self.setTitle(tr("Four individual plans"))
        self.setSubTitle(
            tr(
                "Choose {PLANS_NEEDED} plans to attach. Names, dates, addresses and photos are "
                "replaced, and on the next page you check each plan before it is printed."
            ).format(PLANS_NEEDED=PLANS_NEEDED)
        )
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Plans to attach"))
        for plan in plans:
            item = QListWidgetItem(plan.chooser_text)
            item.setData(Qt.ItemDataRole.UserRole, plan.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if plan.id in chosen else Qt.CheckState.Unchecked
            )
            self.list.addItem(item)
        self.note = _label(
            ""
            if plans
            else tr(
                "No activity plans are recorded yet. Add them on each child's Goals and plans "
                "tab, or attach four anonymised plans on paper; the final page reminds you."
            )
        )
        self.error = _label()
        self.error.setStyleSheet(error_style())
        self.list.itemChanged.connect(lambda _i: self.completeChanged.emit())
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.error)

    def set_chosen(self, chosen: tuple[int, ...]) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in chosen
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def chosen(self) -> tuple[int, ...]:
        return tuple(
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        )

    def isComplete(self) -> bool:
        too_many = len(self.chosen()) > PLANS_NEEDED
        self.error.setText(
            tr("⚠ Please choose at most {PLANS_NEEDED} plans.").format(PLANS_NEEDED=PLANS_NEEDED)
            if too_many
            else ""
        )
        return not too_many


class FinishPage(QWizardPage):
    """What is still missing, the Portage representative, and marking the draft final."""

    def __init__(self, representative: str) -> None:
        super().__init__()
        self.setTitle(tr("What is still missing"))
        self.setSubTitle(tr("Your draft is saved. Fix these, then print the application pack."))
        self.missing = _label()
        self.missing.setObjectName("wizard_missing")
        self.missing.setAccessibleName(tr("What is still missing"))
        self.representative = QLineEdit(representative)
        self.representative.setAccessibleName(tr("Portage representative supporting you"))
        caption = QLabel(tr("Portage &representative supporting you:"))
        caption.setBuddy(self.representative)
        self.final = QCheckBox(tr("&Mark the application as ready for the representative to sign"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.missing)
        layout.addStretch(1)
        layout.addWidget(caption)
        layout.addWidget(self.representative)
        layout.addWidget(self.final)

    def initializePage(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, StampWizard)
        wizard.save_draft()
        items = wizard.missing()
        self.missing.setText(
            "<ul>" + "".join(f"<li>{escape(m)}</li>" for m in items) + "</ul>"
            if items
            else tr("Nothing is missing. Your application is ready to print.")
        )


class StampWizard(QWizard):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, check: StampCheck | None = None
    ) -> None:
        """``check``: today's Stamp check if the caller has it (the Stamp page works it out on
        a worker), so opening the wizard does not work it out again on the GUI thread."""
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(tr("Stamp of Approval self-assessment"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.today = date.today()
        self.check = check if check is not None else check_stamp(ctx.db, self.today)
        self.year = stamp_application.award_year_for(self.check)
        self.application: Application = stamp_application.load_application(ctx.db, self.year)
        last = stamp_application.previous_narratives(ctx.db, self.year)
        self.plans = plans_for_application(ctx.db)
        self.sections: list[SectionPage] = []
        asked: set[int] = set()  # each statement is offered once, on its first page
        for section in stamp_application.SECTIONS:
            confirmable = tuple(
                n
                for n in section.criteria
                if n not in asked and self.check.result(n).status is Status.NEEDS_STATEMENT
            )
            asked.update(confirmable)
            page = SectionPage(section, self.check, last.get(section.key, ""), confirmable)
            page.narrative.setPlainText(self.application.narrative(section.key))
            self.sections.append(page)
            self.addPage(page)
        self.plans_page = PlansPage(self.plans, self.application.chosen_plans)
        self.addPage(self.plans_page)
        self.review_page = PlanReviewPage(
            lambda: [m.full_name for m in list_staff(ctx.db)],
            lambda out, plans: make_pack(ctx.db, self.today, out, plans),
        )
        self.addPage(self.review_page)
        self.finish_page = FinishPage(self.application.representative)
        self.addPage(self.finish_page)
        pages = self.pageIds()
        for number, page_id in enumerate(pages, start=1):
            page = self.page(page_id)
            page.setSubTitle(
                tr("Page {number} of {count}. {subTitle}")
                .format(number=number, count=len(pages), subTitle=page.subTitle())
                .strip()
            )
        self.setButtonText(QWizard.WizardButton.FinishButton, tr("&Save and close"))
        self.setButtonText(QWizard.WizardButton.CancelButton, tr("Close (draft is kept)"))
        self.save_failed = ""
        self._saved = self._snapshot()  # what is in the database now
        self.currentIdChanged.connect(lambda _id: self.save_draft())
        self.resize(760, 620)

    def narratives(self) -> dict[str, str]:
        return {p.section.key: p.narrative.toPlainText() for p in self.sections}

    def _snapshot(self) -> tuple[object, ...]:
        narratives = {k: v.strip() for k, v in self.narratives().items() if v.strip()}
        rep = " ".join(self.finish_page.representative.text().split())
        return (narratives, self.plans_page.chosen(), rep)

    def save_statements(self) -> bool:
        """Save each ticked confirmation with its page's words, as the Stamp page would."""
        for page in self.sections:
            for number, box in page.confirms.items():
                if not (box.isChecked() and box.isEnabled()):
                    continue
                stored = stamp_statements.statements(self.ctx.db).get(number)
                try:
                    stamp_statements.save_statement(
                        self.ctx.db,
                        number,
                        page.narrative.toPlainText(),
                        True,
                        statement_subject(self.ctx.db, number, self.today),
                        self.today,
                        expected_version=stored.version if stored else 0,
                    )
                except REFUSED as exc:
                    refused(self, tr("Criterion {number} not confirmed").format(number=number), exc)
                    box.setChecked(False)
                    return False
                box.setEnabled(False)
                box.setText(
                    tr("Saved as your confirmed statement for criterion {number}.").format(
                        number=number
                    )
                )
                self.ctx.hub.setting_changed.emit()
        return True

    def save_draft(self) -> bool:
        """Save what changed since the last save; a refusal is shown once, never dropped."""
        confirmed = self.save_statements()
        snapshot = self._snapshot()
        if snapshot == self._saved:
            return confirmed
        try:
            self.application = stamp_application.save_draft(
                self.ctx.db,
                self.year,
                self.narratives(),
                self.plans_page.chosen(),
                self.finish_page.representative.text(),
                self.application.version,
            )
        except ConflictError as exc:
            return self._resolve(exc)
        except (ValidationError, PermissionDenied) as exc:
            message = (
                " ".join(exc.errors.values()) if isinstance(exc, ValidationError) else str(exc)
            )
            if message != self.save_failed:
                self.save_failed = message
                QMessageBox.warning(self, tr("Draft not saved"), message)
            return False
        self._saved = snapshot
        return confirmed

    def _resolve(self, error: ConflictError) -> bool:
        """Another manager saved this application meanwhile: show both, then do as asked."""
        mine = replace(
            self.application,
            narratives=self.narratives(),
            chosen_plans=self.plans_page.chosen(),
            representative=self.finish_page.representative.text(),
        )
        labels = {s.key: s.title for s in stamp_application.SECTIONS}
        labels |= {
            "chosen_plans": tr("Plans chosen"),
            "representative": tr("Portage representative"),
        }
        choice = ask_about_conflict(self, error, mine, labels)
        theirs: Application = error.current
        if choice is ConflictChoice.KEEP_MINE:
            self.application = replace(self.application, version=theirs.version)
            return self.save_draft()
        if choice is ConflictChoice.RELOAD:
            self.application = theirs
            for page in self.sections:
                page.narrative.setPlainText(theirs.narrative(page.section.key))
            self.plans_page.set_chosen(theirs.chosen_plans)
            self.finish_page.representative.setText(theirs.representative)
            self._saved = self._snapshot()
            return True
        return False

    def missing(self) -> list[str]:
        self.check = check_stamp(self.ctx.db, self.today)
        return stamp_application.missing(self.check, self.application, len(self.plans))

    def accept(self) -> None:
        if not self.save_draft():
            return
        if self.finish_page.final.isChecked():
            try:
                stamp_application.finalise(self.ctx.db, self.year, self.today)
            except REFUSED as exc:
                refused(self, tr("Not marked final"), exc)
                return
        super().accept()

    def reject(self) -> None:
        if self.save_draft() or (
            QMessageBox.question(
                self,
                "Close without saving?",
                "Your latest changes could not be saved. Close anyway and lose them?",
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            == QMessageBox.StandardButton.Discard
        ):
            super().reject()
