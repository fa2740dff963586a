"""People and roles: named accounts for a shared computer (managers only)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.data.engine import Database
from portage_desktop.services import staff as staff_service
from portage_desktop.services import users
from portage_desktop.services.access import ASSIGNABLE_ROLES, PermissionDenied, Role
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.users import UserAccount, UserInput
from portage_desktop.ui.common.form import FormDialog
from portage_desktop.ui.common.service_errors import REFUSED, refused
from portage_desktop.ui.common.table_model import Column, RecordTableModel

ROLE_HELP = (
    "Manager: everything, including staff, training, accounts and the audit log. "
    "SENCO: children's records, plus marking leavers and exports. "
    "Practitioner: children's records. Read only: can look and print, never change."
)


class AccountDialog(FormDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__("Add a person", parent)
        self.db = db
        self.setMinimumWidth(500)
        self.username = QLineEdit()
        self.display_name = QLineEdit()
        self.staff = QComboBox()
        self.staff.addItem("Not linked", None)
        for member in staff_service.list_staff(db):
            if member.is_current(date.today()):
                self.staff.addItem(member.full_name, member.id)
        self.role = QComboBox()
        for role in ASSIGNABLE_ROLES:
            self.role.addItem(role.label, role)
        if not users.is_multi_user(db):
            self.role.setCurrentIndex(0)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_row("&Username *", "username", self.username, "For example: jsmith")
        self.add_row("&Name *", "display_name", self.display_name)
        self.add_row("&Staff member", "staff_member_id", self.staff)
        self.add_row("&Role *", "role", self.role, ROLE_HELP)
        self.add_row("&Password *", "password", self.password, "At least 10 characters")
        self.add_row("&Again *", "confirm", self.confirm)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.staff.currentIndexChanged.connect(self._name_from_staff)

    def _name_from_staff(self) -> None:
        if self.staff.currentData() is not None and not self.display_name.text():
            self.display_name.setText(self.staff.currentText())

    def save(self) -> None:
        data = UserInput(
            self.username.text(),
            self.display_name.text(),
            self.role.currentData(),
            self.password.text(),
            self.confirm.text(),
            self.staff.currentData(),
        )
        try:
            users.create_user(self.db, data)
        except (ValidationError, PermissionDenied) as exc:
            errors = exc.errors if isinstance(exc, ValidationError) else {"general": str(exc)}
            self.show_errors(errors)
            return
        self.accept()


class PeopleDialog(QDialog):
    """Lists accounts; add, change role, switch off and reset passwords."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle("People and roles")
        self.resize(680, 420)
        self.model: RecordTableModel[UserAccount] = RecordTableModel(
            [
                Column("Username", lambda u: u.username),
                Column("Name", lambda u: u.display_name),
                Column("Role", lambda u: u.role.label),
                Column("Can log in", lambda u: "Yes" if u.active else "No (switched off)"),
            ]
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Accounts")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        intro = QLabel(
            "With no accounts, Portage Desktop is in single-user mode: the passphrase alone "
            "opens it. Once you add the first account (a manager), everyone logs in with "
            "their own username and password, and their role decides what they can do.\n"
            + ROLE_HELP
        )
        intro.setWordWrap(True)
        add = QPushButton("&Add a person…")
        add.clicked.connect(self.add)
        self.role_button = QPushButton("Change &role…")
        self.role_button.clicked.connect(self.change_role)
        self.active_box = QCheckBox("Can &log in")
        self.active_box.clicked.connect(self.toggle_active)
        reset = QPushButton("Reset &password…")
        reset.clicked.connect(self.reset_password)
        row = QHBoxLayout()
        for widget in (add, self.role_button, self.active_box, reset):
            row.addWidget(widget)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(close)
        self.table.selectionModel().selectionChanged.connect(self._selected_changed)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(users.list_users(self.db))
        if self.model.rowCount():
            self.table.selectRow(0)
        self._selected_changed()

    def selected(self) -> UserAccount | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_object(rows[0].row()) if rows else None

    def _selected_changed(self) -> None:
        account = self.selected()
        self.active_box.setEnabled(account is not None)
        self.role_button.setEnabled(account is not None)
        self.active_box.setChecked(bool(account and account.active))

    def _apply(self, action: object) -> None:
        try:
            action()  # type: ignore[operator]
        except REFUSED as exc:
            refused(self, "Not changed", exc)
        self.refresh()

    def add(self) -> None:
        if AccountDialog(self.db, self).exec():
            self.refresh()

    def change_role(self) -> None:
        account = self.selected()
        if account is None:
            return
        labels = [r.label for r in ASSIGNABLE_ROLES]
        label, ok = QInputDialog.getItem(
            self,
            "Change role",
            f"Role for {account.display_name}:",
            labels,
            labels.index(account.role.label),
            False,
        )
        if ok:
            role = ASSIGNABLE_ROLES[labels.index(label)]
            self._apply(lambda: users.update_user(self.db, account.id, Role(role), account.active))

    def toggle_active(self, checked: bool) -> None:
        account = self.selected()
        if account is not None:
            self._apply(lambda: users.update_user(self.db, account.id, account.role, checked))

    def reset_password(self) -> None:
        account = self.selected()
        if account is None:
            return
        text, ok = QInputDialog.getText(
            self,
            "Reset password",
            f"New password for {account.display_name} (at least 10 characters):",
            QLineEdit.EchoMode.Password,
        )
        if ok:
            self._apply(lambda: users.set_password(self.db, account.id, text, text))
