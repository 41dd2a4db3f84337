"""Load a notice file into text: detect the format and encoding, reject what is not a notice.

Supported: .txt .md .markdown .text .html .htm .pdf .docx. Left out: OCR of scanned PDFs,
PDFs that need a password to open, .doc (the old binary Word format), Word headers and
footers, and archives; such files are rejected (or read without those parts) and the
reason says so.

Bounded work (`Limits`, from settings): besides the file's own size, a .docx is refused
before anything is inflated when a member of its archive, or all of them together, would
inflate past `max_inflated_bytes` (the sizes its directory declares; `zipfile` never
inflates a member past its declared size and fails its CRC check when the data is
longer, so a lying directory is caught too); a PDF with more than `max_pdf_pages` pages
is refused before any page is read; the text is counted while it is extracted (per
paragraph, per page) and a notice over `max_chars` characters is refused before it is
parsed. PDF streams are inflated by pypdf, which caps each one itself. Symbolic links are
never read (`load` refuses them; see `index.build.collect` for folders and for links that
stay inside one). The wall-clock budget per file (`parse_seconds`) is kept by
`index.budget`, around this module and the parser.

Where the line is between a legacy encoding and garbage (see `decode`):
- accepted as they are: UTF-8 with or without BOM, UTF-16 and UTF-32 with a BOM;
- UTF-8 cut in the middle of its last character (a truncated file): the cut character is
  dropped;
- UTF-8 with a few stray single bytes (at most 5%; an editor mixed encodings): the stray
  bytes are read as Windows-1252;
- no UTF-8 at all: Windows-1252 (the superset of Latin-1 used for Western text) when
  it gives letters and common punctuation only and accented letters are a minority, as
  in English, French, Spanish or Portuguese; otherwise another encoding (Cyrillic,
  Chinese, Japanese, ...) when charset-normalizer decodes the bytes with little "mess"
  into text whose characters fit a known language;
- everything else is rejected: NUL bytes or control characters (binary), and bytes that
  no encoding turns into mostly letters of a known language.
"""

from __future__ import annotations

import codecs
import io
import logging
import os
import re
import stat
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .errors import RejectedFile

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | {".pdf", ".docx"}
MIN_LETTERS = 20
# Tags whose content is never notice text (and, for scripts, never shown).
_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "head")
# Elements that start a paragraph (a blank line around them) or a line of their own.
_PARAGRAPH_TAGS = ("address", "article", "aside", "blockquote", "dl", "fieldset", "figure",
                   "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main",
                   "nav", "ol", "p", "pre", "section", "table", "ul")
_LINE_TAGS = ("br", "caption", "dd", "div", "dt", "figcaption", "li", "tr")
# Break marks (private-use characters) placed around block elements, then turned into
# one line break, or a blank line when a paragraph mark is among them.
_LINE, _PARA = "\ue000", "\ue001"
_BREAKS = re.compile("[\\s\ue000\ue001]*[\ue000\ue001][\\s\ue000\ue001]*")
# Non-ASCII characters Western text in Windows-1252 uses besides accented letters.
_WESTERN_PUNCT = frozenset("\xa0‘’‚“”„–—…•€«»°·§©®™£¥¢¿¡ªº×")
# Windows-1252 letters Western text hardly uses; seeing them means another code page
# (Mac Roman é is 0x8E, Windows-1252 Ž).
_UNLIKELY_WESTERN = frozenset("ŠšŽžƒ")
# At most this share of a Windows-1252 text's letters may be non-ASCII.
_MAX_ACCENTED = 0.2
_MAX_MESS = 0.1
_MAX_STRAY = 0.05

UNSUPPORTED = "unsupported file type '{suffix}'; use " + ", ".join(sorted(SUFFIXES))
EMPTY = "the file is empty"
TOO_LARGE = "the file is {size} MB, over the {limit} MB limit (VACANCY_MAX_FILE_MB)"
UNREADABLE = "the file cannot be read ({error})"
BINARY = "the file is binary, not text (is it a renamed PDF, Word or image file?)"
BAD_BOM = "the file starts with a {encoding} byte-order mark but is not valid {encoding}"
NO_ENCODING = ("the file is not valid UTF-8 and no other text encoding fits it; "
               "save it as UTF-8 and add it again")
