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
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.data.engine import Database
from portage_desktop.i18n import tr
from portage_desktop.services import personal_keys, users
from portage_desktop.services import staff as staff_service
from portage_desktop.services.access import ASSIGNABLE_ROLES, PermissionDenied, Role
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.users import UserAccount, UserInput
from portage_desktop.ui.common.form import FormDialog
from portage_desktop.ui.common.service_errors import REFUSED, refused
from portage_desktop.ui.common.table_model import Column, RecordTableModel

ROLE_HELP = tr(
    "Manager: everything, including staff, training, accounts and the audit log. "
    "SENCO: children's records, plus marking leavers, exports and sharing with other "
    "agencies. Practitioner: children's records. Read only: can look and print for the "
    "family, never change or share."
)


class AccountDialog(FormDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(tr("Add a person"), parent)
        self.db = db
        self.setMinimumWidth(500)
        self.username = QLineEdit()
        self.display_name = QLineEdit()
        self.staff = QComboBox()
        self.staff.addItem(tr("Not linked"), None)
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
        self.add_row(tr("&Username *"), "username", self.username, tr("For example: jsmith"))
        self.add_row(tr("&Name *"), "display_name", self.display_name)
        self.add_row(tr("&Staff member"), "staff_member_id", self.staff)
        self.add_row(tr("&Role *"), "role", self.role, ROLE_HELP)
        self.add_row(
            tr("&Password *"),
            "password",
            self.password,
            tr(
                "At least 10 characters, hard to guess (three or four words work well). It opens "
                "this person's own key to the records."
            ),
        )
        self.add_row(tr("&Again *"), "confirm", self.confirm)
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
        self.setWindowTitle(tr("People and roles"))
        self.resize(760, 460)
        self.encrypted_file = db.path is not None and db.key is not None
        self.keys: set[str] = set()  # who has their own key to the file (read in refresh)
        columns = [
            Column(tr("Username"), lambda u: u.username),
            Column(tr("Name"), lambda u: u.display_name),
            Column(tr("Role"), lambda u: u.role.label),
            Column(tr("Can log in"), lambda u: tr("Yes") if u.active else tr("No (switched off)")),
        ]
        if self.encrypted_file:
            columns.append(Column(tr("Own key"), self._key_text))
        self.model: RecordTableModel[UserAccount] = RecordTableModel(columns)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(tr("Accounts"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        intro = QLabel(
            tr(
                "With no accounts, Portage Desktop is in single-user mode: the passphrase alone "
                "opens it. Once you add the first account (a manager), everyone logs in with "
                "their own username and password, which opens their own key to the records, and "
                "their role decides what they can do.\n"
            )
            + ROLE_HELP
        )
        intro.setWordWrap(True)
        add = QPushButton(tr("&Add a person…"))
        add.clicked.connect(self.add)
        self.role_button = QPushButton(tr("Change &role…"))
        self.role_button.clicked.connect(self.change_role)
        self.active_box = QCheckBox(tr("Can &log in"))
        self.active_box.clicked.connect(self.toggle_active)
        reset = QPushButton(tr("Reset &password…"))
        reset.clicked.connect(self.reset_password)
        row = QHBoxLayout()
        for widget in (add, self.role_button, self.active_box, reset):
            row.addWidget(widget)
        if db.server is not None:
            logins = QPushButton(tr("Server &logins…"))
            logins.setToolTip(tr("Give or end each person's own login on the shared server"))
            logins.clicked.connect(lambda: self.server_logins())
            row.addWidget(logins)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        if self.encrypted_file:
            layout.addLayout(self._key_buttons())
        layout.addWidget(close)
        self.table.selectionModel().selectionChanged.connect(self._selected_changed)
        self.refresh()

    def _key_text(self, account: UserAccount) -> str:
        if account.username in self.keys:
            return tr("Yes")
        return tr("At their next login") if account.active else tr("No")

    def _key_buttons(self) -> QHBoxLayout:
        """Personal keys: change the database key, print a new recovery sheet."""
        self.change_key_button = QPushButton(tr("Change the database &key…"))
        self.change_key_button.setToolTip(
            tr(
                "For when someone leaves on bad terms: the file gets a new key and everyone keeps "
                "their own password."
            )
        )
        self.change_key_button.clicked.connect(self.change_key)
        self.recovery_button = QPushButton(tr("New recovery &sheet…"))
        self.recovery_button.clicked.connect(self.new_recovery_sheet)
        row = QHBoxLayout()
        row.addWidget(self.change_key_button)
        row.addWidget(self.recovery_button)
        row.addStretch(1)
        return row

    def change_key(self) -> None:
        waiting = sorted(
            u.display_name
            for u in users.list_users(self.db)
            if u.active and u.username not in self.keys
        )
        text = tr(
            "Give the records a new key? Everyone keeps their own password. The old shared "
            "passphrase, and any copy of the old key, stop opening the records. Do this when "
            "someone leaves on bad terms, after switching their account off."
        )
        if waiting:
            text += (
                tr("\n\nNot everyone has their own key yet: ")
                + ", ".join(waiting)
                + tr(
                    ". They log in with the old passphrase today, so after the change they need "
                    "a new password from you (Reset password)."
                )
            )
        answer = QMessageBox.question(self, tr("Change the database key"), text)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            personal_keys.change_database_key(self.db)
        except PermissionDenied as exc:
            QMessageBox.warning(self, tr("Not changed"), str(exc))
            return
        QMessageBox.information(
            self,
            tr("Database key changed"),
            tr(
                "The records have a new key. Backups made before now keep the key file of their "
                "day beside them."
            ),
        )
        self.refresh()

    def new_recovery_sheet(self) -> None:
        from portage_desktop.ui.shell.security_dialogs import save_recovery_sheet

        code = personal_keys.recovery_words()
        if save_recovery_sheet(self, code, recovery_words=True) is None:
            return  # cancelled: the old sheet still works
        try:
            personal_keys.set_recovery_sheet(self.db, code)
        except PermissionDenied as exc:
            QMessageBox.warning(
                self,
                tr("Not changed"),
                tr("{exc} Delete the sheet you just saved.").format(exc=exc),
            )

    def refresh(self) -> None:
        self.keys = personal_keys.people_with_keys(self.db)
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
            refused(self, tr("Not changed"), exc)
        self.refresh()

    def add(self) -> None:
        dialog = AccountDialog(self.db, self)
        if not dialog.exec():
            return
        self.refresh()
        if self.db.server is not None:  # one step: their login on the server next
            self.server_logins(dialog.username.text().strip().lower(), dialog.password.text())

    def server_logins(self, select: str = "", password: str = "") -> None:
        from portage_desktop.ui.settings.server_logins import ServerLoginsDialog

        ServerLoginsDialog(self.db, select, password, self).exec()

    def change_role(self) -> None:
        account = self.selected()
        if account is None:
            return
        labels = [r.label for r in ASSIGNABLE_ROLES]
        label, ok = QInputDialog.getItem(
            self,
            tr("Change role"),
            tr("Role for {display_name}:").format(display_name=account.display_name),
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
            if not checked and self.db.server is not None:  # their login works until ended
                self.server_logins(account.username)

    def reset_password(self) -> None:
        account = self.selected()
        if account is None:
            return
        text, ok = QInputDialog.getText(
            self,
            tr("Reset password"),
            tr("New password for {display_name} (at least 10 characters):").format(
                display_name=account.display_name
            ),
            QLineEdit.EchoMode.Password,
        )
        if ok:
            self._apply(lambda: users.set_password(self.db, account.id, text, text))
