"""Extraction: reading order, file types and every kind of bad input."""

from __future__ import annotations

import asyncio
import io
import threading
import zipfile

import pytest

from app.profiling import extract as extract_module
from app.profiling.errors import (
    CorruptFileError,
    DocumentError,
    EmptyFileError,
    ExtractionTimeoutError,
    FileTooLargeError,
    NotAZipError,
    NoTextLayerError,
    PasswordRequiredError,
    TooManyPagesError,
    UnsupportedTypeError,
    ZipBombError,
)
from app.profiling.extract import (
    DOCX,
    MARKDOWN,
    PDF,
    TEXT,
    ExtractLimits,
    extract_document,
    extract_document_async,
)

from .conftest import new_pdf


def test_single_column_pdf_keeps_line_order(make_pdf):
    path = make_pdf([["Jane Doe", "Registered Nurse", "EXPERIENCE", "Staff Nurse 2019 - Present"]])
    doc = extract_document(path)
    assert doc.media_type == PDF
    assert doc.pages[0].split("\n") == [
        "Jane Doe", "Registered Nurse", "EXPERIENCE", "Staff Nurse 2019 - Present",
    ]  # fmt: skip


def test_two_column_sidebar_is_never_interleaved(two_column_pdf):
    sidebar = [f"Sidebar item {i}" for i in range(12)]
    main = [f"Main column sentence number {i} with more words" for i in range(15)]
    doc = extract_document(two_column_pdf(["JANE DOE", "Registered Nurse"], sidebar, main))
    lines = [ln for ln in doc.text.split("\n") if ln.strip()]
    assert lines[:2] == ["JANE DOE", "Registered Nurse"]
    body = lines[2:]
    # Each column comes out whole and in order: no line of one between lines of the other.
    assert body == sidebar + main


def test_multi_page_pdf_numbers_pages_and_lines(make_pdf):
    path = make_pdf([["Page one line A", "Page one line B"], ["Page two line A"]])
    doc = extract_document(path)
    assert len(doc.pages) == 2
    located = [(page, line, text) for page, line, text in doc.iter_lines()]
    assert located[-1] == (2, 3, "Page two line A")
    assert doc.text.split("\n")[2] == "Page two line A"


def test_encrypted_pdf_asks_for_password_and_tells_wrong_from_missing(make_pdf):
    path = make_pdf([["Secret CV text for the test"]], password="s3cret")
    with pytest.raises(PasswordRequiredError) as missing:
        extract_document(path)
    assert missing.value.wrong_password is False
    assert path.name in str(missing.value)
    with pytest.raises(PasswordRequiredError) as wrong:
        extract_document(path, password="nope")
    assert wrong.value.wrong_password is True
    doc = extract_document(path, password="s3cret")
    assert "Secret CV text" in doc.text


def test_image_only_pdf_has_no_text_layer(tmp_path):
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (600, 800), "white")
    ImageDraw.Draw(image).text((40, 40), "JANE DOE  Registered Nurse", fill="black")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    pdf = new_pdf()
    pdf.add_page()
    pdf.image(buffer, x=10, y=10, w=190)
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(NoTextLayerError) as err:
        extract_document(path)
    message = str(err.value)
    assert "scan.pdf" in message and "no text layer" in message
    assert "OCR is not supported" in message


def test_truncated_pdf_is_corrupt(make_pdf):
    path = make_pdf([["Some text that will be cut off"]])
    path.write_bytes(path.read_bytes()[:300])
    with pytest.raises(CorruptFileError) as err:
        extract_document(path)
    assert path.name in str(err.value)


def test_zero_byte_file_is_empty(tmp_path):
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    with pytest.raises(EmptyFileError, match=r"empty[.]pdf"):
        extract_document(path)


def test_docx_named_pdf_is_read_as_docx_with_warning(make_docx):
    path = make_docx(["Jane Doe", "Registered Nurse"], name="cv.docx")
    lying = path.with_name("really-a-docx.pdf")
    path.rename(lying)
    doc = extract_document(lying)
    assert doc.media_type == DOCX
    assert "Jane Doe" in doc.text
    assert any("really-a-docx.pdf" in w and "DOCX" in w for w in doc.warnings)


def test_docx_that_is_not_a_zip_is_an_error(tmp_path):
    path = tmp_path / "cv.docx"
    path.write_text("I am plain text pretending to be Word", encoding="utf-8")
    with pytest.raises(NotAZipError, match=r"cv[.]docx"):
        extract_document(path)


def test_docx_zip_bomb_is_refused_before_opening(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
        zf.writestr("word/media/padding.bin", b"\0" * (30 * 1024 * 1024))
    with pytest.raises(ZipBombError, match=r"bomb[.]docx"):
        extract_document(path)


def test_docx_layout_table_reads_each_cell_whole(make_docx):
    sidebar = ["CONTACT", "jane@example.com", "SKILLS", "Python", "SQL"]
    main = ["EXPERIENCE", "Data Analyst, Acme Ltd", "* Built dashboards", "* Wrote SQL"]
    doc = extract_document(make_docx(["Jane Doe"], table=[sidebar, main]))
    lines = [ln for ln in doc.text.split("\n") if ln.strip()]
    assert lines[0] == "Jane Doe"
    assert lines[1:6] == sidebar
    assert lines[6:] == main


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Café résumé – naïve".encode("utf-8-sig"), "Café résumé – naïve"),
        ("Café résumé – naïve".encode("utf-16"), "Café résumé – naïve"),
        ("Café résumé – naïve".encode(), "Café résumé – naïve"),
        ("Café résumé – naïve’s".encode("cp1252"), "Café résumé – naïve’s"),
    ],
)
def test_text_encodings(tmp_path, data, expected):
    path = tmp_path / "cv.txt"
    path.write_bytes(data)
    doc = extract_document(path)
    assert doc.media_type == TEXT
    assert doc.text == expected


