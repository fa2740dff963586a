"""Names and words in any script: which bundled font draws each character, and shaping.

The app accepts a child called 李小龙, محمد الحسن, Łucja or Amy 🌈, so every print must draw
them. One font cannot: DejaVu Sans draws Latin, Greek, Cyrillic and Hebrew; Noto Sans Arabic
draws Arabic, Urdu and Persian; Droid Sans Fallback draws Chinese, Japanese and Korean; Symbola
draws emoji. Text is cut into runs, each in the first font that has its characters, and
ReportLab shapes the runs that need it with HarfBuzz (joined Arabic letters, marks placed).

ReportLab orders right-to-left words only through a library that is not published where we
install from, so the words of a right-to-left stretch are put in visual order here; HarfBuzz
then draws each word's letters right to left. Every font ships with its licence in
``resources/fonts``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase import ttfonts as _ttfonts
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import paragraph as _paragraph

from portage_desktop.paths import resource_path

PRIMARY = "PortageSans"
PRIMARY_BOLD = "PortageSans-Bold"


@dataclass(frozen=True)
class FallbackFont:
    """A bundled font that draws what the primary font cannot."""

    name: str
    regular: str
    bold: str
    # Characters this font draws first even when the primary font has them too: DejaVu's own
    # Arabic lacks letters Urdu needs, and one word must not mix two fonts' designs.
    preferred: tuple[tuple[int, int], ...] = ()


ARABIC_RANGES = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF))
ARABIC_RANGES += ((0xFE70, 0xFEFF),)
FALLBACKS: tuple[FallbackFont, ...] = (
    FallbackFont(
        "PortageArabic", "NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf", ARABIC_RANGES
    ),
    FallbackFont("PortageCJK", "DroidSansFallback.ttf", "DroidSansFallback.ttf"),
    FallbackFont("PortageSymbols", "SymbolaEmoji.ttf", "SymbolaEmoji.ttf"),
)

# Characters the primary font draws well without shaping: Latin (with Vietnamese), Greek,
# Cyrillic, and everyday punctuation. Shaping only what needs it keeps long prints quick and
# their English text exactly as before.
_PLAIN_RANGES = ((0x0000, 0x058F), (0x1E00, 0x1FFF), (0x2000, 0x20CF), (0x2100, 0x214F))
# Strong right-to-left letters: Hebrew, Arabic (and its supplements and presentation forms).
_RTL_RANGES = ((0x0590, 0x08FF), (0xFB1D, 0xFDFF), (0xFE70, 0xFEFF))
_JOINERS = {"\u200c", "\u200d", "\ufe0e", "\ufe0f"}

_state: dict[str, object] = {}


def register_fonts() -> bool:
    """Register the primary font and every fallback once; False if the fonts are missing.

    Also routes ReportLab's per-word shaping through :func:`_shape_word`, so a word drawn in
    two fonts (a bracket around an Arabic name) is shaped font by font.
    """
    if "ok" in _state:
        return bool(_state["ok"])
    regular = resource_path("fonts", "DejaVuSans.ttf")
    bold = resource_path("fonts", "DejaVuSans-Bold.ttf")
    if not (regular.exists() and bold.exists()):
        _state["ok"] = False
        return False
    _register_family(PRIMARY, regular.as_posix(), bold.as_posix())
    for font in FALLBACKS:
        path = resource_path("fonts", font.regular)
        bold_path = resource_path("fonts", font.bold)
        if path.exists() and bold_path.exists():
            _register_family(font.name, path.as_posix(), bold_path.as_posix())
    if _paragraph.shapeFragWord is not _shape_word:
        _state["reportlab_shape"] = _paragraph.shapeFragWord
        _paragraph.shapeFragWord = _shape_word
    _ttfonts.makeToUnicodeCMap = to_unicode_cmap
    _state["ok"] = True
    return True


def _register_family(name: str, regular: str, bold: str) -> None:
    pdfmetrics.registerFont(TTFont(name, regular))
    bold_name = f"{name}-Bold"
    pdfmetrics.registerFont(TTFont(bold_name, bold))
    pdfmetrics.registerFontFamily(
        name, normal=name, bold=bold_name, italic=name, boldItalic=bold_name
    )


def to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """The map from drawn glyphs back to text, so a PDF reader can copy and search the words.

    ReportLab writes each character as four hex digits, which garbles an emoji (🌈 became ἰ):
    a character beyond U+FFFF must be written as its UTF-16 pair.
    """
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
    ]
    for code, char in enumerate(subset):
        utf16 = chr(char).encode("utf-16-be", errors="surrogatepass").hex().upper()
        lines.append(f"<{code:02X}> <{utf16}>")
    lines += ["endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)


def registered_fallbacks() -> list[str]:
    """The fallback fonts in the order they are tried (those whose files were found)."""
    register_fonts()
    names = set(pdfmetrics.getRegisteredFontNames())
    return [f.name for f in FALLBACKS if f.name in names]


@lru_cache(maxsize=8)
def _cmap(name: str) -> frozenset[int]:
    font = pdfmetrics.getFont(name)
    return frozenset(getattr(font.face, "charToGlyph", {}))


def _in(cp: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(lo <= cp <= hi for lo, hi in ranges)


@lru_cache(maxsize=4096)
def font_for(char: str) -> str:
    """The family that draws ``char``: a preferring fallback, the primary, then the others."""
    cp = ord(char)
    fallbacks = registered_fallbacks()
    for font in FALLBACKS:
        if font.name in fallbacks and _in(cp, font.preferred) and cp in _cmap(font.name):
            return font.name
    if register_fonts() and cp in _cmap(PRIMARY):
        return PRIMARY
    for name in fallbacks:
        if cp in _cmap(name):
            return name
    return PRIMARY


def _attaches(char: str) -> bool:
    """Marks, joiners and variation selectors belong to the letter before them."""
    return char in _JOINERS or unicodedata.category(char) in ("Mn", "Me")


def _direction(char: str) -> str:
    """ "R" for a right-to-left letter, "L" for any other letter, "" for the rest."""
    if _in(ord(char), _RTL_RANGES) and unicodedata.category(char).startswith("L"):
        return "R"
    return "L" if unicodedata.category(char).startswith("L") else ""


def font_runs(text: str) -> list[tuple[str, str]]:
    """Cut ``text`` into (font family, run) pairs; spaces and marks stay with their run."""
    runs: list[tuple[str, str]] = []
    for char in text:
        if runs and (_attaches(char) or (char.isspace() and ord(char) in _cmap(runs[-1][0]))):
            runs[-1] = (runs[-1][0], runs[-1][1] + char)
            continue
        font = PRIMARY if char.isspace() else font_for(char)
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + char)
        else:
            runs.append((font, char))
    return runs


def _word_direction(word: str) -> str:
    found = {_direction(c) for c in word} - {""}
    if "L" in found:
        return "L"
    return "R" if found else ""


def visual_order(line: str) -> str:
    """Put the words of each right-to-left stretch of ``line`` in the order they are seen.

    A stretch is right-to-left words with only spaces, numbers or punctuation between them;
    the page reads left to right, so "محمد الحسن" is laid out as "الحسن محمد" and HarfBuzz
    then draws each word's own letters from the right.
    """
    tokens = re.split(r"(\s+)", line)
    words = tokens[0::2]
    kinds = [_word_direction(w) for w in words]
    out = list(tokens)
    i = 0
    while i < len(words):
        if kinds[i] != "R":
            i += 1
            continue
        j = i
        while j + 1 < len(words) and kinds[j + 1] in ("R", "") and words[j + 1]:
            j += 1
        while kinds[j] != "R":
            j -= 1
        stretch = tokens[2 * i : 2 * j + 1]
        out[2 * i : 2 * j + 1] = stretch[::-1]
        i = j + 1
    return "".join(out)


def markup(text: str) -> str:
    """Escape user text for a Paragraph, its right-to-left words in visual order.

    Fonts are chosen later, word by word, as the paragraph is laid out (:func:`_shape_word`),
    where the paragraph's weight is known: a name in a bold heading stays bold in any script.
    """
    lines = (text or "").split("\n")
    return "<br/>".join(escape(visual_order(line)) for line in lines)


def needs_shaping(text: str) -> bool:
    """Whether any character needs HarfBuzz: joined or right-to-left letters, marks, emoji."""
    return any(not _in(ord(c), _PLAIN_RANGES) for c in text)


def _in_fonts(word: list) -> tuple[list, bool]:  # type: ignore[type-arg]
    """The word's pieces, each cut into runs in the fonts that draw them (same weight)."""
    pieces = []
    changed = False
    for piece in word[1:]:
        frag, text = piece
        if hasattr(frag, "cbDefn") or frag.fontName not in (PRIMARY, PRIMARY_BOLD):
            pieces.append(piece)
            continue
        bold = frag.fontName == PRIMARY_BOLD
        for family, run in font_runs(text):
            name = f"{family}-Bold" if bold else family
            if name == frag.fontName:
                pieces.append((frag, run))
            else:
                pieces.append((frag.clone(fontName=name), run))
                changed = True
    return pieces, changed


