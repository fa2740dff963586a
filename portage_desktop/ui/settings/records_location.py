"""Settings: where the records are kept, this computer or a shared PostgreSQL server."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.database_url import EXAMPLE, PASSWORD_FILES, check
from portage_desktop.i18n import tr
from portage_desktop.paths import looks_like_shared_drive
from portage_desktop.services import records_location
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.records_location import ServerReport
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.tasks import run_with_progress
from portage_desktop.ui.common.theme import error_style, ok_style


def _wrapped(text: str = "", selectable: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class RecordsLocationBox(QGroupBox):
    """Shows where the records are now, and lets a manager choose where they are next time.

    Nothing switches at once: the choice is saved in this computer's settings and used at the
    next start, so a half-typed address can never cut anyone off from the records.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(tr("Where the records are kept"), parent)
        self.ctx = ctx
        db = ctx.db
        column = QVBoxLayout(self)
        if db.server is not None:
            now = tr("Now: on the shared PostgreSQL server {display}.").format(
                display=db.server.display
            )
        else:
            now = tr("Now: on this computer, in {path}.").format(path=db.path)
        self.current = _wrapped(now, selectable=True)
        self.current.setObjectName("records_now")
        column.addWidget(self.current)
        if db.path is not None and looks_like_shared_drive(db.path):
            warn = _wrapped(
                tr(
                    "⚠ This folder looks like a network or cloud-sync drive. The database can be "
                    "damaged there; keep it on this computer's own disk, or use a shared server."
                )
            )
            warn.setStyleSheet(error_style())
            column.addWidget(warn)

        self.on_computer = QRadioButton(tr("On this &computer (the usual choice for one person)"))
        self.on_server = QRadioButton(
            tr("On a shared Post&greSQL server (for a team working on several computers)")
        )
        group = QButtonGroup(self)
        group.addButton(self.on_computer)
        group.addButton(self.on_server)
        column.addWidget(self.on_computer)
        column.addWidget(self.on_server)

        self.address = QLineEdit(ctx.settings.database_url)
        self.address.setPlaceholderText(EXAMPLE)
        self.address.setAccessibleName(tr("Server address"))
        address_label = QLabel(tr("Server &address:"))
        address_label.setBuddy(self.address)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(tr("Server password, only to test the connection"))
        password_label = QLabel(tr("Server pass&word (only to test; never saved):"))
        password_label.setBuddy(self.password)
        self.server_fields = QWidget()
        fields = QVBoxLayout(self.server_fields)
        fields.setContentsMargins(24, 0, 0, 0)
        fields.addWidget(address_label)
        fields.addWidget(self.address)
        self.address_error = _wrapped()
        self.address_error.setObjectName("error_database_url")
        self.address_error.setStyleSheet(error_style())
        fields.addWidget(self.address_error)
        hint = _wrapped(
            tr(
                "Whoever looks after the server gives you this address. Leave the password out of "
                "it: Portage Desktop never saves one. It can come from {PASSWORD_FILES}, or "
                "Portage Desktop asks for it when it starts. The connection is encrypted "
                "(sslmode=require) unless the server is this computer."
            ).format(PASSWORD_FILES=PASSWORD_FILES)
        )
        hint.setEnabled(False)
        fields.addWidget(hint)
        fields.addWidget(password_label)
        fields.addWidget(self.password)
        self.own_logins = QCheckBox(
            tr("Everyone signs in to the server with their &own login (set up by IT)")
        )
        self.own_logins.setChecked(ctx.settings.server_own_logins)
        self.own_logins.setToolTip(
            tr(
                "Then the server itself knows who is working and enforces each role. Give "
                "people their logins in Settings, People and roles, Server logins."
            )
        )
        fields.addWidget(self.own_logins)
        column.addWidget(self.server_fields)

        self.test_button = QPushButton(tr("&Test the connection"))
        self.test_button.clicked.connect(self.test_connection)
        self.save_button = QPushButton(tr("Sa&ve where the records are kept"))
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.result = _wrapped(selectable=True)
        self.result.setObjectName("location_result")
        column.addWidget(self.result)
        note = _wrapped(
            tr(
                "A change takes effect the next time Portage Desktop starts. Records are not "
                "copied from one place to the other."
            )
        )
        note.setEnabled(False)
        column.addWidget(note)

        (self.on_server if ctx.settings.use_server else self.on_computer).setChecked(True)
        self.on_server.toggled.connect(self._show_fields)
        self.address.textChanged.connect(self._check_address)
        self._show_fields()

    def _show_fields(self) -> None:
        server = self.on_server.isChecked()
        self.server_fields.setEnabled(server)
        self.test_button.setEnabled(server)
        self._check_address()

    def _check_address(self) -> None:
        text = self.address.text()
        problem = check(text) if self.on_server.isChecked() and text.strip() else ""
        self.address_error.setText(problem)
        self.address_error.setVisible(bool(problem))

    def _say(self, text: str, good: bool) -> None:
        self.result.setText(("✓ " if good else "⚠ ") + text)
        self.result.setStyleSheet(ok_style() if good else error_style())

    def test_connection(self) -> None:
        """Connect off the GUI thread (a server far away can take seconds to answer)."""
        text, password = self.address.text(), self.password.text()
        problem = check(text)
        if problem:
            self._say(problem, good=False)
            return
        self.test_button.setEnabled(False)
        self.result.setText(tr("Testing the connection…"))
        self.result.setStyleSheet("")

        def work(_progress):  # noqa: ANN001, ANN202
            return records_location.test_server(text, password)

        def done(report: ServerReport) -> None:
            self.test_button.setEnabled(True)
            self._say(report.message, report.usable)

        def failed(exc: BaseException) -> None:
            self.test_button.setEnabled(True)
            self._say(str(exc) or tr("The connection could not be tested."), good=False)

        self.job = run_with_progress(self, tr("Testing the connection…"), work, done, failed)

    def save(self) -> None:
        use_server = self.on_server.isChecked()
        try:
            choice = records_location.choose(
                self.ctx.settings, use_server, self.address.text(), self.own_logins.isChecked()
            )
        except ValidationError as exc:
            self._say(exc.errors.get("database_url", "Please check the address."), good=False)
            return
        self.ctx.save_settings()
        self.address.setText(choice.address)
        where = tr("the shared server") if use_server else tr("the records on this computer")
        saved = tr("Saved. Portage Desktop will use {where} the next time it starts.").format(
            where=where
        )
        self._say(f"{saved} {choice.note}".strip(), good=True)
