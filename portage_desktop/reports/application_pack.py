"""The Stamp of Approval application pack, ready for the Portage representative to sign.

Everything is plain data by the time it arrives here; plans arrive already anonymised.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from portage_desktop.i18n import tr
from portage_desktop.reports.base import RULE, SHADE, ReportMeta, Styles, build_pdf, esc
from portage_desktop.reports.training_matrix import MatrixRow, column_widths, matrix_table
from portage_desktop.services.anonymise_review import ConfirmedPlan


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
    plans: tuple[ConfirmedPlan, ...]  # only text a person reviewed and confirmed
    missing: tuple[str, ...]
    representative: str
    status_line: str = tr("Draft")


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
        Paragraph(
            tr("Stamp of Approval application {award_year}").format(award_year=pack.award_year),
            st.title,
        ),
        Paragraph(
            tr(
                "Self-assessment against the National Portage Association's Stamp of Approval "
                "criteria, checked against our records on {checked_on}."
            ).format(checked_on=esc(pack.checked_on)),
            st.body,
        ),
        Paragraph(
            tr("<b>Status:</b> {status_line}").format(status_line=esc(pack.status_line)), st.body
        ),
        Paragraph(tr("Our setting"), st.heading),
    ]
    for label, value in pack.setting_lines:
        story.append(
            Paragraph(
                tr("<b>{label}:</b> {value}").format(
                    label=esc(label), value=esc(value) or tr("Not recorded")
                ),
                st.body,
            )
        )
    if pack.award_rows:
        story.append(Paragraph(tr("Award history"), st.heading))
        head = [tr("Applied"), tr("Awarded"), tr("Expires"), tr("Portage representative")]
        rows = [[Paragraph(h, st.cell_bold) for h in head]]
        rows += [[Paragraph(esc(c), st.cell) for c in r] for r in pack.award_rows]
        story.append(_table(rows, [30 * mm, 30 * mm, 30 * mm, 84 * mm]))
    return story


def _criteria(st: Styles, pack: ApplicationPack) -> list:
    story: list = [Paragraph(tr("The criteria and our evidence"), st.heading)]
    head = [tr("Criterion"), tr("Where we stand"), tr("Evidence")]
    rows = [[Paragraph(h, st.cell_bold) for h in head]]
    for c in pack.criteria:
        evidence = list(c.evidence) + [tr("To do: {f}").format(f=f) for f in c.fixes]
        rows.append(
            [
                Paragraph(
                    tr("<b>{number}.</b> {title}").format(number=c.number, title=esc(c.title)),
                    st.small,
                ),
                Paragraph(esc(c.status), st.cell_bold),
                _lines(st, evidence),
            ]
        )
    story.append(_table(rows, [48 * mm, 30 * mm, 96 * mm]))
    return story


def _plan(st: Styles, plan: ConfirmedPlan) -> list:
    story: list = [
        Paragraph(esc(plan.label), st.heading),
        Paragraph(
            tr("<b>Goal area:</b> {goal_area}. <b>Kind:</b> {kind}.").format(
                goal_area=esc(plan.goal_area), kind=esc(plan.kind)
            ),
            st.body,
        ),
    ]
    lines = []
    for line in plan.lines:
        # "Target: ..." as the reviewer left it; the label, when still there, in bold.
        label, sep, rest = line.partition(": ")
        if sep and len(label) <= 30:
            lines.append(Paragraph(f"<b>{esc(label)}:</b> {esc(rest)}", st.body))
        else:
            lines.append(Paragraph(esc(line), st.body))
    if lines:
        # A one-cell table never splits, so the confirmed plan's small steps and how to help
        # are always read on one page.
        kept = Table([[lines]], colWidths=[170 * mm], hAlign="LEFT")
        kept.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        story.append(kept)
    when = [
        w
        for w in (
            plan.started and tr("started {started}").format(started=plan.started),
            plan.review and tr("review {review}").format(review=plan.review),
        )
        if w
    ]
    if when:
        text = ", ".join(when)
        story.append(Paragraph(esc(text[0].upper() + text[1:]) + ".", st.body))
    if plan.photos_removed:
        story.append(
            Paragraph(tr("Photos have been left out to protect the child's identity."), st.small)
        )
    return story


def _signatures(st: Styles, pack: ApplicationPack) -> list:
    rows = [
        [Paragraph(tr("<b>Portage representative</b>"), st.cell), Paragraph("", st.cell)],
        [Paragraph(tr("Name"), st.cell), Paragraph(esc(pack.representative), st.cell)],
        [Paragraph(tr("Signature"), st.cell), Paragraph("", st.cell)],
        [Paragraph(tr("Date"), st.cell), Paragraph("", st.cell)],
        [Paragraph(tr("<b>Setting manager</b>"), st.cell), Paragraph("", st.cell)],
        [Paragraph(tr("Name and signature"), st.cell), Paragraph("", st.cell)],
        [Paragraph(tr("Date"), st.cell), Paragraph("", st.cell)],
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
        Paragraph(tr("Support from a Portage representative"), st.heading),
        Paragraph(
            tr("I know this setting and support its application for the Stamp of Approval."),
            st.body,
        ),
        Spacer(1, 3 * mm),
        table,
    ]


def build_application_pack(
    meta: ReportMeta, pack: ApplicationPack, out: Path | None = None
) -> bytes:
    st = Styles()
    # Parts flow on from each other (a forced break left pages of three lines); a part's title
    # starts a new page only when little room is left, and is never left alone at a foot.
    kept_title = ParagraphStyle("kept_title", parent=st.title, keepWithNext=1)
    story = _front(st, pack) + _criteria(st, pack)
    if pack.missing:
        story.append(Paragraph(tr("Still to do before sending"), st.heading))
        story.extend(Paragraph(f"• {esc(m)}", st.body) for m in pack.missing)
    story.append(CondPageBreak(60 * mm))
    story.append(Paragraph(tr("Our self-assessment"), kept_title))
    for section in pack.sections:
        block = [Paragraph(esc(section.title), st.heading)]
        block.append(Paragraph(esc(section.narrative) or tr("<i>Not written yet.</i>"), st.body))
        if section.evidence:
            block.append(Paragraph(tr("From our records:"), st.small))
            block.append(_lines(st, section.evidence))
        story.append(KeepTogether(block[:2]))
        story.extend(block[2:])
    story.append(CondPageBreak(60 * mm))
    story.append(Paragraph(tr("Staff training and NPA membership"), kept_title))
    story.append(
        matrix_table(
            st, pack.training_columns, pack.training_rows, column_widths(len(pack.training_columns))
        )
    )
    story.append(Paragraph(tr("Inspection record"), st.heading))
    if not pack.inspections:
        story.append(Paragraph(tr("No inspection is recorded."), st.body))
    for title, lines in pack.inspections:
        story.append(Paragraph(f"<b>{esc(title)}</b>", st.body))
        story.append(_lines(st, lines))
        story.append(Spacer(1, 2 * mm))
    story.append(CondPageBreak(60 * mm))
    story.append(Paragraph(tr("Four individual plans, anonymised"), kept_title))
    if pack.plans:
        # Said only of text a person has reviewed and confirmed, never of a machine's guess.
        story.append(
            Paragraph(
                tr(
                    "Each plan below was checked and confirmed by the setting before printing: "
                    "names, dates, addresses, photos and other children's names have been "
                    "replaced, so no child or family can be identified."
                ),
                st.body,
            )
        )
    else:
        story.append(
            Paragraph(
                tr(
                    "No plans are printed here. Plans are printed only after someone has "
                    "checked them: in the self-assessment (Stamp of Approval, then Start the "
                    "self-assessment), choose four plans, review them and make the pack there. "
                    "Or attach four anonymised plans on paper."
                ),
                st.body,
            )
        )
    for plan in pack.plans:
        # A whole plan on one page where it fits; a longer one flows on, its steps still whole.
        story.append(KeepTogether(_plan(st, plan)))
    story.append(KeepTogether(_signatures(st, pack)))
    return build_pdf(meta, story, out)
