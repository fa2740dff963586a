"""Writing the service's own evaluation questions. Saving makes a new version of the
questionnaire, so answers already typed in stay beside the words their family was asked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.i18n import tr
from portage_desktop.services.service_quality import evaluation
from portage_desktop.services.service_quality.evaluation import QuestionKind
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.widgets import FieldErrors
from portage_desktop.ui.service_quality.common import attempt


class QuestionEditor(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.errors = FieldErrors()
        self.questions = QListWidget()
        self.questions.setAccessibleName(tr("Questions, in order"))
        self.text = QLineEdit()
        self.text.setAccessibleName(tr("New question"))
        self.text.setPlaceholderText(tr("For example: The visits helped my child learn new things"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(tr("How families answer"))
        for k in QuestionKind:
            self.kind.addItem(k.label, k.value)
        self.add = QPushButton(tr("&Add question"))
        self.remove = QPushButton(tr("Re&move question"))
        self.save = QPushButton(tr("Save the &questionnaire"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(tr("Message"))
        row = QHBoxLayout()
        row.addWidget(self.text, 1)
        row.addWidget(self.kind)
        row.addWidget(self.add)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove)
        buttons.addWidget(self.save)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                tr(
                    "Saving makes a new version: questionnaires already sent keep the questions "
                    "they were sent with."
                ),
                wordWrap=True,
            )
        )
        layout.addWidget(self.questions, 1)
        layout.addLayout(row)
        layout.addWidget(self.errors.label_for("questions", self.questions))
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.add.clicked.connect(self._add)
        self.text.returnPressed.connect(self._add)
        self.remove.clicked.connect(self._remove)
        self.save.clicked.connect(self._save)
        self.refresh()

    def refresh(self) -> None:
        self.questions.clear()
        for q in evaluation.current_questions(self.ctx.db):
            self._append(q.text, q.kind)

    def _append(self, text: str, kind: QuestionKind) -> None:
        item = QListWidgetItem(f"{text}  ({kind.label.lower()})")
        item.setData(Qt.ItemDataRole.UserRole, (text, kind.value))
        self.questions.addItem(item)

    def _add(self) -> None:
        if self.text.text().strip():
            self._append(self.text.text().strip(), QuestionKind(self.kind.currentData()))
            self.text.clear()
            self.message.setText(tr("Added. Save the questionnaire when it is ready."))

    def _remove(self) -> None:
        row = self.questions.currentRow()
        if row >= 0:
            self.questions.takeItem(row)

    def _save(self) -> None:
        wanted = [
            tuple(self.questions.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.questions.count())
        ]
        version = attempt(
            lambda: evaluation.save_questions(self.ctx.db, wanted),  # type: ignore[arg-type]
            self.errors,
            self.message,
        )
        if version is not None:
            self.message.setText(
                tr("Saved as version {version} of the questionnaire.").format(version=version)
            )
