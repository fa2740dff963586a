"""The main window's menus, filled in once the records are open: until then the menu bar is
off, and building some thirty actions would only delay the first paint."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu

from portage_desktop import APP_NAME
from portage_desktop.i18n import tr
from portage_desktop.ui.common.demo_launch import DEMOS, open_demo
from portage_desktop.ui.shell.areas import AREAS, SERVICE_AREAS

if TYPE_CHECKING:
    from portage_desktop.ui.shell.main_window import MainWindow


def fill_menus(window: MainWindow) -> None:
    """File, Edit, Go and Help, with their keys (bound together in ``attach``)."""
    file_menu, edit_menu, go_menu, help_menu = window._menus
    file_menu.addAction(
        window._action(tr("&New child…"), window.add_child, "Ctrl+N", tr("Add a child"))
    )
    file_menu.addAction(
        window._action(tr("&Print children list…"), window.print_children_list, "Print")
    )
    file_menu.addAction(
        window._action(
            tr("&Import children or staff from a spreadsheet…"),
            lambda _c=False: _import_spreadsheet(window),
        )
    )
    assessments_menu = QMenu(tr("&Assessments"), window)
    assessments_menu.addAction(
        window._action(
            tr("&Import a checklist…"),
            lambda _c=False: _import_checklist(window),
            None,
            tr("Add a setting's own checklist from a .json or .csv file"),
        )
    )
    window.menuBar().insertMenu(help_menu.menuAction(), assessments_menu)
    file_menu.addSeparator()
    if window.ctx.db.on_server:
        # Backups of a shared server are its administrator's job, not this app's.
        file_menu.addAction(
            window._action(tr("About &backups of the shared server…"), window._explain_backups)
        )
    else:
        file_menu.addAction(
            window._action(
                tr("&Back up now"),
                window.backups.back_up_now,
                "Ctrl+B",
                tr("Make a checked copy of your records"),
            )
        )
        file_menu.addAction(
            window._action(tr("Back up to another &folder…"), window.backups.back_up_to_folder)
        )
        file_menu.addAction(window._action(tr("&Restore from a backup…"), window.backups.restore))
    file_menu.addAction(window._action(tr("Open the &data folder"), window._open_data_folder))
    file_menu.addSeparator()
    unlock_with = tr("your password") if window.ctx.db.multi_user else tr("the passphrase")
    file_menu.addAction(
        window._action(
            tr("&Lock now"),
            window.lock,
            "Ctrl+L",
            tr("Hide your records until {unlock_with} is typed").format(unlock_with=unlock_with),
        )
    )
    file_menu.addSeparator()
    file_menu.addAction(window._action(tr("&Quit"), window.close, "Quit"))

    edit_menu.addAction(window._action(tr("&Find a child"), window.find_child, "Find"))
    edit_menu.addAction(window._action(tr("&Edit selected child…"), window.edit_child, "Ctrl+E"))

    for number, area in enumerate(AREAS):
        go_to = window._action(
            area.replace("&", "&&"),
            lambda _c=False, n=number: window.go_to(n),
            f"Ctrl+{number + 1}" if number < 9 else None,  # Ctrl+1 to Ctrl+9 only
        )
        go_menu.addAction(go_to)
        if number in SERVICE_AREAS:
            window._service_actions.append(go_to)
    go_menu.addSeparator()
    go_menu.addAction(
        window._action(
            tr("&Show the latest"),
            window.show_latest,
            "Refresh",
            tr("Read everything again, with changes others have saved"),
        )
    )

    help_menu.addAction(
        window._action(tr("&Keyboard shortcuts"), window.show_shortcuts, "HelpContents")
    )
    for text, service in DEMOS:
        help_menu.addAction(window._action(text, lambda _c=False, s=service: open_demo(window, s)))
    help_menu.addSeparator()
    help_menu.addAction(window._action(tr("Open the &log folder"), window._open_log_folder))
    help_menu.addAction(
        window._action(tr("&About {APP_NAME}").format(APP_NAME=APP_NAME), window.show_about)
    )


def _import_spreadsheet(window: MainWindow) -> None:
    """Imported when asked for, so the window's first paint does not wait for it."""
    from portage_desktop.ui.children.spreadsheet_dialog import open_spreadsheet_import

    open_spreadsheet_import(window.ctx, window)


def _import_checklist(window: MainWindow) -> None:
    """The same import as the button on a child's Assessments tab."""
    from portage_desktop.ui.assessment.framework_import import import_checklist

    import_checklist(window.ctx, window)
