from __future__ import annotations

from datetime import date

import pytest

from portage_desktop.printing.kinds import PrintError, find_child_id, print_record
from portage_desktop.services import children, setting
from portage_desktop.services.children import ChildInput
from portage_desktop.services.setting import SettingInput
from portage_desktop.services.vocabulary import NeedArea, SenStatus, SettingKind
from tests.conftest import TODAY
from tests.pdf_text import page_count, pdf_text, readable


def test_children_list_shows_every_child_on_roll(demo_db, tmp_path):
    out = print_record(demo_db, "children-list", None, tmp_path / "list.pdf", today=TODAY)
    text = readable(pdf_text(out))  # the demo has names in Arabic and Chinese
    assert "Children on roll" in text
    assert "Sunflower Lane Nursery (demo)" in text
    assert "Printed on 22 November 2026" in text
    assert "12 children" in text
    for child in children.list_children(demo_db):
        assert child.last_name in text
    assert f"Page 1 of {page_count(out)}" in text


def test_names_in_any_alphabet_and_markup_characters_print_as_typed(db, tmp_path):
    setting.save_setting(db, SettingInput("Tots & Toddlers <Day> Nursery", SettingKind.GROUP))
    for first, last in [("Zoë", "Łukasiewicz"), ("Ayşe", "Yılmaz"), ("Ali & Sam", "O'Brien")]:
        children.save_child(
            db,
            ChildInput(
                first,
                last,
                date(2023, 1, 1),
                sen_status=SenStatus.EHC_PLAN,
                need_areas=(NeedArea.SEMH,),
            ),
            today=TODAY,
        )
    text = pdf_text(print_record(db, "children-list", None, tmp_path / "l.pdf", today=TODAY))
    for expected in (
        "Zoë Łukasiewicz",
        "Ayşe Yılmaz",
        "Ali & Sam",
        "O'Brien",
        "Tots & Toddlers <Day>",
    ):
        assert expected in text
    assert "Social, emotional" in text
    assert text.index("Łukasiewicz") < text.index("O'Brien") < text.index("Yılmaz")


def test_an_empty_list_says_so(db, tmp_path):
    setting.save_setting(db, SettingInput("Acorns", SettingKind.CHILDMINDER))
    text = pdf_text(print_record(db, "children-list", None, tmp_path / "l.pdf", today=TODAY))
    assert "no children on roll yet" in text


def test_printing_needs_a_setting(db, tmp_path):
    with pytest.raises(PrintError, match="no setting"):
        print_record(db, "children-list", None, tmp_path / "l.pdf")
    assert not (tmp_path / "l.pdf").exists()


def test_children_are_found_by_number_or_name(demo_db):
    first = children.list_children(demo_db)[0]
    assert find_child_id(demo_db, str(first.id)) == first.id
    assert find_child_id(demo_db, f"{first.first_name.upper()} {first.last_name}") == first.id
    with pytest.raises(PrintError, match="No child"):
        find_child_id(demo_db, "Nobody Atall")
    with pytest.raises(PrintError, match="record number 9999"):
        find_child_id(demo_db, "9999")


def test_an_ambiguous_name_asks_for_a_number(db):
    for _ in range(2):
        children.save_child(db, ChildInput("Sam", "Lee", date(2023, 1, 1)), today=TODAY)
    with pytest.raises(PrintError, match="More than one"):
        find_child_id(db, "sam lee")


def _rows(count: int, name: str = "Amara Okafor-Reid") -> list:
    from portage_desktop.reports.children_list import ChildListRow

    areas = (
        "Communication and interaction",
        "Social, emotional and mental health",
        "Sensory and/or physical",
    )
    return [
        ChildListRow(
            name,
            "06/03/2025",
            "1 year 8 months",
            "Dawn Wright",
            "EHC needs assessment requested",
            areas,
        )
        for _ in range(count)
    ]


def test_a_dozen_children_fit_one_page_even_with_three_areas_each(tmp_path):
    from portage_desktop.reports.base import ReportMeta
    from portage_desktop.reports.children_list import build_children_list

    out = tmp_path / "dozen.pdf"
    build_children_list(ReportMeta("Acorns", "Children on roll", TODAY), _rows(12), out)
    assert page_count(out) == 1
    assert pdf_text(out).count("Amara Okafor-Reid") == 12
    build_children_list(ReportMeta("Acorns", "Children on roll", TODAY), _rows(13), out)
    assert page_count(out) == 2  # a thirteenth such child is the first to turn the page


def test_the_demo_dozen_is_one_page(demo_db, tmp_path):
    out = print_record(demo_db, "children-list", None, tmp_path / "list.pdf", today=TODAY)
    assert page_count(out) == 1


def test_a_name_is_never_broken_inside_a_word(tmp_path):
    from portage_desktop.reports.base import ReportMeta
    from portage_desktop.reports.children_list import build_children_list
    from tests.pdf_text import words_with_sizes

    long = "Wolfeschlegelsteinhausenbergerdorff"
    out = tmp_path / "long.pdf"
    rows = _rows(1, f"Hubert {long}") + _rows(1, "Łucja Wiśniewska")
    build_children_list(ReportMeta("Acorns", "Children on roll", TODAY), rows, out)
    words = {word: size for _page, word, size, _top in words_with_sizes(out)}
    assert long in words and 9 <= words[long] < 11  # whole, and set smaller to fit
    assert words["Wiśniewska"] == 11  # a name that fits keeps the table's size
