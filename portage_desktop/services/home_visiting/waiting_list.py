"""The waiting list, in an order anyone can explain to a family or a manager.

Priority, in the order the services' documents give it: a looked-after child, then a child
protection plan, then a child in need, then everyone else; within each, first come first served
by referral date; on the same day, less provision already received, longer waiting, nearer the
end of eligibility, then urgency. A family moved by hand keeps its place, with the reason, who
and when, and the move is audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import IntEnum

from portage_desktop.data import home_visiting_store as store
from portage_desktop.data import stores
from portage_desktop.data.engine import Database
from portage_desktop.data.models.home_visiting import ReferralRecord
from portage_desktop.i18n import tr
from portage_desktop.services import audit
from portage_desktop.services import validation as v
from portage_desktop.services.access import Permission, require
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.conflicts import refuse_stale
from portage_desktop.services.dates import format_date
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.home_visiting import referrals
from portage_desktop.services.home_visiting.referrals import actor_name, child_name
from portage_desktop.services.home_visiting.rules import eligibility_ends_on, rules_from_rows
from portage_desktop.services.home_visiting.vocabulary import ReferralStatus


class PriorityGroup(IntEnum):
    LOOKED_AFTER = 0
    PROTECTION_PLAN = 1
    CHILD_IN_NEED = 2
    EVERYONE = 3

    @property
    def label(self) -> str:
        return {
            0: tr("Looked-after child"),
            1: tr("Child protection plan"),
            2: tr("Child in need"),
            3: "",
        }[self.value]


_GROUP_WORDS = {
    PriorityGroup.LOOKED_AFTER: tr("a looked-after child, and looked-after children come first"),
    PriorityGroup.PROTECTION_PLAN: tr(
        "a child protection plan, which comes straight after looked-after children"
    ),
    PriorityGroup.CHILD_IN_NEED: tr(
        "a child in need, who comes after looked-after children and protection plans"
    ),
}


@dataclass(frozen=True)
class WaitingFamily:
    """One family on the list, with its place and the sentence that explains it."""

    position: int
    referral_id: int
    child_id: int
    child_name: str
    date_of_birth: date
    referred_on: date
    waiting_since: date
    days_waited: int
    eligible_until: date
    priority: PriorityGroup
    other_provision: str
    urgent: bool
    moved_by_hand: bool
    over_target: bool
    reason: str
    version: int

    @property
    def weeks_waited(self) -> int:
        return self.days_waited // 7


@dataclass(frozen=True)
class _Candidate:
    row: ReferralRecord
    name: str
    born: date
    ends: date

    @property
    def group(self) -> PriorityGroup:
        if self.row.looked_after:
            return PriorityGroup.LOOKED_AFTER
        if self.row.protection_plan:
            return PriorityGroup.PROTECTION_PLAN
        if self.row.child_in_need:
            return PriorityGroup.CHILD_IN_NEED
        return PriorityGroup.EVERYONE

    @property
    def since(self) -> date:
        return self.row.waiting_since or self.row.referred_on

    def key(self) -> tuple[object, ...]:
        return (
            self.group,
            self.row.referred_on,
            bool(self.row.other_provision),
            self.since,
            self.ends,
            not self.row.urgent,
            self.row.id,
        )


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _tie_words(this: _Candidate, above: _Candidate) -> str:
    """Why ``this`` comes after ``above``, referred on the same day."""
    same = tr("referred the same day as the family above")
    if bool(this.row.other_provision) != bool(above.row.other_provision):
        return tr("{same}, but already has other support ({other_provision})").format(
            same=same, other_provision=this.row.other_provision
        )
    if this.since != above.since:
        return tr("{same}, but joined the list later ({date})").format(
            same=same, date=format_date(this.since)
        )
    if this.ends != above.ends:
        return tr("{same}, but has longer before eligibility ends ({date})").format(
            same=same, date=format_date(this.ends)
        )
    if this.row.urgent != above.row.urgent:
        return tr("{same}, which is marked urgent").format(same=same)
    return tr("{same}, and was recorded after it").format(same=same)


def _sentence(position: int, this: _Candidate, above: _Candidate | None) -> str:
    if this.row.manual_position is not None:
        return tr(
            "{name} is {ordinal}: moved here by hand by {manual_by} "
            "on {date} because {manual_reason}."
        ).format(
            name=this.name,
            ordinal=ordinal(position),
            manual_by=this.row.manual_by,
            date=format_date(this.row.manual_on),
            manual_reason=this.row.manual_reason,
        )
    parts: list[str] = []
    if this.group is not PriorityGroup.EVERYONE:
        parts.append(_GROUP_WORDS[this.group])
    if (
        above is not None
        and above.group == this.group
        and above.row.referred_on == this.row.referred_on
    ):
        parts.append(_tie_words(this, above))
    else:
        first = tr("first come, first served") if this.group is PriorityGroup.EVERYONE else ""
        parts.append(
            tr("referred on {date}").format(date=format_date(this.row.referred_on))
            + (f" ({first})" if first else "")
        )
    return tr("{name} is {ordinal}: {join}.").format(
        name=this.name, ordinal=ordinal(position), join="; ".join(parts)
    )


def _order(candidates: list[_Candidate]) -> list[tuple[_Candidate, _Candidate | None]]:
    """The families in order, each with the family it was ranked after (for the sentence)."""
    natural = sorted((c for c in candidates if c.row.manual_position is None), key=_Candidate.key)
    pairs: list[tuple[_Candidate, _Candidate | None]] = [
        (c, natural[i - 1] if i else None) for i, c in enumerate(natural)
    ]
    moved = sorted(
        (c for c in candidates if c.row.manual_position is not None),
        key=lambda c: (c.row.manual_position, c.row.manual_on or date.min, c.row.id),
    )
    for c in moved:
        at = min(max((c.row.manual_position or 1) - 1, 0), len(pairs))
        pairs.insert(at, (c, None))
    return pairs


def waiting_list(db: Database, on: date | None = None) -> list[WaitingFamily]:
    """Every waiting family in order, with time waited and the day eligibility ends."""
    require(db, Permission.VIEW_CHILDREN)
    on = on or date.today()
    with db.session() as s:
        rule_rows = store.rules(s)
        rows = store.referrals(s, [ReferralStatus.WAITING.value])
        children = store.children_by_id(s, (r.child_id for r in rows))
    rules = rules_from_rows(rule_rows, on)
    target_days = rules.waiting_target_weeks * 7
    candidates = [
        _Candidate(
            r,
            child_name(children[r.child_id]),
            children[r.child_id].date_of_birth,
            eligibility_ends_on(children[r.child_id].date_of_birth, rules),
        )
        for r in rows
    ]
    found: list[WaitingFamily] = []
    for i, (c, above) in enumerate(_order(candidates), start=1):
        waited = max((on - c.since).days, 0)
        found.append(
            WaitingFamily(
                position=i,
                referral_id=c.row.id or 0,
                child_id=c.row.child_id,
                child_name=c.name,
                date_of_birth=c.born,
                referred_on=c.row.referred_on,
                waiting_since=c.since,
                days_waited=waited,
                eligible_until=c.ends,
                priority=c.group,
                other_provision=c.row.other_provision,
                urgent=c.row.urgent,
                moved_by_hand=c.row.manual_position is not None,
                over_target=waited > target_days,
                reason=_sentence(i, c, above),
                version=c.row.row_version,
            )
        )
    return found


def move_family(
    db: Database,
    referral_id: int,
    position: int | None,
    reason: str,
    expected_version: int | None = None,
    on: date | None = None,
) -> None:
    """Put a family at ``position`` by hand (``None`` returns it to its worked-out place).

    A reason is always needed, and the move is audited with who made it.
    """
    actor = require(db, Permission.MANAGE_SERVICE)
    errors: dict[str, str] = {}
    why = v.clean(reason)
    if not why:
        errors["reason"] = tr("Please give the reason for moving this family.")
    elif len(why) > 300:
        errors["reason"] = tr("Please keep the reason to 300 characters.")
    if position is not None and position < 1:
        errors["position"] = tr("Please enter a place of 1 or more.")
    if errors:
        raise ValidationError(errors)
    current = lambda: referrals.get_referral(db, referral_id)  # noqa: E731
    with refuse_stale(tr("waiting-list place"), current), db.session() as s:
        row = referrals.load_row(s, referral_id)
        stores.check_version(row, expected_version)
        if row.status != ReferralStatus.WAITING.value:
            raise ValidationError({"position": tr("This family is no longer on the waiting list.")})
        row.manual_position = position
        row.manual_reason = why if position is not None else ""
        row.manual_by = actor_name(actor) if position is not None else ""
        row.manual_on = (on or date.today()) if position is not None else None
        stores.touch(row)
        s.add(row)
        s.flush()
        # The reason stays on the row: the log names what was done, never what was said.
        detail = (
            tr("moved to place {position}").format(position=position)
            if position
            else tr("place worked out again")
        )
        audit.record(s, db, AuditAction.CHANGE, "waiting_list", referral_id, detail)
