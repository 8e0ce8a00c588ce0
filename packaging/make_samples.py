"""Write the self-test's sample CV (PDF and DOCX) into resources/samples/.

    .venv/bin/python packaging/make_samples.py

The files are checked in; rerun this only to change them. It needs fpdf2
(the dev extra) and python-docx. The person is invented.
"""

from __future__ import annotations

from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "resources" / "samples"

CV: list[tuple[str, list[str]]] = [
    ("", ["Alex Example", "Data Analyst", "Leeds, United Kingdom",
          "alex.example@example.org | +44 113 496 0000 | linkedin.com/in/alex-example"]),
    ("Summary", [
        "Data analyst with seven years of experience turning sales and operations data into "
        "reports and dashboards that managers use every week.",
    ]),
    ("Experience", [
        "Data Analyst, Northwind Traders, Leeds",
        "Jan 2020 - Present",
        "- Built weekly sales dashboards in Tableau and Power BI for 40 store managers.",
        "- Wrote SQL queries and Python scripts (pandas) to clean and join order data.",
        "- Automated monthly Excel reports, saving two days of manual work each month.",
        "Junior Analyst, Contoso Retail, York",
        "Sep 2017 - Dec 2019",
        "- Maintained the stock database in PostgreSQL and answered ad-hoc data requests.",
        "- Presented findings on regional sales trends to the leadership team.",
    ]),
    ("Education", ["BSc Mathematics, University of Leeds, 2014 - 2017"]),
    ("Skills", [
        "SQL, Python, pandas, Excel, Tableau, Power BI, PostgreSQL, statistics, "
        "data visualisation, stakeholder communication",
    ]),
    ("References", ["Available on request."]),
]  # fmt: skip


def write_pdf(path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_title("Alex Example - CV")
    pdf.add_page()
    for heading, lines in CV:
        if heading:
            pdf.set_font("Helvetica", "B", 13)
            pdf.cell(0, 9, heading, new_x="LMARGIN", new_y="NEXT")
        for index, line in enumerate(lines):
            pdf.set_font("Helvetica", "B" if not heading and index == 0 else "", 10.5)
            pdf.multi_cell(0, 5.5, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    pdf.output(str(path))


def write_docx(path: Path) -> None:
    import docx

    document = docx.Document()
    for heading, lines in CV:
        if heading:
            document.add_heading(heading, level=2)
        for line in lines:
            document.add_paragraph(line)
    document.core_properties.title = "Alex Example - CV"
    document.save(str(path))


def main() -> None:
    SAMPLES.mkdir(parents=True, exist_ok=True)
    write_pdf(SAMPLES / "sample_cv.pdf")
    write_docx(SAMPLES / "sample_cv.docx")
    print(f"wrote {SAMPLES / 'sample_cv.pdf'} and {SAMPLES / 'sample_cv.docx'}")


if __name__ == "__main__":
    main()
