"""The "About me" tab: the latest one-page profile, earlier versions, and writing a new one."""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.i18n import tr
from portage_desktop.services import profiles as profile_service
from portage_desktop.services.attachments import FileToAttach
from portage_desktop.services.dates import format_date
from portage_desktop.services.profiles import SECTIONS, ProfileInput, ProfileVersion
from portage_desktop.services.record_vocabulary import PhotoUse
from portage_desktop.ui.children.profile_fit import ProfileFitLabel
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.drafts import DraftKeeper
from portage_desktop.ui.common.record_dialog import RecordDialog
from portage_desktop.ui.common.service_errors import REFUSED, refused
from portage_desktop.ui.common.widgets import DateField, size_for_screen

PHOTO_SIDE = 140


def _pixmap(content: bytes | None) -> QPixmap | None:
    if not content:
        return None
    pixmap = QPixmap()
    if not pixmap.loadFromData(content):
        return None
    return pixmap.scaled(
        PHOTO_SIDE,
        PHOTO_SIDE,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


class ProfileDialog(RecordDialog):
    """Write a new dated version, starting from the latest one so only changes need typing."""

    def __init__(
        self,
        ctx: AppContext,
        child_id: int,
        start_from: ProfileVersion | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, tr("New version of the one-page profile"), parent)
        self.child_id = child_id
        size_for_screen(self, 820, 780)
        self.new_photo: FileToAttach | None = None
        self.keep_photo_id = start_from.photo_id if start_from else None
        self.written_on = DateField(tr("Date written"))
        self.written_on.set_value(date.today())
        self.written_with = QLineEdit()
        self.written_with.setPlaceholderText(tr("For example: Anna (Mum) and Ruth (key person)"))
        self.add_row(tr("&Date written *"), "written_on", self.written_on)
        self.add_row(tr("Written &with"), "written_with", self.written_with)
        self.texts: dict[str, QPlainTextEdit] = {}
        for n, (field, label) in enumerate(SECTIONS):
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setPlainText(start_from.section_text(field) if start_from else "")
            edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * 3 + 12)
            edit.textChanged.connect(self.mark_dirty)
            self.texts[field] = edit
            self.add_row(
                f"&{n + 1} {label}",
                field,
                edit,
                tr("In the family's own words, where they are theirs") if n == 0 else "",
            )
        self.fit = ProfileFitLabel(self._sections, self._has_photo)
        self.add_row(tr("On paper"), "fit", self.fit)
        for edit in self.texts.values():
            edit.textChanged.connect(self.fit.schedule)
        photo_row = QWidget()
        row = QHBoxLayout(photo_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.photo_label = QLabel(tr("No photo"))
        self.choose_photo = QPushButton(tr("C&hoose photo…"))
        self.remove_photo = QPushButton(tr("Remo&ve photo"))
        self.choose_photo.clicked.connect(self._choose_photo)
        self.remove_photo.clicked.connect(self._remove_photo)
        row.addWidget(self.photo_label, 1)
        row.addWidget(self.choose_photo)
        row.addWidget(self.remove_photo)
        self.add_row(tr("Photo"), "photo", photo_row, tr("Only with photo consent (Consent tab)"))
        if self.keep_photo_id is not None:
            self.photo_label.setText(tr("Keeping the current photo"))
        if start_from is not None:
            self.written_with.setText(start_from.written_with)
        self.fit.measure()
        self.finish()
        self.dirty = False
        self.drafts = DraftKeeper(ctx, child_id, "profile", None, self.draft_payload, self)
        self.written_with.textEdited.connect(self.drafts.changed)
        self.written_on.changed.connect(self.drafts.changed)
        for edit in self.texts.values():
            edit.textChanged.connect(self.drafts.changed)
        if self.drafts.offer(tr("a new version of the profile"), self.restore_draft):
            self.dirty = True
        self.written_with.setFocus()

    def _sections(self) -> list[tuple[str, str]]:
        return [(label, self.texts[field].toPlainText()) for field, label in SECTIONS]

    def _has_photo(self) -> bool:
        return self.new_photo is not None or self.keep_photo_id is not None

    def draft_payload(self) -> dict[str, str]:
        """The words typed so far (a newly chosen photo is not kept in a draft)."""
        texts = {field: edit.toPlainText() for field, edit in self.texts.items()}
        return {
            **texts,
            "written_on": self.written_on.edit.text(),
            "written_with": self.written_with.text(),
        }

    def restore_draft(self, payload: dict[str, str]) -> None:
        for field, edit in self.texts.items():
            edit.setPlainText(str(payload.get(field, "")))
        self.written_on.edit.setText(str(payload.get("written_on", "")))
        self.written_with.setText(str(payload.get("written_with", "")))

    def _choose_photo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, tr("Choose a photo"), str(Path.home()), tr("Photos (*.jpg *.jpeg *.png)")
        )
        if not name:
            return
        try:
            self.new_photo = FileToAttach(Path(name).name, Path(name).read_bytes())
        except OSError as exc:
            self.show_errors(
                {
                    "photo": tr("The file could not be read ({strerror}).").format(
                        strerror=exc.strerror
                    )
                }
            )
            return
        self.photo_label.setText(tr("New photo: {name}").format(name=Path(name).name))
        self.mark_dirty()
        self.fit.schedule()

    def _remove_photo(self) -> None:
        self.new_photo, self.keep_photo_id = None, None
        self.photo_label.setText(tr("No photo"))
        self.mark_dirty()
        self.fit.schedule()

    def save(self) -> None:
        errors: dict[str, str] = {}
        dates = self.read_dates(errors, written_on=self.written_on)
        data = ProfileInput(
            written_with=self.written_with.text(),
            photo=self.new_photo,
            keep_photo_id=None if self.new_photo else self.keep_photo_id,
            **{field: edit.toPlainText() for field, edit in self.texts.items()},
            **dates,
        )
        self.run_save(
            errors, lambda: profile_service.add_profile_version(self.ctx.db, self.child_id, data)
        )


