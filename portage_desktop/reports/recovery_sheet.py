"""A one-page recovery sheet: the passphrase on paper, to be locked away."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from portage_desktop.reports.base import RULE, SHADE, ReportMeta, Styles, build_pdf, esc


def build_recovery_sheet(meta: ReportMeta, passphrase: str, out: Path | None = None) -> bytes:
    st = Styles()
    big = st.title.clone("passphrase", fontSize=18, leading=24, textColor=st.body.textColor)
    box = Table([[Paragraph(esc(passphrase), big)]], colWidths=[170 * mm])
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1, RULE),
                ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
            ]
        )
    )
    story = [
        Paragraph("Recovery sheet", st.title),
        Paragraph(
            "This is the passphrase that opens your Portage Desktop records. Without it, "
            "nobody can open them: not you, not us. Anyone who has this sheet can open them.",
            st.body,
        ),
        Spacer(1, 6 * mm),
        Paragraph("Passphrase", st.heading),
        box,
        Spacer(1, 6 * mm),
        Paragraph("Keep this sheet safe", st.heading),
        Paragraph(
            "• Lock it away (a safe or a locked cabinet), away from the computer.<br/>"
            "• Do not photograph it or keep it in email.<br/>"
            "• If you change the passphrase, shred this sheet and print a new one.<br/>"
            "• Backups made before a change still open with the passphrase of that time.",
            st.body,
        ),
    ]
    return build_pdf(meta, story, out)
