"""The shared-record pack for the family: the one-page profile's words, the current goals
with their plans and small steps, and the latest review, in one PDF to keep at home."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from portage_desktop.i18n import tr
from portage_desktop.reports.base import MARGIN, RULE, ReportMeta, Styles, build_pdf, esc
from portage_desktop.reports.glossary import explain_terms


@dataclass(frozen=True)
class GoalSheet:
    area: str
    goal: str
    plans: Sequence[tuple[str, str]]  # (plan title, where it is: the step now, or achieved)


@dataclass(frozen=True)
class SharedPack:
    child_name: str
    profile: Sequence[tuple[str, str]]  # (heading, words); empty if no profile yet
    goals: Sequence[GoalSheet]
    review: Sequence[tuple[str, str]]  # (heading, words) of the latest review
    # (role, name, how to contact them): the key person first, then the professionals.
    people: Sequence[tuple[str, str, str]] = ()


def _people(pack: SharedPack, st: Styles, heading: ParagraphStyle) -> list[Flowable]:
    """Who is around the child and how to reach them, so the family never has to ask."""
    title = tr("The people around {child_name}").format(child_name=esc(pack.child_name))
    if not pack.people:
        return [
            Paragraph(title, heading),
            Paragraph(tr("We will add the people who help your child here."), st.body),
        ]
    head = [Paragraph(esc(t), st.cell_bold) for t in (tr("Who"), tr("Name"), tr("How to contact"))]
    rows = [[Paragraph(esc(v), st.cell) for v in person] for person in pack.people]
    table = Table([head, *rows], colWidths=[50 * mm, 50 * mm, 70 * mm], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
            ]
        )
    )
    return [Paragraph(title, heading), table]


def build_shared_record_pack(meta: ReportMeta, pack: SharedPack, out: Path | None = None) -> bytes:
    st = Styles()
    # Sections flow on from each other; a heading is never left at the foot of a page.
    heading = ParagraphStyle("kept_heading", parent=st.heading, keepWithNext=1)
    bold = ParagraphStyle("kept_bold", parent=st.body, keepWithNext=1)
    story: list[Flowable] = [
        Paragraph(
            tr("{child_name}: our shared record").format(child_name=esc(pack.child_name)), st.title
        )
    ]
    story.append(Paragraph(tr("About me"), heading))
    if pack.profile:
        for title, words in pack.profile:
            if words:
                story += [
                    Paragraph(f"<b>{esc(title)}</b>", bold),
                    Paragraph(esc(words), st.body),
                ]
    else:
        story.append(Paragraph(tr("We will write this together soon."), st.body))
    story += _people(pack, st, heading)
    story.append(Paragraph(tr("What we are working on together"), heading))
    if not pack.goals:
        story.append(Paragraph(tr("No goals yet: we will agree them with you."), st.body))
    for goal in pack.goals:
        story += [
            Spacer(1, 4),
            Paragraph(
                tr("<b>{area}:</b> {goal}").format(area=esc(goal.area), goal=esc(goal.goal)),
                bold,
            ),
        ]
        for title, where in goal.plans:
            story.append(Paragraph(f"• {esc(title)}: {esc(where)}", st.body))
    story.append(Paragraph(tr("Our latest review"), heading))
    if pack.review:
        for title, words in pack.review:
            if words:
                story.append(
                    Paragraph(
                        tr("<b>{heading}</b> {words}").format(heading=esc(title), words=esc(words)),
                        st.body,
                    )
                )
    else:
        story.append(Paragraph(tr("Our first review together is still to come."), st.body))
    # Words a family may not know (key person, SENCO, Makaton ...), where they first appear.
    return build_pdf(meta, explain_terms(story, st, A4[0] - 2 * MARGIN - 12), out)
