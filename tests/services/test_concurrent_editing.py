"""Two people (two copies of the app) editing the same child: nobody's work is lost silently.

Each save hands back the version the screen was showing. A save over someone else's newer
change is refused with the stored record attached; saving again with that record's version is
the deliberate "keep mine".
"""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date, timedelta

import pytest

from portage_desktop.services import children as children_service
from portage_desktop.services import family as family_service
from portage_desktop.services import (
    plan_records,
    setting,
    setting_profile,
    stamp_application,
    stamp_statements,
)
from portage_desktop.services import plans as plans_service
from portage_desktop.services import reviews as review_service
from portage_desktop.services.errors import ConflictError, NotFoundError
from portage_desktop.services.family import FamilyMemberInput
from portage_desktop.services.plan_records import DayEntry
from portage_desktop.services.plans import Plan
from portage_desktop.services.setting import SettingInput
from portage_desktop.services.setting_profile import AwardInput
from tests.conftest import another_connection
from tests.services.plan_helpers import START, TODAY, add_child, add_goal, add_plan
from tests.services.stamp_helpers import make_setting


@pytest.fixture
def two_copies(db):
    """The test's database, and a second copy of the app connected to the same records."""
    other = another_connection(db)
    yield db, other
    other.dispose()


def _plan(db, child: int, plan_id: int) -> Plan:
    return plans_service.get_plan(db, child, plan_id)


def test_a_save_over_a_newer_change_is_refused_with_both_versions(two_copies):
    mine_db, theirs_db = two_copies
    child = add_child(mine_db)
    plan_id = add_plan(mine_db, child, add_goal(mine_db, child))
    opened_here = _plan(mine_db, child, plan_id)
    opened_there = _plan(theirs_db, child, plan_id)
    assert opened_here.version == opened_there.version == 1

    plans_service.save_plan(
        theirs_db,
        child,
        replace(opened_there.data, title="Coat on and zipped"),
        plan_id,
        TODAY,
        expected_version=opened_there.version,
    )
    mine = replace(opened_here.data, title="Coat on by the door")
    with pytest.raises(ConflictError) as refused:
        plans_service.save_plan(
            mine_db, child, mine, plan_id, TODAY, expected_version=opened_here.version
        )
    assert refused.value.current.title == "Coat on and zipped"
    assert refused.value.version == 2
    assert _plan(mine_db, child, plan_id).title == "Coat on and zipped"  # nothing written

    # Keeping mine is a second, deliberate save against the version just shown.
    plans_service.save_plan(
        mine_db, child, mine, plan_id, TODAY, expected_version=refused.value.version
    )
    stored = _plan(theirs_db, child, plan_id)
    assert (stored.title, stored.version) == ("Coat on by the door", 3)


