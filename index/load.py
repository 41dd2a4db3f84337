"""Load a notice file into text: detect the format and encoding, reject what is not a notice.

Supported: .txt .md .markdown .html .htm .pdf .docx. Left out: OCR of scanned PDFs, .doc
(the old binary Word format) and archives; such files are rejected with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import RejectedFile

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | {".pdf", ".docx"}
MIN_LETTERS = 20
# Tags whose content is never notice text (and, for scripts, never shown).
_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "head")


@dataclass(frozen=True)
class Loaded:
    """The text of one file, before repair, and how it was decoded."""

    source: str
    text: str
    encoding: str


def load(path: Path, max_bytes: int) -> Loaded:
    """Read `path` and return its text, or raise RejectedFile naming the reason."""
    name = path.name
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise RejectedFile(name, f"unsupported file type '{suffix or '(none)'}'; use "
                           + ", ".join(sorted(SUFFIXES)))
    size = path.stat().st_size
    if size == 0:
        raise RejectedFile(name, "the file is empty")
    if size > max_bytes:
        raise RejectedFile(name, f"the file is {size / 1e6:.1f} MB, over the "
                           f"{max_bytes / 1e6:.0f} MB limit (VACANCY_MAX_FILE_MB)")
    data = path.read_bytes()
    return load_bytes(name, data)


def load_bytes(name: str, data: bytes) -> Loaded:
    """Decode `data` according to the suffix of `name` (see `load`)."""
    suffix = Path(name).suffix.lower()
    if suffix == ".pdf":
        text, encoding = _pdf_text(name, data), "pdf"
    elif suffix == ".docx":
        text, encoding = _docx_text(name, data), "docx"
    else:
        text, encoding = decode(name, data)
        if suffix in HTML_SUFFIXES or _looks_like_html_document(text):
            text = html_to_text(text)
    if sum(ch.isalpha() for ch in text) < MIN_LETTERS:
        raise RejectedFile(name, "no readable notice text in the file (only markup, "
                           "scripts or a few characters)")
    return Loaded(name, text, encoding)


def decode(name: str, data: bytes) -> tuple[str, str]:
    """Bytes → str. UTF-8 (with or without BOM) and UTF-16 with BOM are taken as they are;
    another encoding is accepted only when charset-normalizer finds the text coherent."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if _is_binary(data):
        raise RejectedFile(name, "the file is binary, not text (is it a renamed PDF, "
                           "Word or image file?)")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    guess = _guess_encoding(data)
    if guess is not None:
        return guess
    raise RejectedFile(name, "the file is not valid UTF-8 and no other text encoding fits "
                       "it; save it as UTF-8 and add it again")


def _is_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(b < 32 and b not in (9, 10, 12, 13) for b in head)
    return controls > len(head) * 0.05


def _guess_encoding(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding in ("utf_8", "utf_8_sig") or best.chaos > 0.1:
        return None
    text = str(best)
    letters = sum(ch.isalpha() for ch in text)
    if letters < 0.5 * len(text.replace(" ", "").replace("\n", "")):
        return None
    return text, best.encoding


def _looks_like_html_document(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or "<body" in head


def html_to_text(markup: str) -> str:
    """Visible text of an HTML page: scripts, styles and tags removed, entities decoded,
    block elements on lines of their own."""
    from bs4 import BeautifulSoup, Comment

    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup(list(_DROP_TAGS)):
        tag.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for li in soup.find_all("li"):
        li.insert(0, "• ")
    text = soup.get_text("\n")
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(_squeeze_blank(lines))


def _squeeze_blank(lines):
    blank = False
    for line in lines:
        if line:
            yield line
            blank = False
        elif not blank:
            yield ""
            blank = True


def _pdf_text(name: str, data: bytes) -> str:
    import io

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise RejectedFile(name, "the PDF is encrypted; save an unprotected copy")
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as err:
        raise RejectedFile(name, f"the PDF cannot be read ({err})") from err
    text = "\n\n".join(p.strip() for p in pages)
    if not text.strip():
        raise RejectedFile(name, "the PDF has no text layer (a scan?); OCR is not supported")
    return text


def _docx_text(name: str, data: bytes) -> str:
    import io
    import zipfile

    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as err:
        raise RejectedFile(name, f"the Word file cannot be read ({err})") from err
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text.strip() for cell in row.cells))
    return "\n".join(parts)
