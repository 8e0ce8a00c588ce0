"""PDF text, second round: fields set apart on a line stay apart (a run of spaces), justified
text does not, margin dates read with their entries, and running headers and page numbers
drop out. PDFs are drawn with fpdf2 at explicit positions, as CV builders place text."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.profiling.extract import extract_document
from app.profiling.extract.layout import reading_regions
from app.profiling.extract.lines import FIELD_GAP
from app.profiling.extract.running import drop_running_lines

FONTS = Path("/usr/share/fonts/truetype/dejavu")
needs_fonts = pytest.mark.skipif(
    not (FONTS / "DejaVuSans.ttf").exists(), reason="needs the DejaVu fonts"
)


class Sheet:
    """A4 pages in points; `text` puts a baseline at (x, y) from the top left."""

    def __init__(self):
        from fpdf import FPDF

        self.pdf = FPDF(unit="pt", format="A4")
        self.pdf.set_auto_page_break(False)
        for style, name in (("", ""), ("B", "-Bold"), ("I", "-Oblique")):
            self.pdf.add_font("DV", style, str(FONTS / f"DejaVuSans{name}.ttf"))
        self.pdf.add_font("Serif", "", str(FONTS / "DejaVuSerif.ttf"))
        self.pdf.add_page()

    def text(self, x, y, text, size=10, style="", font="DV"):
        self.pdf.set_font(font, style, size)
        self.pdf.text(x, y, text)

    def flush_right(self, edge, y, text, size=10, style="", font="DV"):
        self.pdf.set_font(font, style, size)
        self.text(edge - self.pdf.get_string_width(text), y, text, size, style, font)

    def width(self, text, size=10, style="", font="DV"):
        self.pdf.set_font(font, style, size)
        return self.pdf.get_string_width(text)

    def save(self, path: Path) -> Path:
        self.pdf.output(str(path))
        return path


def lines_of(path: Path) -> list[str]:
    return [ln.strip() for ln in extract_document(path).text.split("\n") if ln.strip()]


# ------------------------------------------------------------- fields apart on a line


@needs_fonts
def test_right_aligned_place_dates_and_awarding_body_are_set_apart(tmp_path):
    sheet = Sheet()
    sheet.text(50, 60, "DANIELA FERREIRA", 20, "B")
    rows = [
        ("HALDANE LOGISTICS PLC", "Leeds, UK", "B"),
        ("Operations Director", "2019 – Present", "I"),
        ("Diploma in Logistics and Transport (CILT)", "Chartered Institute, 2012", "B"),
    ]
    y = 100
    for left, right, style in rows:
        sheet.text(50, y, left, 10.5, style)
        sheet.flush_right(545, y, right, 9.5)
        sheet.text(60, y + 15, "•", 9.5)  # a bullet well apart from its text
        sheet.text(80, y + 15, "Ran three cross-dock sites with 420 staff and a £38M budget", 9.5)
        y += 40
    lines = lines_of(sheet.save(tmp_path / "fields.pdf"))
    for left, right, _ in rows:
        assert f"{left}{FIELD_GAP}{right}" in lines, lines
    # Ordinary word spaces stay single, and a bullet is not a field.
    assert lines.count("• Ran three cross-dock sites with 420 staff and a £38M budget") == 3


@needs_fonts
def test_a_narrower_gap_that_stands_out_on_its_line_is_a_field_boundary(tmp_path):
    """A long title that nearly reaches its dates: about 1.3 em apart, where the words
    around are a third of an em apart."""
    sheet = Sheet()
    title = "Principal Engineer, Payments Platform and Fraud Infrastructure"
    dates = "Mar 2018 – Jan 2024"
    x = 545 - sheet.width(dates) - 13 - sheet.width(title)
    sheet.text(x, 100, title)
    sheet.flush_right(545, 100, dates)
    sheet.text(x, 120, "Led the ledger rewrite and the move to event sourcing", 10)
    lines = lines_of(sheet.save(tmp_path / "near.pdf"))
    assert lines[0] == f"{title}{FIELD_GAP}{dates}"


@needs_fonts
@pytest.mark.parametrize("font", ["DV", "Helvetica"])
def test_justified_text_in_a_narrow_column_is_not_cut_into_fields(tmp_path, font):
    """Stretched spaces are all alike on a justified line, even when a long word leaves
    only two words on it."""
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format="A4")
    pdf.add_font("DV", "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_page()
    pdf.set_font(font, "", 10)
    paragraph = (
        "Hands-on operations leader with responsibility for warehousing, transport and "
        "procurement across internationalisation programmes, decarbonisation targets and "
        "the electrification of the vehicle fleet, reporting to the board every quarter "
        "with forecasts, capital plans and a counterintuitive, uncompromising focus on "
        "safety, wellbeing and continuous improvement in every regional distribution site."
    )
    for _ in range(2):
        pdf.multi_cell(170, 13, paragraph, align="J", new_x="LEFT", new_y="NEXT")
        pdf.ln(8)
    path = tmp_path / "justified.pdf"
    pdf.output(str(path))
    lines = lines_of(path)
    assert len(lines) > 12
    assert not [ln for ln in lines if FIELD_GAP in ln]
    assert " ".join(" ".join(lines).split()).startswith("Hands-on operations leader with")


# ------------------------------------------------------------- margin dates (moderncv)


def moderncv_page(tmp_path: Path, skills: int = 6) -> Path:
    """Name set large over two lines beside a right-aligned address block; then sections
    with dates and labels flush right in a narrow margin, beside their entries."""
    sheet = Sheet()
    sheet.text(57, 80, "Ingrid", 28, font="Serif")
    sheet.text(57, 112, "Halvorsen", 28, font="Serif")
    sheet.text(57, 132, "Computational Biologist", 11, "I")
    for i, line in enumerate(["Storgata 5", "0155 Oslo, Norway", "+47 912 34 567", "ih@uio.no"]):
        sheet.flush_right(540, 68 + i * 14, line, 8.5, "I")
    y = 175

    def section(title):
        nonlocal y
        sheet.text(136, y, title, 14, font="Serif")
        y += 22

    def row(label, text, size=9.5):
        nonlocal y
        sheet.flush_right(128, y, label, 8.5)
        sheet.text(136, y, text, size)
        y += 13.5

    section("Experience")
    for dates, job in [("2021–today", "Senior Scientist, Nordic Genomics, Oslo"),
                       ("2018–2021", "Postdoctoral Fellow, EMBL, Heidelberg"),
                       ("Summer 2017", "Research Intern, Broad Institute, Boston")]:  # fmt: skip
        row(dates, job, 10)
        sheet.text(150, y, "Single-cell pipelines in Python and R on an HPC cluster", 9)
        y += 13
    section("Publications")
    for year in range(2023, 2017, -1):
        row(str(year), f"Spatial transcriptomics atlas, part {2024 - year}, Nature Methods")
    section("Computer skills")
    labelled = [("Languages", "Python, R, C++, Bash"), ("Workflow", "Nextflow, Snakemake"),
                ("ML", "PyTorch, scikit-learn"), ("Cloud", "AWS, GCP"),
                ("Data", "PostgreSQL, Parquet"), ("Tools", "Git, Docker")]  # fmt: skip
    for label, text in labelled[:skills]:
        row(label, text)
    return sheet.save(tmp_path / "moderncv.pdf")


@needs_fonts
def test_margin_dates_and_labels_read_with_the_entry_beside_them(tmp_path):
    lines = lines_of(moderncv_page(tmp_path))
    assert lines[:3] == ["Ingrid", "Halvorsen", "Computational Biologist"]
    assert "Storgata 5" in lines[3:8]
    for expected in [
        "2021–today Senior Scientist, Nordic Genomics, Oslo",
        "Summer 2017 Research Intern, Broad Institute, Boston",
        "2019 Spatial transcriptomics atlas, part 5, Nature Methods",
        "Languages Python, R, C++, Bash",
        "Tools Git, Docker",
    ]:
        assert expected in lines, lines
    # The entry's description follows it, not a column of dates.
    at = lines.index("2018–2021 Postdoctoral Fellow, EMBL, Heidelberg")
    assert lines[at + 1] == "Single-cell pipelines in Python and R on an HPC cluster"


def rows(x0, x1, top, n, step=14, height=10):
    return [(x0, top - i * step - height, x1, top - i * step) for i in range(n)]


def test_flush_right_labels_close_to_the_text_are_not_a_column():
    main = rows(136, 520, 700, 24)
    widths = [40, 22, 55, 31, 18, 47] + [0] * 6 + [26, 26, 26, 26]  # 0: no label on that line
    labels = [(128 - w, r[1], 128, r[3]) for w, r in zip(widths, main, strict=False) if w]
    assert reading_regions(main + labels) is None


def test_ragged_sidebar_beside_the_text_is_still_a_column():
    main = rows(136, 520, 700, 24)
    widths = [60, 35, 80, 44, 52, 70]
    sidebar = [(40, r[1], 40 + w, r[3]) for w, r in zip(widths, main, strict=False)]
    regions = reading_regions(main + sidebar)
    assert regions is not None and len(regions) == 2


# ------------------------------------------------------------- running headers, page numbers


@needs_fonts
def test_running_header_footer_and_page_numbers_are_dropped_after_page_one(tmp_path):
    sheet = Sheet()
    pdf = sheet.pdf
    sheet.text(50, 70, "OLUWASEUN ADEYEMI", 20, "B")
    sheet.text(50, 92, "Lagos, Nigeria · seun.adeyemi@example.com", 9)
    body = [f"• Shipped release {i} of the claims platform on budget" for i in range(26)]
    for i, line in enumerate(body[:20]):
        sheet.text(60, 130 + i * 16, line, 9.5)
    sheet.text(50, 640, "Senior Analyst, Zenith Insurance", 10.5, "B")
    sheet.flush_right(545, 640, "2016 – 2019", 9.5)
    sheet.text(250, 810, "seun.adeyemi@example.com · +234 803 555 0199", 8)
    sheet.text(280, 825, "Page 1 of 2", 8)
    pdf.add_page()
    sheet.text(50, 40, "Oluwaseun Adeyemi — Page 2", 8, "I")
    for i, line in enumerate(body[20:]):
        sheet.text(60, 80 + i * 16, line, 9.5)
    sheet.text(250, 810, "seun.adeyemi@example.com · +234 803 555 0199", 8)
    sheet.text(280, 825, "Page 2 of 2", 8)
    doc = extract_document(sheet.save(tmp_path / "two_pages.pdf"))
    first, second = ([ln.strip() for ln in p.split("\n") if ln.strip()] for p in doc.pages)
    assert first[0] == "OLUWASEUN ADEYEMI"
    assert first[-1] == "seun.adeyemi@example.com · +234 803 555 0199"  # kept once, on page 1
    assert second == body[20:]  # the job runs on from page 1 with nothing in between


def placed(text, top, left=50.0, right=300.0, height=10.0):
    return (text, (left, top - height, right, top))


def test_page_number_lines_and_repeats_are_recognised_by_text_and_place():
    pages = [
        [placed("Jane Doe", 800), placed("Nurse", 780), placed("1", 40)],
        [placed("Jane Doe    2", 800), placed("Python 3", 780), placed("- 3 -", 40)],
        [placed("Python 3", 800), placed("ICU, 2019 – 2023", 780), placed("Confidential", 30)],
        [placed("Skills", 790), placed("Confidential", 30)],
    ]
    kept = [[text for text, _ in page] for page in drop_running_lines(pages)]
    assert kept == [
        ["Jane Doe", "Nurse"],  # a page number alone goes even on page one
        ["Python 3"],  # "Jane Doe    2" carries page 2's number at its right
        ["Python 3", "ICU, 2019 – 2023"],  # the top line of page 3 is not at page 2's height
        ["Skills"],  # the same footer at the same place on pages 3 and 4
    ]


@needs_fonts
def test_characters_beyond_the_basic_plane_do_not_shift_the_fields(tmp_path):
    """Pasted 'bold' text is often Unicode math letters, which PDFium counts twice."""
    sheet = Sheet()
    fancy = "".join(chr(0x1D5D4 + ord(c) - ord("A")) if c.isupper() else
                    chr(0x1D5EE + ord(c) - ord("a")) if c.islower() else c
                    for c in "Head of Sales")  # fmt: skip
    sheet.text(50, 100, fancy, 11, "B")
    sheet.flush_right(545, 100, "2020 – Present", 10)
    sheet.text(50, 116, "Northwind Traders", 10)
    sheet.flush_right(545, 116, "Bristol, UK", 10)
    lines = lines_of(sheet.save(tmp_path / "astral.pdf"))
    assert lines == [
        f"{fancy}{FIELD_GAP}2020 – Present",
        f"Northwind Traders{FIELD_GAP}Bristol, UK",
    ]
