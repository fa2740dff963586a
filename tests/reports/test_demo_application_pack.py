"""End to end on the demo: the application pack carries four real plans and no child's details."""

from __future__ import annotations

from datetime import date

from portage_desktop.printing.kinds import print_record
from portage_desktop.printing.stamp import make_pack
from portage_desktop.services import children, family, staff, stamp_application, stamp_check
from portage_desktop.services.anonymise_review import (
    confirmed_plan,
    people_for,
    propose,
    review_text,
)
from portage_desktop.services.dates import format_date, format_long
from portage_desktop.services.stamp_evidence import plans_for_application
from tests.pdf_text import pdf_text


def test_the_demo_pack_has_four_anonymised_plans(home, tmp_path):
    from portage_desktop.startup import make_demo
    from tests.conftest import TEST_KEY

    demo_db = make_demo(tmp_path / "d.db", seed=3, key=TEST_KEY, start_application=True)
    year = stamp_application.award_year_for(stamp_check.check_stamp(demo_db, date.today()))
    assert len(stamp_application.load_application(demo_db, year).chosen_plans) == 4
    unreviewed = pdf_text(print_record(demo_db, "application-pack", None, tmp_path / "u.pdf"))
    assert "Plan A" not in unreviewed  # plans print only from the review step
    chosen = stamp_application.load_application(demo_db, year).chosen_plans
    by_id = {p.id: p for p in plans_for_application(demo_db)}
    staff_names = [m.full_name for m in staff.list_staff(demo_db)]
    confirmed = [
        confirmed_plan(p, f"Plan {c}", propose(review_text(p), people_for(p, staff_names)))
        for c, p in zip("ABCD", [by_id[i] for i in chosen], strict=True)
    ]
    make_pack(demo_db, date.today(), tmp_path / "pack.pdf", confirmed)
    text = " ".join(pdf_text(tmp_path / "pack.pdf").split())
    for letter in "ABCD":
        assert f"Plan {letter}" in text
    for child in children.list_children(demo_db, include_archived=True):
        details = children.get_child(demo_db, child.id)
        # Surnames alone are not checked: staff, who are named on purpose, can share them.
        full_name = f"{details.first_name} {details.last_name}"
        for secret in (
            full_name,
            details.first_name,
            format_date(details.date_of_birth),
            format_long(details.date_of_birth),
        ):
            assert secret not in text, f"{secret!r} reached the anonymised pack"
        for member in family.list_family(demo_db, child.id):
            assert member.name not in text
