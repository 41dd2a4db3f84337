"""The version of everything derived from a notice's text: a hash of the code and the
vocabularies that derive it, so a changed parser re-derives sections, metadata,
requirements and chunks on the next ingest (and stored requirements on the next answer)
without anybody bumping a number.

Hashed: the source files of the parsing modules, and the vocabularies' values as they are
in memory (so a vocabulary changed at run time — a test, a plug-in — counts too).
Left out: the versions of third-party libraries (ftfy, BeautifulSoup); upgrading them does
not re-derive stored notices.
"""

from __future__ import annotations

import hashlib
import importlib.util
from pathlib import Path
from functools import cache

PARSER_MODULES = ("load", "repair", "headings", "sections", "metadata", "sentences", "statements",
                  "requirements", "vocab", "kinds", "facts", "chunk", "records")
PARSER_PACKAGES = ("readers",)   # every module in them counts, so a new reader cannot be forgotten


@cache
def parser_hash() -> str:
    """16 hex digits naming this parser; `parser_hash.cache_clear()` after changing a
    vocabulary at run time."""
    from . import kinds, vocab

    h = hashlib.sha256()
    for name in PARSER_MODULES:
        spec = importlib.util.find_spec(f"{__package__}.{name}")
        if spec and spec.origin:
            with open(spec.origin, "rb") as f:
                h.update(f.read())
    for package in PARSER_PACKAGES:
        folder = Path(importlib.util.find_spec(f"{__package__}.{package}").origin).parent
        for path in sorted(folder.glob("*.py")):
            h.update(path.name.encode() + path.read_bytes())
    h.update(repr(vocab.vocabularies()).encode())
    h.update(repr(kinds.registry_data()).encode())
    return h.hexdigest()[:16]
