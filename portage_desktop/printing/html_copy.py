"""The phone copy: a family document saved as one HTML file when the chosen name ends in
``.html``, in place of the PDF. The gatherers pass their sheet through :func:`build`, so the
HTML and the PDF are always made from the same plain data."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:  # the report layer loads ReportLab: only when a copy is made
    from portage_desktop.reports.base import ReportMeta

HTML_KINDS = frozenset(
    {"one-page-profile", "activity-chart", "review-report", "shared-record", "visit-record"}
)

S = TypeVar("S")


def wants_html(out: Path | None) -> bool:
    return out is not None and out.suffix.lower() in (".html", ".htm")


def build(
    meta: ReportMeta,
    sheet: S,
    out: Path | None,
    pdf: Callable[[ReportMeta, S, Path | None], bytes],
) -> bytes:
    """The PDF as before, or, for an ``.html`` name, the HTML copy written whole and private."""
    if not wants_html(out):
        return pdf(meta, sheet, out)
    from portage_desktop.printing.safe_write import write_text
    from portage_desktop.reports.html.family import render

    assert out is not None
    text = render(meta, sheet)
    write_text(out, text)
    return text.encode("utf-8")
