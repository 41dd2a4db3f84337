"""Repair the text of a notice: encoding damage, export escapes, markup residue, headings
run into their text and notices flattened to one line.

The repaired text is what every later offset points into and what the UI shows. Every
step is idempotent, so `repair(repair(x)) == repair(x)`. In order:

- ftfy (mojibake, CRLF line ends, control characters);
- HTML residue in plain text: comments (`<!--StartFragment-->`) and `<br>` tags;
- literal `\\r\\n` escapes of JSON/YAML/SQL exports become line breaks;
- UTF-8 punctuation read through the Thai code page (`โข` → •, `โฆ` → …, a lone `โ` →
  ’ “ ” or –), unless the text holds genuine Thai;
- U+FFFD where an apostrophe was lost (`UNHCR\ufffds work` → `UNHCR’s work`);
- HTML entities (`&amp;`, `&nbsp;`, also double-encoded ones);
- markdown: images dropped, links `[text](url)` → `text (url)`, escaped shortcodes
  (`\\[ads1]`) dropped, backslash escapes undone (`\\"` → `"`), emphasis markers removed
  with a space kept where they glued words (`in**English**and` → `in English and`);
- odd spaces (no-break, zero-width) become plain spaces;
- headings run into their text go on a line of their own (`ResponsibilitiesUnder` →
  `Responsibilities` / `Under`); in flattened lines (one line for a whole notice), ALL-CAPS
  headings (`... daily basis. KEY ACCOUNTABILITIES (not all-inclusive): Provide ...`) and
  known headings (`... an asset. Language: Fluency ...`) start a new line;
- bullets: inline `•` items start a new line, a lone `•` joins the item after it;
- trailing spaces and runs of blank lines go.

Left out: re-splitting words glued inside sentences ("theProtection Unit"), which needs a
dictionary; U+FFFD anywhere but a lost apostrophe (what it stood for is unknown); stray
single `*` left by broken markdown (`indicators *level 2`), which may be a footnote mark;
literal `\\n` escapes not followed by a capital, digit or bullet (`C:\\new` must stay).
"""

from __future__ import annotations

import html
import re

import ftfy

from .headings import (INLINE_KINDS, TITLE_LABELS, classify, glued_heading_pattern,
                       heading_kind, inline_heading_pattern)

# UTF-8 punctuation read through the Thai code page (cp874/TIS-620) loses its middle
# byte (0x80 is not mapped), so "•" (E2 80 A2) arrives as "โข" and "…" (E2 80 A6) as
# "โฆ"; curly quotes and dashes (E2 80 9x) lose two bytes and leave a lone "โ".
_THAI_BULLET = "\u0e42\u0e02"
_THAI_ELLIPSIS = "\u0e42\u0e06"
_THAI_LEAD = "\u0e42"
_THAI_LETTERS = re.compile(r"[\u0e01-\u0e5b]")

_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, fix_line_breaks=True, unescape_html=False,
                             normalization="NFC", explain=False)
# A line this long holds a whole flattened notice (or a long paragraph); headings inside
# it are put on lines of their own.
FLAT_LINE = 300


def repair(text: str) -> str:
    """Apply every repair in order (see the module docstring)."""
    text = ftfy.fix_text(text, config=_FTFY)
    text = strip_html_residue(text)
    text = unescape_line_breaks(text)
    text = fix_thai_mojibake(text)
    text = fix_lost_apostrophes(text)
    text = unescape_entities(text)
    text = strip_markdown(text)
    text = normalise_spaces(text)
    text = split_glued_headings(text)
    text = split_flattened_lines(text)
    text = unflatten_bullets(text)
    return tidy_lines(text)


_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_BR = re.compile(r"<br\s*/?>", re.I)


def strip_html_residue(text: str) -> str:
    """HTML comments (editor paste residue) go; `<br>` tags become line breaks."""
    return _BR.sub("\n", _HTML_COMMENT.sub("", text))


_LITERAL_CRLF = re.compile(r"\\r\\n|\\n(?=\\r?\\n|[A-Z0-9*•-]|\s*$)|\\r(?=\\n)")


def unescape_line_breaks(text: str) -> str:
    """Literal `\\r\\n` (and `\\n` before a capital, digit, bullet or another break) left by
    a JSON/YAML/SQL export become real line breaks."""
    if "\\n" not in text:
        return text
    return _LITERAL_CRLF.sub("\n", text)


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