def _shape_word(word: list, *args: object, **kwargs: object) -> list:  # type: ignore[type-arg]
    """Every word of a paragraph passes here: pick its fonts, then shape it where needed.

    Characters the primary font lacks go to the fallback that has them. ReportLab shapes a
    word with its first piece's font, so a word in two fonts (a bracket around an Arabic
    name) is shaped font by font and joined again. Plain Latin words are left as they were.
    """
    shape: Callable[..., list] = _state.get("reportlab_shape", _ttfonts.shapeFragWord)  # type: ignore[assignment]
    pieces, changed = _in_fonts(word)
    texts = [text for frag, text in pieces if not hasattr(frag, "cbDefn")]
    if not changed and not any(needs_shaping(t) for t in texts):
        return word
    groups: list[list] = []  # type: ignore[type-arg]
    for piece in pieces:
        font = getattr(piece[0], "fontName", None)
        if groups and (font is None or font == groups[-1][0]):
            groups[-1][1].append(piece)
        else:
            groups.append([font, [piece]])
    shaped = []
    for _font, group in groups:
        width = sum(
            pdfmetrics.stringWidth(text, frag.fontName, frag.fontSize)
            for frag, text in group
            if not hasattr(frag, "cbDefn")
        )
        shaped.append(shape(word.__class__([width, *group]), *args, **kwargs))
    if len(shaped) == 1:
        return shaped[0]
    joined = _ttfonts.makeShapedFragWord(word)([sum(s[0] for s in shaped)])
    for part in shaped:
        joined.extend(part[1:])
    return joined


