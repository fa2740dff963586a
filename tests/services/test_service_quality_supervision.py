"""Supervision: a child is named only with the parents' consent to discussion in force on the
day; otherwise initials only, with no link to her record. Each visitor's last supervision and
the warning past the service's dated interval."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import select

from portage_desktop.data.models.service_quality import SupervisionChildRecord
from portage_desktop.services.consent import ConsentInput, save_consent
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.home_visiting import referrals
from portage_desktop.services.record_vocabulary import ConsentPurpose
from portage_desktop.services.service_quality import rules, supervision
from portage_desktop.services.service_quality.supervision import (
    ActionInput,
    ChildToDiscuss,
    SessionInput,
    SessionKind,
)
from tests.services.home_visiting_helpers import refer
from tests.services.service_quality_helpers import team_of

DAY = date(2026, 11, 10)


def _child(db, first: str, last: str) -> int:
    return referrals.get_referral(db, refer(db, first, last)).child_id


def _consent(db, child: int, on: date, given: bool = True, withdrawn: date | None = None):
    data = ConsentInput(
        ConsentPurpose.DISCUSS_IN_MEETINGS, given, "Jo (Mum)", on, withdrawn_on=withdrawn
    )
    save_consent(db, child, data, today=date(2026, 11, 30))


def _session(db, visitor: int, *children: int, on: date = DAY, kind=SessionKind.INDIVIDUAL):
    data = SessionInput(
        on,
        kind,
        "Sam Lead",
        (visitor,),
        tuple(ChildToDiscuss(c, note="Sleep routine") for c in children),
        (ActionInput("Send the sleep leaflet", "Hana", on + timedelta(days=7)),),
    )
    return supervision.record_session(db, data, today=DAY)


def test_a_child_without_consent_is_kept_by_initials_only_and_never_linked(db):
    [hana] = team_of(db, 1)
    amy = _child(db, "Amy", "Lee")
    ben = _child(db, "Ben", "Okafor")
    _consent(db, amy, date(2026, 9, 1))
    saved = _session(db, hana, amy, ben)
    assert saved.notices == (
        "B.O. is recorded by initials only: the parents' consent to discussion at supervision "
        "is not recorded.",
    )
    labels = [c.label for c in saved.session.children]
    assert labels[0] == "Amy Lee"
    assert labels[1].startswith("B.O. (initials only") and "Ben" not in labels[1]
    with db.session() as s:
        rows = list(s.exec(select(SupervisionChildRecord).order_by(SupervisionChildRecord.id)))
    assert [(r.child_id, r.initials) for r in rows] == [(amy, ""), (None, "B.O.")]
    assert saved.session.actions[0].owner == "Hana"


def test_consent_counts_only_from_its_date_and_until_withdrawn(db):
    [hana] = team_of(db, 1)
    amy = _child(db, "Amy", "Lee")
    _consent(db, amy, DAY, withdrawn=DAY + timedelta(days=1))
    assert not supervision.discussion_allowed(db, amy, DAY - timedelta(days=1))
    assert supervision.discussion_allowed(db, amy, DAY)
    assert not supervision.discussion_allowed(db, amy, DAY + timedelta(days=1))
    refused = _child(db, "Cal", "Ng")
    _consent(db, refused, date(2026, 9, 1), given=False)
    saved = _session(db, hana, refused, on=DAY - timedelta(days=1))
    assert saved.session.children[0].by_initials


def test_bad_sessions_are_refused_whole(db):
    hana, ruth = team_of(db, 2)
    with pytest.raises(ValidationError) as error:
        supervision.record_session(
            db, SessionInput(None, SessionKind.INDIVIDUAL, "", (hana, ruth)), today=DAY
        )
    assert set(error.value.errors) == {"held_on", "supervisor", "visitors"}
    assert supervision.list_sessions(db) == []


def test_last_supervision_warns_the_day_after_the_interval_and_follows_a_dated_rule(db):
    hana, ruth = team_of(db, 2)
    _session(db, hana, on=date(2026, 11, 1))
    _session(db, ruth, on=date(2026, 11, 1), kind=SessionKind.TEAM_MEETING)
    status = {x.visitor_id: x for x in supervision.supervision_status(db, date(2026, 11, 15))}
    assert not status[hana].overdue and status[hana].due_by == date(2026, 11, 15)
    assert (
        status[ruth].overdue and status[ruth].last_on is None
    )  # a team meeting is not supervision
    assert supervision.supervision_status(db, date(2026, 11, 16))[0].overdue
    rules.save_rule(db, "supervision_days", "21", date(2026, 11, 16))
    assert not supervision.supervision_status(db, date(2026, 11, 16))[0].overdue
    warnings = supervision.supervision_warnings(db, date(2026, 11, 16))
    assert warnings == ["Ruth Visitor has no supervision recorded."]


def test_supervision_records_are_read_by_leads_and_the_visitor_supervised_only(db):
    """A practitioner, or another home visitor, cannot read what was said at someone's
    supervision; the home visitor reads her own, a team lead everyone's."""
    from portage_desktop.services.access import Actor, PermissionDenied, Role, set_actor
    from tests.services.service_quality_helpers import staff_of

    hana, ruth = team_of(db, 2)
    _session(db, hana, on=date(2026, 11, 1))
    _session(db, ruth, on=date(2026, 11, 2))
    set_actor(db, Actor("lead", "Sam Lead", Role.TEAM_LEAD))
    assert len(supervision.list_sessions(db)) == 2
    set_actor(db, Actor("hana", "Hana", Role.HOME_VISITOR, staff_member_id=staff_of(db, hana)))
    assert [x.visitor_ids for x in supervision.list_sessions(db)] == [(hana,)]
    assert [x.visitor_ids for x in supervision.list_sessions(db, hana)] == [(hana,)]
    with pytest.raises(PermissionDenied, match="team lead"):
        supervision.list_sessions(db, ruth)
    set_actor(db, Actor("pat", "Pat", Role.PRACTITIONER))
    with pytest.raises(PermissionDenied):
        supervision.list_sessions(db)
    set_actor(db, Actor("kim", "Kim", Role.HOME_VISITOR))  # not linked to a staff record
    with pytest.raises(PermissionDenied):
        supervision.list_sessions(db)
