"""File names and other one-line values made visible: the CLI and the web tables share it."""

from __future__ import annotations

import unicodedata

_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def shown(value: str) -> str:
    """`value` on one line: control, format (bidi overrides) and line-separator characters
    written as escapes (`\\n`, `\\x1b`, `\\u202e`), so that a file name holding them can
    neither split a row nor move the cursor, recolour a terminal or reverse the text after
    it. Left out: HTML escaping (`ui.render.esc` does that, after this)."""
    return "".join(_ESCAPES.get(ch) or (f"\\x{ord(ch):02x}" if ord(ch) < 256 else f"\\u{ord(ch):04x}")
                   if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch for ch in value)
