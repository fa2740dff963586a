"""Writing an observation or a professional's advice, linking it to small steps and attaching
photos or reports (kept inside the database, never loose in a folder)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.i18n import tr
from portage_desktop.printing.safe_write import write_file
from portage_desktop.services import attachments as attachment_service
from portage_desktop.services import family as family_service
from portage_desktop.services import frameworks as framework_service
from portage_desktop.services import observations as observation_service
from portage_desktop.services import staff as staff_service
from portage_desktop.services.attachments import FileToAttach
from portage_desktop.services.observations import Observation, ObservationInput
from portage_desktop.services.record_vocabulary import AuthorKind, ObservationKind
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.record_dialog import RecordDialog
from portage_desktop.ui.common.service_errors import REFUSED, refused
from portage_desktop.ui.common.widgets import DateField, size_for_screen, suggest

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1


class ObservationDialog(RecordDialog):
    """Add or change an observation; new files are saved with it."""

    def __init__(
        self,
        ctx: AppContext,
        child_id: int,
        observation: Observation | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            tr("New observation or advice") if observation is None else tr("Observation or advice")
        )
        super().__init__(ctx, title, parent)
        self.child_id, self.observation = child_id, observation
        self.new_files: list[FileToAttach] = []
        size_for_screen(self, 760, 720)
        self.kind = QComboBox()
        for kind in ObservationKind:
            self.kind.addItem(kind.label, kind)
        self.observed_on = DateField(tr("Date"))
        self.author_kind = QComboBox()
        for kind in AuthorKind:
            self.author_kind.addItem(kind.label, kind)
        self.author_name = QLineEdit()
        today = date.today()
        suggest(
            self.author_name,
            [m.full_name for m in staff_service.list_staff(ctx.db) if m.is_current(today)]
            + [m.name for m in family_service.list_family(ctx.db, child_id)],
        )
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.add_row(tr("&Kind"), "kind", self.kind)
        self.add_row(tr("&Date *"), "observed_on", self.observed_on)
        self.add_row(tr("Written &by"), "author_kind", self.author_kind)
        self.add_row(tr("&Name of writer *"), "author_name", self.author_name)
        self.add_row(tr("&What was seen or advised *"), "text", self.text)

        self.filter = QLineEdit()
        self.filter.setPlaceholderText(tr("Type to find a small step…"))
        self.filter.setAccessibleName(tr("Find a small step"))
        self.filter.textChanged.connect(self._filter)
        self.steps = QListWidget()
        self.steps.setAccessibleName(tr("Small steps this is evidence for (tick with Space)"))
        self.steps.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)
        steps_box = QWidget()
        steps_layout = QVBoxLayout(steps_box)
        steps_layout.setContentsMargins(0, 0, 0, 0)
        steps_layout.addWidget(self.filter)
        steps_layout.addWidget(self.steps)
        self.add_row(
            tr("&Links to small steps"), "item_ids", steps_box, tr("Optional: tick with Space")
        )

        self.files = QListWidget()
        self.files.setAccessibleName(tr("Attached files"))
        self.files.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        self.attach_button = QPushButton(tr("A&ttach files…"))
        self.save_copy_button = QPushButton(tr("Save a &copy…"))
        self.attach_button.clicked.connect(self._attach)
        self.save_copy_button.clicked.connect(self._save_copy)
        files_box = QWidget()
        files_layout = QVBoxLayout(files_box)
        files_layout.setContentsMargins(0, 0, 0, 0)
        files_layout.addWidget(self.files)
        file_buttons = QHBoxLayout()
        file_buttons.addWidget(self.attach_button)
        file_buttons.addWidget(self.save_copy_button)
        file_buttons.addStretch(1)
        files_layout.addLayout(file_buttons)
        self.add_row(
            tr("Files"), "files", files_box, tr("Photos (JPEG, PNG) or PDFs, up to 10 MB each")
        )

        self._fill_steps(set(observation.item_ids) if observation else set())
        if observation is None:
            self.observed_on.set_value(date.today())
        else:
            self.fill(observation)
        self.text.textChanged.connect(self.mark_dirty)
        self.steps.itemChanged.connect(self.mark_dirty)
        self.finish()
        self.filter.textEdited.disconnect(self.mark_dirty)  # searching is not an edit
        self.dirty = False
        self.kind.setFocus()

    def fill(self, record: object) -> None:
        assert isinstance(record, Observation)
        self.version = record.version
        self.kind.setCurrentIndex(self.kind.findData(record.kind))
        self.observed_on.set_value(record.observed_on)
        self.author_kind.setCurrentIndex(self.author_kind.findData(record.author_kind))
        self.author_name.setText(record.author_name)
        self.text.setPlainText(record.text)
        linked = set(record.item_ids)
        for row in range(self.steps.count()):
            item = self.steps.item(row)
            on = item.data(ITEM_ROLE) in linked
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.new_files.clear()
        self.files.clear()
        for info in record.files:
            item = QListWidgetItem(f"{info.filename} ({info.size_text})")
            item.setData(ITEM_ROLE, info.id)
            self.files.addItem(item)

    def _fill_steps(self, checked: set[int]) -> None:
        """Every small step of every checklist, ticked where already linked."""
        for fw in framework_service.list_frameworks(self.ctx.db):
            detail = framework_service.get_framework(self.ctx.db, fw.id)
            for step in detail.items:
                area = detail.area_of[step.id].name
                item = QListWidgetItem(f"{area}: {step.text}")
                item.setToolTip(fw.title)
                item.setData(ITEM_ROLE, step.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    Qt.CheckState.Checked if step.id in checked else Qt.CheckState.Unchecked
                )
                self.steps.addItem(item)
        if checked:
            self.filter.setPlaceholderText(
                tr("Type to find a small step (ticked ones stay ticked)…")
            )

    def _filter(self, text: str) -> None:
        words = text.lower().split()
        for row in range(self.steps.count()):
            item = self.steps.item(row)
            shown = all(w in item.text().lower() for w in words)
            item.setHidden(not shown and item.checkState() != Qt.CheckState.Checked)

    def _attach(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            tr("Attach files"),
            str(Path.home()),
            tr("Photos and PDFs (*.jpg *.jpeg *.png *.pdf)"),
        )
        for name in names:
            try:
                content = Path(name).read_bytes()
            except OSError as exc:
                self.show_errors(
                    {
                        "files": tr("{name} could not be read ({strerror}).").format(
                            name=Path(name).name, strerror=exc.strerror
                        )
                    }
                )
                return
            self.new_files.append(FileToAttach(Path(name).name, content))
            self.files.addItem(
                QListWidgetItem(
                    tr("{name} (new, saved with the record)").format(name=Path(name).name)
                )
            )
            self.mark_dirty()

    def _save_copy(self) -> None:
        item = self.files.currentItem()
        if item is None or item.data(ITEM_ROLE) is None:
            QMessageBox.information(
                self, tr("Save a copy"), tr("Choose a file that is already saved.")
            )
            return
        try:
            file = attachment_service.open_attachment(
                self.ctx.db, self.child_id, item.data(ITEM_ROLE)
            )
        except REFUSED as exc:
            refused(self, tr("Not saved"), exc)
            return
        target, _ = QFileDialog.getSaveFileName(
            self, tr("Save a copy"), str(Path.home() / file.filename)
        )
        if not target:
            return
        try:
            write_file(Path(target), file.content)
        except OSError as exc:
            QMessageBox.warning(self, tr("Not saved"), str(exc))

    def item_ids(self) -> tuple[int, ...]:
        return tuple(
            self.steps.item(r).data(ITEM_ROLE)
            for r in range(self.steps.count())
            if self.steps.item(r).checkState() == Qt.CheckState.Checked
        )

    def save(self) -> None:
        errors: dict[str, str] = {}
        dates = self.read_dates(errors, observed_on=self.observed_on)
        data = ObservationInput(
            kind=ObservationKind(self.kind.currentData()),
            author_kind=AuthorKind(self.author_kind.currentData()),
            author_name=self.author_name.text(),
            text=self.text.toPlainText(),
            item_ids=self.item_ids(),
            new_files=tuple(self.new_files),
            **dates,
        )
        row_id = self.observation.id if self.observation else None
        self.run_save(
            errors,
            lambda: observation_service.save_observation(
                self.ctx.db, self.child_id, data, row_id, expected_version=self.version
            ),
            data,
        )
