"""Every print kind, made for the demos' children as a parent, a SENCO or an assessor would
get it: no word under 9 pt, a family's documents at 12 pt, and each child's name on it in the
script the family writes it in (the demos have families in Arabic, Chinese and Polish)."""

from __future__ import annotations

from collections import Counter

from portage_desktop.printing.kinds import PRINT_KINDS, PrintError, export_child, print_record
from portage_desktop.services import children
from portage_desktop.startup import make_demo
from tests.conftest import TEST_KEY, TODAY
from tests.pdf_text import pdf_text, readable, words_with_sizes

SMALLEST = 9
FAMILY_DOCUMENTS = {
    "one-page-profile",
    "activity-chart",
    "review-report",
    "shared-record",
    "visit-record",
    "referral-outcome",
    "service-agreement",
}
# Printed for a child but naming nobody: the family answers the questionnaire anonymously.
NAMELESS = {"evaluation-questionnaire"}
OTHER_SCRIPTS = {"ليلى حداد", "静怡 陈", "Łucja Wiśniewska"}
SERVICE_OTHER_SCRIPTS = {"يوسف العلي", "梓涵 王", "Zofia Wójcik"}


def _check(path, kind: str, name: str | None) -> None:
    words = words_with_sizes(path)
    small = [(word, size) for _page, word, size, _top in words if size < SMALLEST]
    assert not small, f"{kind}: {small[:5]}"
    if kind in FAMILY_DOCUMENTS:
        commonest = Counter(size for _p, _w, size, _t in words).most_common(1)[0][0]
        assert commonest == 12, f"{kind}: most words at {commonest} pt"
    if name is not None and kind not in NAMELESS:
        text = " ".join(readable(pdf_text(path)).split())  # a long title may wrap
        assert name in text, f"{kind}: {name} missing"


def _print_everything(db, tmp_path, only: set[str] | None) -> set[str]:
    made = set()
    kids = [
        c
        for c in children.list_children(db, include_archived=True)
        if only is None or c.display_name in only
    ]
    for name, kind in PRINT_KINDS.items():
        for child in kids if kind.needs_child else [None]:
            out = tmp_path / f"{name}-{child.id if child else 'all'}.pdf"
            try:
                print_record(db, name, child.id if child else None, out, today=TODAY)
            except PrintError:
                continue  # nothing of that kind for this child yet
            _check(out, name, child.display_name if child else None)
            made.add(name)
    for child in kids:
        if child.display_name in OTHER_SCRIPTS | SERVICE_OTHER_SCRIPTS:
            pdf, _json = export_child(db, child.id, tmp_path, today=TODAY)
            _check(pdf, "subject-access", child.display_name)
            pdf.unlink()
    return made


def test_every_print_for_every_child_of_the_setting_demo(demo_db, tmp_path):
    shown = {c.display_name for c in children.list_children(demo_db)}
    assert shown >= OTHER_SCRIPTS
    made = _print_everything(demo_db, tmp_path, None)
    assert {"children-list", "one-page-profile", "activity-chart", "review-report"} <= made
    assert {"assessment-summary", "plan-summary", "shared-record", "training-matrix"} <= made


def test_every_print_for_the_service_demos_families_in_other_scripts(home, tmp_path):
    db = make_demo(tmp_path / "service.db", today=TODAY, key=TEST_KEY, service=True)
    try:
        made = _print_everything(db, tmp_path, SERVICE_OTHER_SCRIPTS)
    finally:
        db.dispose()
    assert {"visit-record", "referral-outcome", "service-agreement", "shared-record"} <= made
    assert {"service-report", "evaluation-questionnaire"} <= made
