"""The floor for printing: the same content laid out with nothing but ReportLab.

Each builder takes the plain data the app handed its own report builder (so the words, tables
and pages are the same) and lays it out the plainest way ReportLab allows: one
``SimpleDocTemplate``, paragraphs and tables in the same font, a header and page number drawn
per page. No database, no checks, no audit: what is left is the cost of ReportLab itself.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    KeepInFrame,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from portage_desktop.paths import resource_path

WIDTH = A4[0] - 36 * mm - 12
FONT, BOLD = "BareSans", "BareSans-Bold"
_fonts = False


def _register() -> None:
    global _fonts
    if not _fonts:
        pdfmetrics.registerFont(TTFont(FONT, str(resource_path("fonts", "DejaVuSans.ttf"))))
        pdfmetrics.registerFont(TTFont(BOLD, str(resource_path("fonts", "DejaVuSans-Bold.ttf"))))
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD)
        _fonts = True


def _styles() -> dict[str, ParagraphStyle]:
    _register()
    body = ParagraphStyle("body", fontName=FONT, fontSize=12, leading=16)
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=10, leading=13),
        "title": ParagraphStyle("title", parent=body, fontName=BOLD, fontSize=20, leading=25),
        "heading": ParagraphStyle("heading", parent=body, fontName=BOLD, fontSize=14, leading=18),
        "cell": ParagraphStyle("cell", parent=body, fontSize=11, leading=14),
        "bold": ParagraphStyle("bold", parent=body, fontName=BOLD, fontSize=11, leading=14),
    }


def _e(text: str) -> str:
    return escape(text or "").replace("\n", "<br/>")


def _build(story: list, setting: str, title: str) -> bytes:
    _register()
    buffer = io.BytesIO()

    def page(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(BOLD, 11)
        canvas.drawString(18 * mm, A4[1] - 12 * mm, setting)
        canvas.setFont(FONT, 10)
        canvas.drawRightString(A4[0] - 18 * mm, A4[1] - 12 * mm, title)
        canvas.drawRightString(A4[0] - 18 * mm, 9 * mm, f"Page {doc.page}")
        canvas.restoreState()

    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
    )
    doc.build(story, onFirstPage=page, onLaterPages=page)
    return buffer.getvalue()


def _grid(rows: list[list], widths: list[float], style: list | None = None) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(style or [("GRID", (0, 0), (-1, -1), 0.5, "#b9c7c2")]))
    return table


def profile(setting: str, sheet) -> bytes:
    """The one-page profile: name, when written, six boxes, scaled to one page."""
    s = _styles()
    cells = [
        [
            Paragraph(_e(h), s["bold"]),
            Paragraph(_e(t) or "<i>We will fill this in together.</i>", s["body"]),
        ]
        for h, t in sheet.sections
    ]
    rows = [cells[i : i + 2] + [""] * (2 - len(cells[i : i + 2])) for i in range(0, len(cells), 2)]
    content = [
        Paragraph("Finding out about me", s["heading"]),
        Paragraph(_e(sheet.child_name), s["title"]),
        Paragraph(f"Written on {_e(sheet.written_on)} with {_e(sheet.written_with)}", s["small"]),
        Spacer(1, 5 * mm),
        _grid(rows, [WIDTH / 2] * 2),
    ]
    return _build(
        [KeepInFrame(WIDTH, A4[1] - 40 * mm - 12, content, mode="shrink")],
        setting,
        "One-page profile",
    )


def activity_chart(setting: str, sheet) -> bytes:
    """The home chart: title, goal, the step, how to help, prompts and the week grid."""
    s = _styles()
    story: list = [
        Paragraph(f"{_e(sheet.child_name)}: {_e(sheet.title)}", s["title"]),
        Paragraph(f"<b>Our goal:</b> {_e(sheet.goal)}", s["body"]),
        _grid(
            [
                [Paragraph("This week we are practising", s["bold"])],
                [Paragraph(_e(sheet.small_step), s["heading"])],
            ],
            [WIDTH],
        ),
    ]
    for label, text in [*sheet.target, ("How to help", ""), *sheet.how_to_help]:
        story.append(Paragraph(f"<b>{_e(label)}</b> {_e(text)}", s["body"]))
    story.append(
        Paragraph(
            "<b>Help to give, from most to least:</b> " + _e(" → ".join(sheet.prompts)), s["body"]
        )
    )
    story.append(Paragraph(f"Our week starting {_e(sheet.week_of)}", s["heading"]))
    story.append(
        Paragraph(
            "Tick a box each time you try. Write what help you gave, or anything you "
            "noticed. Please bring the chart back at the end of the week.",
            s["small"],
        )
    )
    boxes = "  ".join("☐" for _ in range(sheet.tries))
    days = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    head = [
        Paragraph(h, s["bold"])
        for h in ("Day", "Each try: ✓ if done", "How much help?", "Comments")
    ]
    rows = [head] + [[Paragraph(d, s["bold"]), Paragraph(boxes, s["body"]), "", ""] for d in days]
    story.append(_grid(rows, [31 * mm, 44 * mm, 34 * mm, WIDTH - 109 * mm]))
    return _build(story, setting, "Activity chart for home")


def application_pack(setting: str, pack) -> bytes:
    """The application pack: front page, criteria, narratives, training, inspections, plans,
    signatures, in the same order and with the same tables."""
    s = _styles()
    story: list = [
        Paragraph(f"Stamp of Approval application {pack.award_year}", s["title"]),
        Paragraph(
            f"Checked against our records on {_e(pack.checked_on)}. Status: {_e(pack.status_line)}",
            s["body"],
        ),
        Paragraph("Our setting", s["heading"]),
    ]
    story += [Paragraph(f"<b>{_e(k)}:</b> {_e(v)}", s["body"]) for k, v in pack.setting_lines]
    if pack.award_rows:
        rows = [
            [
                Paragraph(h, s["bold"])
                for h in ("Applied", "Awarded", "Expires", "Portage representative")
            ]
        ]
        rows += [[Paragraph(_e(c), s["cell"]) for c in r] for r in pack.award_rows]
        story.append(_grid(rows, [30 * mm, 30 * mm, 30 * mm, 84 * mm]))
    rows = [[Paragraph(h, s["bold"]) for h in ("Criterion", "Where we stand", "Evidence")]]
    for c in pack.criteria:
        evidence = "<br/>".join(_e(e) for e in [*c.evidence, *(f"To do: {f}" for f in c.fixes)])
        rows.append(
            [
                Paragraph(f"{c.number}. {_e(c.title)}", s["small"]),
                Paragraph(_e(c.status), s["bold"]),
                Paragraph(evidence, s["small"]),
            ]
        )
    story += [
        Paragraph("The criteria and our evidence", s["heading"]),
        _grid(rows, [48 * mm, 30 * mm, 96 * mm]),
    ]
    story += [Paragraph(f"• {_e(m)}", s["body"]) for m in pack.missing]
    story += [PageBreak(), Paragraph("Our self-assessment", s["title"])]
    for section in pack.sections:
        story += [
            Paragraph(_e(section.title), s["heading"]),
            Paragraph(_e(section.narrative), s["body"]),
        ]
        story.append(Paragraph("<br/>".join(_e(e) for e in section.evidence), s["small"]))
    story += [PageBreak(), Paragraph("Staff training and NPA membership", s["title"])]
    rows = [[Paragraph(h, s["bold"]) for h in ("Staff member", *pack.training_columns)]]
    for r in pack.training_rows:
        who = f"<b>{_e(r.name)}</b><br/>{_e(r.roles)}<br/>{_e(r.working)}"
        rows.append([Paragraph(who, s["small"])] + [Paragraph(_e(c), s["small"]) for c in r.cells])
    rest = (174 - 36) / max(1, len(pack.training_columns))
    story.append(_grid(rows, [36 * mm] + [rest * mm] * len(pack.training_columns)))
    story.append(Paragraph("Inspection record", s["heading"]))
    for title, lines in pack.inspections:
        story += [
            Paragraph(f"<b>{_e(title)}</b>", s["body"]),
            Paragraph("<br/>".join(_e(x) for x in lines), s["small"]),
        ]
    story += [PageBreak(), Paragraph("Four individual plans, anonymised", s["title"])]
    for plan in pack.plans:
        steps = "".join(f"<br/>{i}. {_e(x)}" for i, x in enumerate(plan.steps, start=1))
        story += [
            Paragraph(f"{_e(plan.label)}: {_e(plan.goal)}", s["heading"]),
            Paragraph(
                f"<b>Goal area:</b> {_e(plan.goal_area)}. <b>Kind:</b> {_e(plan.kind)}.", s["body"]
            ),
            Paragraph(f"<b>Target:</b> {_e(plan.target)}", s["body"]),
            Paragraph(f"<b>Small steps:</b>{steps}", s["body"]),
            Paragraph(f"<b>How to help:</b> {_e(plan.how_to_help)}", s["body"]),
            Paragraph(f"<b>Agreed with the parent:</b> {_e(plan.agreed_with_parent)}", s["body"]),
        ]
    story += [PageBreak(), Paragraph("Support from a Portage representative", s["heading"])]
    labels = (
        "Portage representative",
        "Name",
        "Signature",
        "Date",
        "Setting manager",
        "Name and signature",
        "Date",
    )
    rows = [
        [
            Paragraph(x, s["cell"]),
            Paragraph(_e(pack.representative) if x == "Name" else "", s["cell"]),
        ]
        for x in labels
    ]
    story.append(_grid(rows, [50 * mm, 124 * mm]))
    return _build(story, setting, f"Stamp of Approval application {pack.award_year}")
