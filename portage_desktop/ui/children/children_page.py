"""The Children area: a searchable, sortable list with add, edit, archive and print."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.i18n import tr
from portage_desktop.services import children as children_service
from portage_desktop.services.access import Permission, PermissionDenied, current_actor
from portage_desktop.services.children import ChildSummary
from portage_desktop.services.dates import age_in_months, age_text, format_date, parse_uk_date
from portage_desktop.services.errors import NotFoundError, ValidationError
from portage_desktop.ui.children.child_dialog import ChildDialog
from portage_desktop.ui.children.child_record import ChildRecordWindow
from portage_desktop.ui.children.privacy_dialogs import export_subject_access
from portage_desktop.ui.common.context import AppContext, RefreshWhenShown
from portage_desktop.ui.common.demo_launch import open_demo
from portage_desktop.ui.common.table_model import Column, RecordTableModel, SearchProxy, fit_columns
from portage_desktop.ui.common.theme import make_primary
from portage_desktop.ui.common.widgets import heading


def _columns(today: date) -> list[Column[ChildSummary]]:
    return [
        Column(tr("Name"), lambda c: c.display_name, lambda c: c.sort_name),
        Column(
            tr("Date of birth"),
            lambda c: format_date(c.date_of_birth),
            lambda c: c.date_of_birth.toordinal(),
        ),
        Column(
            tr("Age"),
            lambda c: age_text(c.date_of_birth, today),
            lambda c: age_in_months(c.date_of_birth, today),
        ),
        Column(tr("Key person"), lambda c: c.key_person or tr("Not chosen")),
        Column(tr("SEN status"), lambda c: c.sen_status.label),
        Column(tr("Areas of need"), lambda c: ", ".join(a.label for a in c.need_areas)),
        Column(tr("On roll"), lambda c: tr("Left") if c.archived else tr("Yes")),
    ]


class ChildrenPage(RefreshWhenShown, QWidget):
    """Lists children; every action is on a button, a menu and a keyboard shortcut."""

    print_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.record_windows: dict[int, ChildRecordWindow] = {}
        self.model: RecordTableModel[ChildSummary] = RecordTableModel(_columns(date.today()))
        self.proxy = SearchProxy()
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search by name, key person, SEN status or need…"))
        self.search.setAccessibleName(tr("Search children"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        self.show_left = QCheckBox(tr("Show children who have &left"))
        self.show_left.setChecked(ctx.settings.show_archived_children)
        self.show_left.toggled.connect(self._toggle_left)

        self.add_button = QPushButton(tr("&Add child"))
        self.add_button.setToolTip(tr("Add a child (Ctrl+N)"))
        self.open_button = QPushButton(tr("&Open record"))
        self.open_button.setToolTip(
            tr(
                "Open the selected child's whole record: family, consent, profile, assessments "
                "(Enter)"
            )
        )
        self.edit_button = QPushButton(tr("&Edit"))
        self.edit_button.setToolTip(tr("Edit the selected child's details (Ctrl+E)"))
        self.archive_button = QPushButton(tr("Mark as le&ft"))
        self.archive_button.setToolTip(
            tr("Move a child who has left out of the list; records are kept")
        )
        self.print_button = QPushButton(tr("&Print list"))
        self.print_button.setToolTip(tr("Print the list of children on roll (Ctrl+P)"))
        self.add_button.clicked.connect(self.add_child)
        self.open_button.clicked.connect(lambda: self.open_record())
        self.edit_button.clicked.connect(self.edit_selected)
        self.archive_button.clicked.connect(self.toggle_archive_selected)
        self.print_button.clicked.connect(self.print_requested)
        self.export_button = QPushButton(tr("E&xport everything…"))
        self.export_button.setToolTip(
            tr("Everything held about the selected child, for a parent who asks (subject access)")
        )
        self.export_button.clicked.connect(self.export_selected)
        self.import_button = QPushButton(tr("&Import…"))
        self.import_button.setToolTip(
            tr("Add children or staff from a spreadsheet (.csv or .xlsx)")
        )
        self.import_button.setAccessibleName(tr("Import from a spreadsheet"))
        self.import_button.clicked.connect(self.import_spreadsheet)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(tr("Children"))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        # Enter, or a double-click (a single click where the desktop is set up that way).
        self.table.activated.connect(lambda _i: self.open_record())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        self.no_match = QLabel()
        self.no_match.setObjectName("no_match")
        self.no_match.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_match.setWordWrap(True)

        self.stack = QStackedWidget()
        self.stack.addWidget(self._empty_state())
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.no_match)

        # The search has a row of its own, so it is wide enough to read and the buttons
        # still fit a small laptop at large text.
        finding = QHBoxLayout()
        finding.addWidget(self.search, 1)
        finding.addWidget(self.show_left)
        actions = QHBoxLayout()
        actions.addWidget(self.add_button)
        actions.addWidget(self.open_button)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.archive_button)
        actions.addWidget(self.print_button)
        actions.addWidget(self.export_button)
        actions.addWidget(self.import_button)
        actions.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Children")))
        self.count_label = QLabel()
        layout.addWidget(self.count_label)
        layout.addLayout(finding)
        layout.addLayout(actions)
        layout.addWidget(self.stack, 1)

        for signal in (ctx.hub.children_changed, ctx.hub.staff_changed, ctx.hub.database_replaced):
            signal.connect(self.refresh_if_shown)
        ctx.hub.database_replaced.connect(self.close_records)
        self.refresh()

    def _empty_state(self) -> QWidget:
        panel = QWidget()
        panel.setObjectName("empty_state")
        column = QVBoxLayout(panel)
        column.addStretch(1)
        title = heading(tr("No children yet"), 1.3)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(
            tr(
                "Add the first child to start their record. You can add their family, "
                "assessments and plans once they are here.\n\n"
                "To look around first, open the demo: a made-up nursery in its own window and "
                "file, so nothing here is touched. It is also in the Help menu."
            )
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        button = QPushButton(tr("Add the first child"))
        make_primary(button)
        button.setAccessibleName(tr("Add the first child"))
        button.clicked.connect(self.add_child)
        column.addWidget(title)
        column.addWidget(text)
        column.addWidget(button, 0, Qt.AlignmentFlag.AlignCenter)
        self.demo_button = QPushButton(tr("Open the &demo"))
        self.demo_button.setAccessibleName(tr("Open the demo nursery in its own window"))
        self.demo_button.clicked.connect(lambda: open_demo(self))
        column.addWidget(self.demo_button, 0, Qt.AlignmentFlag.AlignCenter)
        column.addStretch(2)
        return panel

    def import_spreadsheet(self) -> None:
        from portage_desktop.ui.children.spreadsheet_dialog import open_spreadsheet_import

        if open_spreadsheet_import(self.ctx, self):
            self.refresh()

    def refresh(self) -> None:
        """Reload the list once, keeping the selected child selected."""
        keep = self.selected_child()
        rows = children_service.list_children(self.ctx.db, self.show_left.isChecked())
        self.model.set_rows(rows)
        fit_columns(self.table)
        on_roll = sum(1 for c in rows if not c.archived)
        self.count_label.setText(
            tr("{on_roll} {value} on roll").format(
                on_roll=on_roll, value="child" if on_roll == 1 else "children"
            )
            + (
                tr(", {value} who have left").format(value=len(rows) - on_roll)
                if len(rows) > on_roll
                else ""
            )
        )
        if keep is not None:
            self.select_child(keep.id)
        self._update_view()

    def _search_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_view()

    def _toggle_left(self, checked: bool) -> None:
        self.ctx.settings.show_archived_children = checked
        self.ctx.save_settings()
        self.refresh()

    def _update_view(self) -> None:
        if self.model.rowCount() == 0 and not self.search.text():
            self.stack.setCurrentIndex(0)
        elif self.proxy.rowCount() == 0:
            self.no_match.setText(
                tr("No child matches “{text}”. Check the spelling, or clear the search.").format(
                    text=self.search.text()
                )
            )
            self.stack.setCurrentIndex(2)
        else:
            self.stack.setCurrentIndex(1)
            if not self.table.selectionModel().hasSelection():
                self.table.selectRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        child = self.selected_child()
        actor = current_actor(self.ctx.db)
        self.add_button.setEnabled(actor.may(Permission.EDIT_CHILDREN))
        self.open_button.setEnabled(child is not None)
        self.edit_button.setEnabled(child is not None)
        self.archive_button.setEnabled(child is not None and actor.may(Permission.ARCHIVE_CHILDREN))
        self.export_button.setEnabled(child is not None and actor.may(Permission.EXPORT))
        self.archive_button.setText(
            tr("Return to &roll") if child is not None and child.archived else tr("Mark as le&ft")
        )

    def selected_child(self) -> ChildSummary | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.stack.currentIndex() != 1:
            return None
        source = self.proxy.mapToSource(rows[0])
        return self.model.row_object(source.row())

    def select_child(self, child_id: int) -> None:
        for row in range(self.proxy.rowCount()):
            source = self.proxy.mapToSource(self.proxy.index(row, 0))
            if self.model.row_object(source.row()).id == child_id:
                self.table.selectionModel().select(
                    self.proxy.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.setCurrentIndex(self.proxy.index(row, 0))
                return

    def export_selected(self) -> None:
        child = self.selected_child()
        if child is not None:
            export_subject_access(self.ctx, self, child.id, child.display_name)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def add_child(self) -> None:
        dialog = ChildDialog(self.ctx, parent=self)
        if dialog.exec() and dialog.saved_child is not None:
            self.search.clear()
            self.select_child(dialog.saved_child.id)

    def edit_selected(self) -> None:
        child = self.selected_child()
        if child is None:
            return
        try:
            dialog = ChildDialog(self.ctx, child.id, parent=self)
        except NotFoundError as exc:
            QMessageBox.information(self, tr("Record not found"), str(exc))
            self.refresh()
            return
        dialog.exec()

    def open_record(self, child_id: int | None = None) -> ChildRecordWindow | None:
        """Show the child's record window (the selected child unless ``child_id`` is given),
        bringing it forward if it is already open."""
        chosen = child_id if child_id is not None else getattr(self.selected_child(), "id", None)
        if chosen is None:
            return None
        window = self.record_windows.get(chosen)
        if window is None:
            try:
                window = ChildRecordWindow(self.ctx, chosen, parent=self)
            except (NotFoundError, PermissionDenied) as exc:
                QMessageBox.information(self, tr("Record not opened"), str(exc))
                self.refresh()
                return None
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.destroyed.connect(lambda *_a, cid=chosen: self.record_windows.pop(cid, None))
            self.record_windows[chosen] = window
            window.show()
        else:  # already open: bring it forward rather than opening a second copy
            window.show()
            window.raise_()
            window.activateWindow()
        return window

    def close_records(self) -> None:
        """After a restore the open records may no longer match the file: close them."""
        for window in list(self.record_windows.values()):
            window.close()

    def toggle_archive_selected(self) -> None:
        child = self.selected_child()
        if child is None:
            return
        try:
            if child.archived:
                children_service.unarchive_child(self.ctx.db, child.id)
            else:
                leave_date = self._ask_leave_date(child)
                if leave_date is None:
                    return
                children_service.archive_child(self.ctx.db, child.id, leave_date)
        except (ValidationError, NotFoundError) as exc:
            message = (
                " ".join(exc.errors.values()) if isinstance(exc, ValidationError) else str(exc)
            )
            QMessageBox.warning(self, tr("Not changed"), message)
            return
        self.ctx.hub.children_changed.emit()

    def _ask_leave_date(self, child: ChildSummary) -> date | None:
        """Ask for the leaving date, defaulting to today; explains that nothing is deleted."""
        text = format_date(date.today())
        while True:
            text, ok = QInputDialog.getText(
                self,
                tr("Mark as left"),
                tr(
                    "{display_name} will move out of the list of children on roll. "
                    "Their records are kept, and you can return them to the roll at any time.\n\n"
                    "Leaving date (dd/mm/yyyy):"
                ).format(display_name=child.display_name),
                text=text,
            )
            if not ok:
                return None
            try:
                parsed = parse_uk_date(text)
            except ValueError as exc:
                QMessageBox.warning(self, tr("Check the date"), str(exc))
                continue
            if parsed is None:
                QMessageBox.warning(
                    self, tr("Check the date"), tr("Please enter the leaving date.")
                )
                continue
            return parsed