NO_TEXT = "no readable notice text in the file (only markup, scripts or a few characters)"
BROKEN_PDF = "the PDF cannot be read (it is damaged or not a PDF)"
ENCRYPTED_PDF = "the PDF is protected by a password; save an unprotected copy"
SCANNED_PDF = "the PDF has no text layer (a scan?); OCR is not supported"
BROKEN_DOCX = "the Word file cannot be read (it is damaged or not a .docx file)"
SYMLINK = ("the path is a symbolic link; links are not followed (copy the file itself "
           "into the folder)")
LINK_OUT = ("the symbolic link leads outside the folder being ingested; links out are never "
            "followed (copy the file itself into the folder)")
LINK_BROKEN = "the symbolic link leads nowhere (its target is missing, or links form a loop)"
NOT_REGULAR = "not a regular file (a device, pipe or socket); only files are read"
INFLATES = ("the Word file would inflate to more than {limit} MB (its part {member} alone is "
            "{size} MB); a notice is far smaller, so it is not read (VACANCY_MAX_INFLATED_MB)")
INFLATES_TOTAL = ("the Word file would inflate to {size} MB, over the {limit} MB limit; a "
                  "notice is far smaller, so it is not read (VACANCY_MAX_INFLATED_MB)")
TOO_MANY_PAGES = ("the PDF has {pages} pages, over the {limit}-page limit "
                  "(VACANCY_MAX_PDF_PAGES); split it or extract the notice's pages")
TOO_LONG = ("the text is over {limit} characters, longer than any notice "
            "(VACANCY_MAX_NOTICE_CHARS); check it is one notice, or raise the limit")


@dataclass(frozen=True)
class Limits:
    """Bounds on the work one file may cause (see the module docstring); the defaults are
    far above any real notice (the longest in the corpora is 33 KB of text). Parsing and
    requirement extraction grow linearly with the text (`benchmarks/extract.py`: about
    5 s per MB on an idle 2-core machine), so `max_chars` bounds a file's parse time, and
    `parse_seconds` (None: no budget, the file is read in the calling process) stops any
    file the parser still gets stuck on. No defaults: `Settings.index_config()` is the one
    place with them."""

    max_inflated_bytes: int
    max_chars: int
    max_pdf_pages: int
    parse_seconds: float | None  # wall clock to read one file (index.budget); None: no budget


class _TooLong(Exception):
    """Raised inside an extractor when the text passes `Limits.max_chars`."""


class _Budget:
    """Counts extracted characters; raises _TooLong as soon as they pass the limit."""

    def __init__(self, limit: int):
        self.limit, self.used = limit, 0

    def take(self, text: str) -> str:
        self.used += len(text) + 1
        if self.used > self.limit:
            raise _TooLong
        return text


@dataclass(frozen=True)
class Loaded:
    """The text of one file, before repair, and how it was decoded."""

    source: str
    text: str
    encoding: str


def load(path: Path, max_bytes: int, limits: Limits) -> Loaded:
    """Read `path` and return its text, or raise RejectedFile naming the reason. A symbolic
    link is refused, not followed (also when it is swapped in after the check: the file is
    opened with O_NOFOLLOW where the system has it)."""
    name = path.name
    suffix = path.suffix.lower()
    if path.is_symlink():
        raise RejectedFile(name, SYMLINK)
    if suffix not in SUFFIXES:
        raise RejectedFile(name, UNSUPPORTED.format(suffix=suffix or "(none)"))
    try:
        data = _read_regular(name, path, max_bytes)
    except OSError as err:
        raise RejectedFile(name, UNREADABLE.format(error=err.strerror or err)) from err
    return load_bytes(name, data, limits)


