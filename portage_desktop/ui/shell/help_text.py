"""The words of the Help menu, kept apart from the window that shows them."""

from __future__ import annotations

SHORTCUTS = (
    ("Ctrl+N", "Add a child"),
    ("Ctrl+F", "Find a child"),
    ("Enter", "Open the selected child's record"),
    ("Ctrl+E", "Edit the selected child's details"),
    ("Ctrl+P in a record", "Print the one-page profile"),
    ("Ctrl+Shift+P in a record", "Print the assessment summary"),
    ("Ctrl+Shift+N in a record", "Start a new assessment"),
    ("1 to 5 in an assessment", "Set the status of a small step and move down"),
    ("Ctrl+W", "Close a child's record"),
    ("Ctrl+P", "Print the children list"),
    ("Ctrl+B", "Back up now"),
    ("Ctrl+L", "Lock now"),
    ("Ctrl+1 to Ctrl+5", "Go to an area"),
    ("F5", "Show the latest, with changes others have saved"),
    ("Alt+Down in a date", "Open the calendar"),
    ("Escape", "Close a dialog"),
    ("Ctrl+Q", "Quit"),
)


def shortcuts_html() -> str:
    rows = "".join(
        f"<tr><td nowrap><b>{k}</b>&nbsp;&nbsp;</td><td nowrap>{v}</td></tr>" for k, v in SHORTCUTS
    )
    return f"<table>{rows}</table>"


def about_html(app_name: str, version: str, server_display: str | None) -> str:
    """Says plainly where the records are and what the app connects to."""
    where = (
        f"Your records are kept on the shared server {server_display}; the app connects "
        "to that server and nowhere else."
        if server_display is not None
        else "Your records stay on this computer; the app makes no network connections."
    )
    return (
        f"<b>{app_name}</b> {version}<br>Portage records for early-years settings "
        f"and childminders. {where}"
    )
