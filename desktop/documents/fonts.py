"""The bundled DejaVu Sans fonts, registered with reportlab once.

reportlab's own TTF (Vera) has no Cyrillic at all, and a system font may be missing on an office PC, so the
documents only ever use the two TTF files shipped in resources/fonts/ (Bitstream Vera licence, see
LICENSE-DejaVu.txt beside them). reportlab embeds a subset of each font in the PDF.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..paths import resources_dir

REGULAR = "Kense-DejaVuSans"
BOLD = "Kense-DejaVuSans-Bold"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}


def font_path(name: str) -> Path:
    return resources_dir() / "fonts" / _FILES[name]


@lru_cache(maxsize=1)
def register_fonts() -> tuple[str, str]:
    """Register regular and bold (idempotent); returns their reportlab names."""
    for name in _FILES:
        pdfmetrics.registerFont(TTFont(name, str(font_path(name))))
    # the family mapping lets <b> inside Paragraph markup pick the bold face
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
    return REGULAR, BOLD


def missing_glyphs(text: str, name: str = REGULAR) -> set[str]:
    """Characters of ``text`` (other than line breaks) that the registered font cannot draw."""
    register_fonts()
    cmap = pdfmetrics.getFont(name).face.charToGlyph
    return {ch for ch in text if ch not in "\r\n\t" and ord(ch) not in cmap}