class ProfileTab(QWidget):
    """Shows the latest profile (earlier versions chosen above) and its photo."""

    def __init__(self, ctx: AppContext, child_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.child_id = ctx, child_id
        self.versions: list[ProfileVersion] = []
        self.version = QComboBox()
        self.version.setAccessibleName(tr("Version of the profile"))
        self.version.currentIndexChanged.connect(self._show)
        caption = QLabel(tr("&Version:"))
        caption.setBuddy(self.version)
        self.new_button = QPushButton(tr("&New version…"))
        self.new_button.setToolTip(tr("Write a new dated version, starting from the latest"))
        self.new_button.clicked.connect(self.new_version)
        top = QHBoxLayout()
        top.addWidget(caption)
        top.addWidget(self.version, 1)
        top.addWidget(self.new_button)
        self.photo = QLabel()
        self.photo.setAccessibleName(tr("Photo"))
        self.photo.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
        self.text = QTextBrowser()
        self.text.setAccessibleName(tr("One-page profile"))
        body = QHBoxLayout()
        body.addWidget(self.text, 1)
        body.addWidget(self.photo)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        self.refresh()

    def refresh(self) -> None:
        self.versions = profile_service.list_profiles(self.ctx.db, self.child_id)
        self.version.blockSignals(True)
        self.version.clear()
        for n, v in enumerate(self.versions):
            label = f"{format_date(v.written_on)}" + (
                " (latest)" if n == 0 else tr(" (earlier version)")
            )
            self.version.addItem(label, v.id)
        self.version.blockSignals(False)
        self.version.setEnabled(len(self.versions) > 1)
        self._show()

    def _show(self) -> None:
        index = self.version.currentIndex()
        if index < 0:
            self.photo.clear()
            self.text.setHtml(
                tr(
                    "<p>No one-page profile yet. Choose <b>New version</b> to write "
                    "“Finding out about me” with the family.</p>"
                )
            )
            return
        v = self.versions[index]
        parts = [tr("<p>Written on {date}").format(date=format_date(v.written_on))]
        parts.append(
            tr(" with {written_with}</p>").format(written_with=escape(v.written_with))
            if v.written_with
            else "</p>"
        )
        for field, label in SECTIONS:
            text = escape(v.section_text(field)).replace("\n", "<br>") or tr(
                "<i>Not written yet</i>"
            )
            parts.append(f"<h3>{escape(label)}</h3><p>{text}</p>")
        self.text.setHtml("".join(parts))
        pixmap = _pixmap(
            profile_service.profile_photo(self.ctx.db, self.child_id, v, PhotoUse.RECORD)
        )
        if pixmap is None:
            self.photo.clear()
            self.photo.setText(
                tr("No photo") if v.photo_id is None else tr("Photo hidden:\nno photo consent")
            )
        else:
            self.photo.setPixmap(pixmap)

    def new_version(self) -> None:
        latest = self.versions[0] if self.versions else None
        try:
            dialog = ProfileDialog(self.ctx, self.child_id, latest, self)
        except REFUSED as exc:
            refused(self, tr("Not possible"), exc)
            return
        if dialog.exec():
            self.refresh()
