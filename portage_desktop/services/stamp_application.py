"""The yearly self-assessment: one narrative per part of the application, four plans, a draft.

Drafts are saved as the manager goes, so closing the wizard (or the app crashing) loses
nothing; last year's narratives are offered again, since most of a renewal says what it said
last year, brought up to date.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

from portage_desktop.data import stamp_store
from portage_desktop.data.engine import Database
from portage_desktop.data.errors import RecordChanged
from portage_desktop.data.models import utc_now
from portage_desktop.data.models.stamp import StampApplicationRecord
from portage_desktop.i18n import tr
from portage_desktop.services import audit
from portage_desktop.services.access import Permission, require
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.conflicts import refuse_stale
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.stamp_check import StampCheck
from portage_desktop.services.stamp_criteria import Status
from portage_desktop.services.validation import refuse_hidden_value

PLANS_NEEDED = 4
NARRATIVE_MAX = 8000


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    prompt: str
    criteria: tuple[int, ...]


SECTIONS: tuple[Section, ...] = (
    Section(
        "principles",
        tr("Portage Principles and aims"),
        tr(
            "How do the Portage Principles shape your work with children with SEND and their "
            "families? What are your aims?"
        ),
        (1,),
    ),
    Section(
        "model",
        tr("The three elements of the Portage Model"),
        tr(
            "Give examples of child-led play, family focus and structured teaching in your setting."
        ),
        (1,),
    ),
    Section(
        "partnership",
        tr("Working in partnership"),
        tr(
            "How do you work with parents as the senior partners, and with other professionals "
            "and your local Portage service?"
        ),
        (1,),
    ),
    Section(
        "language",
        tr("Clear language in plans"),
        tr(
            "How do you write targets so that anyone can follow them: what the child will do, "
            "in what situation, and how well?"
        ),
        (5,),
    ),
    Section(
        "planning",
        tr("Planning for success"),
        tr(
            "How do you break long-term goals into small steps, choose open-ended or "
            "outcome-focused plans, and celebrate success?"
        ),
        (4, 5),
    ),
    Section(
        "assessment",
        tr("Assessment"),
        tr("Which assessment materials do you use with parents, and how do they inform planning?"),
        (3,),
    ),
    Section(
        "reviews",
        tr("Reviews with parents"),
        tr(
            "How often do you review plans with parents, and how do goals cover play and "
            "personal development, learning and communication, and participation?"
        ),
        (4,),
    ),
    Section(
        "shared_records",
        tr("Shared records"),
        tr("What records do you keep with each family, and how are they shared?"),
        (5,),
    ),
    Section(
        "training",
        tr("Staff training and membership"),
        tr(
            "Who is Portage Workshop-trained, who holds NPA membership, and what further "
            "training is planned?"
        ),
        (6, 7, 8),
    ),
    Section(
        "inspection",
        tr("Inspection"),
        tr("Your most recent inspection, and anything you want to add about it."),
        (2,),
    ),
)
SECTION_KEYS = tuple(s.key for s in SECTIONS)


@dataclass(frozen=True)
class Application:
    award_year: int
    narratives: dict[str, str] = field(default_factory=dict)
    chosen_plans: tuple[int, ...] = ()
    representative: str = ""
    finalised_on: date | None = None
    saved: bool = False
    version: int = 0  # the stored row_version; 0 before the first save

    def narrative(self, key: str) -> str:
        return self.narratives.get(key, "")


def award_year_for(check: StampCheck) -> int:
    """The year the application is for: when the current award ends, or this year."""
    return check.award.expires_on.year if check.award and check.award.expires_on else check.on.year


def _application(row: StampApplicationRecord) -> Application:
    stored = json.loads(row.narratives or "{}")
    plans = tuple(int(p) for p in row.chosen_plans.split(",") if p.strip().isdigit())
    return Application(
        row.award_year,
        {k: v for k, v in stored.items() if k in SECTION_KEYS},
        plans,
        stored.get("_representative", ""),
        row.finalised_on,
        saved=True,
        version=row.row_version,
    )


def load_application(db: Database, award_year: int) -> Application:
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        row = stamp_store.application(s, award_year)
        return _application(row) if row else Application(award_year)


def previous_narratives(db: Database, award_year: int) -> dict[str, str]:
    """The narratives of the latest earlier application, to reuse and update."""
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        row = stamp_store.latest_application_before(s, award_year)
        return _application(row).narratives if row else {}


def save_draft(
    db: Database,
    award_year: int,
    narratives: dict[str, str],
    chosen_plans: tuple[int, ...],
    representative: str = "",
    expected_version: int | None = None,
) -> Application:
    """Save what has been written so far; nothing is saved if any part is invalid.

    ``expected_version`` is the version the wizard loaded (0 if there was none): if another
    manager saved the application since, :class:`ConflictError` is raised instead.
    """
    require(db, Permission.SUBMIT_APPLICATION)
    errors: dict[str, str] = {}
    clean = {k: (narratives.get(k) or "").strip() for k in SECTION_KEYS}
    for key, text in clean.items():
        if len(text) > NARRATIVE_MAX:
            errors[key] = tr(
                "This part is too long (at most {NARRATIVE_MAX:,} characters)."
            ).format(NARRATIVE_MAX=NARRATIVE_MAX)
    if len(set(chosen_plans)) > PLANS_NEEDED:
        errors["plans"] = tr("Please choose at most {PLANS_NEEDED} plans.").format(
            PLANS_NEEDED=PLANS_NEEDED
        )
    rep = " ".join(representative.split())
    if len(rep) > 200:
        errors["representative"] = tr("The name is too long (at most 200 characters).")
    refuse_hidden_value(errors, "representative", representative)
    for key, text in clean.items():
        refuse_hidden_value(errors, key, text)
    if errors:
        raise ValidationError(errors)
    plans = tuple(dict.fromkeys(chosen_plans))
    stored = {k: v for k, v in clean.items() if v}
    if rep:
        stored["_representative"] = rep
    current = lambda: load_application(db, award_year)  # noqa: E731
    with refuse_stale("application", current), db.session() as s:
        found = stamp_store.application(s, award_year)
        stored_version = found.row_version if found is not None else 0
        if expected_version is not None and stored_version != expected_version:
            raise RecordChanged("stamp_application", found.id if found else None)
        row = found or StampApplicationRecord(award_year=award_year)
        row.narratives = json.dumps(stored, sort_keys=True)
        row.chosen_plans = ",".join(str(p) for p in plans)
        row.updated_at = utc_now()
        s.add(row)
        s.flush()
        audit.record(s, db, AuditAction.CHANGE, "application", row.id, f"draft {award_year}")
        return _application(row)


def finalise(db: Database, award_year: int, on: date) -> Application:
    """Mark the application as ready for the Portage representative's signature."""
    require(db, Permission.SUBMIT_APPLICATION)
    with db.session() as s:
        row = stamp_store.application(s, award_year)
        if row is None:
            raise ValidationError({"general": tr("Please save the application before finishing.")})
        row.status, row.finalised_on, row.updated_at = "final", on, utc_now()
        s.add(row)
        s.flush()
        audit.record(s, db, AuditAction.CHANGE, "application", row.id, f"final {award_year}")
        return _application(row)


