"""Property tests: whatever is typed, a form gets a clear message and the database is unchanged."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portage_desktop.services import children, setting, staff
from portage_desktop.services.children import ChildInput
from portage_desktop.services.dates import format_date, parse_uk_date
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.setting import SettingInput
from portage_desktop.services.staff import StaffInput
from portage_desktop.services.vocabulary import NeedArea, SenStatus, SettingKind, StaffRole
from tests.conftest import TODAY

text = st.text(max_size=150)
dates = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)))
quick = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@given(text)
def test_date_parsing_either_reads_a_date_or_explains(typed):
    try:
        result = parse_uk_date(typed)
    except ValueError as exc:
        assert "24/03/2023" in str(exc)
    else:
        assert result is None or isinstance(result, date)


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31)))
def test_formatted_dates_read_back(day):
    assert parse_uk_date(format_date(day)) == day


child_inputs = st.builds(
    ChildInput,
    first_name=text,
    last_name=text,
    date_of_birth=dates,
    known_as=text,
    start_date=dates,
    leave_date=dates,
    sen_status=st.sampled_from(SenStatus),
    need_areas=st.lists(st.sampled_from(NeedArea), unique=True).map(tuple),
    home_languages=st.text(max_size=300),
)


@given(child_inputs)
def test_child_validation_is_total(data):
    try:
        values = children.validate_child(data, TODAY)
    except ValidationError as exc:
        assert exc.errors and all(
            isinstance(m, str) and m.endswith(".") for m in exc.errors.values()
        )
    else:
        assert values["first_name"] and len(values["first_name"]) <= 100
        assert values["date_of_birth"] <= TODAY
        assert values["date_of_birth"] >= TODAY - timedelta(days=366 * 8 + 2)


@quick
@given(data=child_inputs)
def test_a_refused_child_leaves_the_database_unchanged(db, data):
    before = children.list_children(db, include_archived=True)
    try:
        children.save_child(db, data, today=TODAY)
    except ValidationError:
        assert children.list_children(db, include_archived=True) == before
    else:
        assert len(children.list_children(db, include_archived=True)) == len(before) + 1


@given(
    st.builds(
        StaffInput,
        first_name=text,
        last_name=text,
        roles=st.lists(st.sampled_from(StaffRole), unique=True).map(tuple),
        start_date=dates,
        leave_date=dates,
    )
)
def test_staff_validation_is_total(data):
    try:
        staff.validate_staff(data)
    except ValidationError as exc:
        assert set(exc.errors) <= {"first_name", "last_name", "roles", "leave_date"}


@given(
    st.builds(
        SettingInput,
        name=text,
        kind=st.one_of(st.none(), st.sampled_from(SettingKind), text),
        ofsted_urn=text,
    )
)
def test_setting_validation_is_total(data):
    try:
        setting.validate_setting(data)
    except ValidationError as exc:
        assert set(exc.errors) <= {"name", "kind", "ofsted_urn"}


def test_shared_drive_detection():
    from pathlib import Path

    from portage_desktop.paths import looks_like_shared_drive

    assert looks_like_shared_drive(Path("/home/amy/OneDrive/Portage/portage.db"))
    assert looks_like_shared_drive(Path("//server/share/portage.db"))
    assert not looks_like_shared_drive(Path("/home/amy/.local/share/PortageDesktop/portage.db"))
