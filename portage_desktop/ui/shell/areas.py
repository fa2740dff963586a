"""The areas of the main window, in the order of their numbers (Ctrl+1 onwards), and the
order the sidebar shows them in."""

from __future__ import annotations

from portage_desktop.i18n import tr

AREAS = (
    tr("Dashboard"),
    tr("Children"),
    tr("Staff & training"),
    tr("Stamp of Approval"),
    tr("Settings"),
    tr("Referrals"),
    tr("Waiting list"),
    tr("Caseloads"),
    tr("Visits"),
    tr("Running the service"),
    tr("Groups"),
)
(
    DASHBOARD,
    CHILDREN,
    STAFF,
    STAMP,
    SETTINGS,
    REFERRALS,
    WAITING_LIST,
    CASELOADS,
    VISITS,
    RUNNING_THE_SERVICE,
    GROUPS,
) = range(len(AREAS))
# A home-visiting service's own areas, shown only to a service, beside Children in the sidebar;
# their numbers come after the others so Ctrl+1 to Ctrl+5 stay where they were.
SERVICE_AREAS = (REFERRALS, WAITING_LIST, CASELOADS, VISITS, GROUPS, RUNNING_THE_SERVICE)
SIDEBAR = (DASHBOARD, CHILDREN, *SERVICE_AREAS, STAFF, STAMP, SETTINGS)
