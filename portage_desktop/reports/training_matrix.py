"""The staff training matrix: who holds which Portage training, what has lapsed and what
expires soon."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from portage_desktop.i18n import tr
from portage_desktop.reports.base import RULE, SHADE, ReportMeta, Styles, build_pdf, esc


@dataclass(frozen=True)
class MatrixRow:
    name: str
    roles: str
    working: str
    cells: tuple[str, ...]


def matrix_table(
    st: Styles, columns: Sequence[str], rows: Sequence[MatrixRow], widths: Sequence[float]
) -> Table:
    """The matrix as a table, shared with the application pack."""
    bold = ParagraphStyle("matrix_heading", parent=st.small, fontName=st.cell_bold.fontName)
    header = [Paragraph(tr("Staff member"), bold)] + [Paragraph(esc(c), bold) for c in columns]
    data = [header]
    for row in rows:
        who = f"<b>{esc(row.name)}</b><br/>{esc(row.roles)}<br/>{esc(row.working)}"
        data.append(
            [Paragraph(who, st.small)]
            + [Paragraph(esc(c) or tr("None"), st.small) for c in row.cells]
        )
    table = Table(data, colWidths=list(widths), repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def column_widths(columns: int) -> list[float]:
    """The name column, then the training columns; the free-text ones (PCPD, CPD) get more."""
    if columns == 5:
        return [mm * w for w in (30, 30, 28, 24, 31, 31)]
    rest = (174 - 36) / max(1, columns)
    return [36 * mm] + [rest * mm] * columns


def build_training_matrix(
    meta: ReportMeta,
    columns: Sequence[str],
    rows: Sequence[MatrixRow],
    warnings: Sequence[str],
    out: Path | None = None,
    lapsed: Sequence[str] = (),
) -> bytes:
    """``warnings`` are everything to act on; those also in ``lapsed`` are listed first,
    under their own heading, as lapsed."""
    st = Styles()
    story: list = [Paragraph(tr("Staff training matrix"), st.title)]
    current = sum(1 for r in rows if r.working == "Working here")
    story.append(
        Paragraph(
            tr(
                "{current} staff working here, {value} former staff whose training "
                "is kept on record. Former staff do not count towards the Stamp of Approval."
            ).format(current=current, value=len(rows) - current),
            st.body,
        )
    )
    if lapsed:
        story.append(Paragraph(tr("Lapsed: renew these"), st.heading))
        story.extend(Paragraph(tr("<b>✖ {w}</b>").format(w=esc(w)), st.body) for w in lapsed)
    coming = [w for w in warnings if w not in lapsed]
    if coming:
        story.append(Paragraph(tr("Coming up"), st.heading))
        story.extend(Paragraph(f"⚠ {esc(w)}", st.body) for w in coming)
    story.append(Spacer(1, 4 * mm))
    if not rows:
        story.append(Paragraph(tr("No staff are recorded yet."), st.body))
    else:
        story.append(matrix_table(st, columns, rows, column_widths(len(columns))))
    return build_pdf(meta, story, out)
