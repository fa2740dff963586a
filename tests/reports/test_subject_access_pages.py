"""The parent's copy of a subject access export reads as a document, not a dump of tables."""

from __future__ import annotations

import json
import re

from portage_desktop.printing.kinds import export_child
from portage_desktop.services import children, frameworks
from tests.conftest import TODAY
from tests.pdf_text import pdf_text


def test_the_parents_copy_has_contents_plain_words_and_each_skills_result(demo_db, tmp_path):
    child = children.list_children(demo_db)[0]
    pdf, data = export_child(demo_db, child.id, tmp_path, today=TODAY)
    text = " ".join(pdf_text(pdf).split())
    assert "Contents" in text and "1. About your child" in text
    assert "Checklist assessments" in text and "Activity plans" in text
    for internal in ("Row version", "Status 5", "Child id", "sen_support", "share_agency"):
        assert internal not in text, internal
    # Dates as a parent writes them, never as stored.
    assert re.search(r"\b\d{2}/\d{2}/\d{4}\b", text)
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", text)
    # A checklist result reads as the skill's wording and the status's label.
    document = json.loads(data.read_text(encoding="utf-8"))
    entry = document["tables"]["assessment_entry"][0]
    framework_id = document["tables"]["assessment"][0]["framework_id"]
    detail = frameworks.get_framework(demo_db, framework_id)
    item = next(i for i in detail.items if i.id == entry["item_id"])
    level = detail.framework.level(entry["status"])
    assert level is not None
    assert " ".join(item.text.split()) in text and level.label in text
    # The machines' copy keeps every column as it was.
    assert "row_version" in document["tables"]["child"][0]
