"""index.load: what is read as a notice, what is rejected and why (exact reasons), and
that a rejected file changes nothing in the index while the others of the run go in."""

from __future__ import annotations

import io
import random
import shutil
import zipfile

import pytest

from conftest import SEED_FILES, index_config, limits
from index.errors import RejectedFile
from index.load import decode, html_to_text, load, load_bytes

NOTICE = ("Programme Officer, P-3\nDuty Station: Bogotá\n\nResponsibilities\n"
          "Manages the programme and reports to the Chief of Section.\n\nEducation\n"
          "Advanced university degree in economics is required.\n")
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")
SUPPORTED = ".docx, .htm, .html, .markdown, .md, .pdf, .text, .txt"
BINARY = "the file is binary, not text (is it a renamed PDF, Word or image file?)"
NO_ENCODING = ("the file is not valid UTF-8 and no other text encoding fits it; "
               "save it as UTF-8 and add it again")
NO_TEXT = "no readable notice text in the file (only markup, scripts or a few characters)"
BROKEN_PDF = "the PDF cannot be read (it is damaged or not a PDF)"
BROKEN_DOCX = "the Word file cannot be read (it is damaged or not a .docx file)"


def pdf_bytes(lines: list[str]) -> bytes:
    """A one-page PDF whose text layer holds `lines` (Helvetica), with a correct xref."""
    content = "BT /F1 11 Tf 72 720 Td 14 TL " + " ".join(f"({line}) '" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n"
            f"startxref\n{xref}\n%%EOF\n").encode()
    return out


def docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("Programme Officer", level=1)
    document.add_paragraph("Advanced university degree in economics is required.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Duty Station"
    table.cell(0, 1).text = "Geneva"
    document.add_paragraph("Five years of progressively responsible experience.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def zip_bytes(member: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(member, "not a Word document")
    return buffer.getvalue()


def reason(name: str, data: bytes) -> str:
    with pytest.raises(RejectedFile) as info:
        load_bytes(name, data, limits())
    assert info.value.path == name
    return info.value.reason


# -- rejected ---------------------------------------------------------------------------

BAD = {
    "empty.txt": (b"", "the file is empty"),
    "blank.md": (b" \n\t\n", "the file is empty"),
    "photo.txt": (PNG, BINARY),
    "nul.txt": (b"Programme Officer\x00\x00\x00 in Geneva with a degree", BINARY),
    "garbage.txt": (bytes(random.Random(0).randrange(128, 256) for _ in range(3000)), NO_ENCODING),
    "high-bytes.txt": (bytes(range(128, 256)) * 8, NO_ENCODING),
    "mangled.txt": (b"Requirements: a degree " + b"\xc3(\xa0\xa1\xff\xfe\x80" * 20, NO_ENCODING),
    "script.html": (b"<html><script>alert(1)</script></html>", NO_TEXT),
    "styled.txt": (b"<!DOCTYPE html><html><head><title>Programme Officer vacancy</title>"
                   b"<style>body { font-family: sans-serif }</style></head><body></body></html>",
                   NO_TEXT),
    "short.txt": (b"Apply now!", NO_TEXT),
    "broken.pdf": (b"%PDF-1.4\nthis is not a PDF at all\n", BROKEN_PDF),
    "truncated.pdf": (pdf_bytes(["Programme Officer"])[:150], BROKEN_PDF),
    "picture.pdf": (PNG, BROKEN_PDF),
    "broken.docx": (b"PK\x03\x04 not really a zip archive", BROKEN_DOCX),
    "archive.docx": (zip_bytes("notes.txt"), BROKEN_DOCX),
    "odd.txt": (b"\xff\xfeP\x00r\x00o", "the file starts with a UTF-16 byte-order mark but is "
                "not valid UTF-16"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_is_rejected_with_its_reason(name):
    data, expected = BAD[name]
    assert reason(name, data) == expected


def test_scanned_pdf_without_text_layer_is_rejected():
    blank = pdf_bytes([]).replace(b"BT /F1 11 Tf 72 720 Td 14 TL  ET", b"% an image only    ")
    assert reason("scan.pdf", blank) == "the PDF has no text layer (a scan?); OCR is not supported"


@pytest.mark.parametrize("name, suffix", [("notice.exe", "'.exe'"), ("notice.doc", "'.doc'"),
                                          ("NOTICE", "'(none)'")])
def test_unsupported_suffix_is_rejected_before_reading(tmp_path, name, suffix):
    path = tmp_path / name
    path.write_text(NOTICE)
    with pytest.raises(RejectedFile) as info:
        load(path, 5_000_000, limits())
    assert info.value.reason == f"unsupported file type {suffix}; use {SUPPORTED}"


def test_file_over_the_size_limit_is_rejected(tmp_path):
    path = tmp_path / "long.txt"
    path.write_bytes(b"Programme Officer. " * 200)  # 3,800 bytes
    with pytest.raises(RejectedFile) as info:
        load(path, 1_000, limits())
    assert (info.value.path, info.value.reason) == (
        "long.txt", "the file is 0.0038 MB, over the 0.001 MB limit (VACANCY_MAX_FILE_MB)")


def test_size_limit_comes_from_the_setting(monkeypatch):
    from assistant.settings import Settings

    monkeypatch.setenv("VACANCY_MAX_FILE_MB", "0.002")
    assert Settings(_env_file=None).index_config().max_file_bytes == 2_000


def test_unreadable_file_is_rejected(tmp_path):
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(RejectedFile) as info:
        load(folder, 5_000_000, limits())
    assert info.value.reason == "the file cannot be read (Is a directory)"


# -- accepted -----------------------------------------------------------------------------

def test_pdf_text_layer_is_read():
    loaded = load_bytes("notice.pdf", pdf_bytes(
        ["Programme Officer, P-3", "Advanced university degree in economics is required."]), limits())
    assert loaded.encoding == "pdf"
    assert loaded.text == ("Programme Officer, P-3\n"
                           "Advanced university degree in economics is required.")


def encrypted_pdf(user_password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes(["Programme Officer, P-3",
                                                                  "Degree in economics."]))))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_pdf_restricted_without_a_password_is_read():
    assert load_bytes("notice.pdf", encrypted_pdf(""), limits()).text == (
        "Programme Officer, P-3\nDegree in economics.")


def test_pdf_needing_a_password_is_rejected():
    assert reason("locked.pdf", encrypted_pdf("secret")) == (
        "the PDF is protected by a password; save an unprotected copy")


def test_docx_paragraphs_and_tables_are_read_in_order():
    loaded = load_bytes("notice.docx", docx_bytes(), limits())
    assert loaded.text == ("Programme Officer\n"
                           "Advanced university degree in economics is required.\n"
                           "Duty Station | Geneva\n"
                           "Five years of progressively responsible experience.")


def test_html_keeps_text_only():
    page = ("<!DOCTYPE html><html><head><title>Vacancy</title><style>p { color: red }</style>"
            "</head><body><h1>Programme Officer</h1>\n<script>document.write('<p>injected</p>')"
            "</script>\n<p>Fish &amp; Chips&nbsp;&mdash; caf&eacute; &lt;b&gt; and <b>bold</b> "
            "text<br>next line</p><!-- a comment -->\n<ul>\n  <li>Advanced degree</li>\n"
            "  <li><p>Five years of <a href='x'>experience</a></p></li>\n</ul>"
            "<table><tr><th>Grade</th><td>P-3</td></tr></table></body></html>")
    assert load_bytes("page.html", page.encode(), limits()).text == (
        "Programme Officer\n\n"
        "Fish & Chips — café <b> and bold text\nnext line\n\n"
        "• Advanced degree\n• Five years of experience\n\n"
        "Grade | P-3")


def test_hostile_html_yields_text_without_markup():
    page = ('<html><body><h1>Programme Officer</h1><img src=x onerror="alert(1)">'
            '<p onclick="steal()">Advanced university degree required.</p>'
            '<a href="javascript:alert(2)">Apply here</a><iframe src="https://example.org">'
            'framed</iframe><svg><text>drawn</text></svg><object>plugin</object></body></html>')
    text = load_bytes("page.htm", page.encode(), limits()).text
    assert text == "Programme Officer\n\nAdvanced university degree required.\n\nApply here"


def test_html_wrapped_at_a_fixed_width_reads_as_paragraphs():
    line = "The program will hire up to 17 interns across its teams for the"
    page = "<html><body>" + "".join(f"<p>{line}\nsummer, and each intern rotates.</p>" for _ in range(8)) + "</body></html>"
    text = load_bytes("page.html", page.encode(), limits()).text
    assert text.split("\n\n")[0] == line + " summer, and each intern rotates."


def test_html_line_breaks_of_varied_length_are_kept():
    page = "<html><body><p>Duties:\nCatalogue books and maps of the collection.\nAnswer reference questions.</p></body></html>"
    assert load_bytes("page.html", page.encode(), limits()).text == (
        "Duties:\nCatalogue books and maps of the collection.\nAnswer reference questions.")


def test_html_in_a_txt_file_is_read_as_html():
    page = b"<html><body><p>Programme Officer in Geneva</p><script>x()</script></body></html>"
    assert load_bytes("page.txt", page, limits()).text == "Programme Officer in Geneva"


def test_html_to_text_of_plain_text_is_the_text():
    assert html_to_text("Programme Officer\nGeneva") == "Programme Officer\nGeneva"


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_western_legacy_encoding_is_decoded(encoding):
    text, used = decode("notice.txt", NOTICE.replace("Chief", "Jefe de Sección").encode(encoding))
    assert used == "cp1252"
    assert text == NOTICE.replace("Chief", "Jefe de Sección")


def test_cp1252_punctuation_is_decoded():
    source = "“Programme Officer” – Bogotá, Côte d’Ivoire; salary €4,000…"
    assert decode("notice.txt", source.encode("cp1252")) == (source, "cp1252")


def test_non_western_legacy_encoding_is_decoded():
    source = ("Требования: высшее образование в области экономики, опыт работы не менее пяти "
              "лет. Знание английского языка обязательно.\n") * 2
    assert decode("notice.txt", source.encode("cp1251")) == (source, "cp1251")


def test_utf8_bom_is_dropped():
    assert decode("notice.txt", b"\xef\xbb\xbf" + NOTICE.encode()) == (NOTICE, "utf-8")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_utf16_and_utf32_with_bom_are_decoded(encoding):
    assert decode("notice.txt", NOTICE.encode(encoding)) == (NOTICE, encoding)


def test_utf8_cut_inside_its_last_character_drops_it():
    data = (NOTICE + "Café").encode()[:-1]
    assert decode("notice.txt", data) == (NOTICE + "Caf", "utf-8 (last character cut off)")


def test_stray_cp1252_bytes_in_utf8_are_read_as_cp1252():
    data = NOTICE.encode() + "Côte d’Ivoire ".encode("cp1252")
    assert decode("notice.txt", data) == (NOTICE + "Côte d’Ivoire ",
                                          "utf-8 (stray bytes read as cp1252)")


# -- through an ingest ---------------------------------------------------------------------

def snapshot(lib):
    return ({(n.source, n.id) for n in lib.notices()}, lib.vectors.all_keys())


def test_rejected_files_change_nothing_and_the_rest_still_ingest(tmp_path, fake_embedder):
    from index.library import Library

    folder = tmp_path / "notices"
    folder.mkdir()
    shutil.copy(SEED_FILES[0], folder / SEED_FILES[0].name)
    lib = Library(index_config(tmp_path / "index"), embedder=fake_embedder)
    assert lib.ingest([folder]).added == (SEED_FILES[0].name,)
    before = snapshot(lib)

    for name, (data, _) in BAD.items():
        (folder / name).write_bytes(data)
    (folder / "notice.exe").write_bytes(NOTICE.encode())
    (folder / SEED_FILES[0].name).write_bytes(b"")  # a notice whose file was emptied
    (folder / "good.md").write_text(NOTICE)
    report = lib.ingest([folder], prune=True)

    expected = {name: why for name, (_, why) in BAD.items()}
    expected[SEED_FILES[0].name] = "the file is empty"
    expected["notice.exe"] = f"unsupported file type '.exe'; use {SUPPORTED}"
    assert {r.path: r.reason for r in report.rejected} == expected
    assert report.added == ("good.md",)
    assert (report.updated, report.unchanged, report.pruned) == ((), (), ())
    notices, keys = snapshot(lib)
    assert notices - before[0] == {(n.source, n.id) for n in lib.notices()
                                   if n.source == "good.md"}
    assert before[0] <= notices and before[1] <= keys
    assert keys == lib.store.embed_keys()
