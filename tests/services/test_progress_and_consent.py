"""The rules: next small steps, strengths, carrying statuses forward, and photo consent."""

from __future__ import annotations

from datetime import date

import pytest

from portage_desktop.checklist_format import ScaleLevel
from portage_desktop.services.consent import Consent, ConsentInput, photo_allowed, validate_consent
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.frameworks import (
    Framework,
    FrameworkArea,
    FrameworkDetail,
    FrameworkItem,
)
from portage_desktop.services.progress import carry_forward, progress_point, summarise
from portage_desktop.services.record_vocabulary import ConsentPurpose, PhotoUse

SCALE = (
    ScaleLevel(1, "Not yet", "not_yet"),
    ScaleLevel(2, "Emerging", "emerging"),
    ScaleLevel(4, "Achieved", "achieved"),
    ScaleLevel(5, "Generalised", "achieved"),
)


def _detail(
    areas: dict[str, list[str]], framework_id: int = 1, codes: bool = True
) -> FrameworkDetail:
    built = []
    n = framework_id * 100
    for a, (name, texts) in enumerate(areas.items()):
        items = []
        for text in texts:
            n += 1
            code = text.split()[0] if codes else ""
            items.append(FrameworkItem(n, a, n, code, "", text, None, None))
        built.append(FrameworkArea(a, name, tuple(items)))
    fw = Framework(framework_id, "Steps", str(framework_id), "", "", SCALE, False)
    return FrameworkDetail(fw, tuple(built))


DETAIL = _detail(
    {
        "Talking": ["T1 babbles", "T2 one word", "T3 two words", "T4 questions", "T5 stories"],
        "Moving": ["M1 sits", "M2 walks"],
    }
)


def _ids(items) -> list[str]:
    return [i.code for i in items]


def test_next_steps_are_the_first_not_achieved_in_order_skipping_achieved_ones():
    statuses = {101: 4, 102: 1, 103: 5, 104: 2}  # T5 not assessed at all
    talking, moving = summarise(DETAIL, statuses)
    assert _ids(talking.strengths) == ["T1", "T3"]
    assert _ids(talking.emerging) == ["T4"]
    assert _ids(talking.next_steps) == ["T2", "T4", "T5"]
    assert _ids(moving.next_steps) == ["M1", "M2"]  # nothing marked: all are next
    assert moving.strengths == ()


def test_when_every_step_is_achieved_there_is_no_next_step():
    statuses = {i.id: 5 for i in DETAIL.items}
    assert all(a.next_steps == () for a in summarise(DETAIL, statuses))
    assert summarise(DETAIL, statuses)[0].achieved_share == 1.0


def test_an_unknown_status_counts_as_not_yet_and_the_count_is_configurable():
    talking = summarise(DETAIL, {101: 3}, next_count=1)[0]
    assert _ids(talking.next_steps) == ["T1"]


def test_progress_is_the_share_achieved_per_area():
    point = progress_point(date(2026, 1, 1), DETAIL, {101: 4, 102: 4, 106: 2})
    assert point.shares == {"Talking": 0.4, "Moving": 0.0}


def test_carry_forward_matches_by_code_then_by_wording_and_drops_unknown_statuses():
    newer = _detail({"Talking": ["T1 babbles", "T9 one word", "T3 two words"]}, framework_id=2)
    assert carry_forward(DETAIL, {101: 4, 103: 2}, newer) == {201: 4, 203: 2}
    plain_old = _detail({"Talking": ["babbles", "one word"]}, 3, codes=False)
    plain_new = _detail({"talking": ["Babbles", "waves"]}, 4, codes=False)
    assert carry_forward(plain_old, {301: 5, 302: 4}, plain_new) == {401: 5}
    three_levels = FrameworkDetail(
        Framework(2, "Steps", "2", "", "", SCALE[:2], False), newer.areas
    )
    assert carry_forward(DETAIL, {101: 4, 103: 2}, three_levels) == {203: 2}


def _photo(
    given=True, on=date(2026, 1, 10), uses=(PhotoUse.PRINTED_RECORDS,), withdrawn=None, id=1
):
    return Consent(ConsentPurpose.PHOTOS, given, "Anna", on, "", uses, withdrawn, id=id)


DAY = date(2026, 6, 1)


@pytest.mark.parametrize(
    ("consents", "allowed"),
    [
        ([], False),
        ([_photo()], True),
        ([_photo(given=False, uses=())], False),
        ([_photo(uses=(PhotoUse.RECORD,))], False),
        ([_photo(withdrawn=date(2026, 5, 1))], False),
        ([_photo(withdrawn=DAY)], False),
        ([_photo(withdrawn=date(2026, 6, 2))], True),
        ([_photo(on=date(2026, 6, 2))], False),
        ([_photo(), _photo(given=False, on=date(2026, 3, 1), uses=(), id=2)], False),
        ([_photo(given=False, uses=(), on=date(2025, 1, 1)), _photo(id=2)], True),
        (
            [
                Consent(
                    ConsentPurpose.SHARE_WITH_AGENCY,
                    True,
                    "Anna",
                    date(2026, 1, 1),
                    "SLT",
                    (PhotoUse.PRINTED_RECORDS,),
                )
            ],
            False,
        ),
    ],
    ids=[
        "none",
        "given",
        "refused",
        "other-use",
        "withdrawn",
        "withdrawn-that-day",
        "withdrawn-later",
        "decided-later",
        "later-refusal-wins",
        "later-consent-wins",
        "other-purpose",
    ],
)
def test_photos_print_only_with_photo_consent_in_force_for_that_use(consents, allowed):
    assert photo_allowed(consents, PhotoUse.PRINTED_RECORDS, DAY) is allowed


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            ConsentInput(ConsentPurpose.SHARE_WITH_AGENCY, True, "Anna", DAY),
            "agency",
            "name the agency",
        ),
        (ConsentInput(ConsentPurpose.PHOTOS, True, "Anna", DAY), "photo_uses", "at least one use"),
        (
            ConsentInput(ConsentPurpose.PHOTOS, True, " ", DAY, photo_uses=(PhotoUse.RECORD,)),
            "decided_by",
            "Please enter",
        ),
        (
            ConsentInput(ConsentPurpose.DISCUSS_IN_MEETINGS, True, "Anna", None),
            "decided_on",
            "date of the decision",
        ),
        (
            ConsentInput(ConsentPurpose.DISCUSS_IN_MEETINGS, True, "Anna", date(2026, 7, 1)),
            "decided_on",
            "future",
        ),
        (
            ConsentInput(ConsentPurpose.DISCUSS_IN_MEETINGS, False, "Anna", DAY, withdrawn_on=DAY),
            "withdrawn_on",
            "Only consent that was given",
        ),
        (
            ConsentInput(
                ConsentPurpose.DISCUSS_IN_MEETINGS, True, "Anna", DAY, withdrawn_on=date(2026, 5, 1)
            ),
            "withdrawn_on",
            "before it was given",
        ),
    ],
)
def test_consent_rules_with_messages_beside_the_field(data, field, message):
    with pytest.raises(ValidationError) as caught:
        validate_consent(data, DAY)
    assert message in caught.value.errors[field]
