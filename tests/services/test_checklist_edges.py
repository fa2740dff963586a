"""Checklist files at the edges: hidden characters, deep nesting, broken characters and repeated
codes each get a line-and-field message, never "Something went wrong"."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from portage_desktop.checklist_format import (
    MAX_DEPTH,
    ChecklistFormatError,
    parse_csv,
    parse_file,
    parse_json,
)
from portage_desktop.paths import resource_path
from portage_desktop.services import frameworks


def _framework(**changes: object) -> dict:
    data = {
        "name": "Our steps",
        "version": "1",
        "scale": [
            {"value": 1, "label": "Not yet", "meaning": "not_yet"},
            {"value": 2, "label": "Can do", "meaning": "achieved"},
        ],
        "areas": [
            {"name": "Play", "items": [{"code": "P1", "text": "Rolls a ball back"}]},
            {"name": "Talking", "items": [{"code": "T1", "text": "Babbles"}]},
        ],
    }
    data.update(changes)
    return data


def _problems(text: str) -> list[str]:
    with pytest.raises(ChecklistFormatError) as refused:
        parse_json(text)
    return refused.value.problems


def _line_of(text: str, needle: str) -> int:
    """The line of the object holding ``needle`` (its opening brace is on the line before)."""
    return next(n for n, t in enumerate(text.splitlines(), 1) if needle in t) - 1


@pytest.mark.parametrize(
    ("hidden", "says"),
    [
        ("\x00", "hidden control character"),
        ("\u202e", "changes the direction of the writing"),
        ("\u2066", "changes the direction of the writing"),
        ("\ud800", "broken character"),
    ],
)
def test_hidden_characters_in_a_small_step_are_named_by_line_and_field(hidden, says):
    data = _framework()
    data["areas"][1]["items"].append({"code": "T2", "text": f"Says {hidden}mama"})
    text = json.dumps(data, indent=2)  # escaped as \\u202e, as a file would carry it
    problems = _problems(text)
    line = _line_of(text, '"T2"')
    assert any(p.startswith(f'Line {line}, field "text": ') and says in p for p in problems)


def test_an_area_named_only_with_invisible_characters_is_refused():
    text = json.dumps(_framework(name="\u200b\u200b"), indent=2)
    assert any('field "name": is made only of invisible characters' in p for p in _problems(text))


def test_a_lone_surrogate_never_reaches_the_database(db):
    data = _framework()
    data["areas"][0]["name"] = "Play \ud83d"
    with pytest.raises(ChecklistFormatError, match="broken character"):
        frameworks.preview_import(db, "steps.json", json.dumps(data).encode())
    assert len(frameworks.list_frameworks(db)) == 2


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 5_000, 200_000])
def test_deep_nesting_is_a_line_message_not_a_crash(depth):
    text = '{"name": "x",\n"areas": ' + "[" * depth + "]" * depth + "}"
    assert _problems(text) == [
        f"Line 2: the file is nested too deeply (more than {MAX_DEPTH} levels of brackets); "
        "a checklist needs five."
    ]


def test_brackets_inside_text_do_not_count_as_nesting():
    data = _framework()
    data["areas"][0]["items"][0]["text"] = "[" * 50 + '\\"{' * 30 + "Stacks [cups]"
    parsed = parse_json(json.dumps(data))
    assert parsed.areas[0].items[0].text.endswith("Stacks [cups]")


def test_the_shipped_checklists_are_well_within_the_depth_limit():
    for name in ("small-steps.json", "participation.json"):
        path = resource_path("checklists", name)
        assert parse_file(name, path.read_bytes()).item_count > 0


@given(st.integers(1, 3000), st.sampled_from(["[", "{", '{"a":']))
@example(1, "{")  # "{}": no areas, which is said of the whole file, not of a line
@settings(max_examples=25, deadline=None)
def test_any_nesting_is_read_or_refused_plainly(depth, opener):
    closer = {"[": "]", "{": "}", '{"a":': "}"}[opener]
    inner = "1" if opener != "{" else ""
    text = opener * depth + inner + closer * depth
    try:
        parse_json(text)
    except ChecklistFormatError as refused:
        # each problem names its line, except what is said of the whole file ("{}" has no areas)
        assert all(re.match(r"^Line \d+", p) or p.startswith("The file") for p in refused.problems)
        assert not any("nested too deeply" in p for p in refused.problems) or depth > 20


def test_a_code_used_twice_is_refused_with_both_lines():
    data = _framework()
    data["areas"][1]["items"].append({"code": "p1", "text": "Says mama"})
    text = json.dumps(data, indent=2)
    first, second = _line_of(text, '"P1"'), _line_of(text, '"p1"')
    assert _problems(text) == [
        f'Line {second}, field "code": "p1" is already used on line {first}; '
        "each code must be unique."
    ]


def test_small_steps_without_codes_may_share_none():
    data = _framework()
    data["areas"][1]["items"] += [{"text": "Says mama"}, {"text": "Says dada"}]
    assert parse_json(json.dumps(data)).item_count == 4


def test_a_code_used_twice_in_a_spreadsheet_is_refused():
    csv_text = (
        "kind,area,code,text,meaning\n"
        "name,,,Acorns Steps,\n"
        "version,,,2,\n"
        "status,,1,Not yet,not_yet\n"
        "status,,2,Achieved,achieved\n"
        "item,Play,P1,Shakes a rattle,\n"
        "item,Talking,P1,Babbles,\n"
    )
    with pytest.raises(ChecklistFormatError) as refused:
        parse_csv(csv_text)
    assert refused.value.problems == [
        'Line 7, field "code": "P1" is already used on line 6; each code must be unique.'
    ]


def test_a_csv_cell_with_a_direction_override_is_refused():
    csv_text = (
        "kind,area,code,text,meaning\n"
        "name,,,Acorns Steps,\n"
        "version,,,2,\n"
        "status,,1,Not yet,not_yet\n"
        "status,,2,Achieved,achieved\n"
        "item,Play,P1,Shakes a \u202erattle,\n"
    )
    with pytest.raises(ChecklistFormatError, match='Line 6, field "text": has a hidden'):
        parse_csv(csv_text)
