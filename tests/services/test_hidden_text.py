"""Text that hides something is refused beside its field, in every form and import: NUL and
other controls, direction overrides and isolates, broken characters, invisible-only names."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portage_desktop.services import children, observations, setting, sharing, staff
from portage_desktop.services import plans as plans_service
from portage_desktop.services.children import ChildInput
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.observations import ObservationInput
from portage_desktop.services.record_vocabulary import AuthorKind, ObservationKind
from portage_desktop.services.setting import SettingInput
from portage_desktop.services.sharing import ShareRequest
from portage_desktop.services.staff import StaffInput
from portage_desktop.services.validation import (
    hidden_text_problem,
    refuse_hidden,
    required_name,
)
from portage_desktop.services.vocabulary import SettingKind, StaffRole
from portage_desktop.text_rules import FORM_MESSAGES, Hidden
from tests.conftest import TODAY
from tests.services.plan_helpers import add_child, add_goal, outcome_input

DIRECTION_MARKS = [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]
INVISIBLE_NAMES = [
    "\u200b",
    "\u200b\u200c\u200d",
    "\u2060\ufeff",
    "\u3164",
    "\u115f\u1160",
    "\u2800",
    "\u200e\u200f",
    " \u200b ",
]
quick = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.mark.parametrize("mark", DIRECTION_MARKS)
def test_every_direction_override_and_isolate_is_refused(mark):
    assert hidden_text_problem(f"Amy{mark} Lee") == FORM_MESSAGES[Hidden.DIRECTION]


@pytest.mark.parametrize("control", ["\x00", "\x01", "\x1b", "\x7f", "\x85", "\x9f"])
def test_nul_and_other_controls_are_refused(control):
    assert hidden_text_problem(f"Amy{control}Lee") == FORM_MESSAGES[Hidden.CONTROL]


@pytest.mark.parametrize("name", INVISIBLE_NAMES)
def test_a_name_of_invisible_characters_only_is_refused(name):
    errors: dict[str, str] = {}
    required_name(errors, "first_name", name, "first name")
    assert errors == {"first_name": FORM_MESSAGES[Hidden.INVISIBLE]}


def test_a_lone_surrogate_is_refused():
    assert hidden_text_problem("Amy\ud800") == FORM_MESSAGES[Hidden.BROKEN]


@pytest.mark.parametrize(
    "fine",
    [
        "Amy Lee",
        "Zoë O'Brien-Smith",
        "Nguyễn Thị Hồng",
        "مهسا\u200cسادات",  # a zero-width non-joiner inside a Persian name is part of its spelling
        "שרה\u200f",  # a right-to-left mark (not an override) after Hebrew
        "👩‍👧 family",  # a zero-width joiner inside an emoji
        "line one\nline two\ttabbed",
        "",
        "   ",
    ],
)
def test_real_names_and_paragraphs_are_accepted(fine):
    assert hidden_text_problem(fine) is None


@given(st.text(max_size=40), st.sampled_from([*DIRECTION_MARKS, "\x00"]), st.text(max_size=40))
def test_a_hidden_character_anywhere_is_found(before, hidden, after):
    assert hidden_text_problem(before + hidden + after) is not None


@given(st.text(alphabet=st.characters(categories=("L", "N", "P", "Zs")), max_size=60))
def test_letters_digits_punctuation_and_spaces_are_never_refused(text):
    assert hidden_text_problem(text) in (None, FORM_MESSAGES[Hidden.INVISIBLE])
    if any(not ch.isspace() for ch in text):
        assert hidden_text_problem(text) is None


@dataclasses.dataclass(frozen=True)
class _Row:
    text: str


@dataclasses.dataclass(frozen=True)
class _Form:
    name: str
    rows: tuple[_Row, ...]
    texts: dict[str, str]
    count: int = 0


def test_nested_rows_and_texts_are_reported_under_their_field():
    errors = {"name": "Please enter the name."}
    refuse_hidden(errors, _Form("\x00", (_Row("ok"), _Row("a\u202eb")), {"praise": "\u2066x"}))
    assert errors == {
        "name": "Please enter the name.",  # an earlier message is kept
        "rows": FORM_MESSAGES[Hidden.DIRECTION],
        "praise": FORM_MESSAGES[Hidden.DIRECTION],
    }


def _count(db) -> int:
    return len(children.list_children(db, include_archived=True))


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"first_name": "Amy\u202e"}, "first_name"),
        ({"last_name": "\u200b\u200b"}, "last_name"),
        ({"known_as": "A\x00my"}, "known_as"),
        ({"home_languages": "Welsh\u2067"}, "home_languages"),
    ],
)
def test_a_child_with_hidden_text_is_refused_and_nothing_stored(db, change, field):
    data = dataclasses.replace(
        ChildInput("Amy", "Lee", date(2023, 4, 5), start_date=date(2024, 9, 2)), **change
    )
    with pytest.raises(ValidationError) as refused:
        children.save_child(db, data, today=TODAY)
    assert field in refused.value.errors
    assert _count(db) == 0


def test_staff_and_setting_names_are_checked(db):
    with pytest.raises(ValidationError) as refused:
        staff.save_staff(db, StaffInput("\u3164", "Rowe", (StaffRole.KEY_PERSON,)))
    assert refused.value.errors["first_name"] == FORM_MESSAGES[Hidden.INVISIBLE]
    with pytest.raises(ValidationError) as refused:
        setting.save_setting(db, SettingInput("Acorns\u202e", SettingKind.GROUP))
    assert refused.value.errors["name"] == FORM_MESSAGES[Hidden.DIRECTION]


def test_free_text_and_small_steps_are_checked(db):
    child = add_child(db)
    note = ObservationInput(
        kind=ObservationKind.OBSERVATION,
        observed_on=TODAY,
        author_kind=AuthorKind.STAFF,
        author_name="Kay Rowe",
        text="Stacked three cups\x00",
    )
    with pytest.raises(ValidationError) as refused:
        observations.validate_observation(note, TODAY)
    assert refused.value.errors == {"text": FORM_MESSAGES[Hidden.CONTROL]}

    plan = outcome_input(add_goal(db, child))
    steps = (dataclasses.replace(plan.steps[0], text="Holds \u202ethe cup"), *plan.steps[1:])
    with pytest.raises(ValidationError) as refused:
        plans_service.validate_plan(dataclasses.replace(plan, steps=steps), TODAY)
    assert refused.value.errors["steps"] == FORM_MESSAGES[Hidden.DIRECTION]
    texts = {**plan.texts, "praise": "\u200b"}
    with pytest.raises(ValidationError) as refused:
        plans_service.validate_plan(dataclasses.replace(plan, texts=texts), TODAY)
    assert refused.value.errors["praise"] == FORM_MESSAGES[Hidden.INVISIBLE]


def test_a_share_with_a_disguised_agency_is_refused(db):
    child = add_child(db)
    with pytest.raises(ValidationError) as refused:
        sharing.check_share(db, child, ShareRequest("Health\u202e visitor"), TODAY)
    assert "recipient" in refused.value.errors


@pytest.mark.parametrize("name", ["Mina\u202eShah", "\u200b\u200b"])
def test_a_persons_account_name_hiding_something_is_refused(db, name):
    from portage_desktop.services import users
    from portage_desktop.services.access import Role
    from portage_desktop.services.users import UserInput

    password = "purple giraffe kettle harbour"
    with pytest.raises(ValidationError) as refused:
        users.create_user(db, UserInput("mina", name, Role.MANAGER, password, password))
    assert "display_name" in refused.value.errors
    assert users.list_users(db) == []
    manager = users.create_user(db, UserInput("sam", "Sam Lee", Role.MANAGER, password, password))
    with pytest.raises(ValidationError) as renamed:
        users.update_user(db, manager.id, Role.MANAGER, True, display_name=name)
    assert "display_name" in renamed.value.errors
    assert [u.display_name for u in users.list_users(db)] == ["Sam Lee"]
