"""The blank end-of-service questionnaire for a family: the service's own questions, a row of
five boxes for each scale question and lines for their own words. Big type and plain boxes, so
it prints well in black and white and is easy to fill in by hand."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from portage_desktop.i18n import tr
from portage_desktop.reports.base import INK, ReportMeta, Styles, build_pdf, esc


@dataclass(frozen=True)
class BlankQuestion:
    number: int
    text: str
    scale: bool


@dataclass(frozen=True)
class BlankQuestionnaire:
    family_line: str  # "For the family of Amy"
    reference: str  # to type the answers back against the right family
    questions: tuple[BlankQuestion, ...]
    scale_words: tuple[str, ...]
    return_to: str


def build_evaluation_questionnaire(
    sheet: BlankQuestionnaire, meta: ReportMeta, out: Path | None = None
) -> bytes:
    st = Styles()
    story: list = [
        Paragraph(tr("What did you think of Portage?"), st.title),
        Paragraph(
            esc(
                tr("{family_line}. Reference: {reference}").format(
                    family_line=sheet.family_line, reference=sheet.reference
                )
            ),
            st.body,
        ),
        Paragraph(
            tr(
                "Your answers help us improve the service. They are put together with other "
                "families' answers without names. For each numbered question, tick one box."
            ),
            st.body,
        ),
        Spacer(1, 4 * mm),
    ]
    for q in sheet.questions:
        parts: list = [
            Paragraph(
                tr("<b>{number}. {text}</b>").format(number=q.number, text=esc(q.text)), st.body
            )
        ]
        if q.scale:
            cells = [
                Paragraph(f"<b>{i}</b><br/>{esc(w)}", st.small)
                for i, w in enumerate(sheet.scale_words, 1)
            ]
            table = Table([cells], colWidths=[34 * mm] * len(cells), rowHeights=[16 * mm])
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.8, INK)]))
        else:
            table = Table([[""]] * 4, colWidths=[170 * mm], rowHeights=[9 * mm] * 4)
            table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.5, INK)]))
        parts += [table, Spacer(1, 5 * mm)]
        story.append(KeepTogether(parts))
    story.append(
        Paragraph(
            esc(
                tr("Thank you. Please return this to {return_to}.").format(
                    return_to=sheet.return_to
                )
            ),
            st.body,
        )
    )
    return build_pdf(meta, story, out)
