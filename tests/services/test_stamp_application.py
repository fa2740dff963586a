"""The yearly self-assessment: drafts saved and resumed, last year reused, what is missing."""

from __future__ import annotations

from datetime import date

import pytest

from portage_desktop.services import stamp_application as app
from portage_desktop.services.access import Actor, PermissionDenied, Role, set_actor
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.stamp_check import check_stamp
from tests.services.stamp_helpers import ON, make_setting


def test_a_draft_is_saved_and_resumed(db):
    make_setting(db)
    assert app.load_application(db, 2027) == app.Application(2027)
    app.save_draft(db, 2027, {"principles": "  Parents lead.  ", "bogus": "x"}, (3, 3, 1), "Jo")
    loaded = app.load_application(db, 2027)
    assert loaded.narratives == {"principles": "Parents lead."}
    assert loaded.chosen_plans == (3, 1) and loaded.representative == "Jo" and loaded.saved


def test_last_years_words_are_offered(db):
    make_setting(db)
    app.save_draft(db, 2025, {"model": "Old words"}, ())
    app.save_draft(db, 2026, {"model": "Last year's words"}, ())
    assert app.previous_narratives(db, 2027) == {"model": "Last year's words"}
    assert app.previous_narratives(db, 2025) == {}


def test_a_bad_draft_saves_nothing(db):
    make_setting(db)
    with pytest.raises(ValidationError) as error:
        app.save_draft(db, 2027, {"model": "x" * 9000}, (1, 2, 3, 4, 5))
    assert set(error.value.errors) == {"model", "plans"}
    assert not app.load_application(db, 2027).saved


def test_what_is_missing_names_each_gap(db):
    make_setting(db)
    check = check_stamp(db, ON)
    missing = app.missing(check, app.Application(2027), plans_available=0)
    assert any(m.startswith("Criterion 6 (") and "not met" in m for m in missing)
    assert sum(m.startswith("Not written yet: ") for m in missing) == len(app.SECTIONS)
    assert any("no plans are recorded yet" in m for m in missing)
    assert any("Portage representative" in m for m in missing)
    assert not any("Criterion 8" in m for m in missing)  # desirable only


def test_finalising_needs_a_draft_and_a_manager(db):
    make_setting(db)
    with pytest.raises(ValidationError):
        app.finalise(db, 2027, ON)
    app.save_draft(db, 2027, {}, ())
    assert app.finalise(db, 2027, ON).finalised_on == ON
    set_actor(db, Actor("pat", "Pat", Role.PRACTITIONER))
    with pytest.raises(PermissionDenied):
        app.save_draft(db, 2027, {}, ())
    assert app.load_application(db, 2027).finalised_on == date(2026, 11, 22)
