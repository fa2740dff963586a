"""Family documents explain the words a family may not know, on the page where each is first
used, and only the words they use."""

from __future__ import annotations

from datetime import date

from portage_desktop.reports.base import ReportMeta
from portage_desktop.reports.glossary import TERMS, prompt_meaning, terms_in
from portage_desktop.reports.review_report import ReviewSheet, build_review_report
from tests.pdf_text import words_with_sizes

TODAY = date(2026, 7, 1)


def _review(tmp_path, who_came: str, issues: list[tuple[str, str]], wishes: str):
    sheet = ReviewSheet(
        child_name="Ola Nowak",
        held_on="10 March 2026",
        who_came=who_came,
        successes="Ola stacks three cups.",
        plans=[],
        parent_views="",
        child_voice="",
        wishes=wishes,
        transition="",
        issues=issues,
        next_review="by 1 September 2026",
    )
    out = tmp_path / "review.pdf"
    build_review_report(ReportMeta("Acorns", "Review with parents", TODAY), sheet, out)
    return words_with_sizes(out)


def _pages(words, word: str) -> list[int]:
    return sorted({p for p, w, _s, _t in words if w.strip(".,:;()") == word})


def test_each_term_is_explained_on_the_page_where_it_first_appears(tmp_path):
    filler = [(f"Something to follow up, number {n}, about the garden", "Sam") for n in range(40)]
    filler.append(("Find a Makaton class for Mum", "Sam"))
    words = _review(tmp_path, "Mum; the SENCO", filler, "")
    senco, makaton = _pages(words, "SENCO"), _pages(words, "Makaton")
    assert senco[0] == 1 and makaton[0] > 1  # the last of a long list
    explained = [(p, w) for p, w, _s, _t in words if w in ("SENCO:", "Makaton:")]
    assert explained == [(1, "SENCO:"), (makaton[0], "Makaton:")]
    assert "use" in {w for p, w, _s, _t in words if p == makaton[0]}  # "Words we use"
    assert min(size for _p, _w, size, _t in words) >= 9


def test_only_the_terms_used_are_explained(tmp_path):
    words = _review(tmp_path, "Mum; Sam", [], "")
    assert "Words" not in {w for _p, w, _s, _t in words}
    assert not {"SENCO:", "Makaton:", "EHC"} & {w for _p, w, _s, _t in words}


def test_the_terms_found_in_words():
    found = {t.term for t in terms_in("Her EHC plan says the key person will use Makaton.")}
    assert found == {"EHC plan", "Key person", "Makaton"}
    assert not terms_in("She sends a text to her aunt.")  # "SEND" only in capitals
    assert {t.term for t in terms_in("FULL physical help")} == {"How much help"}
    assert terms_in("SENCO", already=["SENCO"]) == []
    assert all(t.meaning and t.term for t in TERMS)
    assert prompt_meaning("Full physical") and prompt_meaning("gesture")
    assert prompt_meaning("A prompt of our own") == ""


def test_the_one_page_profile_explains_its_words_and_still_fits_one_page(tmp_path):
    from portage_desktop.reports.one_page_profile import (
        ProfileSheet,
        build_one_page_profile,
        measure_profile,
    )
    from tests.pdf_text import page_count, pdf_text

    sections = [
        ("How to communicate with me", "I use Makaton signs for more and finished."),
        ("How best to support me", "Our SENCO meets my family each term."),
        ("What people like about me", "My smile."),
    ]
    sheet = ProfileSheet("Ola Nowak", "1 March 2026", "Mum", sections)
    assert measure_profile(sheet).fits
    out = tmp_path / "profile.pdf"
    build_one_page_profile(ReportMeta("Acorns", "One-page profile", TODAY), sheet, out)
    text = " ".join(pdf_text(out).split())
    assert page_count(out) == 1 and "Words we use" in text
    assert "Makaton" in text.partition("Words we use")[2]
    assert "SENCO" in text.partition("Words we use")[2]
    plain = ProfileSheet("Ola Nowak", "1 March 2026", "Mum", [("Likes", "Sand and water.")])
    build_one_page_profile(ReportMeta("Acorns", "One-page profile", TODAY), plain, out)
    assert "Words we use" not in pdf_text(out)


def test_the_shared_record_pack_explains_the_key_person(tmp_path):
    from portage_desktop.reports.shared_record_pack import SharedPack, build_shared_record_pack
    from tests.pdf_text import pdf_text

    pack = SharedPack(
        "Ola Nowak", [("About me", "Likes sand")], [], [], [("Key person", "Beth", "Ask")]
    )
    out = tmp_path / "pack.pdf"
    build_shared_record_pack(ReportMeta("Acorns", "Shared record", TODAY), pack, out)
    explained = " ".join(pdf_text(out).split()).partition("Words we use")[2]
    assert "Key person: the member of staff" in explained
