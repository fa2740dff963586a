"""The benchmark-sized service, written in bulk, at a tiny scale: the services read it as if
the screens had written it, on both engines."""

from __future__ import annotations

from collections import Counter
from datetime import date

from portage_desktop.demo.service_large import populate_large_service
from portage_desktop.services.home_visiting import caseloads, referrals, reminders, visits
from portage_desktop.services.home_visiting.waiting_list import waiting_list

TODAY = date(2026, 11, 22)


def test_a_tiny_large_service_is_reproducible_and_readable(db):
    counts = populate_large_service(db, seed=4, today=TODAY, scale=0.02)
    assert counts["child"] == 80 and counts["home_visit"] > 500
    states = Counter(r.status.value for r in referrals.list_referrals(db))
    assert states["ended"] and states["allocated"]
    loads = caseloads.caseloads(db, TODAY, everyone=True)
    assert len(loads) == 2 and sum(len(c.families) for c in loads) == states["allocated"]
    assert [w.position for w in waiting_list(db, TODAY)] == list(range(1, states["waiting"] + 1))
    child = next(f.child_id for c in loads for f in c.families)
    blocks = visits.list_blocks(db, child)
    assert blocks and all(b.ends_on >= b.start_on for b in blocks)
    assert all(w.on for w in reminders.warnings(db, TODAY))
