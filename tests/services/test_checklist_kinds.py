"""Checklists as real frameworks write them: checkpoints and guidance beside small steps, ages
in the framework's own words, and several statuses that mean the same."""

from __future__ import annotations

import json
from datetime import date

import pytest

from portage_desktop.checklist_format import ChecklistFormatError, parse_csv, parse_json
from portage_desktop.services import assessments, frameworks
from portage_desktop.services.assessments import AssessmentInput, Entry
from portage_desktop.services.children import ChildInput, save_child
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.record_vocabulary import Contributor
from tests.conftest import TODAY

FRAMEWORK = {
    "name": "Framework With Kinds",
    "version": "1",
    "scale": [
        {"value": 1, "label": "Not yet", "meaning": "not_yet"},
        {"value": 2, "label": "Developing", "meaning": "emerging"},
        {"value": 3, "label": "Secure", "meaning": "achieved"},
        {"value": 4, "label": "Exceeding", "meaning": "achieved"},
    ],
    "areas": [
        {
            "name": "Talking",
            "items": [
                {
                    "kind": "guidance",
                    "text": "Talk with the child about what they are doing as they play.",
                },
                {"text": "Turns to a familiar voice", "age_band": "Birth to three"},
                {
                    "kind": "checkpoint",
                    "text": "Around 12 months: does the baby babble with intent?",
                    "age_band": "Birth to three",
                    "age_from_months": 12,
                    "age_to_months": 12,
                },
                {"text": "Uses a gesture to ask for more", "age_band": "Birth to three"},
                {"text": "Joins in with songs", "age_band": "3 and 4-year-olds"},
            ],
        }
    ],
}


def test_kinds_and_age_words_are_read_from_json():
    parsed = parse_json(json.dumps(FRAMEWORK))
    kinds = [i.kind for i in parsed.areas[0].items]
    assert kinds == ["guidance", "step", "checkpoint", "step", "step"]
    assert parsed.areas[0].items[2].age_band == "Birth to three"
    assert [lvl.meaning for lvl in parsed.scale].count("achieved") == 2


def test_kinds_and_age_words_are_read_from_a_spreadsheet():
    csv_text = (
        "kind,area,code,text,meaning,age_band,age_from_months\n"
        "name,,,Spreadsheet Kinds,,,\n"
        "version,,,1,,,\n"
        "status,,1,Not yet,not_yet,,\n"
        "status,,2,Got it,achieved,,\n"
        "guidance,Moving,,Offer space to move freely,,,\n"
        "item,Moving,M1,Rolls over,,Birth to three,4\n"
        "checkpoint,Moving,M2,Does the child sit without support?,,Birth to three,9\n"
    )
    parsed = parse_csv(csv_text)
    items = parsed.areas[0].items
    assert [i.kind for i in items] == ["guidance", "step", "checkpoint"]
    assert items[1].age_band == "Birth to three" and items[1].age_from_months == 4


def test_an_unknown_kind_and_a_file_of_only_guidance_are_refused_with_their_lines():
    bad = dict(FRAMEWORK)
    bad["areas"] = [{"name": "Talking", "items": [{"kind": "advice", "text": "Sing together"}]}]
    with pytest.raises(ChecklistFormatError) as refused:
        parse_json(json.dumps(bad, indent=1))
    assert any(
        'field "kind": should be one of: step, checkpoint, guidance' in p
        for p in refused.value.problems
    )
    only_guidance = dict(FRAMEWORK)
    only_guidance["areas"] = [
        {"name": "Talking", "items": [{"kind": "guidance", "text": "Sing together"}]}
    ]
    with pytest.raises(ChecklistFormatError, match="only checkpoints or guidance"):
        parse_json(json.dumps(only_guidance))
    too_long = dict(FRAMEWORK)
    too_long["areas"] = [{"name": "Talking", "items": [{"text": "Sings", "age_band": "x" * 61}]}]
    with pytest.raises(ChecklistFormatError, match="age_band"):
        parse_json(json.dumps(too_long))


def test_only_small_steps_count_and_guidance_takes_no_status(db):
    stored = frameworks.import_framework(db, parse_json(json.dumps(FRAMEWORK)))
    detail = frameworks.get_framework(db, stored.id)
    guidance, first, checkpoint, second, third = detail.items
    assert first.age_band == "Birth to three"
    assert checkpoint.age_band == "Birth to three (12–12 months)"
    assert not guidance.takes_status and checkpoint.takes_status and not checkpoint.is_step
    child = save_child(db, ChildInput("Ada", "Kinds", date(2024, 1, 1)), today=TODAY)
    with pytest.raises(ValidationError, match="guidance for the practitioner"):
        assessments.save_assessment(
            db,
            child.id,
            AssessmentInput(
                stored.id, TODAY, (Contributor.PARENT,), entries={guidance.id: Entry(3)}
            ),
            today=TODAY,
        )
    entries = {first.id: Entry(3), checkpoint.id: Entry(4), second.id: Entry(4)}
    assessments.save_assessment(
        db,
        child.id,
        AssessmentInput(stored.id, TODAY, (Contributor.PARENT,), entries=entries),
        today=TODAY,
    )
    summary = assessments.summarise_assessment(db, child.id)
    [talking] = summary.areas
    # Secure and Exceeding both mean achieved; the checkpoint is not a skill learnt.
    assert [i.id for i in talking.strengths] == [first.id, second.id]
    assert [i.id for i in talking.next_steps] == [third.id]
    assert talking.total == 3 and talking.achieved_share == pytest.approx(2 / 3)


def test_the_printed_summary_keeps_checkpoints_apart_and_leaves_guidance_out(db, tmp_path):
    from portage_desktop.printing.kinds import print_record
    from portage_desktop.services import setting
    from portage_desktop.services.setting import SettingInput
    from portage_desktop.services.vocabulary import SettingKind
    from tests.pdf_text import pdf_text

    setting.save_setting(db, SettingInput("Acorns", SettingKind.GROUP))
    stored = frameworks.import_framework(db, parse_json(json.dumps(FRAMEWORK)))
    _guidance, first, checkpoint, _second, _third = frameworks.get_framework(db, stored.id).items
    child = save_child(db, ChildInput("Ada", "Kinds", date(2024, 1, 1)), today=TODAY)
    entries = {first.id: Entry(3), checkpoint.id: Entry(2)}
    assessments.save_assessment(
        db,
        child.id,
        AssessmentInput(stored.id, TODAY, (Contributor.PARENT,), entries=entries),
        today=TODAY,
    )
    text = " ".join(
        pdf_text(print_record(db, "assessment-summary", child.id, tmp_path / "s.pdf")).split()
    )
    strengths, _, checkpoints = text.partition("Checkpoints we looked at")
    assert "does the baby babble with intent? Developing" in checkpoints
    assert "babble with intent" not in strengths
    assert "Talk with the child about what they are doing" not in text
