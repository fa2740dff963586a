"""The readable half of a subject access export: every record about one child, in plain pages."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from portage_desktop.i18n import tr
from portage_desktop.reports.base import RULE, ReportMeta, Styles, build_pdf, esc


def build_subject_access(
    meta: ReportMeta,
    child_name: str,
    sections: Sequence[tuple[str, Sequence[Sequence[tuple[str, str]]]]],
    out: Path | None = None,
) -> bytes:
    st = Styles()
    story: list = [
        Paragraph(
            tr("Everything we hold about {child_name}").format(child_name=esc(child_name)), st.title
        ),
        Paragraph(
            tr(
                "This is every record Portage Desktop keeps about this child, as it stood on the "
                "date printed below. Files such as photos and letters are listed here and included "
                "in full in the JSON file that comes with this document."
            ),
            st.body,
        ),
    ]
    for title, rows in sections:
        story.append(Paragraph(f"{esc(title)} ({len(rows)})", st.heading))
        for row in rows:
            data = [[Paragraph(esc(k), st.cell_bold), Paragraph(esc(v), st.cell)] for k, v in row]
            if not data:
                continue
            table = Table(data, colWidths=[50 * mm, 124 * mm])
            table.setStyle(
                TableStyle(
                    [
                        ("LINEBELOW", (0, -1), (-1, -1), 0.5, RULE),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ]
                )
            )
            story.extend([table, Spacer(1, 3 * mm)])
    return build_pdf(meta, story, out)
