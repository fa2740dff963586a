"""Tables with wrapped text measure their rows once per change of widths, not once per column."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from portage_desktop.ui.staff.staff_training import TrainingMatrixView


def _count_fits(view: TrainingMatrixView) -> list[int]:
    calls: list[int] = []
    real = view.table.resizeRowsToContents

    def counted() -> None:
        calls.append(1)
        real()

    view.table.resizeRowsToContents = counted  # type: ignore[method-assign]
    return calls


def test_refreshing_the_training_matrix_measures_the_rows_once(qtbot, demo_ctx):
    view = TrainingMatrixView(demo_ctx)
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.show()
    QApplication.processEvents()
    assert view.model.columnCount() > 3  # several columns are sized in each refresh
    calls = _count_fits(view)
    view.refresh()
    QApplication.processEvents()
    assert len(calls) == 1


def test_narrowing_a_column_still_makes_its_rows_taller(qtbot, demo_ctx):
    view = TrainingMatrixView(demo_ctx)
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.show()
    QApplication.processEvents()
    row = next(
        r
        for r in range(view.model.rowCount())
        if len(str(view.model.data(view.model.index(r, 1)) or "")) > 20
    )
    before = view.table.rowHeight(row)
    calls = _count_fits(view)
    view.table.horizontalHeader().resizeSection(1, 40)
    view.table.horizontalHeader().resizeSection(2, 40)
    QApplication.processEvents()
    assert len(calls) == 1
    assert view.table.rowHeight(row) > before
