"""The shared record pack names the people around the child and how to reach them, and flows
without a forced page break."""

from __future__ import annotations

from datetime import date

from portage_desktop.printing.kinds import print_record
from portage_desktop.services import children, family
from portage_desktop.services.family import ProfessionalInput
from portage_desktop.services.record_vocabulary import ProfessionalRole
from tests.conftest import TODAY
from tests.pdf_text import page_count, pdf_text_in_order


def test_the_pack_lists_key_person_and_home_visitor_with_contact_details(demo_db, tmp_path):
    child = children.list_children(demo_db)[0]
    family.save_professional(
        demo_db,
        child.id,
        ProfessionalInput(
            ProfessionalRole.PORTAGE_HOME_VISITOR,
            "Rosa Quill",
            organisation="County Portage Service",
            contact="01632 960777",
            from_date=date(2026, 1, 5),
        ),
    )
    family.save_professional(  # left the day before printing: no longer shown
        demo_db,
        child.id,
        ProfessionalInput(
            ProfessionalRole.HEALTH_VISITOR,
            "Gone Before",
            contact="01632 960111",
            from_date=date(2025, 1, 5),
            to_date=TODAY.replace(day=TODAY.day - 1),
        ),
    )
    out = tmp_path / "shared.pdf"
    print_record(demo_db, "shared-record", child.id, out, today=TODAY)
    text = pdf_text_in_order(out)
    assert f"The people around {child.display_name}" in text
    assert f"Key person {child.key_person}" in text
    assert "Portage home visitor Rosa Quill County Portage Service, 01632 960777" in text
    assert "Gone Before" not in text
    # The key person first, then the home visitor before the other professionals.
    others = [
        p.name
        for p in family.list_professionals(demo_db, child.id)
        if p.is_current(TODAY) and p.name != "Rosa Quill"
    ]
    assert others  # the demo's therapists
    assert text.index(child.key_person) < text.index("Rosa Quill")
    assert all(text.index("Rosa Quill") < text.index(name) for name in others)
    # No forced break after the profile: this short pack fits on one or two full pages.
    assert page_count(out) <= 2
    assert text.index("What we are working on together") > text.index("Rosa Quill")


def test_a_service_familys_pack_names_their_allocated_home_visitor(home, tmp_path):
    from portage_desktop.services.home_visiting import caseloads
    from portage_desktop.startup import make_demo
    from tests.conftest import TEST_KEY

    db = make_demo(tmp_path / "s.db", today=TODAY, key=TEST_KEY, service=True)
    try:
        load = next(c for c in caseloads.caseloads(db, TODAY, everyone=True) if c.families)
        out = tmp_path / "shared.pdf"
        print_record(db, "shared-record", load.families[0].child_id, out, today=TODAY)
    finally:
        db.dispose()
    assert f"Portage home visitor {load.visitor.name}" in pdf_text_in_order(out)