def test_markdown_markup_is_dropped(tmp_path):
    path = tmp_path / "cv.md"
    path.write_text("# Jane Doe\n\n## Skills\n- **Python**, [site](https://jane.dev)\n")
    doc = extract_document(path)
    assert doc.media_type == MARKDOWN
    assert doc.text.split("\n") == ["Jane Doe", "", "Skills", "- Python, site (https://jane.dev)"]


def test_unsupported_type_names_what_it_is(tmp_path):
    path = tmp_path / "photo.pdf"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    with pytest.raises(UnsupportedTypeError, match="PNG image"):
        extract_document(path)


def test_limits_name_the_setting(make_pdf):
    path = make_pdf([["one"] * 5, ["two"] * 5])
    with pytest.raises(TooManyPagesError) as pages:
        extract_document(path, limits=ExtractLimits(max_pages=1))
    assert pages.value.limit == "max_pages" and "Settings" in str(pages.value)
    with pytest.raises(FileTooLargeError) as size:
        extract_document(path, limits=ExtractLimits(max_file_mb=0.0001))
    assert size.value.limit == "max_file_mb" and "Settings" in str(size.value)


def test_all_errors_are_document_errors():
    for cls in (EmptyFileError, CorruptFileError, NoTextLayerError, UnsupportedTypeError,
                NotAZipError, ZipBombError, FileTooLargeError, TooManyPagesError):  # fmt: skip
        assert issubclass(cls, DocumentError)


def test_async_extraction_runs_on_one_worker_thread(make_pdf, monkeypatch):
    paths = [make_pdf([[f"Document {i} text line"]], name=f"d{i}.pdf") for i in range(4)]
    threads = set()
    real = extract_module.extract_document

    def spy(path, **kwargs):
        threads.add(threading.current_thread().name)
        return real(path, **kwargs)

    monkeypatch.setattr(extract_module, "extract_document", spy)

    async def run():
        return await asyncio.gather(*(extract_document_async(p) for p in paths))

    docs = asyncio.run(run())
    assert [d.text for d in docs] == [f"Document {i} text line" for i in range(4)]
    assert len(threads) == 1 and next(iter(threads)).startswith("cv-extract")


def test_docx_text_box_is_read_once_where_anchored(tmp_path):
    import docx
    from docx.oxml import parse_xml

    box = (
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
        ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
        ' xmlns:v="urn:schemas-microsoft-com:vml">'
        "<mc:AlternateContent><mc:Choice Requires=\"wps\"><wps:txbx><w:txbxContent>"
        "<w:p><w:r><w:t>Box line 1</w:t></w:r></w:p><w:p><w:r><w:t>Box line 2</w:t></w:r></w:p>"
        "</w:txbxContent></wps:txbx></mc:Choice><mc:Fallback><v:textbox><w:txbxContent>"
        "<w:p><w:r><w:t>Box line 1</w:t></w:r></w:p><w:p><w:r><w:t>Box line 2</w:t></w:r></w:p>"
        "</w:txbxContent></v:textbox></mc:Fallback></mc:AlternateContent></w:r>"
    )
    document = docx.Document()
    document.add_paragraph("Before")
    anchor = document.add_paragraph()
    anchor._p.append(parse_xml(box))
    document.add_paragraph("After")
    path = tmp_path / "box.docx"
    document.save(str(path))
    lines = [ln for ln in extract_document(path).text.split("\n") if ln.strip()]
    assert lines == ["Before", "Box line 1", "Box line 2", "After"]


def test_docx_header_holds_contact_details(tmp_path):
    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Jane Doe | jane@example.com"
    document.add_paragraph("EXPERIENCE")
    path = tmp_path / "header.docx"
    document.save(str(path))
    assert extract_document(path).text.split("\n")[:2] == ["Jane Doe | jane@example.com",
                                                          "EXPERIENCE"]  # fmt: skip


def test_timeout_names_the_setting(make_pdf):
    path = make_pdf([["Some text on a page"]])
    with pytest.raises(ExtractionTimeoutError) as err:
        extract_document(path, limits=ExtractLimits(timeout_s=0))
    assert err.value.limit == "timeout_s" and "Settings" in str(err.value)


def test_docx_with_broken_xml_is_corrupt(tmp_path):
    path = tmp_path / "broken.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types")
        zf.writestr("word/document.xml", "<w:document><w:body>")
    with pytest.raises(CorruptFileError, match=r"broken[.]docx"):
        extract_document(path)


def test_sparse_sidebar_beside_a_long_main_column(two_column_pdf):
    sidebar = ["London, UK", "07700 900123", "jane@example.com", "linkedin.com/in/jane"]
    main = [f"Delivered outcome {i} for the client with measurable results" for i in range(30)]
    doc = extract_document(two_column_pdf(["JANE DOE"], sidebar, main))
    lines = [ln for ln in doc.text.split("\n") if ln.strip()]
    assert lines == ["JANE DOE", *sidebar, *main]
