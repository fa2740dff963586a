"""Open every area, a child's record with every tab, and every dialog that can be built on
its own, in the pseudo-language, and report visible text that was never wrapped for
translation or that no longer fits once a third longer.

Run as a script (``python tests/ui/pseudo_walk.py OUT.json``) so that the language is chosen
before any module of the app is imported, as the app itself does at start-up; the test reads
the JSON it writes.
"""

from __future__ import annotations

import inspect
import json
import os
import pkgutil
import re
import sys
import tempfile
from pathlib import Path

# A 1366 by 768 laptop's screen (the offscreen platform's own is 800 by 600, which would
# squeeze every dialog narrower than people's screens do).
_SCREEN = Path(tempfile.gettempdir()) / "portage-pseudo-walk-screen.json"
_SCREEN.write_text(
    json.dumps(
        {
            "screens": [
                {
                    "name": "laptop",
                    "x": 0,
                    "y": 0,
                    "width": 1366,
                    "height": 768,
                    "logicalDpi": 96,
                    "logicalBaseDpi": 96,
                    "dpr": 1,
                }
            ]
        }
    ),
    encoding="utf-8",
)
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from portage_desktop import i18n  # noqa: E402

i18n.install(i18n.PSEUDO)

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton,
    QApplication,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTableView,
    QTabWidget,
    QWidget,
)

LETTERS = re.compile(r"[A-Za-z]{2,}")
WRAPPERS = {"tr", "trn", "N_"}
# Not the app's words: the product's name, and examples of what to type that are the same in
# every language.
NOT_WORDS = {"Portage Desktop", "postgresql://portage@records.example.org/portage?sslmode=require"}


def _unwrapped_literals() -> tuple[set[str], set[str]]:
    """The string literals of the app's code that are not wrapped for translation (docstrings
    and the demo's fictional records aside): whole texts, and longer phrases to look for
    inside a text built from several parts."""
    import ast

    whole: set[str] = set()
    phrases: set[str] = set()
    package = ROOT / "portage_desktop"
    for path in package.rglob("*.py"):
        rel = path.relative_to(package).as_posix()
        if rel.startswith(("demo/", "data/models/", "data/migrations/")):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in WRAPPERS:
                skip |= {id(n) for n in ast.walk(node)}
            body = getattr(node, "body", None)
            if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
                skip.add(id(body[0].value))
        for node in ast.walk(tree):
            if id(node) in skip or not isinstance(node, ast.Constant):
                continue
            if not isinstance(node.value, str) or not LETTERS.search(node.value):
                continue
            text = node.value.strip()
            if text in NOT_WORDS:
                continue
            whole.add(text.replace("&", ""))
            if len(text.split()) >= 2:
                phrases.add(text)
    return whole, phrases


WHOLE, PHRASES = _unwrapped_literals()


def _outside_marks(text: str) -> str:
    """What is left of a text once every translated part (between the pseudo marks) is cut
    out: the words that came from somewhere else."""
    inner = re.compile(re.escape(i18n.PSEUDO_OPEN) + "[^⟦⟧]*" + re.escape(i18n.PSEUDO_CLOSE))
    while True:
        shorter = inner.sub(" ", text)
        if shorter == text:
            return text
        text = shorter


def _needs_wrapping(text: str) -> bool:
    """Text that comes from one of the code's literals not wrapped for translation."""
    rest = re.sub(r"<[^>]+>", " ", _outside_marks(text))
    if not LETTERS.search(rest):
        return False
    plain = rest.strip().replace("&", "")
    if plain in WHOLE:
        return True
    return any(phrase in rest for phrase in PHRASES)


def _clipped(widget: QWidget, text: str) -> bool:
    """Narrower than Qt itself says the text needs (a label that wraps grows downwards)."""
    if "<" in text or widget.width() <= 1:
        return False
    if isinstance(widget, QLabel) and widget.wordWrap():
        return False
    return widget.sizeHint().width() > widget.width() + 1


