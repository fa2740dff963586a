"""A one-page recovery sheet: the passphrase (or, with personal keys, the recovery words) on
paper, to be locked away."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from portage_desktop.i18n import tr
from portage_desktop.reports.base import RULE, SHADE, ReportMeta, Styles, build_pdf, esc


def build_recovery_sheet(
    meta: ReportMeta, passphrase: str, out: Path | None = None, recovery_words: bool = False
) -> bytes:
    """``recovery_words``: the sheet is a key slot of its own (files with personal keys), which
    opens the records as a manager, so a manager who lost their password can be given a new one.
    """
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
    if recovery_words:
        intro = tr(
            "These recovery words open your Portage Desktop records as a manager, even if "
            'every password is forgotten: on the log-in screen choose "Use the recovery sheet '
            'or passphrase instead" and type them. Anyone who has this sheet can open the '
            "records as a manager."
        )
        caption = tr("Recovery words")
        change = tr(
            "• Printing a new recovery sheet stops this one working: then shred it.<br/>"
            "• Each backup keeps the key file of its day beside it (ending .keys), so it "
            "opens with the passwords and the recovery sheet of that day.<br/>"
        )
    else:
        intro = tr(
            "This is the passphrase that opens your Portage Desktop records. Without it, "
            "nobody can open them: not you, not us. Anyone who has this sheet can open them."
        )
        caption = tr("Passphrase")
        change = tr(
            "• If you change the passphrase, shred this sheet and print a new one.<br/>"
            "• Backups made before a change still open with the passphrase of that time.<br/>"
        )
    story = [
        Paragraph(tr("Recovery sheet"), st.title),
        Paragraph(intro, st.body),
        Spacer(1, 6 * mm),
        Paragraph(caption, st.heading),
        box,
        Spacer(1, 6 * mm),
        Paragraph(tr("Keep this sheet safe"), st.heading),
        Paragraph(
            tr(
                "• Lock it away (a safe or a locked cabinet), away from the computer.<br/>"
                "• Do not photograph it or keep it in email.<br/>"
            )
            + change.removesuffix("<br/>"),
            st.body,
        ),
    ]
    return build_pdf(meta, story, out)
