"""Plain words for the terms a family may not know, and a small "Words we use" box placed
just after the part of a family document where each term is first used, so it is explained on
the page where the family meets it. Only the terms the document actually uses are explained."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from portage_desktop import i18n
from portage_desktop.i18n import N_, tr
from portage_desktop.reports.base import RULE, SHADE, Styles, esc


@dataclass(frozen=True)
class Term:
    """A term, the words that show it is used (a regular expression), and what it means."""

    term: str
    pattern: str
    meaning: str


HELP_TERM = N_("How much help")

# What each of the usual levels of help means, for the activity chart's key.
PROMPT_MEANINGS = {
    N_("Full physical"): N_("your hands guide theirs"),
    N_("Partial physical"): N_("a light touch to start"),
    N_("Model"): N_("you show, they copy"),
    N_("Gesture"): N_("you point or nod"),
    N_("Verbal"): N_("you say what to do"),
    N_("Independent"): N_("no help at all"),
}


def prompt_meaning(prompt: str) -> str:
    """Plain words for one level of help, whether stored in English or in the user's language.
    (The words are marked with ``N_`` above and translated here through ``i18n.tr``.)"""
    for label, meaning in PROMPT_MEANINGS.items():
        if prompt.strip().casefold() in (label.casefold(), i18n.tr(label).casefold()):
            return i18n.tr(meaning)
    return ""


TERMS: tuple[Term, ...] = (
    Term(
        HELP_TERM,
        r"\b(full physical|partial physical|independent(ly)?)\b",
        N_(
            "the help we give, from most to least: full physical (your hands guide your "
            "child's hands all the way), partial physical (a light touch to get started), "
            "model (you show, your child copies), gesture (you point or nod), verbal (you "
            "say what to do), independent (your child does it without help)."
        ),
    ),
    Term(
        N_("Small steps"),
        r"\bsmall steps?\b",
        N_("one skill broken into little parts, learnt one at a time, so success comes often."),
    ),
    Term(
        N_("Emerging skill"),
        r"\bemerging\b",
        N_("something your child has started to do, but not yet every time."),
    ),
    Term(
        N_("Open-ended play"),
        r"\bopen[- ]ended\b",
        N_("playing together without one right answer, and noticing what your child does."),
    ),
    Term(
        N_("Outcome-focused"),
        r"\boutcome[- ]focused\b",
        N_("a plan with a clear aim, worked on in small steps and ticked off as each is learnt."),
    ),
    Term(
        N_("Key person"),
        r"\bkey person\b",
        N_("the member of staff who knows your child best and is your first point of contact."),
    ),
    Term(
        N_("Portage home visitor"),
        r"\bportage home visitor\b",
        N_("the person who visits you at home to play, plan and learn with you and your child."),
    ),
    Term(
        N_("SENCO"),
        r"\bSENCOs?\b",
        N_(
            "the Special Educational Needs Co-ordinator: the member of staff who makes sure "
            "children who need extra help get it."
        ),
    ),
    Term(
        N_("SEND"),
        r"\bSEND\b",
        N_("special educational needs and disabilities."),
    ),
    Term(
        N_("EHC plan"),
        r"\b(EHC plan|EHCP|education, health and care plan)\b",
        N_(
            "an Education, Health and Care plan: a legal document from the council setting out "
            "your child's needs and the help they must get."
        ),
    ),
    Term(
        N_("Makaton"),
        r"\bmakaton\b",
        N_("a way of communicating with signs and symbols alongside speech."),
    ),
    Term(
        N_("Backward chaining"),
        r"\bbackward chaining\b",
        N_("you do the start of a task and your child finishes it, then a little more each time."),
    ),
    Term(
        N_("Forward chaining"),
        r"\bforward chaining\b",
        N_("your child does the first part of a task and you finish it, adding a part at a time."),
    ),
    Term(
        N_("Speech and language therapist"),
        r"\b(speech and language therapist|SALT)\b",
        N_("a health professional who helps children with talking, listening and eating."),
    ),
    Term(
        N_("Occupational therapist"),
        r"\b(occupational therapist|OT)\b",
        N_("a health professional who helps with everyday skills such as dressing and play."),
    ),
)
_CASE_SENSITIVE = {
    "SENCO",
    "SEND",
    "EHC plan",
    "Speech and language therapist",
    "Occupational therapist",
}


def _regex(term: Term) -> re.Pattern[str]:
    flags = 0 if term.term in _CASE_SENSITIVE else re.IGNORECASE
    return re.compile(term.pattern, flags)


def terms_in(text: str, already: Iterable[str] = ()) -> list[Term]:
    """The terms ``text`` uses, in the glossary's order, leaving out those already explained."""
    done = set(already)
    return [t for t in TERMS if t.term not in done and _regex(t).search(text)]


def _texts(item: object) -> Iterator[str]:
    """Every piece of text a flowable shows, looking inside tables and kept-together groups."""
    if isinstance(item, Paragraph):
        yield item.getPlainText()
    elif isinstance(item, str):
        yield item
    elif isinstance(item, Table):
        for row in item._cellvalues:
            for cell in row:
                yield from _texts(cell)
    elif isinstance(item, KeepTogether):
        yield from _texts(item._content)
    elif isinstance(item, (list, tuple)):
        for part in item:
            yield from _texts(part)


def explanation(term: Term, style: ParagraphStyle) -> Paragraph:
    """One term in bold with its plain meaning."""
    return Paragraph(
        tr("<b>{term}</b>: {meaning}").format(
            term=esc(i18n.tr(term.term)), meaning=esc(i18n.tr(term.meaning))
        ),
        style,
    )


def words_box(terms: Sequence[Term], st: Styles, width: float) -> Flowable:
    """The "Words we use" box, kept in one piece on its page."""
    return KeepTogether(words_box_parts(terms, st, width))


def words_box_parts(terms: Sequence[Term], st: Styles, width: float) -> list[Flowable]:
    """The box's parts: each term in bold with its meaning, in body-sized type (a page that
    measures itself before drawing, as the one-page profile does, measures these)."""
    lines = [Paragraph(tr("<b>Words we use</b>"), st.body)]
    lines += [explanation(t, st.body) for t in terms]
    box = Table([[lines]], colWidths=[width])
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.6, RULE),
                ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return [Spacer(1, 3), box, Spacer(1, 4)]


def explain_terms(
    story: Sequence[Flowable], st: Styles, width: float, already: Sequence[str] = ()
) -> list[Flowable]:
    """The story with a "Words we use" box after each part that first uses a term; terms in
    ``already`` are explained another way on the page (the chart's key for how much help)."""
    out: list[Flowable] = []
    done: list[str] = list(already)
    for item in story:
        out.append(item)
        found = terms_in(" ".join(_texts(item)), done)
        if found:
            done += [t.term for t in found]
            out.append(words_box(found, st, width))
    return out
