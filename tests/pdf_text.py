"""Read a PDF's text the way a person would see it, with poppler's pdftotext."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: install poppler-utils (./dev.sh test does)")
    result = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return result.stdout


def page_count(path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def pdf_text_in_order(path: Path) -> str:
    """Text in the order it was drawn, so a table cell's lines stay together (no columns mixed)."""
    result = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    )
    return " ".join(result.stdout.split())


def readable(text: str) -> str:
    """Text as a person reads it: poppler marks right-to-left stretches with invisible
    direction characters and keeps Arabic in its joined forms; both are undone here."""
    import unicodedata

    hidden = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e"), None)
    return unicodedata.normalize("NFKC", text.translate(hidden))


def words_with_sizes(path: Path) -> list[tuple[int, str, float, float]]:
    """Every word as (page, word, height in points, distance from the page's top), from
    ``pdftotext -bbox``: a word's box is as tall as the type it is set in (for our fonts)."""
    import re
    from html import unescape

    out = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    words = []
    page = 0
    pattern = re.compile(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*)</word>')
    for line in out.splitlines():
        if "<page " in line:
            page += 1
        found = pattern.search(line)
        if found:
            top, bottom = float(found.group(1)), float(found.group(2))
            words.append((page, unescape(found.group(3)), round(bottom - top, 2), top))
    return words
