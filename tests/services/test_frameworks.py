"""Checklist files: the shipped ones, importing valid, malformed and new-version files."""

from __future__ import annotations

import json
from datetime import date

import pytest

from portage_desktop.checklist_format import ChecklistFormatError, parse_csv, parse_file, parse_json
from portage_desktop.data import assessment_store
from portage_desktop.paths import resource_path
from portage_desktop.services import assessments, frameworks
from portage_desktop.services.assessments import AssessmentInput, Entry
from portage_desktop.services.children import ChildInput, save_child
from portage_desktop.services.record_vocabulary import Contributor
from tests.conftest import TODAY

SCALE = [
    {"value": 1, "label": "Not yet", "meaning": "not_yet"},
    {"value": 2, "label": "Emerging", "meaning": "emerging"},
    {"value": 3, "label": "Achieved", "meaning": "achieved"},
]


def _framework(version: str = "1", **changes: object) -> dict:
    data = {
        "format": "portage-desktop-checklist",
        "name": "Acorns Steps",
        "version": version,
        "source": "Acorns Nursery",
        "licence": "For use at Acorns",
        "scale": SCALE,
        "areas": [
            {
                "name": "Play",
                "items": [
                    {"code": "P1", "text": "Shakes a rattle", "age_from_months": 3},
                    {"code": "P2", "text": "Stacks two cups", "aspect": "Building"},
                ],
            },
            {"name": "Talking", "items": [{"code": "T1", "text": "Babbles"}]},
        ],
    }
    data.update(changes)
    return data


def _bytes(data: dict) -> bytes:
    return json.dumps(data, indent=2).encode()


def test_the_shipped_checklists_are_original_licensed_and_big_enough():
    small = parse_file(
        "small-steps.json", resource_path("checklists", "small-steps.json").read_bytes()
    )
    part = parse_file(
        "participation.json", resource_path("checklists", "participation.json").read_bytes()
    )
    assert small.item_count >= 150
    assert len(small.areas) >= 6
    assert part.item_count >= 10
    for fw in (small, part):
        assert "Written for Portage Desktop" in fw.licence
        assert any(level.meaning == "achieved" for level in fw.scale)


def test_every_database_has_the_shipped_checklists_once(db):
    with db.session() as s:
        assessment_store.install_shipped(s)  # a second time changes nothing
    names = [f.name for f in frameworks.list_frameworks(db)]
    assert names == ["Portage Desktop Participation and Inclusion", "Portage Desktop Small Steps"]


def test_a_valid_file_previews_then_imports_everything(db):
    preview = frameworks.preview_import(db, "acorns.json", _bytes(_framework()))
    assert "2 areas and 3 small steps" in preview.summary
    stored = frameworks.import_framework(db, preview.parsed)
    detail = frameworks.get_framework(db, stored.id)
    assert [a.name for a in detail.areas] == ["Play", "Talking"]
    assert [i.text for i in detail.items] == ["Shakes a rattle", "Stacks two cups", "Babbles"]
    assert detail.items[0].age_band == "3–… months"
    assert detail.items[1].aspect == "Building"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"name": ""}, 'Line 1, field "name": is missing or empty.'),
        ({"scale": [{"value": 1, "label": "No", "meaning": "maybe"}]}, 'field "meaning"'),
        ({"scale": SCALE[:2]}, 'needs at least one status whose meaning is "achieved"'),
        ({"areas": []}, "no areas"),
    ],
)
def test_a_malformed_file_names_the_field_and_imports_nothing(db, change, expected):
    with pytest.raises(ChecklistFormatError) as caught:
        frameworks.preview_import(db, "bad.json", _bytes(_framework(**change)))
    assert expected in str(caught.value)
    assert len(frameworks.list_frameworks(db)) == 2


def test_a_problem_deep_in_the_file_names_its_line():
    data = _framework()
    data["areas"][1]["items"].append({"code": "T2", "text": "", "age_from_months": "soon"})
    text = json.dumps(data, indent=2)
    line = next(n for n, t in enumerate(text.splitlines(), 1) if '"T2"' in t) - 1
    with pytest.raises(ChecklistFormatError) as caught:
        parse_json(text)
    assert f'Line {line}, field "text": is missing or empty.' in caught.value.problems
    assert f'Line {line}, field "age_from_months"' in str(caught.value)


def test_broken_json_and_wrong_encoding_are_explained():
    with pytest.raises(ChecklistFormatError, match="Line 3: this is not valid JSON"):
        parse_json('{\n "name": "x",\n "version": }')
    with pytest.raises(ChecklistFormatError, match="not UTF-8"):
        parse_file("x.csv", "naïve".encode("latin-1"))


