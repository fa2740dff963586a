"""The service's areas of the main window, built on first use; the window shows them only when
the organisation is a Portage home-visiting service."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from portage_desktop.i18n import tr
from portage_desktop.ui.common.context import AppContext

SERVICE_AREAS = (
    tr("Referrals"),
    tr("Waiting list"),
    tr("Caseloads"),
    tr("Visits"),
    tr("Groups"),
    tr("Running the service"),
)


def build_service_page(ctx: AppContext, area: str) -> QWidget:
    """The page of one of :data:`SERVICE_AREAS`; its module is imported only now."""
    if area == "Referrals":
        from portage_desktop.ui.service.referrals_page import ReferralsPage

        return ReferralsPage(ctx)
    if area == "Waiting list":
        from portage_desktop.ui.service.waiting_list_page import WaitingListPage

        return WaitingListPage(ctx)
    if area == "Caseloads":
        from portage_desktop.ui.service.caseloads_page import CaseloadsPage

        return CaseloadsPage(ctx)
    if area == "Groups":
        from portage_desktop.ui.service.groups_page import GroupsPage

        return GroupsPage(ctx)
    if area == "Running the service":
        from portage_desktop.ui.service_quality.page import ServiceQualityPage

        return ServiceQualityPage(ctx)
    from portage_desktop.ui.service.visits_page import VisitsPage

    return VisitsPage(ctx)