def _pieces(text: str, bold: bool) -> list[tuple[str, str]]:
    """(font, word) pieces in visual order, cut where a paragraph would shape them."""
    pieces = []
    for family, run in font_runs(visual_order(text)):
        name = f"{family}-Bold" if bold else family
        pieces.extend((name, token) for token in re.split(r"(\s+)", run) if token)
    return pieces


def _shaped(token: str, name: str, size: float) -> tuple[str, float]:
    """The token as drawn (shaped where it must be) and its width in points."""
    if token.isspace():
        return "", pdfmetrics.stringWidth(token, PRIMARY, size)
    if name in (PRIMARY, PRIMARY_BOLD) and not needs_shaping(token):
        return token, pdfmetrics.stringWidth(token, name, size)
    drawn = _ttfonts.shapeStr(token, name, size)
    data = getattr(drawn, "__shapeData__", None)
    if data is None:
        return drawn, pdfmetrics.stringWidth(token, name, size)
    return drawn, sum(d.x_advance for d in data) * size / 1000


def string_width(text: str, font_name: str, size: float) -> float:
    """How wide :func:`draw_string` draws ``text``."""
    if font_name not in (PRIMARY, PRIMARY_BOLD):
        return pdfmetrics.stringWidth(text, font_name, size)
    bold = font_name == PRIMARY_BOLD
    return sum(_shaped(t, n, size)[1] for n, t in _pieces(text, bold))


def draw_string(
    canvas: object, x: float, y: float, text: str, font_name: str, size: float, align: str = "left"
) -> None:
    """Draw one line on a canvas in the right fonts, shaped, right-to-left words in order.

    ``align`` is "left", "right" (``x`` is the right edge) or "centre".
    """
    c = canvas  # a reportlab Canvas; typed loosely so this module stays free of the canvas
    if font_name not in (PRIMARY, PRIMARY_BOLD):
        c.setFont(font_name, size)  # type: ignore[attr-defined]
        c.drawString(x, y, text)  # type: ignore[attr-defined]
        return
    bold = font_name == PRIMARY_BOLD
    drawn = [(n, *_shaped(t, n, size)) for n, t in _pieces(text, bold)]
    total = sum(w for _n, _t, w in drawn)
    if align == "right":
        x -= total
    elif align == "centre":
        x -= total / 2
    for name, token, width in drawn:
        if token:
            c.setFont(name, size)  # type: ignore[attr-defined]
            c.drawString(x, y, token)  # type: ignore[attr-defined]
        x += width
