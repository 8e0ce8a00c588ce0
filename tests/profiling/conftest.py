"""Shared helpers: small PDFs and DOCX files made on the fly."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

CVS = Path(__file__).resolve().parents[1] / "data" / "cvs"
if str(CVS) not in sys.path:
    sys.path.insert(0, str(CVS))

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def new_pdf():
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    if FONT.exists():
        pdf.add_font("Body", "", str(FONT))
        pdf.set_font("Body", size=10)
    else:
        pdf.set_font("Helvetica", size=10)
    return pdf


def write_lines(pdf, lines, x=15, y=20, width=180, step=6):
    for line in lines:
        pdf.set_xy(x, y)
        pdf.cell(width, 5, line)
        y += step
    return y


@pytest.fixture
def make_pdf(tmp_path):
    """make_pdf(pages=[[lines], ...], name=..., password=None) -> Path (single column)."""

    def make(pages, name="cv.pdf", password=None):
        pdf = new_pdf()
        for lines in pages:
            pdf.add_page()
            write_lines(pdf, lines)
        if password:
            pdf.set_encryption(owner_password="owner-" + password, user_password=password)
        path = tmp_path / name
        pdf.output(str(path))
        return path

    return make


def two_column_page(header, sidebar, main, main_width=120):
    """A PDF with a full-width header, then a sidebar and a main column drawn row by row
    (so a naive extractor would interleave them line by line)."""
    pdf = new_pdf()
    pdf.add_page()
    y = write_lines(pdf, header, step=8)
    for i in range(max(len(sidebar), len(main))):
        row_y = y + 4 + i * 6
        if i < len(sidebar):
            pdf.set_xy(12, row_y)
            pdf.cell(50, 5, sidebar[i])
        if i < len(main):
            pdf.set_xy(75, row_y)
            pdf.cell(main_width, 5, main[i])
    return pdf


@pytest.fixture
def two_column_pdf(tmp_path):
    """A CV page: a full-width name, then a sidebar and a main column drawn row by row."""

    def make(header, sidebar, main, name="two.pdf"):
        path = tmp_path / name
        two_column_page(header, sidebar, main).output(str(path))
        return path

    return make


@pytest.fixture
def make_docx(tmp_path):
    """make_docx(paragraphs, table=None, name=...): table is [[cell lines], ...] for one row."""

    def make(paragraphs, table=None, name="cv.docx"):
        import docx

        document = docx.Document()
        for text in paragraphs:
            if text.startswith("* "):
                document.add_paragraph(text[2:], style="List Bullet")
            else:
                document.add_paragraph(text)
        if table:
            t = document.add_table(rows=1, cols=len(table))
            for cell, lines in zip(t.rows[0].cells, table, strict=True):
                cell.paragraphs[0].text = lines[0]
                for line in lines[1:]:
                    cell.add_paragraph(line)
        path = tmp_path / name
        document.save(str(path))
        return path

    return make