def missing(check: StampCheck, application: Application, plans_available: int) -> list[str]:
    """What still stands between this draft and an application a representative could sign."""
    found = []
    state = {
        Status.AT_RISK: tr("is at risk"),
        Status.NOT_MET: tr("is not met"),
        Status.NEEDS_STATEMENT: tr("needs your statement"),
        Status.NO_EVIDENCE: tr("has no evidence yet"),
    }
    for result in check.results:
        if result.essential and result.status is not Status.MET:
            found.append(
                tr("Criterion {number} ({title}) {state}.").format(
                    number=result.number, title=result.title, state=state[result.status]
                )
            )
    for section in SECTIONS:
        if not application.narrative(section.key):
            found.append(tr("Not written yet: {title}.").format(title=section.title))
    if len(application.chosen_plans) < PLANS_NEEDED:
        have = len(application.chosen_plans)
        where = (
            tr("{plans_available} available").format(plans_available=plans_available)
            if plans_available
            else tr("no plans are recorded yet, so add them or attach them on paper")
        )
        found.append(
            tr("{PLANS_NEEDED} anonymised plans are needed; {have} chosen ({where}).").format(
                PLANS_NEEDED=PLANS_NEEDED, have=have, where=where
            )
        )
    if not application.representative:
        found.append(tr("Name the Portage representative who will support your application."))
    return found
