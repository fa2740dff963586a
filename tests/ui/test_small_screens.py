"""Every main window and the largest dialogs fit a 1366 by 768 laptop, at the default text size
and at the large-text settings people use (150% of a 9 pt system font, and 15 pt): pages scroll
rather than push the window off the screen, and nothing needs sideways scrolling."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from portage_desktop.services import children
from portage_desktop.ui.assessment.assessment_dialog import AssessmentDialog
from portage_desktop.ui.children.child_dialog import ChildDialog
from portage_desktop.ui.children.child_record import ChildRecordWindow
from portage_desktop.ui.plans.plan_dialog import PlanDialog
from portage_desktop.ui.service.referral_dialog import ReferralDialog
from portage_desktop.ui.shell.main_window import AREAS, SIDEBAR
from portage_desktop.ui.staff.staff_page import StaffDialog
from portage_desktop.ui.stamp.stamp_wizard import StampWizard

# A 1366 by 768 screen less a 40-pixel taskbar and a 30-pixel title bar.
WIDTH, HEIGHT = 1366, 698
SIZES = (None, 13.5, 15.0)


@pytest.fixture(params=SIZES, ids=["default", "13.5pt", "15pt"])
def text_size(request):
    app = QApplication.instance()
    before = app.font()
    if request.param is not None:
        bigger = QFont(before)
        bigger.setPointSizeF(request.param)
        app.setFont(bigger)
    yield request.param
    app.setFont(before)


def _fits(widget: QWidget) -> tuple[int, int]:
    hint = widget.minimumSizeHint().expandedTo(widget.minimumSize())
    return hint.width(), hint.height()


def test_the_main_window_and_every_area_fit(qtbot, demo_ctx, open_window, text_size):
    window = open_window(demo_ctx)
    window.resize(WIDTH, HEIGHT)
    sideways = []
    for area in SIDEBAR:
        window.go_to(area)
        holder = window.pages.currentWidget()
        page_width = holder.widget().minimumSizeHint().width()
        if page_width > holder.viewport().width():
            sideways.append((AREAS[area], page_width, holder.viewport().width()))
    width, height = _fits(window)
    assert width <= WIDTH and height <= HEIGHT
    assert sideways == []


def test_a_childs_record_and_the_big_dialogs_fit(qtbot, demo_ctx, text_size):
    child = children.list_children(demo_ctx.db)[0].id
    record = ChildRecordWindow(demo_ctx, child)
    qtbot.addWidget(record)
    plans = record.plans
    plan = plans.selected_plan()
    windows = {
        "child's record": record,
        "child": ChildDialog(demo_ctx, child),
        "staff member": StaffDialog(demo_ctx),
        "assessment": AssessmentDialog(demo_ctx, child),
        "plan": PlanDialog(
            demo_ctx, child, plans.goals, plan.data.prompts if plan else (), None, None
        ),
        "wizard": StampWizard(demo_ctx),
        "referral": ReferralDialog(demo_ctx),
    }
    too_big = {}
    for name, widget in windows.items():
        qtbot.addWidget(widget)
        width, height = _fits(widget)
        if width > WIDTH or height > HEIGHT:
            too_big[name] = (width, height)
    assert too_big == {}


def test_the_plan_dialogs_labels_sit_beside_their_boxes(qtbot, demo_ctx):
    """On the third page the labels used to float above boxes pushed down their rows."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QFormLayout, QPlainTextEdit

    child = children.list_children(demo_ctx.db)[0].id
    record = ChildRecordWindow(demo_ctx, child)
    qtbot.addWidget(record)
    plan = record.plans.selected_plan()
    dialog = PlanDialog(demo_ctx, child, record.plans.goals, plan.data.prompts, plan.id, plan.data)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.resize(900, HEIGHT)  # room to spare, which the rows used to soak up
    apart = []
    for page in range(dialog.pages.count()):
        dialog.pages.setCurrentIndex(page)
        form = dialog.pages.widget(page).widget().layout()
        assert isinstance(form, QFormLayout)
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if not (label and field and label.widget() and field.widget()):
                continue
            # The box itself, inside the row's holder (box, hint and error line).
            box = next(iter(field.widget().findChildren(QPlainTextEdit)), field.widget())
            top = box.mapTo(form.parentWidget(), QPoint(0, 0)).y()
            gap = abs(label.widget().geometry().top() - top)
            if gap > 8:
                apart.append((page, label.widget().text(), gap))
    assert apart == []
