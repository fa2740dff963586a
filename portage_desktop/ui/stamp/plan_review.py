"""The review step: each chosen plan, its replacements and its suspects, checked by a person.

Free text cannot be made anonymous by replacement alone, so nothing of a plan is printed until
someone has read it here, edited or accepted every highlighted stretch, and confirmed it. The
pack is made from this page only, with the confirmed text; the claim that no child can be
identified is printed only then.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from portage_desktop.i18n import tr
from portage_desktop.services.anonymise_review import (
    ConfirmedPlan,
    Finding,
    Person,
    apply,
    confirmed_plan,
    find,
    fold,
    people_for,
    review_text,
)
from portage_desktop.services.stamp_evidence import PlanForApplication
from portage_desktop.ui.common import theme
from portage_desktop.ui.common.pdf_save import save_pdf

SINGLE = QTextCharFormat.UnderlineStyle.SingleUnderline


def _describe(finding: Finding, in_text: bool = False) -> str:
    if in_text and not finding.is_suspect:
        return tr("Remove [{text}]: {kind}; write “{replacement}” instead").format(
            text=finding.text, kind=finding.kind.label, replacement=finding.replacement
        )
    if finding.is_suspect:
        return tr("Check [{text}]: {kind}").format(text=finding.text, kind=finding.kind.label)
    return tr("Replaced [{text}] with “{replacement}” ({kind})").format(
        text=finding.text, replacement=finding.replacement, kind=finding.kind.label
    )


class PlanReviewPanel(QWidget):
    """One plan: its text to edit, and beside it a tick list of every replacement and suspect."""

    changed = Signal()

    def __init__(self, plan: PlanForApplication, label: str, people: list[Person]) -> None:
        super().__init__()
        self.plan = plan
        self.label = label
        self.people = people
        original = review_text(plan)
        self.replaced = [f for f in find(original, people) if not f.is_suspect]
        self.accepted: set[str] = set()
        self.editor = QPlainTextEdit()
        self.editor.setTabChangesFocus(True)
        self.editor.setAccessibleName(tr("Text of {label} to be printed").format(label=label))
        self.editor.setPlainText(apply(original, self.replaced))
        self.list = QListWidget()
        self.list.setAccessibleName(
            tr("Replacements and words to check in {label}").format(label=label)
        )
        self.list.setWordWrap(True)
        self.confirm = QCheckBox(
            tr("I have read {label}: no child or family can be identified from it").format(
                label=label
            )
        )
        self.confirm.setAccessibleName(tr("Confirm {label}").format(label=label))
        self.status = QLabel()
        self.status.setWordWrap(True)
        editor_caption = QLabel(tr("&Text that will be printed (you can edit it)"))
        editor_caption.setBuddy(self.editor)
        list_caption = QLabel(tr("&Tick each one you accept"))
        list_caption.setBuddy(self.list)
        left = QVBoxLayout()
        left.addWidget(editor_caption)
        left.addWidget(self.editor, 1)
        right = QVBoxLayout()
        right.addWidget(list_caption)
        right.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addLayout(left, 3)
        row.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.confirm)
        self.editor.textChanged.connect(self._text_changed)
        self.list.itemChanged.connect(self._item_changed)
        self.confirm.toggled.connect(lambda _on: self.changed.emit())
        self._refresh()

    def _key(self, finding: Finding, in_text: bool = False) -> str:
        if in_text and not finding.is_suspect:
            return "x:" + fold(finding.text)  # never in ``accepted``: it must be edited away
        return ("r:" if not finding.is_suspect else "s:") + fold(finding.text)

    def _refresh(self) -> None:
        """List the replacements made and the suspects now in the text; highlight both."""
        text = self.editor.toPlainText()
        # Everything found in the text as it stands: a name or date typed back in cannot be
        # accepted, only edited away; a suspect can be accepted once read.
        self.suspects = find(text, self.people)
        self.list.blockSignals(True)
        self.list.clear()
        shown: set[str] = set()
        # What still needs a decision comes first, then what was replaced.
        for finding in [*self.suspects, *self.replaced]:
            in_text = finding in self.suspects
            if self._key(finding, in_text) in shown:
                continue  # "Zofia" replaced three times is one thing to accept
            shown.add(self._key(finding, in_text))
            item = QListWidgetItem(_describe(finding, in_text))
            item.setData(Qt.ItemDataRole.UserRole, self._key(finding, in_text))
            if in_text and not finding.is_suspect:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
                self.list.addItem(item)
                continue
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            on = self._key(finding) in self.accepted
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._highlight(text)
        self._update_confirm()

    def _highlight(self, text: str) -> None:
        marks = []
        for finding in self.suspects:  # what still needs a decision: a wavy underline
            marks.append((finding.start, finding.end, QTextCharFormat.UnderlineStyle.WaveUnderline))
        for replacement in {f.replacement for f in self.replaced}:
            for m in re.finditer(re.escape(replacement), text, re.IGNORECASE):
                marks.append((m.start(), m.end(), QTextCharFormat.UnderlineStyle.SingleUnderline))
        # Tints from the theme, so dark mode keeps the words readable; the underline (single
        # for a replacement, wavy for a suspect) and the list carry the meaning too.
        tints = theme.current(self.palette())
        replaced = QColor(tints.step_tints["emerging"])
        suspect = QColor(tints.status_tints["not_met"])
        selections = []
        for start, end, style in marks:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.editor.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor  # type: ignore[attr-defined]
            fmt = QTextCharFormat()
            fmt.setBackground(replaced if style == SINGLE else suspect)
            fmt.setUnderlineStyle(style)
            selection.format = fmt  # type: ignore[attr-defined]
            selections.append(selection)
        self.editor.setExtraSelections(selections)

    def _text_changed(self) -> None:
        self.confirm.setChecked(False)  # an edit must be read again before it is confirmed
        self._refresh()

    def _item_changed(self, item: QListWidgetItem) -> None:
        key = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked:
            self.accepted.add(key)
        else:
            self.accepted.discard(key)
            self.confirm.setChecked(False)
        self._update_confirm()

    def open_items(self) -> int:
        return sum(self._key(f) not in self.accepted for f in [*self.replaced, *self.suspects])

    def _update_confirm(self) -> None:
        left = self.open_items()
        self.confirm.setEnabled(left == 0 and bool(self.editor.toPlainText().strip()))
        self.status.setText(
            tr("{count} still to check: edit the text or tick each one in the list.").format(
                count=left
            )
            if left
            else tr("Everything is checked. Read the text once more, then confirm.")
        )
        self.changed.emit()

    def is_confirmed(self) -> bool:
        return self.confirm.isChecked() and self.confirm.isEnabled()

    def confirmed(self) -> ConfirmedPlan:
        return confirmed_plan(self.plan, self.label, self.editor.toPlainText())


class PlanReviewPage(QWizardPage):
    """Every chosen plan, one tab each; the pack can be made only when all are confirmed."""

    def __init__(
        self,
        staff_names: Callable[[], list[str]],
        build: Callable[[Path, list[ConfirmedPlan]], object],
    ) -> None:
        super().__init__()
        self.staff_names = staff_names
        self.build = build
        self.setTitle(tr("Check the plans before they are printed"))
        self.setSubTitle(
            tr(
                "Names, dates and addresses have been replaced, but notes can still give a child "
                "away. Read each plan, edit the text or tick each highlighted word, then confirm."
            )
        )
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(tr("Plans to check"))
        self.panels: list[PlanReviewPanel] = []
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.make = QPushButton(tr("&Make the application pack…"))
        self.make.setAccessibleName(tr("Make the application pack"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.make, 0, Qt.AlignmentFlag.AlignLeft)
        self._made_from: tuple[int, ...] | None = None
        self.make.clicked.connect(self.make_pack)

    def initializePage(self) -> None:
        wizard = self.wizard()
        chosen = set(wizard.plans_page.chosen())  # type: ignore[attr-defined]
        self.show_plans([p for p in wizard.plans if p.id in chosen])  # type: ignore[attr-defined]

    def make_pack(self) -> None:
        """Save the pack with the plans exactly as confirmed here. The button is enabled only
        once every chosen plan is confirmed, and this checks again, so no unchecked text prints.
        """
        confirmed = self.confirmed()
        if len(confirmed) != len(self.panels):
            return
        save_draft = getattr(self.wizard(), "save_draft", None)
        if save_draft is not None and not save_draft():
            return

        def build(out: Path) -> Path:
            self.build(out, confirmed)
            return out

        save_pdf(self, tr("Save the application pack as PDF"), "stamp-application-pack", build)

    def show_plans(self, plans: list[PlanForApplication]) -> None:
        """(Re)build the tabs when the choice of plans changed; edits are kept otherwise."""
        ids = tuple(p.id for p in plans)
        if ids == self._made_from:
            return
        self._made_from = ids
        self.tabs.clear()
        self.panels = []
        staff = self.staff_names()
        for i, plan in enumerate(plans):
            label = tr("Plan {chr}").format(chr=chr(ord("A") + i))
            panel = PlanReviewPanel(plan, label, people_for(plan, staff))
            panel.changed.connect(self._changed)
            self.panels.append(panel)
            self.tabs.addTab(panel, label)
        self._changed()

    def _changed(self) -> None:
        for i, panel in enumerate(self.panels):
            mark = "✓ " if panel.is_confirmed() else ""
            self.tabs.setTabText(i, mark + panel.label)
        left = sum(not p.is_confirmed() for p in self.panels)
        self.note.setText(
            tr("No plans are chosen: the pack will be made without plans.")
            if not self.panels
            else tr("{count} plans still to confirm before the pack can be made.").format(
                count=left
            )
            if left
            else tr("All plans are confirmed. Only the text shown here will be printed.")
        )
        self.make.setEnabled(left == 0)
        self.completeChanged.emit()

    def confirmed(self) -> list[ConfirmedPlan]:
        """The plans as confirmed; empty unless every one of them is."""
        if not all(p.is_confirmed() for p in self.panels):
            return []
        return [p.confirmed() for p in self.panels]
