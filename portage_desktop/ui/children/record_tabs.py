"""The list tabs of the child record (family, professionals, consent, observations): which
columns they show and which dialog edits a row."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from portage_desktop.i18n import tr
from portage_desktop.services import consent as consent_service
from portage_desktop.services import family as family_service
from portage_desktop.services import observations as observation_service
from portage_desktop.services.consent import Consent
from portage_desktop.services.dates import format_date
from portage_desktop.services.family import FamilyMember, Professional
from portage_desktop.services.observations import Observation
from portage_desktop.ui.children.family_dialogs import (
    ConsentDialog,
    FamilyMemberDialog,
    ProfessionalDialog,
)
from portage_desktop.ui.children.observation_dialog import ObservationDialog
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.record_list import RecordListSection
from portage_desktop.ui.common.table_model import Column


def _yes(flag: bool) -> str:
    return tr("Yes") if flag else tr("No")


def family_tab(ctx: AppContext, child_id: int, parent: QWidget) -> RecordListSection[FamilyMember]:
    """The Family tab."""

    def edit(row: FamilyMember | None) -> bool:
        return bool(FamilyMemberDialog(ctx, child_id, row, parent).exec())

    return RecordListSection(
        tr("family member"),
        tr(
            "The people with parental responsibility, who the child lives with, and how best to "
            "reach them."
        ),
        [
            Column(tr("Name"), lambda m: m.name),
            Column(tr("Relationship"), lambda m: m.relationship),
            Column(tr("Parental responsibility"), lambda m: _yes(m.parental_responsibility)),
            Column(tr("Lives with child"), lambda m: _yes(m.lives_with_child)),
            Column(tr("Contact"), lambda m: "\n".join(x for x in (m.phone, m.email) if x)),
            Column(
                tr("Language"),
                lambda m: (
                    m.preferred_language
                    + (tr(" (interpreter needed)") if m.interpreter_needed else "")
                ),
            ),
        ],
        lambda: family_service.list_family(ctx.db, child_id),
        edit,
        lambda m: family_service.remove_family_member(ctx.db, child_id, m.id),
        lambda m: m.name,
        parent,
    )


def professionals_tab(
    ctx: AppContext, child_id: int, parent: QWidget
) -> RecordListSection[Professional]:
    """The Professionals tab; people no longer involved are marked so."""

    def edit(row: Professional | None) -> bool:
        return bool(ProfessionalDialog(ctx, child_id, row, parent).exec())

    today = date.today()
    return RecordListSection(
        "professional",
        tr("Everyone from other services who works with the child and family."),
        [
            Column(tr("Role"), lambda p: p.role_label),
            Column(tr("Name"), lambda p: p.name),
            Column(tr("Organisation"), lambda p: p.organisation),
            Column(tr("Contact"), lambda p: p.contact),
            Column(
                tr("Involved"),
                lambda p: (
                    (
                        tr("from {date} ").format(date=format_date(p.from_date))
                        if p.from_date
                        else ""
                    )
                    + (
                        tr("until {date}").format(date=format_date(p.to_date))
                        if p.to_date
                        else "(current)"
                    )
                    + ("" if p.is_current(today) else tr(" – no longer involved"))
                ),
            ),
        ],
        lambda: family_service.list_professionals(ctx.db, child_id),
        edit,
        lambda p: family_service.remove_professional(ctx.db, child_id, p.id),
        lambda p: f"{p.name} ({p.role_label})",
        parent,
    )


def consent_tab(ctx: AppContext, child_id: int, parent: QWidget) -> RecordListSection[Consent]:
    """The Consent tab."""

    def edit(row: Consent | None) -> bool:
        return bool(ConsentDialog(ctx, child_id, row, parent).exec())

    return RecordListSection(
        "consent",
        tr(
            "Each decision by a person with parental responsibility, one purpose at a time. If "
            "consent is withdrawn, edit it and enter the date: the history is kept. Photos print "
            "only while photo consent covers printed records."
        ),
        [
            Column(tr("Purpose"), lambda c: c.what),
            Column(tr("Decision"), lambda c: c.state_text),
            Column(tr("By"), lambda c: c.decided_by),
            Column(
                tr("Date"),
                lambda c: format_date(c.decided_on),
                lambda c: c.decided_on.toordinal() if c.decided_on else 0,
            ),
        ],
        lambda: consent_service.list_consents(ctx.db, child_id),
        edit,
        lambda c: consent_service.remove_consent(ctx.db, child_id, c.id),
        lambda c: tr("the decision about “{label}”").format(label=c.purpose.label),
        parent,
    )


def observations_tab(
    ctx: AppContext, child_id: int, parent: QWidget
) -> RecordListSection[Observation]:
    """The Observations and advice tab."""

    def edit(row: Observation | None) -> bool:
        return bool(ObservationDialog(ctx, child_id, row, parent).exec())

    return RecordListSection(
        "observation",
        tr("What staff and family have seen, and advice from other professionals, newest first."),
        [
            Column(tr("Date"), lambda o: format_date(o.observed_on)),
            Column(tr("Kind"), lambda o: o.kind.label),
            Column(tr("By"), lambda o: f"{o.author_name} ({o.author_kind.label.lower()})"),
            Column(tr("Small steps"), lambda o: str(len(o.item_ids)) if o.item_ids else ""),
            Column(tr("Files"), lambda o: str(len(o.files)) if o.files else ""),
            Column(tr("What was seen or advised"), lambda o: o.first_line),
        ],
        lambda: observation_service.list_observations(ctx.db, child_id),
        edit,
        lambda o: observation_service.delete_observation(ctx.db, child_id, o.id),
        lambda o: tr("the {lower} of {date}").format(
            lower=o.kind.label.lower(), date=format_date(o.observed_on)
        ),
        parent,
    )
