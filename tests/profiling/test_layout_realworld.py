"""Reading order on real-world page layouts: text set at the right margin of a line
(dates, cities) stays on that line; a true sidebar is still read as its own column."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.profiling.extract import extract_document
from app.profiling.extract.layout import reading_regions
from app.profiling.profile import SourceDocument, build_profile

FONTS = Path("/usr/share/fonts/truetype/dejavu")
pytestmark = pytest.mark.skipif(
    not (FONTS / "DejaVuSans.ttf").exists(), reason="needs the DejaVu fonts"
)


class Page:
    """One US Letter page in points, text placed by baseline like a résumé builder does."""

    def __init__(self, left: float = 54, right: float = 558):
        from fpdf import FPDF

        self.pdf = FPDF(unit="pt", format="Letter")
        self.pdf.set_auto_page_break(False)
        self.pdf.add_font("DV", "", str(FONTS / "DejaVuSans.ttf"))
        self.pdf.add_font("DV", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.pdf.add_page()
        self.left, self.right, self.y = left, right, 56.0

    def text(self, x: float, y: float, text: str, size: float = 10, bold: bool = False):
        self.pdf.set_font("DV", "B" if bold else "", size)
        self.pdf.text(x, y, text)

    def flush_right(self, y: float, text: str, size: float = 10, edge: float | None = None):
        self.pdf.set_font("DV", "", size)
        self.text((edge or self.right) - self.pdf.get_string_width(text), y, text, size)

    def line(self, text, size=10, bold=False, right=None, gap=14):
        self.text(self.left, self.y, text, size, bold)
        if right:
            self.flush_right(self.y, right, size)
        self.y += gap

    def save(self, path: Path) -> Path:
        self.pdf.output(str(path))
        return path


def lines_of(path: Path) -> list[str]:
    """The lines in reading order, spacing collapsed (wide gaps are checked elsewhere)."""
    return [" ".join(ln.split()) for ln in extract_document(path).text.split("\n") if ln.strip()]


def short_us_resume(tmp_path: Path, bullets_per_job: int = 1) -> Path:
    """A short one-page résumé: company and city, then title and dates, on shared lines."""
    page = Page()
    page.line("PRIYA RAMAN", 18, bold=True, gap=20)
    page.line("Austin, TX | (512) 555-0148 | priya.raman@example.com", 9, gap=22)
    page.line("EXPERIENCE", 11, bold=True, gap=16)
    jobs = [
        ("Northwind Health", "Austin, TX", "Data Engineer", "Mar 2021 – Present"),
        ("Contoso Logistics", "Dallas, TX", "Analytics Engineer", "Aug 2018 – Feb 2021"),
    ]
    for company, city, title, dates in jobs:
        page.line(company, bold=True, right=city)
        page.line(title, right=dates)
        for i in range(bullets_per_job):
            page.line(f"• Built dbt models and Airflow pipelines in Python, part {i + 1}", 9)
        page.y += 4
    page.line("EDUCATION", 11, bold=True, gap=16)
    page.line("University of Texas at Austin", bold=True, right="Austin, TX")
    page.line("B.S. Statistics", right="2014 – 2018", gap=18)
    page.line("SKILLS", 11, bold=True, gap=16)
    page.line("Python, SQL, dbt, Airflow, Snowflake, Tableau", 9)
    return page.save(tmp_path / "short_us.pdf")


# ------------------------------------------------------------- one column, PDF


def test_right_aligned_dates_stay_on_the_title_line(tmp_path):
    lines = lines_of(short_us_resume(tmp_path))
    for title, dates in [
        ("Data Engineer", "Mar 2021 – Present"),
        ("Analytics Engineer", "Aug 2018 – Feb 2021"),
        ("B.S. Statistics", "2014 – 2018"),
    ]:
        assert any(ln.startswith(title) and ln.endswith(dates) for ln in lines), (title, lines)
    # Nothing is collected at the end of the page.
    assert lines[-1] == "Python, SQL, dbt, Airflow, Snowflake, Tableau"


def test_right_aligned_cities_stay_on_the_company_line(tmp_path):
    lines = lines_of(short_us_resume(tmp_path, bullets_per_job=2))
    assert any(ln.startswith("Northwind Health") and ln.endswith("Austin, TX") for ln in lines)
    assert any(ln.startswith("Contoso Logistics") and ln.endswith("Dallas, TX") for ln in lines)
    assert "Austin, TX" not in lines and "Dallas, TX" not in lines  # never a line of its own


def test_long_bullets_crossing_the_gap_do_not_change_it(tmp_path):
    """Long bullets run under the dates, so only the short lines below them (education)
    leave the gap open: those dates must stay on their lines too."""
    page = Page()
    page.line("MARCUS BELL", 18, bold=True, gap=20)
    page.line("WORK HISTORY", 11, bold=True, gap=16)
    jobs = [("Target", "Columbus, OH", "Store Manager", "Jun 2019 – Present"),
            ("Kohl's", "Dublin, OH", "Assistant Manager", "Apr 2016 – May 2019")]  # fmt: skip
    for company, city, title, dates in jobs:
        page.line(company, bold=True, right=city)
        page.line(title, right=dates)
        page.line("• Ran a team of 35 associates across three shifts, cut shrink by 18% "
                  "and lifted the store's NPS", 9, gap=18)  # fmt: skip
    page.line("EDUCATION", 11, bold=True, gap=16)
    page.line("Ohio State University", bold=True, right="Columbus, OH")
    page.line("B.A. Business Administration", right="2012 – 2016", gap=18)
    page.line("SKILLS", 11, bold=True, gap=16)
    page.line("Retail operations, merchandising, P&L", 9)
    lines = lines_of(page.save(tmp_path / "long.pdf"))
    for company, city, title, dates in jobs:
        assert f"{company} {city}" in lines and f"{title} {dates}" in lines
    assert "Ohio State University Columbus, OH" in lines
    assert "B.A. Business Administration 2012 – 2016" in lines
    assert lines[-1] == "Retail operations, merchandising, P&L"


def test_entry_level_jobs_with_one_line_each(tmp_path):
    """Title and dates on one line, one bullet under it, nothing between the jobs:
    the dates are two lines apart, which is still not a column."""
    page = Page()
    page.line("Jordan Ellis", 16, bold=True, gap=20)
    page.line("EXPERIENCE", 11, bold=True, gap=16)
    jobs = [
        ("Barista, Blue Bottle Coffee", "Jun 2022 – Aug 2024"),
        ("Cashier, Safeway", "Sep 2020 – May 2022"),
        ("Lifeguard, City of Oakland", "Jun 2019 – Aug 2020"),
        ("Camp Counselor, YMCA", "Summer 2018"),
    ]
    for title, dates in jobs:
        page.line(title, right=dates)
        page.line("• Served customers and kept the till", 9)
    lines = lines_of(page.save(tmp_path / "entry.pdf"))
    for title, dates in jobs:
        assert f"{title} {dates}" in lines


def test_a_few_right_hand_notes_on_a_long_page_stay_on_their_lines(tmp_path):
    page = Page()
    page.line("Summary", 11, bold=True, gap=16)
    for i in range(30):
        note = {4: "Remote", 12: "Part-time", 21: "Contract"}.get(i)
        page.line(f"Line {i:02d} of the profile text with a few ordinary words", right=note)
    lines = lines_of(page.save(tmp_path / "notes.pdf"))
    assert lines[0] == "Summary"
    assert len(lines) == 31  # no line was split off and moved
    assert lines[5].endswith("Remote") and lines[13].endswith("Part-time")
    assert lines[22].endswith("Contract")


# ------------------------------------------------------------- two columns, PDF


def sidebar_resume(tmp_path: Path) -> tuple[Path, list[str], list[str]]:
    """A sidebar on the left and a main column with right-aligned dates, drawn row by row
    (the order that interleaves the two columns when read naively)."""
    sidebar = ["CONTACT", "Leeds, UK", "07700 900456", "sam.okoro@example.co.uk", "",
               "SKILLS", "Payroll", "Sage 50", "Xero", "Excel (pivot tables)", "VAT returns",
               "", "LANGUAGES", "English", "Yoruba"]  # fmt: skip
    main = [
        ("PROFILE", None),
        ("Qualified accountant with eight years in practice and industry.", None),
        ("", None),
        ("EXPERIENCE", None),
        ("Management Accountant, Arla Foods", "2020 – Present"),
        ("• Month-end close for three sites and the group reporting pack", None),
        ("• Built the cash flow forecast in Excel and Power BI", None),
        ("Assistant Accountant, KPMG", "2016 – 2020"),
        ("• Audited SME clients in retail and construction", None),
        ("• Prepared statutory accounts and corporation tax returns", None),
        ("", None),
        ("EDUCATION", None),
        ("BSc Accounting and Finance, University of Leeds", "2013 – 2016"),
        ("ACCA, fully qualified", "2019"),
    ]
    page = Page()
    page.text(36, 50, "SAM OKORO", 18, bold=True)
    for i in range(max(len(sidebar), len(main))):
        y = 90 + i * 14
        if i < len(sidebar) and sidebar[i]:
            page.text(36, y, sidebar[i], 9)
        if i < len(main) and main[i][0]:
            page.text(200, y, main[i][0], 9.5)
            if main[i][1]:
                page.flush_right(y, main[i][1], 9.5, edge=576)
    path = page.save(tmp_path / "sidebar.pdf")
    main_lines = [f"{t} {d}" if d else t for t, d in main if t]
    return path, [s for s in sidebar if s], main_lines


def test_sidebar_and_main_column_with_right_aligned_dates(tmp_path):
    path, sidebar, main = sidebar_resume(tmp_path)
    lines = lines_of(path)
    assert lines[0] == "SAM OKORO"
    # Each column comes out whole and in order, and the dates stay with their titles.
    assert lines[1:] == sidebar + main


def test_sidebar_on_the_right_is_still_a_column(tmp_path):
    page = Page()
    page.text(54, 50, "ELENA VOSS", 18, bold=True)
    main = [f"Coordinated event number {i} for corporate clients and partners" for i in range(20)]
    side = ["CONTACT", "Denver, CO", "(303) 555-0199", "elena@example.com", "",
            "TOOLS", "Cvent", "Salesforce", "Canva"]  # fmt: skip
    for i, text in enumerate(main):
        page.text(54, 90 + i * 14, text, 9.5)
        if i < len(side) and side[i]:
            page.text(430, 90 + i * 14, side[i], 9)
    lines = lines_of(page.save(tmp_path / "right_sidebar.pdf"))
    assert lines == ["ELENA VOSS", *main, *[s for s in side if s]]


# ------------------------------------------------------------- end to end


def test_years_of_experience_come_from_right_aligned_dates(tmp_path):
    path = short_us_resume(tmp_path, bullets_per_job=2)
    profile = build_profile(
        [SourceDocument(1, path.name, extract_document(path))], today=date(2025, 3, 1)
    )
    assert [job.start for job in profile.experience] == ["2021-03", "2018-08"]
    assert profile.years_experience is not None and profile.years_experience >= 6


# ------------------------------------------------------------- geometry only


def rows(x0, x1, top, n, step=14, height=10):
    return [(x0, top - i * step - height, x1, top - i * step) for i in range(n)]


def test_short_page_of_date_pairs_is_one_flow():
    """Few lines in all, so the dates are a large share of the text, yet they are pairs."""
    header = rows(50, 400, 760, 3, step=20)
    lefts, rights, top = [], [], 690
    for _ in range(3):  # company | city, title | dates, then two bullets
        lefts += rows(50, 190, top, 2) + rows(50, 360, top - 28, 2)
        rights += rows(470, 562, top, 2)
        top -= 66
    assert reading_regions(header + lefts + rights) is None


def test_company_with_two_roles_is_still_one_flow():
    """Company | city, then two role lines with dates: three right-hand lines in a row."""
    page = rows(50, 400, 760, 2, step=20)
    for top in (700, 620):
        page += rows(50, 200, top, 3) + rows(470, 562, top, 3)  # the three shared lines
        page += rows(50, 360, top - 42, 2)  # two bullets
    assert reading_regions(page) is None
