"""The list of children on roll, for the office wall or a staff meeting.

A dozen children fit one page: each child is one row of three cells (name and birth; key
person and SEN status; areas of need), three lines at most for the usual child. A name is
never broken inside a word: a surname too long for its column is set smaller (never under
9 pt), and if it is still too long the name column widens to take it whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from portage_desktop.i18n import tr
from portage_desktop.reports.base import RULE, SHADE, ReportMeta, Styles, build_pdf, esc
from portage_desktop.reports.scripts import string_width

NAME_WIDTH = 48 * mm
COLUMNS = (NAME_WIDTH, 50 * mm, 76 * mm)
_PADDING = 6  # left and right inside a cell
SMALLEST_NAME = 9.0


@dataclass(frozen=True)
class ChildListRow:
    name: str
    date_of_birth: str
    age: str
    key_person: str
    sen_status: str
    needs: tuple[str, ...]


def name_size(name: str, font: str, size: float) -> float:
    """The largest size, from ``size`` down to 9 pt, at which every word of ``name`` fits the
    name column whole (a name broken inside a word reads as two names)."""
    room = NAME_WIDTH - 2 * _PADDING
    widest = max((string_width(w, font, 1) for w in name.split()), default=0.0)
    if widest * size <= room:
        return size
    return max(SMALLEST_NAME, room / widest if widest else size)


def build_children_list(
    meta: ReportMeta, rows: Sequence[ChildListRow], out: Path | None = None
) -> bytes:
    st = Styles()
    count = f"{len(rows)} {'child' if len(rows) == 1 else 'children'}"
    story: list = [Paragraph(tr("Children on roll"), st.title)]
    if not rows:
        story.append(Paragraph(tr("There are no children on roll yet."), st.body))
        return build_pdf(meta, story, out)
    story += [
        Paragraph(tr("{count}, sorted by surname.").format(count=count), st.body),
        Spacer(1, 3 * mm),
    ]
    header = [
        tr("Name, date of birth and age"),
        tr("Key person and SEN status"),
        tr("Areas of need"),
    ]
    data = [[Paragraph(h, st.cell_bold) for h in header]]
    font = st.cell_bold.fontName
    widest = NAME_WIDTH
    for row in rows:
        size = name_size(row.name, font, st.cell_bold.fontSize)
        words = [string_width(w, font, size) for w in row.name.split()]
        widest = max(widest, max(words, default=0.0) + 2 * _PADDING + 1)
        name_style = ParagraphStyle(
            "child_name", parent=st.cell_bold, fontSize=size, leading=max(size * 1.25, 12)
        )
        data.append(
            [
                [
                    Paragraph(esc(row.name), name_style),
                    Paragraph(
                        tr("Born {date_of_birth}<br/>{age}").format(
                            date_of_birth=esc(row.date_of_birth), age=esc(row.age)
                        ),
                        st.cell,
                    ),
                ],
                Paragraph(
                    f"{esc(row.key_person) or tr('No key person yet')}<br/>{esc(row.sen_status)}",
                    st.cell,
                ),
                Paragraph("<br/>".join(map(esc, row.needs)) or tr("None recorded"), st.cell),
            ]
        )
    extra = min(widest - NAME_WIDTH, COLUMNS[2] - 50 * mm)  # from the areas column
    widths = [NAME_WIDTH + extra, COLUMNS[1], COLUMNS[2] - extra]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LEFTPADDING", (0, 0), (-1, -1), _PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), _PADDING),
            ]
        )
    )
    story.append(table)
    return build_pdf(meta, story, out)
