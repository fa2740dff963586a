"""Run slow work (backups, PDFs, imports) off the GUI thread, with progress and cancel."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from portage_desktop.i18n import tr

_jobs_running = 0
_collector_was_on = True  # the collector's state before the first running job paused it


def _pause_cycle_collector() -> None:
    """Python's cycle collector runs in whichever thread happens to allocate; if that is a
    worker, it can free widgets left over from closed screens there, which Qt refuses (with
    warnings) and which can crash. So it pauses while any job runs, and resumes on the GUI
    thread when the last one ends; reference counting still frees almost everything meanwhile.

    No collection is forced first: on a large site a full collection holds the GUI for over a
    tenth of a second just as the job starts, and the leftovers it would free are collected on
    the GUI thread anyway, once the collector resumes."""
    global _jobs_running, _collector_was_on
    if _jobs_running == 0:
        _collector_was_on = gc.isenabled()
        gc.disable()
    _jobs_running += 1


def _resume_cycle_collector() -> None:
    """As it was before the first job: a caller that switched the collector off for its own
    reasons (a walk through every window of the app) keeps it off."""
    global _jobs_running
    _jobs_running = max(0, _jobs_running - 1)
    if _jobs_running == 0 and _collector_was_on:
        gc.enable()


def freeze_start_up_objects() -> None:
    """Put everything alive once the app has started (modules, classes, the database layer's
    tables, the main window) out of the cycle collector's reach, for good.

    A full collection walks every object Python tracks: about 120,000 once the app is open,
    which takes 100 to 150 ms on a modest computer, and Python starts one every so often as a
    person works, freezing the window at random. Frozen objects are still freed by reference
    counting; only cycles among them would be kept, and start-up makes next to none."""
    gc.freeze()


class Cancelled(Exception):
    """Raised inside a task's progress callback when the user pressed Cancel."""


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[Callable[[int, int], None]], Any]) -> None:
        super().__init__()
        self.work = work
        self.signals = _Signals()
        self.cancelled = False

    def _progress(self, done: int, total: int) -> None:
        if self.cancelled:
            raise Cancelled()
        self.signals.progress.emit(done, total)

    def run(self) -> None:
        try:
            result = self.work(self._progress)
        except BaseException as exc:  # handed to the GUI thread, which decides what to show
            self._tell(self.signals.failed, exc)
        else:
            self._tell(self.signals.finished, result)

    @staticmethod
    def _tell(signal: Any, value: object) -> None:
        # The app may be quitting, its objects already gone: nobody is left to tell.
        with contextlib.suppress(RuntimeError):
            signal.emit(value)


def run_with_progress(
    parent: QWidget,
    label: str,
    work: Callable[[Callable[[int, int], None]], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | str,
) -> _Job:
    """Start ``work(progress)`` on the thread pool behind a cancellable progress dialog.

    ``on_error`` is either what to do with a failure, or the title under which it is shown
    in the words of :mod:`portage_desktop.ui.common.service_errors`.
    """
    if isinstance(on_error, str):
        title = on_error

        def on_error(exc: BaseException) -> None:
            from portage_desktop.ui.common.service_errors import refused

            refused(parent, title, exc)

    dialog = QProgressDialog(label, tr("Cancel"), 0, 0, parent)
    dialog.setWindowTitle(tr("Please wait"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAccessibleName(label)
    job = _Job(work)

    def progress(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(done)

    def finished(result: object) -> None:
        _resume_cycle_collector()
        dialog.reset()
        dialog.deleteLater()
        on_done(result)

    def failed(exc: BaseException) -> None:
        _resume_cycle_collector()
        dialog.reset()
        dialog.deleteLater()
        if not isinstance(exc, Cancelled):
            on_error(exc)

    def cancel() -> None:
        job.cancelled = True

    job.signals.progress.connect(progress)
    job.signals.finished.connect(finished)
    job.signals.failed.connect(failed)
    dialog.canceled.connect(cancel)
    _pause_cycle_collector()
    QThreadPool.globalInstance().start(job)
    return job


_background: set[_Job] = set()


def run_in_background(
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> _Job:
    """Start ``work()`` on the thread pool with no dialog: for housekeeping nobody asked for
    and nobody should wait for (the daily backup of a large site takes seconds)."""
    job = _Job(lambda _progress: work())
    _background.add(job)  # nothing else holds it, and its signals must outlive the work

    def finished(result: object) -> None:
        _background.discard(job)
        _resume_cycle_collector()
        on_done(result)

    def failed(exc: BaseException) -> None:
        _background.discard(job)
        _resume_cycle_collector()
        on_error(exc)

    job.signals.finished.connect(finished)
    job.signals.failed.connect(failed)
    _pause_cycle_collector()
    QThreadPool.globalInstance().start(job)
    return job


def import_modules(names: list[str]) -> None:
    """Import ``names`` in order: run on a worker, so the GUI thread keeps answering while
    Python loads them (it switches threads every few milliseconds)."""
    import importlib

    for name in names:
        importlib.import_module(name)


def wait_responsive(*futures: Future[Any]) -> None:
    """Wait for ``futures`` while the window keeps painting and its timers keep running.

    For opening the records, where the GUI thread once imported the database layer itself
    while the key was derived: the window could not repaint or be moved for half a second.
    Input waits until the records are open (nothing can be used before then anyway), so no
    click can start anything halfway through opening. The cycle collector pauses meanwhile: a
    full collection in the middle of an import held the window for 50 to 90 ms.
    """
    from concurrent.futures import wait

    from PySide6.QtCore import QCoreApplication, QEventLoop

    pending = set(futures)
    exclude = QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents
    _pause_cycle_collector()
    try:
        while pending:
            _done, pending = wait(pending, timeout=0.004)
            if QCoreApplication.instance() is not None:
                QCoreApplication.processEvents(exclude, 4)
    finally:
        _resume_cycle_collector()
