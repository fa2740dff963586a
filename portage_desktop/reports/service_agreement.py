"""The service level agreement: what the family and the service each agree to, signed by the
parent at the first visit."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    ListFlowable,
    ListItem,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from portage_desktop.i18n import tr
from portage_desktop.reports.base import MARGIN, RULE, ReportMeta, Styles, build_pdf, esc

WIDTH = 210 * mm - 2 * MARGIN


@dataclass(frozen=True)
class AgreementSheet:
    child_name: str
    service_name: str
    visitor_name: str
    visit_pattern: str  # "Weekly, on Tuesdays at 10:00, in term time"
    visit_minutes: int
    block_visits: int
    signed_by: str
    signed_on: str  # "" when not signed yet: lines are left to sign by hand
    recorded_by: str


def _list(items: list[str], st: Styles) -> ListFlowable:
    return ListFlowable(
        [ListItem(Paragraph(esc(t), st.body), leftIndent=12) for t in items],
        bulletType="bullet",
        start="•",
        leftIndent=12,
    )


def build_service_agreement(
    meta: ReportMeta, sheet: AgreementSheet, out: Path | None = None
) -> bytes:
    st = Styles()
    child = sheet.child_name
    story: list[Flowable] = [
        Paragraph(
            tr("Our agreement: Portage visits for {child}").format(child=esc(child)), st.title
        ),
        Paragraph(
            esc(
                tr(
                    "{visitor_name} from {service_name} will visit {child} and your "
                    "family. {visit_pattern}. Each visit lasts about {visit_minutes} "
                    "minutes, in blocks of {block_visits} visits with a review together at "
                    "the last visit of each block."
                ).format(
                    visitor_name=sheet.visitor_name,
                    service_name=sheet.service_name,
                    child=child,
                    visit_pattern=sheet.visit_pattern,
                    visit_minutes=sheet.visit_minutes,
                    block_visits=sheet.block_visits,
                )
            ),
            st.body,
        ),
        Paragraph(tr("What we will do"), st.heading),
        _list(
            [
                tr("Come at the agreed time, and let you know as early as we can if we cannot."),
                tr("Plan small steps with you, starting from what {child} enjoys.").format(
                    child=child
                ),
                tr("Write the visit notes with you, and leave you a copy."),
                tr(
                    "Keep your family's information safe, and share it only as agreed with you "
                    "(or where the law requires it to keep a child safe)."
                ),
            ],
            st,
        ),
        Paragraph(tr("What we ask of you"), st.heading),
        _list(
            [
                tr(
                    "Be at home and take part in each visit: the visits are for you and your "
                    "child together."
                ),
                tr(
                    "Practise the week's activity for a few minutes every day, and note how it "
                    "went."
                ),
                tr("Tell us as early as you can if you need to cancel a visit."),
                tr("Tell us about changes, such as starting at a nursery or a new appointment."),
            ],
            st,
        ),
        Paragraph(
            tr(
                "If visits are missed several times without a message, or the practice is not "
                "happening, we will talk with you about whether visits should continue."
            ),
            st.body,
        ),
        Spacer(1, 12),
    ]
    signed = sheet.signed_on
    rows = [
        [tr("Parent or carer"), sheet.signed_by if signed else ""],
        [tr("Date signed"), signed],
        [tr("Home visitor"), sheet.visitor_name],
    ]
    table = Table(
        [
            [Paragraph(esc(a), st.cell_bold), Paragraph(esc(b) or "&nbsp;", st.cell)]
            for a, b in rows
        ],
        colWidths=[50 * mm, WIDTH - 50 * mm],
        rowHeights=[11 * mm] * len(rows),
    )
    table.setStyle(
        TableStyle(
            [("LINEBELOW", (1, 0), (1, -1), 0.6, RULE), ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]
        )
    )
    story.append(table)
    if signed and sheet.recorded_by:
        story += [
            Spacer(1, 6),
            Paragraph(
                esc(
                    tr("Signature recorded by {recorded_by}.").format(recorded_by=sheet.recorded_by)
                ),
                st.small,
            ),
        ]
    return build_pdf(meta, story, out)
