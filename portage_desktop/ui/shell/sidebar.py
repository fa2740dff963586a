"""The sidebar's look: room around each area's name, drawn cheaply enough for the first paint."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QListWidget, QStyledItemDelegate


class RoomyItems(QStyledItemDelegate):
    """Sidebar items with room around their words (0.4 em above and below, 0.6 em before).

    Drawn here rather than with a style sheet: the first style sheet in the app costs about
    7 ms to set up, before the window can paint."""

    def sizeHint(self, option, index) -> QSize:  # noqa: ANN001 (Qt's signature)
        size = super().sizeHint(option, index)
        em = option.fontMetrics.height()
        return QSize(size.width() + round(1.2 * em), size.height() + round(0.8 * em))

    def paint(self, painter, option, index) -> None:  # noqa: ANN001 (Qt's signature)
        from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

        whole = QStyleOptionViewItem(option)
        self.initStyleOption(whole, index)
        style = option.widget.style() if option.widget else None
        if style is not None:  # the selection or hover colour across the whole item
            style.drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, whole, painter, option.widget
            )
        words = QStyleOptionViewItem(option)
        words.rect = option.rect.adjusted(round(0.6 * option.fontMetrics.height()), 0, 0, 0)
        super().paint(painter, words, index)


# Each area's icon, by the words the sidebar shows (an area without one shows its words only).
AREA_ICONS = {
    "Dashboard": "dashboard",
    "Children": "children",
    "Referrals": "referrals",
    "Waiting list": "waiting",
    "Caseloads": "caseloads",
    "Visits": "visits",
    "Groups": "groups",
    "Running the service": "service",
    "Staff & training": "staff",
    "Stamp of Approval": "stamp",
    "Settings": "settings",
}


def add_icons(sidebar: QListWidget) -> None:
    """Give each area its icon; done after the first paint, as loading the font takes a moment."""
    from portage_desktop.ui.common.icons import icon

    em = sidebar.fontMetrics().height()
    sidebar.setIconSize(QSize(round(1.3 * em), round(1.3 * em)))
    for row in range(sidebar.count()):
        item = sidebar.item(row)
        name = AREA_ICONS.get(item.text())
        if name is not None:
            item.setIcon(icon(name))