class Walker:
    def __init__(self) -> None:
        self.unwrapped: dict[str, set[str]] = {}
        self.clipped: dict[str, set[str]] = {}
        self.opened: list[str] = []
        self.not_opened: list[str] = []
        self.seen: set[str] = set()
        self.shortcuts: set[str] = set()

    def note(self, where: str, kind: dict[str, set[str]], text: str) -> None:
        kind.setdefault(where, set()).add(text.strip()[:300])

    def scan(self, where: str, top: QWidget) -> None:
        QApplication.processEvents()
        self.opened.append(where)
        title = top.windowTitle()
        if title and _needs_wrapping(title):
            self.note(where, self.unwrapped, title)
        for w in [top, *top.findChildren(QWidget)]:
            if not w.isVisible():
                continue
            texts: list[str] = []
            if (isinstance(w, QLabel) and not w.pixmap()) or isinstance(w, QAbstractButton):
                texts.append(w.text())
            elif isinstance(w, QGroupBox):
                texts.append(w.title())
            elif isinstance(w, QTabWidget):
                texts += [w.tabText(i) for i in range(w.count())]
            elif isinstance(w, QLineEdit):
                texts.append(w.placeholderText())
            elif isinstance(w, QTableView) and w.model() is not None:
                model = w.model()
                texts += [
                    str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                    for c in range(model.columnCount())
                    if not w.isColumnHidden(c)
                ]
            for text in texts:
                if not text:
                    continue
                if _needs_wrapping(text):
                    self.note(where, self.unwrapped, text)
                elif isinstance(w, (QLabel, QAbstractButton)) and _clipped(w, text):
                    self.note(where, self.clipped, text)
                    if os.environ.get("PSEUDO_WALK_DEBUG"):
                        print(
                            where,
                            text[:40],
                            w.sizeHint().width(),
                            w.width(),
                            top.width(),
                            top.minimumSizeHint().width(),
                            top.maximumWidth(),
                            file=sys.stderr,
                        )

    def report(self) -> dict:
        return {
            "unwrapped": {k: sorted(v) for k, v in self.unwrapped.items()},
            "clipped": {k: sorted(v) for k, v in self.clipped.items()},
            "opened": self.opened,
            "not_opened": self.not_opened,
            "shortcuts": sorted(self.shortcuts),
        }


def _dialog_classes() -> list[type]:
    import portage_desktop.ui as ui_package

    found: dict[str, type] = {}
    for info in pkgutil.walk_packages(ui_package.__path__, "portage_desktop.ui."):
        module = __import__(info.name, fromlist=["*"])
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and issubclass(cls, QDialog):
                found[f"{cls.__module__}.{name}"] = cls
    return [found[k] for k in sorted(found)]


def _try_dialog(cls: type, ctx, child_id: int):
    """Build a dialog from what most of them take: the app context, and sometimes a child
    or nothing to edit."""
    attempts = (
        (ctx,),
        (ctx, None),
        (ctx, child_id),
        (ctx, child_id, None),
        (ctx.db,),
        (ctx.db, child_id),
        (None,),
        (),
    )
    for args in attempts:
        try:
            return cls(*args)
        except Exception:
            continue
    return None


def _built_for(name: str, ctx, child_id: int):
    """The dialogs that need a particular record, given one from the demo."""
    from datetime import date

    from portage_desktop.services import staff, stamp_rules
    from portage_desktop.services.home_visiting import groups, referrals, visits
    from portage_desktop.services.home_visiting.waiting_list import waiting_list

    db, today = ctx.db, date.today()
    short = name.rsplit(".", 1)[1]
    if short == "TrainingDialog":
        return _import(name)(ctx, staff.list_staff(db)[0])
    if short == "RuleDialog":
        return _import(name)(ctx, stamp_rules.rule_values(db, today)[0])
    if short == "ConflictDialog":
        from dataclasses import dataclass

        from portage_desktop.services.errors import ConflictError

        @dataclass
        class Note:
            text: str
            version: int

        error = ConflictError(tr_word("note"), Note("Saved by someone else", 2))
        return _import(name)(error, Note("Mine", 1), {"text": tr_word("Text")})
    if short == "RestoreDialog":
        return _import(name)([])
    if short == "ChartWeekDialog":
        return _import(name)(today)
    if short == "OwnLoginDialog":
        from portage_desktop.database_url import parse

        return _import(name)(parse("postgresql://records.example.org/portage"))
    if short == "EligibilityDialog":
        return _import(name)(ctx, referrals.list_referrals(db)[0])
    if short == "PlanSessionsDialog":
        return _import(name)(ctx, groups.list_groups(db, today)[0])
    if short in ("VisitDialog", "MakeUpDialog"):
        child = next(
            r.child_id for r in referrals.list_referrals(db) if visits.list_visits(db, r.child_id)
        )
        visit = visits.list_visits(db, child)[0]
        return (
            _import(name)(ctx, visit, "Amy")
            if short == "VisitDialog"
            else _import(name)(ctx, visit)
        )
    if short == "AllocateDialog":
        family = waiting_list(db, today)[0]
        return _import(name)(ctx, family.referral_id, family.child_name, None)
    if short == "MoveDialog":
        found = waiting_list(db, today)
        return _import(name)(ctx, found[0], len(found))
    return None


def tr_word(text: str) -> str:
    from portage_desktop.i18n import tr

    return tr(text)


def _import(name: str) -> type:
    module, cls = name.rsplit(".", 1)
    return getattr(__import__(module, fromlist=[cls]), cls)