_LOST_APOSTROPHE = re.compile(r"(?<=[A-Za-z])\ufffd(?=(?:s|t|d|ll|re|ve|m)\b)")


def fix_lost_apostrophes(text: str) -> str:
    """U+FFFD between a word and `s`, `t`, `ll`... stood for an apostrophe: `UNHCR’s`."""
    return _LOST_APOSTROPHE.sub("’", text)


_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#[0-9]{2,5}|#x[0-9A-Fa-f]{2,4});")


def unescape_entities(text: str) -> str:
    """Decode HTML entities left in plain text (`&amp;`, `&nbsp;`, `&amp;amp;`)."""
    for _ in range(3):
        decoded = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
        if decoded == text:
            break
        text = decoded
    return text


_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"(?<![\\!])\[(?P<label>[^\[\]\n]+)\]\((?P<url>[^()\s]+(?:\([^()\s]*\)[^()\s]*)*)\)")
_SHORTCODE = re.compile(r"\\\[[a-z][a-z0-9_-]*\\?\][ \t]?")
_ESCAPED = re.compile(r"\\+([\"'*_#\[\](){}.!+|`-])")
_STRONG = re.compile(r"(?<![\\*_])(\*\*|__)(?=[^\s*_])(?P<inner>[^\n]+?)(?<=[^\s\\])\1(?![*_])")
_EMPHASIS = re.compile(r"(?<![\w\\*])(\*|_)(?=[^\s*_])(?P<inner>[^*_\n]+?)(?<=[^\s\\])\1(?![\w*])")
_LEFTOVER_STARS = re.compile(r"(?<=\S)\*{2,}|\*{2,}(?=\S)")
_NO_SPACE_BEFORE = "([{“‘\"'/-*_"
_NO_SPACE_AFTER = ".,;:!?)]}”’\"'/-…*_"


def strip_markdown(text: str) -> str:
    """Markdown that is not text: images, link syntax, escaped shortcodes, backslash
    escapes, emphasis markers (a space is kept where they glued two words together)."""
    text = _IMAGE.sub("", text)
    text = _LINK.sub(_link_text, text)
    text = _SHORTCODE.sub("", text)
    text = _unmark(_STRONG, text)
    text = unescape_backslashes(text)
    text = _LEFTOVER_STARS.sub("", text)
    return _unmark(_EMPHASIS, text)


def _link_text(m: re.Match) -> str:
    label, url = m.group("label").strip(), m.group("url")
    bare = re.sub(r"^(?:https?://|mailto:)", "", url).rstrip("/")
    if label.rstrip("/") in (url.rstrip("/"), bare) or label.strip("<>") == bare:
        return label
    return f"{label} ({url})"


def _unmark(pattern: re.Pattern, text: str) -> str:
    def unmark(m: re.Match) -> str:
        start, end = m.start(), m.end()
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        left = "" if before.isspace() or before in _NO_SPACE_BEFORE else " "
        right = "" if after.isspace() or after in _NO_SPACE_AFTER else " "
        return f"{left}{m.group('inner')}{right}"

    return pattern.sub(unmark, text)


def unescape_backslashes(text: str) -> str:
    """Quotes and markdown characters escaped by a JSON/SQL export or a markdown editor:
    `\\"fluent\\"` → `"fluent"`, `\\*` → `*`."""
    return _ESCAPED.sub(r"\1", text)


def normalise_spaces(text: str) -> str:
    """No-break and odd spaces become plain spaces; zero-width ones go; trailing spaces go."""
    text = re.sub(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]", " ", text)
    text = re.sub(r"[\u200b-\u200d\u2060\ufeff]", "", text)
    return re.sub(r"[ \t]+\n", "\n", text)


def split_glued_headings(text: str) -> str:
    """Put a heading run into its text on a line of its own:
    `...your work. ResponsibilitiesUnder the` → `...your work.\\nResponsibilities\\nUnder the`."""

    def split(m: re.Match) -> str:
        return f"\n{m.group('heading')}\n"

    return glued_heading_pattern().sub(split, text)


_CAPS_WORD = r"(?:&|[/(]?[A-Z][A-Z’'/&-]*)"
_CAPS_RUN = re.compile(
    rf"(?:^|(?<=[ \t]))(?P<run>{_CAPS_WORD}(?:[ \t]+{_CAPS_WORD}){{0,7}})"
    r"(?P<qual>[ \t]*\([^()\n]{1,80}\))?(?P<colon>[ \t]*[:?])?(?P<after>[ \t]+|$)", re.M)
