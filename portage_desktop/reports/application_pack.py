"""The Stamp of Approval application pack, ready for the Portage representative to sign.

Everything is plain data by the time it arrives here; plans arrive already anonymised.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from portage_desktop.reports.base import RULE, SHADE, ReportMeta, Styles, build_pdf, esc
from portage_desktop.reports.training_matrix import MatrixRow, column_widths, matrix_table
from portage_desktop.services.anonymise import AnonymisedPlan


@dataclass(frozen=True)
class CriterionRow:
    number: int
    title: str
    status: str
    evidence: tuple[str, ...]
    fixes: tuple[str, ...]


@dataclass(frozen=True)
class NarrativeSection:
    title: str
    narrative: str
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class ApplicationPack:
    award_year: int
    checked_on: str
    setting_lines: tuple[tuple[str, str], ...]
    award_rows: tuple[tuple[str, str, str, str], ...]
    criteria: tuple[CriterionRow, ...]
    sections: tuple[NarrativeSection, ...]
    training_columns: tuple[str, ...]
    training_rows: tuple[MatrixRow, ...]
    inspections: tuple[tuple[str, tuple[str, ...]], ...]
    plans: tuple[AnonymisedPlan, ...]
    missing: tuple[str, ...]
    representative: str
    status_line: str = "Draft"


_STYLE = [
    ("BACKGROUND", (0, 0), (-1, 0), SHADE),
    ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("TOPPADDING", (0, 0), (-1, -1), 3),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
]


def _table(rows: list[list], widths: list[float]) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(_STYLE))
    return table


def _lines(st: Styles, items: Sequence[str]) -> Paragraph:
    return Paragraph("<br/>".join(esc(i) for i in items), st.small)


def _front(st: Styles, pack: ApplicationPack) -> list:
    story: list = [
        Paragraph(f"Stamp of Approval application {pack.award_year}", st.title),
        Paragraph(
            f"Self-assessment against the National Portage Association's Stamp of Approval "
            f"criteria, checked against our records on {esc(pack.checked_on)}.",
            st.body,
        ),
        Paragraph(f"<b>Status:</b> {esc(pack.status_line)}", st.body),
        Paragraph("Our setting", st.heading),
    ]
    for label, value in pack.setting_lines:
        story.append(Paragraph(f"<b>{esc(label)}:</b> {esc(value) or 'Not recorded'}", st.body))
    if pack.award_rows:
        story.append(Paragraph("Award history", st.heading))
        head = ["Applied", "Awarded", "Expires", "Portage representative"]
        rows = [[Paragraph(h, st.cell_bold) for h in head]]
        rows += [[Paragraph(esc(c), st.cell) for c in r] for r in pack.award_rows]
        story.append(_table(rows, [30 * mm, 30 * mm, 30 * mm, 84 * mm]))
    return story


def _criteria(st: Styles, pack: ApplicationPack) -> list:
    story: list = [Paragraph("The criteria and our evidence", st.heading)]
    head = ["Criterion", "Where we stand", "Evidence"]
    rows = [[Paragraph(h, st.cell_bold) for h in head]]
    for c in pack.criteria:
        evidence = list(c.evidence) + [f"To do: {f}" for f in c.fixes]
        rows.append(
            [
                Paragraph(f"<b>{c.number}.</b> {esc(c.title)}", st.small),
                Paragraph(esc(c.status), st.cell_bold),
                _lines(st, evidence),
            ]
        )
    story.append(_table(rows, [48 * mm, 30 * mm, 96 * mm]))
    return story


def _plan(st: Styles, plan: AnonymisedPlan) -> list:
    story: list = [
        Paragraph(f"{esc(plan.label)}: {esc(plan.goal)}", st.heading),
        Paragraph(
            f"<b>Goal area:</b> {esc(plan.goal_area)}. <b>Kind:</b> {esc(plan.kind)}.", st.body
        ),
        Paragraph(f"<b>Target:</b> {esc(plan.target)}", st.body),
    ]
    if plan.steps:
        steps = "".join(f"<br/>{i}. {esc(s)}" for i, s in enumerate(plan.steps, start=1))
        story.append(Paragraph(f"<b>Small steps:</b>{steps}", st.body))
    story.append(Paragraph(f"<b>How to help:</b> {esc(plan.how_to_help)}", st.body))
    story.append(
        Paragraph(f"<b>Agreed with the parent:</b> {esc(plan.agreed_with_parent)}", st.body)
    )
    when = [
        w
        for w in (
            plan.started and f"started {plan.started}",
            plan.review and f"review {plan.review}",
        )
        if w
    ]
    if when:
        text = ", ".join(when)
        story.append(Paragraph(esc(text[0].upper() + text[1:]) + ".", st.body))
    if plan.photos_removed:
        story.append(
            Paragraph("Photos have been left out to protect the child's identity.", st.small)
        )
    return story


def _signatures(st: Styles, pack: ApplicationPack) -> list:
    rows = [
        [Paragraph("<b>Portage representative</b>", st.cell), Paragraph("", st.cell)],
        [Paragraph("Name", st.cell), Paragraph(esc(pack.representative), st.cell)],
        [Paragraph("Signature", st.cell), Paragraph("", st.cell)],
        [Paragraph("Date", st.cell), Paragraph("", st.cell)],
        [Paragraph("<b>Setting manager</b>", st.cell), Paragraph("", st.cell)],
        [Paragraph("Name and signature", st.cell), Paragraph("", st.cell)],
        [Paragraph("Date", st.cell), Paragraph("", st.cell)],
    ]
    table = Table(rows, colWidths=[50 * mm, 124 * mm], rowHeights=[9 * mm] + [11 * mm] * 6)
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (1, 1), (1, 3), 0.5, RULE),
                ("LINEBELOW", (1, 5), (1, 6), 0.5, RULE),
                ("SPAN", (0, 0), (1, 0)),
                ("SPAN", (0, 4), (1, 4)),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ]
        )
    )
    return [
        Paragraph("Support from a Portage representative", st.heading),
        Paragraph(
            "I know this setting and support its application for the Stamp of Approval.", st.body
        ),
        Spacer(1, 3 * mm),
        table,
    ]


def build_application_pack(
    meta: ReportMeta, pack: ApplicationPack, out: Path | None = None
) -> bytes:
    st = Styles()
    story = _front(st, pack) + _criteria(st, pack)
    if pack.missing:
        story.append(Paragraph("Still to do before sending", st.heading))
        story.extend(Paragraph(f"• {esc(m)}", st.body) for m in pack.missing)
    story.append(PageBreak())
    story.append(Paragraph("Our self-assessment", st.title))
    for section in pack.sections:
        block = [Paragraph(esc(section.title), st.heading)]
        block.append(Paragraph(esc(section.narrative) or "<i>Not written yet.</i>", st.body))
        if section.evidence:
            block.append(Paragraph("From our records:", st.small))
            block.append(_lines(st, section.evidence))
        story.append(KeepTogether(block[:2]))
        story.extend(block[2:])
    story.append(PageBreak())
    story.append(Paragraph("Staff training and NPA membership", st.title))
    story.append(
        matrix_table(
            st, pack.training_columns, pack.training_rows, column_widths(len(pack.training_columns))
        )
    )
    story.append(Paragraph("Inspection record", st.heading))
    if not pack.inspections:
        story.append(Paragraph("No inspection is recorded.", st.body))
    for title, lines in pack.inspections:
        story.append(Paragraph(f"<b>{esc(title)}</b>", st.body))
        story.append(_lines(st, lines))
        story.append(Spacer(1, 2 * mm))
    story.append(PageBreak())
    story.append(Paragraph("Four individual plans, anonymised", st.title))
    story.append(
        Paragraph(
            "Names, dates of birth, addresses, photos and other children's names have been "
            "replaced, so no child or family can be identified.",
            st.body,
        )
    )
    if not pack.plans:
        story.append(
            Paragraph(
                "No plans have been chosen yet. Choose four in the self-assessment (Stamp of "
                "Approval, then Start the self-assessment), or attach four anonymised plans on "
                "paper.",
                st.body,
            )
        )
    for plan in pack.plans:
        story.extend(_plan(st, plan))
    story.append(PageBreak())
    story.extend(_signatures(st, pack))
    return build_pdf(meta, story, out)