def _read_regular(name: str, path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most `max_bytes`, read through one descriptor so
    that the file checked is the file read."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as err:
        if path.is_symlink():  # ELOOP: swapped for a link after the check above
            raise RejectedFile(name, SYMLINK) from err
        raise
    with os.fdopen(fd, "rb") as f:
        info = os.fstat(f.fileno())
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(21, "Is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise RejectedFile(name, NOT_REGULAR)
        if info.st_size > max_bytes:
            raise RejectedFile(name, TOO_LARGE.format(size=_mb(info.st_size), limit=_mb(max_bytes)))
        return f.read(max_bytes + 1)


def _mb(n: int) -> str:
    """Megabytes to three significant figures (whole ones from 100 MB: "1,000", not "1e+03")."""
    value = n / 1e6
    return f"{value:,.0f}" if value >= 100 else f"{value:.3g}"


def load_bytes(name: str, data: bytes, limits: Limits) -> Loaded:
    """Decode `data` according to the suffix of `name` (see `load`); no limit on the size of
    `data` here, the other `limits` hold."""
    if not data.strip():
        raise RejectedFile(name, EMPTY)
    try:
        text, encoding = _extract(name, data, limits)
        _Budget(limits.max_chars).take(text)
    except _TooLong:
        raise RejectedFile(name, TOO_LONG.format(limit=f"{limits.max_chars:,}")) from None
    if sum(ch.isalpha() for ch in text) < MIN_LETTERS:
        raise RejectedFile(name, NO_TEXT)
    return Loaded(name, text, encoding)


def _extract(name: str, data: bytes, limits: Limits) -> tuple[str, str]:
    suffix = Path(name).suffix.lower()
    if suffix == ".pdf":
        return _pdf_text(name, data, limits), "pdf"
    if suffix == ".docx":
        return _docx_text(name, data, limits), "docx"
    text, encoding = decode(name, data)
    if suffix in HTML_SUFFIXES or _looks_like_html_document(text):
        markup, text = text, html_to_text(text)
        if sum(ch.isalpha() for ch in text) < _MIN_PAGE_LETTERS:
            text = "\n\n".join(t for t in (text, form_state_text(markup)) if t.strip())
        text = "\n\n".join(t for t in (text, wrapper_fields(markup)) if t)
    return text, encoding


# -- encodings ---------------------------------------------------------------------------

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode(name: str, data: bytes) -> tuple[str, str]:
    """Bytes → (text, encoding name); the rules are in the module docstring."""
    text, encoding = _decode_bom(name, data) or _decode_utf8(data) or \
        _decode_legacy(name, data)
    if _is_binary(text):
        raise RejectedFile(name, BINARY)
    return text, encoding


def _decode_bom(name: str, data: bytes) -> tuple[str, str] | None:
    for bom, encoding in _BOMS:  # UTF-32 first: its LE mark starts like UTF-16's
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as err:
                raise RejectedFile(name, BAD_BOM.format(encoding=encoding.upper())) from err
    return None


def _decode_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8, also when its last character is cut off or a few single bytes stray in."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    try:
        text = decoder.decode(data, final=False)
    except UnicodeDecodeError:
        return _decode_mixed(data)
    return (text, "utf-8") if not decoder.buffer else (text, "utf-8 (last character cut off)")


def _decode_mixed(data: bytes) -> tuple[str, str] | None:
    """UTF-8 with stray bytes: some valid multi-byte characters, and stray bytes are at
    most 5% of the text (more is garbage, or another encoding)."""
    text = data.decode("utf-8", errors="surrogateescape")
    stray = sum(0xDC80 <= ord(ch) <= 0xDCFF for ch in text)
    wide = sum(ord(ch) > 127 for ch in text) - stray
    if not wide or stray > _MAX_STRAY * len(text):
        return None
    fixed = "".join(_cp1252_byte(ord(ch) - 0xDC00) if 0xDC80 <= ord(ch) <= 0xDCFF else ch
                    for ch in text)
    return fixed, "utf-8 (stray bytes read as cp1252)"


def _cp1252_byte(b: int) -> str:
    try:
        return bytes([b]).decode("cp1252")
    except UnicodeDecodeError:  # five bytes cp1252 leaves undefined
        return bytes([b]).decode("latin-1")


def _decode_legacy(name: str, data: bytes) -> tuple[str, str]:
    return _decode_western(data) or _decode_detected(data) or _reject(name, data)


def _reject(name: str, data: bytes):
    if b"\x00" in data[:8192]:
        raise RejectedFile(name, BINARY)
    raise RejectedFile(name, NO_ENCODING)


def _decode_western(data: bytes) -> tuple[str, str] | None:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    extra = [ch for ch in text if ord(ch) > 127]
    if any(ch in _UNLIKELY_WESTERN or not (ch.isalpha() or ch in _WESTERN_PUNCT)
           for ch in extra):
        return None
    letters = sum(ch.isalpha() for ch in text)
    accented = sum(ch.isalpha() for ch in extra)
    return (text, "cp1252") if letters and accented <= _MAX_ACCENTED * letters else None


def _decode_detected(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.chaos > _MAX_MESS or best.coherence <= 0:
        return None
    text = str(best)
    visible = sum(not ch.isspace() for ch in text)
    if sum(ch.isalpha() for ch in text) < 0.5 * visible:
        return None
    return text, best.encoding


def _is_binary(text: str) -> bool:
    """NUL, or more than 5% control characters (tabs, line and page breaks excepted)."""
    head = text[:8192]
    if "\x00" in head:
        return True
    controls = sum(ord(ch) < 32 and ch not in "\t\n\v\f\r" for ch in head)
    return controls > len(head) * 0.05


# -- HTML --------------------------------------------------------------------------------

def _looks_like_html_document(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or "<body" in head


def html_to_text(markup: str) -> str:
    """Visible text of an HTML page: scripts, styles, comments and tags removed (attributes
    and event handlers with them), entities decoded; a line per block element, list items
    as "• " lines, table cells joined by " | ", a blank line around paragraphs, headings,
    lists and tables (not around paragraphs inside a list item). Line breaks inside the text
    are kept (pages often show them through CSS `white-space: pre-line`) unless the source is
    hard-wrapped (`_hard_wrapped`), whitespace between tags is not. Left out: CSS that hides
    text (hidden text is kept)."""
    from bs4 import BeautifulSoup, Comment, NavigableString

    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup(list(_DROP_TAGS)):
        tag.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    strings = soup.find_all(string=lambda s: type(s) is NavigableString)
    wrapped = _hard_wrapped(strings)
    for string in strings:
        text = string.replace(_LINE, "").replace(_PARA, "")
        text = " ".join(text.split("\n")) if wrapped else text
        string.replace_with(text if text.strip() else " ")  # layout whitespace between tags
    for li in soup.find_all("li"):
        first = li.find(string=lambda s: s.strip())
        if first is not None:
            first.replace_with("• " + first.lstrip())
    for tag in soup.find_all(_PARAGRAPH_TAGS + _LINE_TAGS):
        mark = _PARA if tag.name in _PARAGRAPH_TAGS and not tag.find_parent("li") else _LINE
        tag.insert_before(mark)
        tag.insert_after(mark)
    for cell in soup.find_all(["td", "th"]):
        cell.insert_after(" | ")
    text = _BREAKS.sub(lambda m: "\n\n" if _PARA in m.group() else "\n", soup.get_text())
    lines = (" ".join(line.split()).rstrip(" |") for line in text.splitlines())
    return "\n".join(_squeeze_blank(lines)).strip()


def _hard_wrapped(strings) -> bool:
    """Whether the page's source is wrapped at a fixed width inside paragraphs (an editor's
    or exporter's line length, e.g. "The program will hire up to 17\ninterns across"): then
    a newline inside a text node is only a space, as HTML renders it. Read off the lines
    that are not a text node's last: at least 8, and 80 % of them 40–100 characters long.
    Pages that break lines on purpose (`pre-line`) have lines of any length."""
    lines = [len(line.strip()) for s in strings for line in str(s).split("\n")[:-1] if line.strip()]
    return len(lines) >= 8 and sum(40 <= n <= 100 for n in lines) >= 0.8 * len(lines)


_MIN_PAGE_LETTERS = 200
_WRAPPER_FIELD = re.compile(r"^[ \t]*([A-Za-z][\w .()/-]{0,40}?)[ \t]*:[ \t]*(\S.{0,300})$", re.M)
_MIN_WRAPPER_FIELDS = 3


def wrapper_fields(markup: str) -> str:
    """The `key: value` lines of a comment that opens the page — what a scraper or an
    applicant-tracking export keeps of the posting's own fields (title, location,
    requisition id, closing date) — as lines after the notice, so that labels in the notice
    itself come first. Left out: comments elsewhere, and comments of fewer than three such
    lines (notes, not fields)."""
    m = re.match(r"\s*<!--(.*?)-->", markup, re.S)
    if not m:
        return ""
    lines = [f"{k.strip()}: {v.strip()}" for k, v in _WRAPPER_FIELD.findall(m.group(1))
             if not v.strip().startswith(("http://", "https://"))]
    return "\n".join(lines) if len(lines) >= _MIN_WRAPPER_FIELDS else ""
_STATE_FIELD = re.compile(r"!\|!|!\$!")
_STATE_TOKEN = re.compile(r"[\w.-]*")  # ids, flags and numbers between the state's fields
_STATE_CODE = re.compile(r"[A-Z]{1,4}[- ]?\d{1,2}|\d{4,}")  # kept: grades (P3), job numbers


def form_state_text(markup: str) -> str:
    """The text a script-rendered page keeps in a hidden form field (Taleo career sections
    keep the whole notice URL-encoded in `initialHistory`, fields between "!|!", rich text
    after "!*!"), as lines: each field once, rich text through `html_to_text`. Used only
    when the page itself shows almost no text. Left out: the field names, which only the
    page's scripts know."""
    from urllib.parse import unquote

    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    values = [v for tag in soup.find_all("input") if len(v := tag.get("value") or "") >= 500
              and ("%3C" in v or "!|!" in v)]
    lines: list[str] = []
    for value in values:
        for field in _STATE_FIELD.split(unquote(value).replace("\\:", ":")):
            field = field.removeprefix("!*!").strip()
            if not field or _STATE_TOKEN.fullmatch(field) and not _STATE_CODE.fullmatch(field):
                continue
            text = html_to_text(field) if "<" in field else " ".join(field.split())
            if text and (not lines or lines[-1] != text):
                lines.append(text)
    return "\n".join(lines)


def _squeeze_blank(lines):
    blank = False
    for line in lines:
        if line:
            yield line
            blank = False
        elif not blank:
            yield ""
            blank = True


# -- PDF and Word ------------------------------------------------------------------------

@contextmanager
def _quiet(logger: str) -> Iterator[None]:
    """Hold back a parser's warnings about damage it works around (they are not ours to
    show; what cannot be worked around becomes the rejection reason)."""
    log = logging.getLogger(logger)
    level = log.level
    log.setLevel(logging.ERROR + 1)
    try:
        yield
    finally:
        log.setLevel(level)


def _pdf_text(name: str, data: bytes, limits: Limits) -> str:
    from pypdf import PdfReader

    with _quiet("pypdf"):
        try:
            reader = PdfReader(io.BytesIO(data))
            locked = reader.is_encrypted and not _unlock(reader)
            pages = [] if locked else _pdf_pages(name, reader, limits)
        except (RejectedFile, _TooLong):
            raise
        except Exception as err:  # pypdf raises many types on damaged input; all mean "broken"
            raise RejectedFile(name, BROKEN_PDF) from err
    if locked:
        raise RejectedFile(name, ENCRYPTED_PDF)
    text = "\n\n".join(p.strip() for p in pages)
    if not text.strip():
        raise RejectedFile(name, SCANNED_PDF)
    return text


def _pdf_pages(name: str, reader, limits: Limits) -> list[str]:
    count = len(reader.pages)
    if count > limits.max_pdf_pages:
        raise RejectedFile(name, TOO_MANY_PAGES.format(pages=count, limit=limits.max_pdf_pages))
    budget = _Budget(limits.max_chars)
    return [budget.take(page.extract_text() or "") for page in reader.pages]


def _unlock(reader) -> bool:
    """Open a PDF encrypted with an empty user password (only copying or printing is
    restricted), as any PDF viewer does."""
    from pypdf.errors import DependencyError

    try:
        return bool(reader.decrypt(""))
    except DependencyError:  # AES needs the optional `cryptography` package
        return False


def _docx_text(name: str, data: bytes, limits: Limits) -> str:
    """Paragraphs and tables of the body in document order (one line per table row, merged
    cells once); headers, footers, footnotes and text boxes are left out. The archive's
    inflated size is checked first (`_check_inflated`)."""
    import docx

    _check_inflated(name, data, limits.max_inflated_bytes)
    budget = _Budget(limits.max_chars)
    try:
        document = docx.Document(io.BytesIO(data))
        return "\n".join(budget.take(block) for block in _docx_blocks(document))
    except _TooLong:
        raise
    except Exception as err:  # zip, XML and package errors all mean "broken"
        raise RejectedFile(name, BROKEN_DOCX) from err


def _check_inflated(name: str, data: bytes, limit: int) -> None:
    """Refuse an archive whose members declare more than `limit` bytes, alone or together,
    reading only its directory."""
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as err:
        raise RejectedFile(name, BROKEN_DOCX) from err
    for info in members:
        if info.file_size > limit:
            raise RejectedFile(name, INFLATES.format(limit=_mb(limit), member=info.filename[:80],
                                                     size=_mb(info.file_size)))
    total = sum(info.file_size for info in members)
    if total > limit:
        raise RejectedFile(name, INFLATES_TOTAL.format(size=_mb(total), limit=_mb(limit)))


def _docx_blocks(document) -> Iterator[str]:
    from docx.table import Table

    for block in document.iter_inner_content():
        if not isinstance(block, Table):
            yield block.text
            continue
        for row in block.rows:
            cells: list[str] = []
            for cell in row.cells:
                value = cell.text.strip()
                if value and (not cells or cells[-1] != value):
                    cells.append(value)
            yield " | ".join(cells)