def _press_every_ellipsis(app: QApplication, page: QWidget, keep: QWidget) -> None:
    """Choose the first row of every list, then press every button that opens a window
    ("…"), as a person exploring would; each dialog is read by the timer as it opens, and any
    other window it opened is closed again."""
    from PySide6.QtWidgets import QAbstractItemView, QPushButton

    if page is None:
        return
    for view in page.findChildren(QAbstractItemView):
        model = view.model()
        if view.isVisible() and model is not None and model.rowCount() > 0:
            view.setCurrentIndex(model.index(0, 0))
    before = set(app.topLevelWidgets())
    for button in page.findChildren(QPushButton):
        if button.isVisible() and button.isEnabled() and "…" in button.text():
            if os.environ.get("PSEUDO_WALK_DEBUG"):
                print("press", button.text()[:50], file=sys.stderr, flush=True)
            button.click()
            QApplication.processEvents()
            for w in set(app.topLevelWidgets()) - before:
                if w is not keep and w.isVisible():
                    w.close()


def main(out: Path) -> int:
    from portage_desktop.services import children
    from portage_desktop.settings import Settings
    from portage_desktop.startup import make_demo, new_key
    from portage_desktop.ui.children.child_record import ChildRecordWindow
    from portage_desktop.ui.common.context import AppContext, SignalHub
    from portage_desktop.ui.shell.main_window import AREAS, SIDEBAR, MainWindow

    app = QApplication.instance() or QApplication([])
    # Dozens of windows are opened and closed in one go here; collecting the Python side of
    # ones Qt has already deleted can crash Qt for Python, so the collector waits till the end.
    import gc

    gc.disable()
    walker = Walker()

    # A dialog a page opens is read as soon as it shows, then closed, so the walk goes on.
    def read_modals() -> None:
        for w in app.topLevelWidgets():
            if isinstance(w, QDialog) and w.isModal() and w.isVisible():
                walker.scan(f"opened {type(w).__module__}.{type(w).__name__}", w)
                walker.seen.add(f"{type(w).__module__}.{type(w).__name__}")
                # Straight to "closed, nothing saved": reject() would ask whether to discard
                # what was typed, and the answer "keep editing" would start it all again.
                QDialog.done(w, QDialog.DialogCode.Rejected)

    closer = QTimer()
    closer.timeout.connect(read_modals)
    closer.start(150)
    with tempfile.TemporaryDirectory() as folder:
        os.environ["PORTAGE_DESKTOP_HOME"] = folder
        from portage_desktop.paths import app_paths

        paths = app_paths().ensure()
        for label, service in (("setting", False), ("service", True)):
            db = make_demo(
                Path(folder) / f"{label}.db",
                children=8,
                seed=3,
                key=new_key("pseudo walk"),
                service=service,
            )
            ctx = AppContext(db, paths, Settings(), SignalHub(), is_demo=True)
            window = MainWindow(ctx)
            window.resize(1366, 698)
            window.show()
            from PySide6.QtGui import QAction

            # Keys named after Qt's standard keys (Quit, Find, Print) must still bind when
            # every word around them is translated.
            walker.shortcuts |= {
                a.shortcut().toString()
                for a in window.findChildren(QAction)
                if not a.shortcut().isEmpty()
            }
            for area in SIDEBAR:
                if not window.sidebar.item(SIDEBAR.index(area)).isHidden():
                    window.go_to(area)
                    walker.scan(f"{label}: area {AREAS[area]}", window)
                    _press_every_ellipsis(app, window.pages.currentWidget(), window)
            child = children.list_children(db)[0].id
            record = ChildRecordWindow(ctx, child)
            record.resize(1366, 698)
            record.show()
            tabs = record.findChild(QTabWidget)
            for i in range(tabs.count() if tabs else 0):
                tabs.setCurrentIndex(i)
                walker.scan(f"{label}: child record tab {i + 1}", record)
                _press_every_ellipsis(app, tabs.currentWidget(), record)
            record.close()
            for cls in _dialog_classes():
                name = f"{cls.__module__}.{cls.__name__}"
                if name not in walker.seen:
                    dialog = _try_dialog(cls, ctx, child)
                    if dialog is None:
                        try:
                            dialog = _built_for(name, ctx, child)
                        except Exception:
                            dialog = None
                    if dialog is None:
                        continue
                    walker.seen.add(name)
                    dialog.setModal(False)
                    dialog.show()
                    walker.scan(f"dialog {name}", dialog)
                    dialog.close()
            window.close()
            db.dispose()
        walker.not_opened = sorted(
            f"{c.__module__}.{c.__name__}"
            for c in _dialog_classes()
            if f"{c.__module__}.{c.__name__}" not in walker.seen
        )
    out.write_text(json.dumps(walker.report(), indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    status = main(Path(sys.argv[1]))
    sys.stdout.flush()
    os._exit(status)  # past Qt for Python's own teardown, which can abort after the work is done
