"""People and roles, Server logins: give or end a person's own login on the shared server.

Opened only on a server. Each change is made at once with the owner's password (typed for
that change, never kept), or shown as SQL for whoever looks after the server to run.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.data.engine import Database
from portage_desktop.i18n import tr
from portage_desktop.services import server_logins, users
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.users import UserAccount
from portage_desktop.ui.common.form import FormDialog, FormSection, confirm
from portage_desktop.ui.common.service_errors import REFUSED, explain
from portage_desktop.ui.common.table_model import Column, RecordTableModel


class NewLoginPasswordDialog(FormDialog):
    """The new login's password, twice (the person may be beside the manager to type it)."""

    def __init__(self, account: UserAccount, password: str = "", parent: QWidget | None = None):
        super().__init__(tr("A login for {name}").format(name=account.display_name), parent)
        self.password = QLineEdit(password)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit(password)
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_row(
            tr("&Password *"),
            "password",
            self.password,
            tr("At least 10 characters, hard to guess. The server keeps it, not this computer."),
        )
        self.add_row(tr("&Again *"), "confirm", self.confirm)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(buttons)


class ServerLoginsDialog(QDialog):
    """Who has a login on the server; give one, end one, or show the SQL for IT."""

    def __init__(
        self,
        db: Database,
        select: str = "",
        password: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.new_password = password  # typed in "Add a person", offered for their login
        self.setWindowTitle(tr("Logins on the shared server"))
        self.resize(720, 560)
        intro = QLabel(
            tr(
                "With a login of their own, a person signs in to the server itself, and the "
                "server enforces their role even outside Portage Desktop. Making or ending a "
                "login needs the account that owns the records on the server: type its name "
                "and password for the change, or show the SQL for whoever looks after the "
                "server to run."
            )
        )
        intro.setWordWrap(True)
        self.with_login: set[str] = set()
        self.model: RecordTableModel[UserAccount] = RecordTableModel(
            [
                Column(tr("Username"), lambda u: u.username),
                Column(tr("Name"), lambda u: u.display_name),
                Column(tr("Role"), lambda u: u.role.label),
                Column(
                    tr("Login on the server"),
                    lambda u: tr("Yes") if u.username in self.with_login else tr("No"),
                ),
            ]
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(tr("Accounts and their server logins"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

        self.owner_form = FormSection()
        owner = self.db.server.user if self.db.server and not self.db.own_login else ""
        self.owner = QLineEdit(owner)
        self.owner_password = QLineEdit()
        self.owner_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.owner_form.add_row(tr("Owner's &account"), "owner", self.owner)
        self.owner_form.add_row(
            tr("Owner's pass&word"),
            "owner_password",
            self.owner_password,
            tr("Used for this change only, never saved."),
        )
        self.give_button = QPushButton(tr("&Give a login…"))
        self.give_button.clicked.connect(self.give)
        self.remove_button = QPushButton(tr("&End the login…"))
        self.remove_button.clicked.connect(self.remove)
        self.sql_button = QPushButton(tr("Show the &SQL for IT"))
        self.sql_button.clicked.connect(self.show_sql)
        row = QHBoxLayout()
        for button in (self.give_button, self.remove_button, self.sql_button):
            row.addWidget(button)
        row.addStretch(1)
        self.sql = QPlainTextEdit()
        self.sql.setReadOnly(True)
        self.sql.setAccessibleName(tr("SQL for whoever looks after the server"))
        self.sql.setMaximumHeight(110)
        self.sql.setVisible(False)
        self.copy_button = QPushButton(tr("&Copy the SQL"))
        self.copy_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.sql.toPlainText())
        )
        self.copy_button.setVisible(False)
        self.result = QLabel()
        self.result.setObjectName("logins_result")
        self.result.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.owner_form.form)
        layout.addWidget(self.owner_form.general_error)
        layout.addLayout(row)
        layout.addWidget(self.sql)
        layout.addWidget(self.copy_button)
        layout.addWidget(self.result)
        layout.addWidget(close)
        self.table.selectionModel().selectionChanged.connect(self._selected_changed)
        self.refresh(select)

    def refresh(self, select: str = "") -> None:
        accounts = [u for u in users.list_users(self.db) if u.active or u.username == select]
        self.with_login = server_logins.with_login(self.db, accounts)
        self.model.set_rows(accounts)
        names = [u.username for u in accounts]
        if accounts:
            self.table.selectRow(names.index(select) if select in names else 0)
        self._selected_changed()

    def selected(self) -> UserAccount | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_object(rows[0].row()) if rows else None

    def _selected_changed(self) -> None:
        account = self.selected()
        has = account is not None and account.username in self.with_login
        self.give_button.setEnabled(account is not None and not has and account.active)
        self.remove_button.setEnabled(has)
        self.sql_button.setEnabled(account is not None)

    def _owner(self) -> server_logins.Owner:
        return server_logins.Owner(self.owner.text(), self.owner_password.text())

    def _say(self, text: str) -> None:
        self.result.setText(text)

    def _run(self, change, done: str) -> bool:  # noqa: ANN001
        self.owner_form.clear_errors()
        try:
            change()
        except ValidationError as exc:
            owner_errors = {k: v for k, v in exc.errors.items() if k.startswith("owner")}
            other = [v for k, v in exc.errors.items() if not k.startswith("owner")]
            self.owner_form.show_errors(owner_errors)
            self._say("⚠ " + " ".join(other) if other else "")
            return False
        except REFUSED as exc:
            self._say("⚠ " + explain(exc))
            self.owner_password.clear()  # typed again for the next try, never kept
            self.owner_password.setFocus()
            return False
        self.owner_password.clear()
        self._say("✓ " + done)
        return True

    def give(self) -> None:
        account = self.selected()
        if account is None:
            return
        ask = NewLoginPasswordDialog(account, self.new_password, self)
        if not ask.exec():
            return
        password, again = ask.password.text(), ask.confirm.text()
        self._run(
            lambda: server_logins.give_login(self.db, self._owner(), account, password, again),
            tr("{name} has a login on the server now.").format(name=account.display_name),
        )
        self.refresh(account.username)

    def remove(self) -> None:
        account = self.selected()
        if account is None or not confirm(
            self,
            tr("End the login"),
            tr(
                "End {name}'s login on the server now? They can no longer connect to it. "
                "Their records and the audit log stay."
            ).format(name=account.display_name),
        ):
            return
        self._run(
            lambda: server_logins.remove_login(self.db, self._owner(), account),
            tr("{name}'s login on the server has ended.").format(name=account.display_name),
        )
        self.refresh(account.username)

    def show_sql(self) -> None:
        account = self.selected()
        if account is None:
            return
        if account.username in self.with_login:
            text = server_logins.sql_to_remove(self.db, account)
        else:
            text = server_logins.sql_to_add(self.db, account)
        self.sql.setPlainText(text)
        self.sql.setVisible(True)
        self.copy_button.setVisible(True)
        self._say(
            tr(
                "Whoever looks after the server runs this as the owner (psql -d {database}); "
                "then press Close and open this list again to see the change."
            ).format(database=self.db.server.database if self.db.server else "")
        )
