"""Names in Arabic, Chinese and emoji show on screen, not as boxes, even on a desktop whose
own fonts lack them (this machine has only DejaVu)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextLayout

from portage_desktop.ui.common.fonts import install_fallback_fonts


def _glyphs(text: str, font: QFont) -> list[tuple[str, int]]:
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [
        (run.rawFont().familyName(), glyph)
        for run in layout.glyphRuns()
        for glyph in run.glyphIndexes()
    ]


def test_demo_children_in_other_scripts_show_in_the_list(qtbot, demo_ctx, open_window):
    assert {"Noto Sans Arabic", "Droid Sans Fallback", "Symbola"} <= set(install_fallback_fonts())
    window = open_window(demo_ctx)
    window.go_to(1)
    page = window.children_page
    shown = [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]
    ours = [name for name in shown if any(ord(c) > 0x2FF for c in name)]
    assert sorted(ours) == sorted(["ليلى حداد", "静怡 陈"])
    assert "Łucja Wiśniewska" in shown
    font = page.table.font()
    for name in [*ours, "Łucja Wiśniewska", "Amy 🌈"]:
        glyphs = _glyphs(name, font)
        assert glyphs and all(g != 0 for _family, g in glyphs), (name, glyphs)
    families = {family for name in ours for family, _g in _glyphs(name, font)}
    assert "Droid Sans Fallback" in families
