"""Render the labelled CV specs (`*.cv.json`) to PDF, DOCX, TXT or Markdown.

Used by the tests and by `bench/profiling_quality.py`. A spec has a `layout`
and lines in a tiny markup:

    "## EXPERIENCE"            a section heading
    "* Did a thing"            a bullet
    "Title, Company || 2019 - Present"   left text and right-aligned text
    "= Jane Doe"               the name, large
    anything else              a plain line

Layouts: "pdf-1col", "pdf-2col" (a sidebar on the left, drawn line by line
across both columns, the hardest order for an extractor), "docx", "docx-table"
(a two-cell layout table: sidebar and main), "txt", "md".
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
_FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


def load_specs() -> list[dict]:
    specs = []
    for path in sorted(HERE.glob("*.cv.json")):
        spec = json.loads(path.read_text(encoding="utf-8"))
        labels_path = path.with_name(path.name.replace(".cv.json", ".labels.json"))
        spec["labels"] = json.loads(labels_path.read_text(encoding="utf-8"))
        specs.append(spec)
    return specs


def render(spec: dict, folder: Path) -> Path:
    layout = spec["layout"]
    ext = {"pdf-1col": "pdf", "pdf-2col": "pdf", "docx": "docx", "docx-table": "docx",
           "txt": "txt", "md": "md"}[layout]  # fmt: skip
    path = folder / f"{spec['id']}.{ext}"
    if ext == "pdf":
        render_pdf(spec, path)
    elif ext == "docx":
        render_docx(spec, path)
    else:
        path.write_text(_plain(spec, markdown=ext == "md"), encoding="utf-8")
    return path


def _plain(spec: dict, *, markdown: bool) -> str:
    out = []
    for line in spec.get("header", []) + spec.get("sidebar", []) + spec.get("main", []):
        if line.startswith("= "):
            out.append(("# " if markdown else "") + line[2:])
        elif line.startswith("## "):
            out.append(("## " if markdown else "") + line[3:] if markdown else "\n" + line[3:])
        elif line.startswith("* "):
            out.append(("- " if markdown else "• ") + line[2:])
        else:
            out.append(line.replace(" || ", "    " if not markdown else " | "))
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- PDF


def _pdf():
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    unicode_font = (_FONT_DIR / "DejaVuSans.ttf").exists()
    if unicode_font:
        pdf.add_font("Body", "", str(_FONT_DIR / "DejaVuSans.ttf"))
        pdf.add_font("Body", "B", str(_FONT_DIR / "DejaVuSans-Bold.ttf"))
    return pdf, ("Body" if unicode_font else "Helvetica"), unicode_font


def _latin(text: str, unicode_font: bool) -> str:
    if unicode_font:
        return text
    return text.replace("•", "-").replace("–", "-").replace("—", "-").replace("’", "'")


class _Column:
    """Writes lines into one column, top to bottom, wrapping long lines."""

    def __init__(self, pdf, font, uni, x: float, width: float, lines: list[str]):
        self.pdf, self.font, self.uni = pdf, font, uni
        self.x, self.width = x, width
        self.rows = self._layout(lines)

    def _layout(self, lines):
        rows = []  # (style, size, left, right)
        for line in lines:
            if line.startswith("= "):
                rows.append(("B", 18, line[2:], None))
                rows.append(("", 4, "", None))
            elif line.startswith("## "):
                rows.append(("", 4, "", None))
                rows.append(("B", 11, line[3:], None))
            else:
                left, _, right = line.partition(" || ")
                bullet = left.startswith("* ")
                text = ("•  " + left[2:]) if bullet else left
                for i, chunk in enumerate(self._wrap(text, 9.5, right)):
                    rows.append(("", 9.5, ("    " if bullet and i else "") + chunk,
                                 right if i == 0 and right else None))  # fmt: skip
        return rows

    def _wrap(self, text, size, right):
        self.pdf.set_font(self.font, "", size)
        room = self.width - (self.pdf.get_string_width(right) + 4 if right else 0)
        words, out, cur = _latin(text, self.uni).split(" "), [], ""
        for w in words:
            trial = f"{cur} {w}".strip()
            if self.pdf.get_string_width(trial) > room and cur:
                out.append(cur)
                cur = w
            else:
                cur = trial
        out.append(cur)
        return out

    def draw_row(self, row, y):
        style, size, left, right = row
        self.pdf.set_font(self.font, style, size)
        if left:
            self.pdf.set_xy(self.x, y)
            self.pdf.cell(self.width, size * 0.45, _latin(left, self.uni))
        if right:
            right = _latin(right, self.uni)
            w = self.pdf.get_string_width(right)
            self.pdf.set_xy(self.x + self.width - w - 1, y)
            self.pdf.cell(w + 1, size * 0.45, right)
        return size * 0.5 + 0.6


def render_pdf(spec: dict, path: Path) -> None:
    pdf, font, uni = _pdf()
    pdf.add_page()
    y = 15.0
    header = _Column(pdf, font, uni, 15, 180, spec.get("header", []))
    for row in header.rows:
        y += header.draw_row(row, y)
    if spec["layout"] == "pdf-2col":
        side = _Column(pdf, font, uni, 12, 52, spec.get("sidebar", []))
        main = _Column(pdf, font, uni, 74, 122, spec.get("main", []))
        columns = [side, main]
    else:
        columns = [_Column(pdf, font, uni, 15, 180, spec.get("main", []))]
    ys = [y + 3] * len(columns)
    index = [0] * len(columns)
    # Draw row by row across the columns, as many CV templates do.
    while any(index[c] < len(col.rows) for c, col in enumerate(columns)):
        for c, col in enumerate(columns):
            if index[c] >= len(col.rows):
                continue
            if ys[c] > 280:
                continue
            ys[c] += col.draw_row(col.rows[index[c]], ys[c])
            index[c] += 1
        full = all(ys[c] > 280 or index[c] >= len(col.rows) for c, col in enumerate(columns))
        if full and any(index[c] < len(col.rows) for c, col in enumerate(columns)):
            pdf.add_page()
            ys = [15.0] * len(columns)
    if spec.get("encrypt"):
        pdf.set_encryption(owner_password="owner", user_password=spec["encrypt"])
    pdf.output(str(path))


# ---------------------------------------------------------------- DOCX


def render_docx(spec: dict, path: Path) -> None:
    import docx
    from docx.shared import Pt

    document = docx.Document()

    def write(container, lines):
        for line in lines:
            if line.startswith("= "):
                p = container.add_paragraph()
                run = p.add_run(line[2:])
                run.bold = True
                run.font.size = Pt(20)
            elif line.startswith("## "):
                p = container.add_paragraph()
                run = p.add_run(line[3:])
                run.bold = True
            elif line.startswith("* "):
                container.add_paragraph(line[2:], style="List Bullet")
            else:
                left, _, right = line.partition(" || ")
                container.add_paragraph(f"{left}\t{right}" if right else left)

    write(document, spec.get("header", []))
    if spec["layout"] == "docx-table":
        table = document.add_table(rows=1, cols=2)
        side, main = table.rows[0].cells
        side.paragraphs[0].text = ""
        write(side, spec.get("sidebar", []))
        write(main, spec.get("main", []))
    else:
        write(document, spec.get("sidebar", []) + spec.get("main", []))
    document.save(str(path))
