"""The shared-record pack for the family: the one-page profile's words, the current goals
with their plans and small steps, and the latest review, in one PDF to keep at home."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from portage_desktop.i18n import tr
from portage_desktop.reports.base import ReportMeta, Styles, build_pdf, esc


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


def build_shared_record_pack(meta: ReportMeta, pack: SharedPack, out: Path | None = None) -> bytes:
    st = Styles()
    story: list[Flowable] = [
        Paragraph(
            tr("{child_name}: our shared record").format(child_name=esc(pack.child_name)), st.title
        )
    ]
    story.append(Paragraph(tr("About me"), st.heading))
    if pack.profile:
        for heading, words in pack.profile:
            if words:
                story += [
                    Paragraph(f"<b>{esc(heading)}</b>", st.body),
                    Paragraph(esc(words), st.body),
                ]
    else:
        story.append(Paragraph(tr("We will write this together soon."), st.body))
    story += [PageBreak(), Paragraph(tr("What we are working on together"), st.heading)]
    if not pack.goals:
        story.append(Paragraph(tr("No goals yet: we will agree them with you."), st.body))
    for goal in pack.goals:
        story += [
            Spacer(1, 4),
            Paragraph(
                tr("<b>{area}:</b> {goal}").format(area=esc(goal.area), goal=esc(goal.goal)),
                st.body,
            ),
        ]
        for title, where in goal.plans:
            story.append(Paragraph(f"• {esc(title)}: {esc(where)}", st.body))
    story.append(Paragraph(tr("Our latest review"), st.heading))
    if pack.review:
        for heading, words in pack.review:
            if words:
                story.append(
                    Paragraph(
                        tr("<b>{heading}</b> {words}").format(
                            heading=esc(heading), words=esc(words)
                        ),
                        st.body,
                    )
                )
    else:
        story.append(Paragraph(tr("Our first review together is still to come."), st.body))
    return build_pdf(meta, story, out)
