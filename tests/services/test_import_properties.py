"""Property tests for the checklist import formats: any file either imports or is refused with
every problem named by line and field, and a refused file changes nothing."""

from __future__ import annotations

import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portage_desktop.checklist_format import ChecklistFormatError, parse_file
from portage_desktop.services import frameworks

PROBLEM = re.compile(r"^(Line \d+, field \"[^\"]+\": .+|.+)$")
quick = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

VALID = {
    "name": "Our steps",
    "version": "1",
    "scale": [
        {"value": 1, "label": "Not yet", "meaning": "not_yet"},
        {"value": 2, "label": "Can do", "meaning": "achieved"},
    ],
    "areas": [{"name": "Play", "items": [{"text": "Rolls a ball back"}]}],
}

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 500) | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "name",
                    "version",
                    "scale",
                    "areas",
                    "items",
                    "text",
                    "value",
                    "label",
                    "meaning",
                    "code",
                    "age_from_months",
                    "age_to_months",
                    "aspect",
                    "source",
                    "licence",
                ]
            ),
            children,
            max_size=6,
        )
    ),
    max_leaves=25,
)


def _outcome(name: str, content: bytes) -> str:
    try:
        parsed = parse_file(name, content)
    except ChecklistFormatError as exc:
        assert exc.problems, "a refusal must say what is wrong"
        assert all(p.strip() and PROBLEM.match(p) for p in exc.problems)
        return "refused"
    assert parsed.name and parsed.item_count >= 1
    return "parsed"


@given(st.binary(max_size=400))
def test_any_bytes_are_parsed_or_refused_plainly(content):
    _outcome("file.json", content)
    _outcome("file.csv", content)


@given(json_values)
def test_any_json_shape_is_parsed_or_refused_plainly(value):
    _outcome("file.json", json.dumps(value).encode())


@given(st.dictionaries(st.sampled_from(list(VALID)), json_values, max_size=4))
def test_damaging_a_valid_file_is_caught(overrides):
    _outcome("file.json", json.dumps({**VALID, **overrides}).encode())


@given(st.lists(st.lists(st.text(max_size=12), max_size=7), max_size=6))
def test_any_csv_rows_are_parsed_or_refused_plainly(rows):
    text = "\n".join(",".join(cell.replace("\n", " ") for cell in row) for row in rows)
    _outcome("file.csv", text.encode("utf-8"))


@quick
@given(st.dictionaries(st.sampled_from(list(VALID)), json_values, min_size=1, max_size=3))
def test_a_refused_import_leaves_the_database_unchanged(db, overrides):
    before = frameworks.list_frameworks(db)
    content = json.dumps({**VALID, **overrides, "name": "Fuzzed"}).encode()
    try:
        preview = frameworks.preview_import(db, "fuzz.json", content)
    except ChecklistFormatError:
        assert frameworks.list_frameworks(db) == before
    else:
        frameworks.import_framework(db, preview.parsed)
        assert len(frameworks.list_frameworks(db)) == len(before) + 1


def test_found_by_fuzzing_a_stray_carriage_return_in_a_csv_cell():
    assert _outcome("file.csv", b'kind,area,text\nitem,Play,"Rolls\rball') in ("refused",)
    assert _outcome("file.csv", b"\r0") == "refused"


def test_found_by_fuzzing_a_scale_that_is_not_a_list():
    content = json.dumps({**VALID, "scale": True}).encode()
    assert _outcome("file.json", content) == "refused"
