"""The list of children on roll, for the office wall or a staff meeting."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from portage_desktop.reports.base import RULE, SHADE, ReportMeta, Styles, build_pdf, esc


@dataclass(frozen=True)
class ChildListRow:
    name: str
    date_of_birth: str
    age: str
    key_person: str
    sen_status: str
    needs: tuple[str, ...]


def build_children_list(
    meta: ReportMeta, rows: Sequence[ChildListRow], out: Path | None = None
) -> bytes:
    st = Styles()
    story: list = [Paragraph("Children on roll", st.title)]
    if not rows:
        story.append(Paragraph("There are no children on roll yet.", st.body))
        return build_pdf(meta, story, out)
    story.append(
        Paragraph(
            f"{len(rows)} {'child' if len(rows) == 1 else 'children'}, sorted by surname.", st.body
        )
    )
    story.append(Spacer(1, 4 * mm))
    header = ["Name", "Date of birth (age)", "Key person", "SEN status", "Areas of need"]
    data = [[Paragraph(h, st.cell_bold) for h in header]]
    for row in rows:
        data.append(
            [
                Paragraph(esc(row.name), st.cell),
                Paragraph(f"{row.date_of_birth}<br/>({row.age})", st.cell),
                Paragraph(esc(row.key_person) or "Not yet chosen", st.cell),
                Paragraph(row.sen_status, st.cell),
                Paragraph("<br/>".join(map(esc, row.needs)) or "None recorded", st.cell),
            ]
        )
    table = Table(data, colWidths=[38 * mm, 33 * mm, 32 * mm, 30 * mm, 41 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    story.append(table)
    return build_pdf(meta, story, out)