CSV = """kind,area,aspect,code,text,meaning,age_from_months,age_to_months
name,,,,Acorns Steps,,,
version,,,,2,,,
licence,,,,For use at Acorns,,,
status,,,1,Not yet,not_yet,,
status,,,2,Achieved,achieved,,
item,Play,,P1,Shakes a rattle,,3,9
item,Talking,,T1,Babbles,,,
item,Play,,P2,Stacks two cups,,12,18
"""


def test_a_spreadsheet_csv_is_read_with_areas_in_first_seen_order():
    parsed = parse_csv(CSV)
    assert (parsed.name, parsed.version) == ("Acorns Steps", "2")
    assert [(a.name, len(a.items)) for a in parsed.areas] == [("Play", 2), ("Talking", 1)]
    assert parsed.areas[0].items[0].age_to_months == 9


def test_a_csv_problem_names_the_spreadsheet_line():
    bad = CSV.replace("item,Play,,P2,Stacks two cups,,12,18", "item,Play,,P2,Stacks,,18,12")
    bad += "oops,,,,,,,\n"
    with pytest.raises(ChecklistFormatError) as caught:
        parse_csv(bad)
    assert 'Line 9, field "age_to_months": is before age_from_months.' in caught.value.problems
    assert 'Line 10, field "kind"' in str(caught.value)


def test_a_new_version_is_stored_beside_the_old_and_old_assessments_stay_readable(db):
    child = save_child(db, ChildInput("Ola", "Nowak", date(2023, 6, 1)), today=TODAY)
    v1 = frameworks.import_framework(db, parse_json(json.dumps(_framework("1"))))
    d1 = frameworks.get_framework(db, v1.id)
    first = {i.id: Entry(3, "seen at home") for i in d1.items[:2]}
    assessments.save_assessment(
        db,
        child.id,
        AssessmentInput(v1.id, date(2026, 1, 5), (Contributor.PARENT,), entries=first),
        today=TODAY,
    )
    newer = _framework("2")
    newer["areas"][0]["items"].insert(0, {"code": "P0", "text": "Looks at a rattle"})
    with pytest.raises(ChecklistFormatError, match="already in the database"):
        frameworks.preview_import(db, "again.json", _bytes(_framework("1")))
    preview = frameworks.preview_import(db, "v2.json", _bytes(newer))
    assert preview.earlier_versions == ("1",)
    v2 = frameworks.import_framework(db, preview.parsed)

    old = assessments.list_assessments(db, child.id)[0]
    assert old.framework_id == v1.id
    assert old.framework_title == "Acorns Steps (version 1)"
    assert frameworks.get_framework(db, v1.id).items[0].text == "Shakes a rattle"
    carried = assessments.carried_statuses(db, child.id, v2.id)
    d2 = frameworks.get_framework(db, v2.id)
    by_code = {i.code: carried.get(i.id) for i in d2.items}
    assert by_code == {"P0": None, "P1": 3, "P2": 3, "T1": None}


def test_the_examples_in_the_format_documentation_import(db):
    """Keep docs/checklist-format.md honest: its JSON and CSV examples must import."""
    import re
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "checklist-format.md").read_text()
    blocks = re.findall(r"```(json|)\n(.*?)```", doc, flags=re.S)
    json_text = next(body for lang, body in blocks if lang == "json")
    csv_text = next(body for lang, body in blocks if body.startswith("kind,"))
    from_json, from_csv = parse_json(json_text), parse_csv(csv_text)
    assert (from_json.name, from_csv.name) == ("Acorns Small Steps", "Acorns Small Steps")
    assert [a.name for a in from_csv.areas] == ["Communication", "Moving"]
    assert from_json.areas[0].items[0].aspect == "Listening"


def test_a_new_assessment_suggests_the_full_checklist_before_the_small_one(db):
    """With nothing assessed yet the longest checklist comes first (not the short
    Participation one the alphabet put first); once the setting uses one, that one."""
    full = next(f for f in frameworks.list_frameworks(db) if "Small Steps" in f.name)
    assert frameworks.suggested_framework_id(db) == full.id
    acorns = frameworks.import_framework(db, parse_json(json.dumps(_framework())))
    assert frameworks.suggested_framework_id(db) == full.id  # three steps lose to 150
    child = save_child(db, ChildInput("Amy", "Lee", date_of_birth=date(2024, 1, 1))).id
    first_step = frameworks.get_framework(db, acorns.id).items[0].id
    assessments.save_assessment(
        db,
        child,
        AssessmentInput(acorns.id, TODAY, (Contributor.PARENT,), entries={first_step: Entry(3)}),
    )
    assert frameworks.suggested_framework_id(db) == acorns.id
    assert frameworks.suggested_framework_id(db, child_latest=full.id) == full.id
