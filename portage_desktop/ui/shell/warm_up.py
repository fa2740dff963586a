"""Load every area's code on a worker thread once the records are on screen, so the first time
a person opens Settings, the Stamp of Approval or a child's record, the window does not freeze
while Python imports it (up to 200 ms on the large site).

Only modules are imported here, never a widget made: class definitions may be run on any
thread, and the import lock makes the GUI thread wait only for a module it needs right then.
The worker gives way every few milliseconds (Python switches threads), so the window keeps
answering while it works.
"""

from __future__ import annotations

import importlib
import logging
import threading

log = logging.getLogger(__name__)

# The modules each area and a child's record load the first time they are shown.
MODULES = (
    "portage_desktop.ui.children.children_page",
    "portage_desktop.ui.children.child_record",
    "portage_desktop.ui.children.about_me_tab",
    "portage_desktop.ui.assessment.assessments_tab",
    "portage_desktop.ui.plans.plans_tab",
    "portage_desktop.ui.reviews.reviews_tab",
    "portage_desktop.ui.staff.staff_page",
    "portage_desktop.ui.stamp.stamp_page",
    "portage_desktop.ui.stamp.stamp_wizard",
    "portage_desktop.ui.settings.settings_page",
    "portage_desktop.ui.service.areas",
    "portage_desktop.printing.kinds",
    "portage_desktop.reports.base",
)

_started = threading.Event()


def warm_up() -> None:
    """Start the imports once per run (a second window reuses what the first loaded)."""
    if _started.is_set():
        return
    _started.set()

    def run() -> None:
        for name in MODULES:
            try:
                importlib.import_module(name)
            except Exception:  # the page imports it again when opened, and says what failed
                log.exception("Loading %s ahead of time failed", name)
        # The code just loaded lives as long as the app: out of the cycle collector's way too,
        # as start-up's is (on three times the site, 150,000 objects more for each full
        # collection to walk, which froze the window for 65 to 100 ms now and then).
        from portage_desktop.ui.common.tasks import freeze_start_up_objects

        freeze_start_up_objects()

    threading.Thread(target=run, name="warm-up", daemon=True).start()
