"""The page every HTML copy shares: landmarks, header and footer, and one stylesheet that reads
at 320 px wide, prints cleanly and follows the phone's dark mode."""

from __future__ import annotations

import base64
from collections.abc import Iterable, Sequence
from html import escape

from portage_desktop.i18n import tr
from portage_desktop.reports.base import ReportMeta
from portage_desktop.services.dates import format_long

# No fonts, images or links from outside: the file must open the same with no network.
_STYLE = """
:root { color-scheme: light dark; --ink: #1b1b1b; --paper: #ffffff; --accent: #1f5f8b;
  --shade: #eef4f8; --line: #b8c7d3; }
@media (prefers-color-scheme: dark) {
  :root { --ink: #ececec; --paper: #121417; --accent: #8cc4ea; --shade: #1e262d;
    --line: #3b4a56; }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; padding: 0 1rem; background: var(--paper); color: var(--ink);
  font: 1.05rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  max-width: 46rem; margin-inline: auto; overflow-wrap: anywhere; }
header, footer { padding: 0.75rem 0; color: var(--ink); }
header { border-bottom: 2px solid var(--accent); }
footer { border-top: 1px solid var(--line); font-size: 0.9rem; margin-top: 2rem; }
h1 { font-size: 1.5rem; line-height: 1.25; margin: 0.75rem 0 0.25rem; color: var(--accent); }
h2 { font-size: 1.2rem; margin: 1.5rem 0 0.5rem; color: var(--accent); }
h3 { font-size: 1.05rem; margin: 1rem 0 0.25rem; }
p { margin: 0.25rem 0 0.75rem; white-space: pre-line; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.setting { margin: 0; font-weight: 600; }
.box { background: var(--shade); border: 1px solid var(--line); border-radius: 0.5rem;
  padding: 0.5rem 0.75rem; margin: 0.75rem 0; }
.box h2 { margin-top: 0.25rem; }
.draft { border: 2px dashed var(--accent); padding: 0.5rem; font-weight: 600; }
dl { margin: 0; } dt { font-weight: 600; margin-top: 0.5rem; } dd { margin: 0 0 0.5rem; }
img.photo { display: block; max-width: 100%; height: auto; max-height: 18rem;
  border-radius: 0.5rem; margin: 0.5rem 0; }
table { width: 100%; border-collapse: collapse; margin: 0.5rem 0 1rem; }
th, td { text-align: start; vertical-align: top; padding: 0.4rem; border: 1px solid var(--line); }
th { background: var(--shade); }
@media (max-width: 36rem) {
  /* A narrow screen stacks each row, each cell labelled, instead of scrolling sideways. */
  table.stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip: rect(0 0 0 0); }
  table.stack, table.stack tbody, table.stack tr, table.stack td { display: block; width: 100%; }
  table.stack tr { border: 1px solid var(--line); border-radius: 0.5rem; margin-bottom: 0.75rem; }
  table.stack td { border: 0; border-bottom: 1px solid var(--line); }
  table.stack td:last-child { border-bottom: 0; }
  table.stack td::before { content: attr(data-label); display: block; font-weight: 600; }
}
@media print {
  :root { --ink: #000; --paper: #fff; --accent: #000; --shade: #fff; --line: #777; }
  body { max-width: none; font-size: 11pt; }
  h2, h3 { break-after: avoid; } tr, .box, dl > div { break-inside: avoid; }
}
"""


def esc(text: object) -> str:
    """Any text from the record, safe inside an element or a quoted attribute."""
    return escape(str(text), quote=True)


def para(text: str) -> str:
    """A paragraph whose direction follows its words (an Arabic name reads right to left)."""
    return f'<p dir="auto">{esc(text)}</p>'


def heading(level: int, text: str) -> str:
    return f'<h{level} dir="auto">{esc(text)}</h{level}>'


def pairs(rows: Iterable[tuple[str, str]]) -> str:
    """Label and words, as a definition list: it stacks naturally on a narrow screen."""
    empty = tr("Nothing written yet")
    items = "".join(
        f'<div><dt dir="auto">{esc(label)}</dt><dd dir="auto">{esc(text or empty)}</dd></div>'
        for label, text in rows
    )
    return f"<dl>{items}</dl>" if items else ""


def table(caption: str, columns: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A table that becomes labelled cards below 36 rem, so nothing scrolls sideways."""
    head = "".join(f'<th scope="col">{esc(c)}</th>' for c in columns)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td dir="auto" data-label="{esc(c)}">{esc(v)}</td>'
            for c, v in zip(columns, r, strict=False)
        )
        + "</tr>"
        for r in rows
    )
    return (
        f'<table class="stack"><caption class="sr">{esc(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def photo(data: bytes | None, alt: str) -> str:
    """The photo inside the file itself, with words for anyone who cannot see it."""
    if not data:
        return ""
    mime = "image/png" if data.startswith(b"\x89PNG") else "image/jpeg"
    encoded = base64.b64encode(data).decode("ascii")
    return f'<img class="photo" src="data:{mime};base64,{encoded}" alt="{esc(alt)}">'


def document(meta: ReportMeta, title: str, body: str) -> str:
    """The whole file: one ``<h1>``, header, main and footer landmarks, the styles inline."""
    printed = tr("Printed on {date}").format(date=format_long(meta.printed_on))
    footer = tr("{setting}. This copy is private: please keep it safe.").format(
        setting=meta.setting_name
    )
    return (
        '<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "img-src data:; style-src 'unsafe-inline'\">\n"
        f"<title>{esc(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f'<header><p class="setting" dir="auto">{esc(meta.setting_name)}</p>'
        f"{heading(1, title)}</header>\n<main>\n{body}\n</main>\n"
        f'<footer><p dir="auto">{esc(footer)}</p><p>{esc(printed)}</p></footer>\n'
        "</body>\n</html>\n"
    )
