"""The child record: one window holding the whole holistic picture of a child, in tabs.

Every tab saves through its own dialogs on an explicit Save, so closing this window never loses
work; each dialog asks before discarding typed changes.

A tab is built (and its records read) the first time it is shown, so a child with years of
history opens as fast as a new one: the window only pays for the tab in front.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.i18n import tr
from portage_desktop.services import children as children_service
from portage_desktop.services import staff as staff_service
from portage_desktop.services.children import ChildDetails
from portage_desktop.services.dates import age_text, format_date
from portage_desktop.ui.assessment.assessments_tab import AssessmentsTab
from portage_desktop.ui.children.about_me_tab import ProfileTab
from portage_desktop.ui.children.child_dialog import ChildDialog
from portage_desktop.ui.children.record_tabs import (
    consent_tab,
    family_tab,
    observations_tab,
    professionals_tab,
)
from portage_desktop.ui.children.shared_record_tab import SharedRecordTab
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.pdf_save import file_stem, save_print
from portage_desktop.ui.common.record_list import RecordListSection
from portage_desktop.ui.common.widgets import heading, size_for_screen
from portage_desktop.ui.plans.plans_tab import PlansTab
from portage_desktop.ui.reviews.reviews_tab import ReviewsTab
from portage_desktop.ui.service.common import is_service
from portage_desktop.ui.service.visits_panel import visits_tab

TAB_TITLES = (
    tr("&Details"),
    tr("&Family"),
    tr("&Professionals"),
    tr("&Consent"),
    tr("A&bout me"),
    tr("A&ssessments"),
    tr("Observations and ad&vice"),
    tr("&Goals and plans"),
    tr("Revie&ws"),
    tr("Sh&ared record"),
    tr("V&isits"),  # a home-visiting service's blocks and visits; hidden for a setting
)
(
    DETAILS_TAB,
    FAMILY_TAB,
    PROFESSIONALS_TAB,
    CONSENT_TAB,
    PROFILE_TAB,
    ASSESSMENTS_TAB,
    OBSERVATIONS_TAB,
    PLANS_TAB,
    REVIEWS_TAB,
    SHARED_TAB,
    VISITS_TAB,
) = range(len(TAB_TITLES))


class DetailsTab(QWidget):
    """The child's details at a glance, with the existing dialog for editing them."""

    def __init__(self, ctx: AppContext, child_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.child_id = ctx, child_id
        self.form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for key, label in (
            ("name", tr("Name")),
            ("born", tr("Date of birth")),
            ("dates", tr("Attending")),
            ("key_person", tr("Key person")),
            ("sen", tr("SEN status")),
            ("needs", tr("Areas of need")),
            ("languages", tr("Home languages")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setAccessibleName(label)
            caption = QLabel(label + ":")
            caption.setBuddy(value)
            self.form.addRow(caption, value)
            self.values[key] = value
        self.edit_button = QPushButton(tr("&Edit details…"))
        self.edit_button.clicked.connect(self.edit)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        row = QHBoxLayout()
        row.addWidget(self.edit_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)

    def show_child(self, child: ChildDetails) -> None:
        today = date.today()
        staff = {m.id: m.full_name for m in staff_service.list_staff(self.ctx.db)}
        known = (
            tr(" (known as {known_as})").format(known_as=child.known_as) if child.known_as else ""
        )
        born = child.date_of_birth
        attending = (
            tr("since {date}").format(date=format_date(child.start_date))
            if child.start_date
            else tr("start date not recorded")
        )
        if child.leave_date:
            attending += tr(", left {date}").format(date=format_date(child.leave_date))
        self.values["name"].setText(f"{child.first_name} {child.last_name}{known}")
        self.values["born"].setText(
            f"{format_date(born)} ({age_text(born, today)})" if born else ""
        )
        self.values["dates"].setText(attending)
        self.values["key_person"].setText(staff.get(child.key_person_id, tr("Not chosen yet")))
        self.values["sen"].setText(child.sen_status.label)
        self.values["needs"].setText(
            ", ".join(a.label for a in child.need_areas) or tr("None recorded")
        )
        self.values["languages"].setText(child.home_languages or tr("Not recorded"))

    def edit(self) -> None:
        dialog = ChildDialog(self.ctx, self.child_id, parent=self)
        if dialog.exec() and dialog.saved_child is not None:
            self.show_child(dialog.saved_child)
            window = self.window()
            if isinstance(window, ChildRecordWindow):
                window.set_title(dialog.saved_child)


class ChildRecordWindow(QDialog):
    """Opened from the children list; raises ``NotFoundError`` if the child has gone."""

    def __init__(self, ctx: AppContext, child_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.child_id = ctx, child_id
        self.setModal(False)
        child = children_service.get_child(ctx.db, child_id)
        self.title = heading("")
        size_for_screen(self, 1100, 760)
        self.details = DetailsTab(ctx, child_id)
        self.details.show_child(child)
        self._tab_pages: dict[int, QWidget] = {DETAILS_TAB: self.details}
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(tr("Parts of the record"))
        self.tabs.addTab(self.details, TAB_TITLES[DETAILS_TAB])
        for title in TAB_TITLES[1:]:  # stand-ins until each tab is first shown
            self.tabs.addTab(QWidget(), title)
        self.tabs.currentChanged.connect(self._tab_shown)
        self.tabs.setTabVisible(VISITS_TAB, is_service(ctx.db))

        self.print_profile = QPushButton(tr("Print one-page profile…"))
        self.print_profile.setToolTip(tr("Save the one-page profile as a PDF (Ctrl+P)"))
        self.print_summary = QPushButton(tr("Print assessment summary…"))
        self.print_summary.setToolTip(
            tr("Save the latest assessment summary as a PDF (Ctrl+Shift+P)")
        )
        self.print_profile.clicked.connect(lambda: self.print_kind("one-page-profile"))
        self.print_summary.clicked.connect(lambda: self.print_kind("assessment-summary"))
        QShortcut(QKeySequence("Ctrl+P"), self, lambda: self.print_kind("one-page-profile"))
        QShortcut(QKeySequence("Ctrl+Shift+P"), self, lambda: self.print_kind("assessment-summary"))
        QShortcut(QKeySequence("Ctrl+W"), self, self.close)
        close_button = QPushButton(tr("Close"))
        close_button.clicked.connect(self.close)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.print_profile)
        top.addWidget(self.print_summary)
        top.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        # Return belongs to the tabs (a grid cell, a list): it must never press a button of
        # this window, such as Print, by being the dialog's default.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        self.set_title(child)

    # Tabs, built when first shown (or first asked for)
    def _tab(self, index: int) -> QWidget:
        page = self._tab_pages.get(index)
        if page is not None:
            return page
        page = self._build_tab(index)
        self._tab_pages[index] = page
        for button in page.findChildren(QPushButton):
            button.setAutoDefault(False)  # Return belongs to the tab, never a window button
        stand_in = self.tabs.widget(index)
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, page, TAB_TITLES[index])
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        stand_in.deleteLater()
        return page

    def _build_tab(self, index: int) -> QWidget:
        ctx, child_id = self.ctx, self.child_id
        builders = {
            FAMILY_TAB: lambda: family_tab(ctx, child_id, self),
            PROFESSIONALS_TAB: lambda: professionals_tab(ctx, child_id, self),
            CONSENT_TAB: lambda: consent_tab(ctx, child_id, self),
            PROFILE_TAB: lambda: ProfileTab(ctx, child_id),
            ASSESSMENTS_TAB: lambda: AssessmentsTab(ctx, child_id),
            OBSERVATIONS_TAB: lambda: observations_tab(ctx, child_id, self),
            PLANS_TAB: lambda: PlansTab(ctx, child_id, self.print_kind),
            REVIEWS_TAB: lambda: ReviewsTab(ctx, child_id, self.print_kind, self._plans_changed),
            SHARED_TAB: lambda: SharedRecordTab(ctx, child_id),
            VISITS_TAB: lambda: visits_tab(ctx, child_id, self.title.text()),
        }
        return builders[index]()

    def _tab_shown(self, index: int) -> None:
        built = index in self._tab_pages
        self._tab(index)
        # Consent decides whether the profile photo shows, so look again after a change there.
        if built and index == PROFILE_TAB:
            self.profile.refresh()

    def _plans_changed(self) -> None:
        """A review made or stopped plans: the Goals and plans tab shows them, if built."""
        if PLANS_TAB in self._tab_pages:
            self.plans.refresh()

    @property
    def family(self) -> RecordListSection:
        return self._tab(FAMILY_TAB)  # type: ignore[return-value]

    @property
    def professionals(self) -> RecordListSection:
        return self._tab(PROFESSIONALS_TAB)  # type: ignore[return-value]

    @property
    def consent(self) -> RecordListSection:
        return self._tab(CONSENT_TAB)  # type: ignore[return-value]

    @property
    def profile(self) -> ProfileTab:
        return self._tab(PROFILE_TAB)  # type: ignore[return-value]

    @property
    def assessments(self) -> AssessmentsTab:
        return self._tab(ASSESSMENTS_TAB)  # type: ignore[return-value]

    @property
    def observations(self) -> RecordListSection:
        return self._tab(OBSERVATIONS_TAB)  # type: ignore[return-value]

    @property
    def plans(self) -> PlansTab:
        return self._tab(PLANS_TAB)  # type: ignore[return-value]

    @property
    def reviews(self) -> ReviewsTab:
        return self._tab(REVIEWS_TAB)  # type: ignore[return-value]

    @property
    def shared(self) -> SharedRecordTab:
        return self._tab(SHARED_TAB)  # type: ignore[return-value]

    def set_title(self, child: ChildDetails) -> None:
        name = f"{child.known_as or child.first_name} {child.last_name}"
        self.title.setText(name)
        self.title.setAccessibleName(tr("Record of {name}").format(name=name))
        self.setWindowTitle(tr("{name} – child record").format(name=name))

    def done(self, result: int) -> None:
        """Closing asks first if a week of records was typed in but not saved."""
        if PLANS_TAB not in self._tab_pages or self.plans.grid.confirm_leave():
            super().done(result)

    def print_kind(self, kind: str, plan: int | None = None) -> None:
        """Print one of the child's records: first who it is for, then where to save it."""
        from portage_desktop.ui.children.share_dialog import ShareDialog

        options: dict[str, object] = {}
        if kind == "activity-chart":  # the family fills in the days printed on it
            from datetime import date

            from portage_desktop.ui.plans.chart_week_dialog import ChartWeekDialog

            which = ChartWeekDialog(date.today(), self)
            if not which.exec():
                return
            options["week"] = which.week
        audience = ShareDialog(self.ctx.db, self.child_id, self)
        if not audience.exec():
            return
        name = self.windowTitle().split(" – ")[0]
        save_print(
            self,
            self.ctx.db,
            kind,
            tr("Save as PDF"),
            file_stem(kind, name),
            child=self.child_id,
            share=audience.request,
            plan=plan,
            **options,
        )
