"""The words of the Help menu, kept apart from the window that shows them."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from html import escape

from PySide6.QtGui import QKeySequence

from portage_desktop.i18n import tr
from portage_desktop.paths import resource_path

# What each key does. A key named after one of Qt's standard keys (Find, Print, Quit), as the
# menus bind it, is listed as this platform binds it: Windows binds no key to Quit, so a fixed
# "Ctrl+Q" would name a key that does nothing there. Ctrl is shown as Cmd on a Mac.
SHORTCUTS = (
    ("Ctrl+N", tr("Add a child")),
    ("Find", tr("Find a child")),
    ("Enter", tr("Open the selected child's record")),
    ("Ctrl+E", tr("Edit the selected child's details")),
    ("Ctrl+P in a record", tr("Print the one-page profile")),
    ("Ctrl+Shift+P in a record", tr("Print the assessment summary")),
    ("Ctrl+Shift+N in a record", tr("Start a new assessment")),
    (tr("1 to 5 in an assessment"), tr("Set the status of a small step and move down")),
    ("Ctrl+W", tr("Close a child's record")),
    ("Print", tr("Print the children list")),
    ("Ctrl+B", tr("Back up now")),
    ("Ctrl+L", tr("Lock now")),
    ("Ctrl+1 to Ctrl+5", tr("Go to an area (a Portage service's own areas: Ctrl+6 to Ctrl+9)")),
    ("F5", tr("Show the latest, with changes others have saved")),
    ("Alt+Down in a date", tr("Open the calendar")),
    ("Escape", tr("Close a dialog")),
    ("Quit", tr("Quit")),
)
# Where a platform binds nothing to a standard key, what does the job there instead.
_UNBOUND = {"Quit": "Alt+F4"}  # Windows: closing the main window quits
_SEQUENCE = re.compile(r"(?:(?:Ctrl|Shift|Alt|Meta)\+)+\w+")
KeyBindings = Callable[[QKeySequence.StandardKey], Sequence[QKeySequence]]


def _native(sequence: str) -> str:
    return QKeySequence(sequence).toString(QKeySequence.SequenceFormat.NativeText)


def key_text(key: str, bindings: KeyBindings = QKeySequence.keyBindings) -> str:
    """The key as this platform's menus show it; ``bindings`` is Qt's table of standard keys."""
    standard = getattr(QKeySequence.StandardKey, key, None)
    if standard is None:
        return _SEQUENCE.sub(lambda match: _native(match.group(0)), key)
    bound = bindings(standard)
    # The menus bind the first of the platform's keys (QKeySequence(standard) is that one).
    if bound:
        return bound[0].toString(QKeySequence.SequenceFormat.NativeText)
    return _native(_UNBOUND[key])


def shortcuts_html() -> str:
    rows = "".join(
        f"<tr><td nowrap><b>{escape(key_text(k))}</b>&nbsp;&nbsp;</td><td nowrap>{v}</td></tr>"
        for k, v in SHORTCUTS
    )
    return f"<table>{rows}</table>"


# What the app is built with, for Help > About: each part, its licence, and the Python
# distributions it stands for (a test checks that every dependency in pyproject.toml is here).
BUILT_WITH = (
    (tr("Qt and Qt for Python"), "LGPL-3.0", ("pyside6-essentials", "pyside6", "shiboken6")),
    (tr("SQLCipher and SQLite"), tr("BSD-3-Clause and public domain"), ("sqlcipher3",)),
    (tr("SQLAlchemy, SQLModel and Alembic"), "MIT", ("sqlalchemy", "sqlmodel", "alembic")),
    ("psycopg", "LGPL-3.0", ("psycopg",)),
    ("ReportLab", "BSD", ("reportlab",)),
    (tr("HarfBuzz and uharfbuzz"), tr("MIT and Apache-2.0"), ("uharfbuzz",)),
    (tr("PDFium and pypdfium2"), tr("BSD-3-Clause and Apache-2.0"), ("pypdfium2",)),
    ("argon2-cffi", "MIT", ("argon2-cffi",)),
    ("cryptography", tr("Apache-2.0 or BSD-3-Clause"), ("cryptography",)),
    (tr("zxcvbn, the password strength estimator"), "MIT", ("zxcvbn",)),
    (
        tr("diceware, with the EFF long word list (© Electronic Frontier Foundation)"),
        tr("GPL-3.0; the word list CC BY 3.0 US"),
        ("diceware",),
    ),
    ("platformdirs", "MIT", ("platformdirs",)),
    (tr("openpyxl, which reads Excel files"), "MIT", ("openpyxl",)),
    (tr("The DejaVu fonts"), tr("a free font licence"), ()),
    (tr("Phosphor Icons"), "MIT", ()),
    ("Noto Sans Arabic", "SIL Open Font License 1.1", ()),
    ("Droid Sans Fallback", "Apache-2.0", ()),
    ("Symbola", tr("free for any use"), ()),
)
# Written into the desktop bundle by packaging/gather_licences.py; absent when run from source,
# where each Python package keeps its own licence beside it.
LICENCES_INDEX = ("licences", "THIRD-PARTY-LICENCES.txt")


def about_html(app_name: str, version: str, server_display: str | None) -> str:
    """Says plainly where the records are, what the app connects to, how to get a new version
    without losing anything, and whose work it is built on."""
    where = (
        tr(
            "Your records are kept on the shared server {server_display}; the app connects "
            "to that server and nowhere else."
        ).format(server_display=server_display)
        if server_display is not None
        else tr("Your records stay on this computer; the app makes no network connections.")
    )
    parts = "; ".join(f"{name} ({licence})" for name, licence, _ in BUILT_WITH)
    index = resource_path(*LICENCES_INDEX)
    texts = (
        tr('The full licence texts are in <a href="{as_uri}">{parent}</a>.').format(
            as_uri=index.parent.as_uri(), parent=escape(str(index.parent))
        )
        if index.is_file()
        else tr("Each part's licence text is installed beside it.")
    )
    return tr(
        "<p><b>{app_name}</b> version {version}<br>Portage records for early-years "
        "settings and childminders. {where}</p>"
        "<p><b>New versions</b> come from the same place as this one; the app never checks "
        "for them over the internet. Install a new version over this one: your records are "
        "kept, and a copy is made before they are brought up to date.</p>"
        "<p>Free software under the GNU General Public License, version 3 or later. "
        "Built with {parts}. {texts}</p>"
    ).format(app_name=app_name, version=escape(version), where=where, parts=parts, texts=texts)