_TITLE_LABEL = re.compile(
    r"(?<=[.!?:;)])[ \t]+(?P<label>[A-Z][\w’'&/-]*(?:[ \t](?:[A-Z][\w’'&/-]*|and|of|&|the|for))"
    r"{0,4})[ \t]*:(?=[ \t])")


def split_flattened_lines(text: str) -> str:
    """In lines longer than FLAT_LINE, start a new line at each heading: ALL-CAPS headings
    (on a line of their own, or followed by their text when they end with a colon), known
    Title Case headings after a sentence end, and `Label:` openers of requirement sections
    or of the job facts (`Education:`, `Position Title:`)."""
    lines = text.split("\n")
    return "\n".join(_split_line(line) if len(line) > FLAT_LINE else line for line in lines)


def _split_line(line: str) -> str:
    line = _CAPS_RUN.sub(_caps_heading, line)
    line = inline_heading_pattern().sub(lambda m: f"\n{m.group('heading')}\n", line)
    return _TITLE_LABEL.sub(_title_label, line)


def _caps_heading(m: re.Match) -> str:
    words = m.group("run").split()
    colon = (m.group("colon") or "").strip()
    qual = (m.group("qual") or "").strip()
    before_text, rest_of_line = m.string[:m.start()], m.string[m.end():]
    if re.search(r"\b[A-Z]{2,}[,;]?[ \t]*$", before_text):
        return m.group(0)  # inside a sentence written in capitals
    n = _heading_words(words, colon, qual, rest_of_line)
    if n is None:
        return m.group(0)
    heading = " ".join(words[:n])
    before = "\n" if m.start() > 0 else ""
    if n < len(words):  # the last word opens the sentence after the heading
        return f"{before}{heading}\n{' '.join(words[n:])}{m.group(0)[len(m.group('run')):]}"
    head = " ".join(p for p in (heading, qual) if p) + colon
    return f"{before}{head} " if colon == ":" and rest_of_line else f"{before}{head}\n"


def _heading_words(words: list[str], colon: str, qual: str, rest: str) -> int | None:
    """How many of the caps words form the heading (None: not a heading). A known heading
    may leave one short word (an acronym opening the next sentence:
    `REASONABLE ACCOMMODATION WFP is committed`); an unknown one must end at a colon, a
    capitalised word or the end of the line, and its words must tell its kind."""
    follows = rest[:1]
    for n in range(len(words), max(len(words) - 2, 0), -1):
        dropped = len(words) - n
        if dropped and (colon or qual or len(words[-1]) > 5):
            continue
        if heading_kind(" ".join(words[:n])) and (colon or dropped or not follows.islower()):
            return n
    n = len(words)
    if follows.islower() and not colon:
        if n < 3 or len(words[-1]) > 5:
            return None
        n -= 1  # `... WFP is committed`: the acronym opens the sentence
    elif not (colon or qual or not follows or re.match(r"[A-Z][a-z]", rest)):
        return None
    name = " ".join(words[:n])
    if (n < 2 and not colon) or sum(ch.isalpha() for ch in name) < 4 \
            or not any(len(w) > 3 for w in words[:n]):
        return None
    return n if classify(name) != "other" else None


def _title_label(m: re.Match) -> str:
    label = m.group("label")
    kind = heading_kind(label)
    if kind in INLINE_KINDS or label in TITLE_LABELS:
        return "\n" + m.group(0).lstrip()
    return m.group(0)


_INLINE_BULLET = re.compile(r"(?<=\S)[ \t]+•[ \t]*")
_INDENTED_BULLET = re.compile(r"^[ \t]+•", re.M)
_LONE_BULLET = re.compile(r"^•[ \t]*\n+(?=[^\s•])", re.M)


def unflatten_bullets(text: str) -> str:
    """Start every inline bullet on a new line (flattened notices run them together), drop
    the indentation before bullets and join a lone `•` to the item on the next line."""
    text = _INLINE_BULLET.sub("\n• ", text)
    text = _INDENTED_BULLET.sub("•", text)
    return _LONE_BULLET.sub("• ", text)


def tidy_lines(text: str) -> str:
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip() + "\n"
