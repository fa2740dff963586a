"""The Dashboard's "Getting started" card for a new setting: each first step a link, ticked
(with a word, not only a mark) as it is done; it disappears once every step is done."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from portage_desktop.i18n import tr
from portage_desktop.services.getting_started import FirstSteps, first_steps
from portage_desktop.ui.common.context import AppContext


class GettingStarted(QGroupBox):
    chosen = Signal(str, object)  # the step's key, and the child whose record it opens

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(tr("Getting started"), parent)
        self.ctx = ctx
        self.steps: FirstSteps | None = None
        self.summary = QLabel()
        self.list = QLabel()
        self.list.setOpenExternalLinks(False)
        self.list.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByKeyboard
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.list.setAccessibleName(tr("First steps, each a link"))
        self.list.linkActivated.connect(self._follow)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list)

    def refresh(self) -> None:
        self.steps = first_steps(self.ctx.db)
        self.setVisible(not self.steps.all_done)
        if self.steps.all_done:
            return
        total = len(self.steps.steps)
        self.summary.setText(
            tr("{done_count} of {total} done. Choose a step to go straight to it.").format(
                done_count=self.steps.done_count, total=total
            )
        )
        rows = []
        for step in self.steps.steps:
            if step.done:
                rows.append(tr("<li>✔ {text} (done)</li>").format(text=step.text))
            else:
                rows.append(
                    tr("<li><a href='{key}'>{text}</a></li>").format(key=step.key, text=step.text)
                )
        self.list.setText(tr("<ol style='margin-left: 0'>") + "".join(rows) + "</ol>")

    def _follow(self, key: str) -> None:
        self.chosen.emit(key, self.steps.child_id if self.steps else None)


# Where each step about a child's record opens (the record window's tab).
RECORD_TABS = {
    "consent": "consent",
    "profile": "profile",
    "assessment": "assessments",
    "plan": "plans",
    "review": "reviews",
}


def take_step(window: object, key: str, child_id: int | None) -> None:
    """Go where the step is done: Staff, a new child, or the first child's record on its tab."""
    if key in ("staff", "training"):
        window.go_to_staff()  # type: ignore[attr-defined]
        return
    if key == "child" or child_id is None:
        window.add_child()  # type: ignore[attr-defined]
        return
    record = window.children_page.open_record(child_id)  # type: ignore[attr-defined]
    if record is not None:
        record.tabs.setCurrentWidget(getattr(record, RECORD_TABS[key]))
