"""Facts the assessment summary states beside the results: which areas were assessed at all,
the checklist's age bands and the child's age on the day. Kept apart from :mod:`kinds` so that
module stays a short list of kinds."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from portage_desktop.services.dates import age_text
from portage_desktop.services.frameworks import FrameworkDetail


def assessed_areas(detail: FrameworkDetail, statuses: Mapping[int, int]) -> set[str]:
    """Areas with at least one small step marked: an area with none was not assessed, which
    is not the same as a child who can do none of it."""
    return {a.name for a in detail.areas if any(i.id in statuses for i in a.items)}


def age_bands(detail: FrameworkDetail) -> list[str]:
    """The checklist's age bands, youngest first, each once."""
    items = sorted(
        (i for i in detail.items if i.age_band),
        key=lambda i: (i.age_from_months or 0, i.age_to_months or 10_000),
    )
    return list(dict.fromkeys(i.age_band for i in items))


def age_on(born: date | None, on: date | None) -> str:
    """The child's age on the assessment's day, or nothing when either date is unknown."""
    return age_text(born, on) if born and on else ""