def test_two_sessions_saving_the_same_plan_at_once_let_exactly_one_win(two_copies):
    """Both read version 1 and save at the same moment; the database decides, nobody blocks."""
    child = add_child(two_copies[0])
    plan_id = add_plan(two_copies[0], child, add_goal(two_copies[0], child))
    base = _plan(two_copies[0], child, plan_id)
    start = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def edit(name: str, database) -> None:
        start.wait()
        try:
            plans_service.save_plan(
                database, child, replace(base.data, title=name), plan_id, expected_version=1
            )
            outcomes[name] = "saved"
        except ConflictError as exc:
            outcomes[name] = f"refused, saw {exc.current.title}"
        except Exception as exc:
            outcomes[name] = repr(exc)

    threads = [
        threading.Thread(target=edit, args=(name, database))
        for name, database in (("Mine", two_copies[0]), ("Theirs", two_copies[1]))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(outcomes.values())[0] == "refused, saw " + next(
        n for n, o in outcomes.items() if o == "saved"
    )
    assert sorted(outcomes.values())[1] == "saved"
    stored = _plan(two_copies[1], child, plan_id)
    assert stored.version == 2 and outcomes[stored.title] == "saved"


def test_ticking_off_a_step_elsewhere_makes_an_open_plan_editor_ask(two_copies):
    mine_db, theirs_db = two_copies
    child = add_child(mine_db)
    plan_id = add_plan(mine_db, child, add_goal(mine_db, child))
    opened = _plan(mine_db, child, plan_id)
    plan_records.next_step(theirs_db, child, plan_id, on=TODAY)  # a step ticked off
    with pytest.raises(ConflictError) as refused:
        plans_service.save_plan(
            mine_db,
            child,
            replace(opened.data, title="Coat"),
            plan_id,
            TODAY,
            expected_version=opened.version,
        )
    assert refused.value.current.data.steps[0].achieved_on == TODAY


def test_week_grid_days_recorded_by_two_people_are_both_kept(two_copies):
    mine_db, theirs_db = two_copies
    child = add_child(mine_db)
    plan_id = add_plan(mine_db, child, add_goal(mine_db, child))
    monday, tuesday = START, START + timedelta(days=1)
    plan_records.save_week(theirs_db, child, plan_id, [DayEntry(monday, 5, 3)], TODAY)
    # My grid was read before their Monday was saved; I only typed Tuesday.
    plan_records.save_week(mine_db, child, plan_id, [DayEntry(tuesday, 4, 4)], TODAY)
    days = plan_records.progress(mine_db, child, plan_id).days
    assert [(d.day, d.tries, d.successes) for d in days] == [(monday, 5, 3), (tuesday, 4, 4)]


def test_a_day_changed_by_someone_else_is_not_overwritten(two_copies):
    mine_db, theirs_db = two_copies
    child = add_child(mine_db)
    plan_id = add_plan(mine_db, child, add_goal(mine_db, child))
    plan_records.save_week(mine_db, child, plan_id, [DayEntry(START, 5, 3)], TODAY)
    [read_here] = plan_records.progress(mine_db, child, plan_id).days
    plan_records.save_week(
        theirs_db, child, plan_id, [replace(read_here, note="Tired after swimming")], TODAY
    )
    with pytest.raises(ConflictError) as refused:
        plan_records.save_week(mine_db, child, plan_id, [replace(read_here, tries=6)], TODAY)
    [stored] = refused.value.current.days
    assert (stored.tries, stored.note, stored.version) == (5, "Tired after swimming", 2)
    # The same words saved twice are not a clash; a day nobody had recorded is not either.
    plan_records.save_week(
        mine_db, child, plan_id, [replace(read_here, note="Tired after swimming")], TODAY
    )
    # Someone recording a day I also typed into, before me, is a clash.
    later = START + timedelta(days=2)
    plan_records.save_week(theirs_db, child, plan_id, [DayEntry(later, 2, 1)], TODAY)
    with pytest.raises(ConflictError):
        plan_records.save_week(mine_db, child, plan_id, [DayEntry(later, 3, 3)], TODAY)


def test_a_childs_details_family_and_reviews_are_guarded_too(two_copies):
    mine_db, theirs_db = two_copies
    child = add_child(mine_db)
    details = children_service.get_child(mine_db, child)
    children_service.save_child(
        theirs_db, replace(details, known_as="Ames"), child, TODAY, details.version
    )
    with pytest.raises(ConflictError) as refused:
        children_service.save_child(
            mine_db, replace(details, known_as="Amelia"), child, TODAY, details.version
        )
    assert refused.value.current.known_as == "Ames"

    member = family_service.save_family_member(
        mine_db, child, FamilyMemberInput("Jo Lee", "Mum", phone="01632 960001")
    )
    family_service.save_family_member(
        theirs_db, child, replace(member, phone="01632 960002"), member.id, member.version
    )
    with pytest.raises(ConflictError) as refused:
        family_service.save_family_member(
            mine_db, child, replace(member, email="jo@example.org"), member.id, member.version
        )
    assert refused.value.current.phone == "01632 960002"

    draft = review_service.prepare_review(mine_db, child, TODAY)
    review_id = review_service.save_review(mine_db, child, draft, today=TODAY)
    [review] = review_service.list_reviews(mine_db, child)
    review_service.save_review(
        theirs_db, child, replace(draft, parents="Jo"), review_id, TODAY, review.version
    )
    with pytest.raises(ConflictError):
        review_service.save_review(
            mine_db, child, replace(draft, staff="Sam"), review_id, TODAY, review.version
        )


def test_a_record_deleted_meanwhile_says_so_instead_of_a_conflict(two_copies):
    mine_db, theirs_db = two_copies
    child = add_child(mine_db)
    member = family_service.save_family_member(mine_db, child, FamilyMemberInput("Jo", "Mum"))
    family_service.remove_family_member(theirs_db, child, member.id)
    with pytest.raises(NotFoundError):
        family_service.save_family_member(
            mine_db, child, replace(member, phone="01632 960003"), member.id, member.version
        )


def test_saving_without_a_version_still_bumps_it_so_older_screens_are_refused(db):
    child = add_child(db)
    details = children_service.get_child(db, child)
    changed = children_service.save_child(db, replace(details, known_as="A"), child, TODAY)
    assert changed.version == details.version + 1
    assert date(2023, 3, 1) == changed.date_of_birth


def test_the_settings_two_forms_clash_only_on_their_own_fields(two_copies):
    """Details and profile share one row; changing one must not block saving the other."""
    mine_db, theirs_db = two_copies
    make_setting(mine_db)
    details = setting.get_setting(mine_db)
    profile = setting_profile.get_profile(mine_db)
    assert details is not None
    setting_profile.save_profile(
        theirs_db, replace(profile, portage_service="Northtown Portage"), profile
    )
    saved = setting.save_setting(
        mine_db, SettingInput("Acorns Nursery", details.kind, details.ofsted_urn), details
    )
    setting.save_setting(theirs_db, SettingInput("Acorns", saved.kind, saved.ofsted_urn), saved)
    with pytest.raises(ConflictError) as refused:
        setting.save_setting(mine_db, SettingInput("Oaks", saved.kind, saved.ofsted_urn), saved)
    assert refused.value.current.name == "Acorns"
    with pytest.raises(ConflictError):
        setting_profile.save_profile(mine_db, replace(profile, portage_contact="Sam"), profile)


def test_stamp_records_are_guarded_too(two_copies):
    mine_db, theirs_db = two_copies
    make_setting(mine_db)
    stamp_application.save_draft(theirs_db, 2027, {"model": "Theirs"}, (), expected_version=0)
    with pytest.raises(ConflictError) as refused:
        stamp_application.save_draft(mine_db, 2027, {"model": "Mine"}, (), expected_version=0)
    assert refused.value.current.narrative("model") == "Theirs"
    stamp_application.save_draft(
        mine_db, 2027, {"model": "Mine"}, (), expected_version=refused.value.version
    )
    assert stamp_application.load_application(theirs_db, 2027).narrative("model") == "Mine"

    said = stamp_statements.save_statement(theirs_db, 1, "Theirs", False, expected_version=0)
    with pytest.raises(ConflictError) as refused:
        stamp_statements.save_statement(mine_db, 1, "Mine", False, expected_version=0)
    assert refused.value.current == said

    award = setting_profile.save_award(mine_db, AwardInput(date(2026, 1, 5), None, None), 12)
    setting_profile.save_award(theirs_db, replace_award(award, "Jo"), 12, award.id, award.version)
    with pytest.raises(ConflictError):
        setting_profile.save_award(
            mine_db, replace_award(award, "Sam"), 12, award.id, award.version
        )


def replace_award(award: setting_profile.Award, representative: str) -> AwardInput:
    return AwardInput(award.applied_on, award.awarded_on, award.expires_on, representative)
