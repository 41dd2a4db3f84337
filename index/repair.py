"""Repair the text of a notice: encoding damage, entities, glued markdown and headings.

The repaired text is what every later offset points into and what the UI shows.
Left out: re-splitting words glued inside sentences ("theProtection Unit"), which needs
a dictionary and would move the text away from the source for little gain.
"""

from __future__ import annotations

import html
import re

import ftfy

from .headings import glued_heading_pattern

# UTF-8 punctuation read through the Thai code page (cp874/TIS-620) loses its middle
# byte (0x80 is not mapped), so "•" (E2 80 A2) arrives as "โข" and "…" (E2 80 A6) as
# "โฆ"; curly quotes and dashes (E2 80 9x) lose two bytes and leave a lone "โ".
_THAI_BULLET = "\u0e42\u0e02"
_THAI_ELLIPSIS = "\u0e42\u0e06"
_THAI_LEAD = "\u0e42"
_THAI_LETTERS = re.compile(r"[\u0e01-\u0e5b]")

_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, fix_line_breaks=True, unescape_html=False,
                             normalization="NFC", explain=False)


def repair(text: str) -> str:
    """Apply every repair in order; idempotent on already clean text."""
    text = ftfy.fix_text(text, config=_FTFY)
    text = fix_thai_mojibake(text)
    text = unescape_entities(text)
    text = unescape_backslashes(text)
    text = strip_glued_emphasis(text)
    text = normalise_spaces(text)
    text = split_glued_headings(text)
    text = unflatten_bullets(text)
    return tidy_lines(text)


def fix_thai_mojibake(text: str) -> str:
    """Undo the cp874 damage, unless the text is genuinely Thai."""
    if _THAI_LEAD not in text or _real_thai(text):
        return text
    text = text.replace(_THAI_BULLET, "•").replace(_THAI_ELLIPSIS, "…")
    return _replace_lone_leads(text)


def _real_thai(text: str) -> bool:
    damaged = text.replace(_THAI_BULLET, "").replace(_THAI_ELLIPSIS, "").replace(_THAI_LEAD, "")
    return _THAI_LETTERS.search(damaged) is not None


def _replace_lone_leads(text: str) -> str:
    """A lone lead byte was ’ “ ” or – : tell them apart by what surrounds it."""
    out: list[str] = []
    quote_open = False
    for i, ch in enumerate(text):
        if ch != _THAI_LEAD:
            out.append(ch)
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if before.isspace() and after.isspace():
            out.append("–")
        elif before.isalnum() and after.isalpha():
            out.append("’")
        elif not before.isalnum() and after.isalnum() or before in "([" and not after.isspace():
            out.append("“")
            quote_open = True
        elif quote_open:
            out.append("”")
            quote_open = False
        else:
            out.append("’")
    return "".join(out)


_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#[0-9]{2,5}|#x[0-9A-Fa-f]{2,4});")


def unescape_entities(text: str) -> str:
    """Decode HTML entities left in plain text (`&amp;`, `&nbsp;`, `&#39;`)."""
    return _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)


_ESCAPED = re.compile(r"\\([\"'*_#\[\]])")


def unescape_backslashes(text: str) -> str:
    """Quotes escaped by a JSON or SQL export: `\\"fluent\\"` → `"fluent"`."""
    return _ESCAPED.sub(r"\1", text)


_GLUED_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")


def strip_glued_emphasis(text: str) -> str:
    """Remove markdown bold markers, keeping a space where they glued words together:
    `in**English**and` → `in English and`."""

    def unmark(m: re.Match) -> str:
        start, end = m.start(), m.end()
        left = " " if start and text[start - 1].isalnum() else ""
        right = " " if end < len(text) and text[end].isalnum() else ""
        return f"{left}{m.group(2)}{right}"

    return _GLUED_EMPHASIS.sub(unmark, text)


def normalise_spaces(text: str) -> str:
    """No-break and odd spaces become plain spaces; trailing spaces go."""
    text = re.sub(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]", " ", text)
    text = text.replace("\u200b", "").replace("\ufeff", "")
    return re.sub(r"[ \t]+\n", "\n", text)


def split_glued_headings(text: str) -> str:
    """Put a heading run into its text on a line of its own:
    `...your work. ResponsibilitiesUnder the` → `...your work.\\nResponsibilities\\nUnder the`."""

    def split(m: re.Match) -> str:
        return f"\n{m.group('heading')}\n"

    return glued_heading_pattern().sub(split, text)


_INLINE_BULLET = re.compile(r"[ \t]+•[ \t]*")


def unflatten_bullets(text: str) -> str:
    """Start every inline bullet on a new line (flattened notices run them together)."""
    return _INLINE_BULLET.sub("\n• ", text)


def tidy_lines(text: str) -> str:
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip() + "\n"
