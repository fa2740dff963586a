"""The criteria check as text for ``portage-desktop check-stamp``: a readable table or JSON."""

from __future__ import annotations

import json
import textwrap

from portage_desktop.i18n import tr
from portage_desktop.services.dates import VALID_THROUGH, format_date
from portage_desktop.services.stamp_check import StampCheck


def check_as_json(check: StampCheck) -> str:
    """Stable keys for scripts: one object per criterion, dates in ISO form, and under each
    criterion the records it counted (the same list as "Show the records counted")."""
    return json.dumps(
        {
            "checked_on": check.on.isoformat(),
            "award_year_ends": check.year_end.isoformat(),
            "essential_met": check.essentials_met,
            "criteria": [
                {
                    "number": r.number,
                    "title": r.title,
                    "essential": r.essential,
                    "status": r.status.value,
                    "status_text": r.status.label,
                    "evidence": list(r.evidence),
                    "to_fix": list(r.fixes),
                    "because": r.because,
                    "records": [row.as_dict() for row in r.records],
                }
                for r in check.results
            ],
            "warnings": list(check.warnings),
            "valid_through": VALID_THROUGH,
        },
        indent=2,
        ensure_ascii=False,
    )


def check_as_table(check: StampCheck, width: int = 100) -> str:
    lines = [
        tr("Stamp of Approval check on {date}: {headline}.").format(
            date=format_date(check.on), headline=check.headline
        ),
        "",
        tr("{value:<2} {tr:<22} Criterion").format(value="#", tr=tr("Status")),
    ]
    wrap = textwrap.TextWrapper(width=width, initial_indent="     ", subsequent_indent="       ")
    for r in check.results:
        lines.append(f"{r.number:<2} {r.status.symbol} {r.status.label:<20} {r.title}")
        lines += [wrap.fill(f"- {e}") for e in r.evidence]
        lines += [wrap.fill(tr("> To fix: {f}").format(f=f)) for f in r.fixes]
    if check.warnings:
        lines += ["", tr("Warnings:")] + [f"  ! {w}" for w in check.warnings]
    return "\n".join(lines)
