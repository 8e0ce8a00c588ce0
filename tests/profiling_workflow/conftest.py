"""Fixtures: a runtime on a temporary home, and real CV files (PDF, DOCX, TXT) made per test."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.runtime import Runtime
from app.storage.models import Document
from app.workflows.profiling import ProfilingWorkflow
from tests.profiling.conftest import new_pdf, two_column_page, write_lines

PHONE = "+44 7700 900123"


def cv_lines(name: str = "Jane Doe", phone: str = PHONE, *, employer: str = "St Thomas' Hospital",
             extra_skill: str = "Triage") -> list[str]:  # fmt: skip
    return [
        name,
        "Registered Nurse",
        f"jane.doe@example.com | {phone} | London",
        "PROFILE",
        "Caring nurse with 8 years of experience on acute wards.",
        "EXPERIENCE",
        f"Staff Nurse, {employer}, London    2018 - Present",
        "• Administered medication and wound care to 30 patients",
        "• Patient assessment and care planning",
        "Healthcare Assistant, Guy's Hospital, London    2015 - 2018",
        "• Supported patients with personal care",
        "EDUCATION",
        "BSc Nursing, King's College London 2014 - 2017",
        "SKILLS",
        f"Wound care, IV therapy, Patient assessment, {extra_skill}, Teamwork",
    ]


@pytest.fixture
async def runtime(paths):
    runtime = await Runtime.open(paths)
    yield runtime
    await runtime.close()


async def profile_files(runtime: Runtime, files, password: str | None = None):
    """Run the workflow as the window and the CLI do; (Run row, workflow)."""
    workflow = ProfilingWorkflow([Path(f) for f in files], password=password)
    run = await runtime.runner.run(workflow, user_id=runtime.user_id)
    return run, workflow


async def document_count(runtime: Runtime) -> int:
    async with runtime.db.session() as session:
        return await session.scalar(select(func.count()).select_from(Document))


def stored_files(runtime: Runtime) -> list[Path]:
    return sorted(p for p in runtime.paths.documents.iterdir() if not p.name.startswith("."))


@pytest.fixture
def files(tmp_path):
    """Makers of real CV files, all written under a folder of their own."""
    folder = tmp_path / "files"
    folder.mkdir()
    return CvFiles(folder)


class CvFiles:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def text(self, lines: list[str] | None = None, name: str = "cv.txt") -> Path:
        path = self.folder / name
        path.write_text("\n".join(lines or cv_lines()) + "\n", encoding="utf-8")
        return path

    def pdf(self, lines: list[str] | None = None, name: str = "cv.pdf",
            password: str | None = None, pages: int = 1) -> Path:  # fmt: skip
        lines = lines or cv_lines()
        pdf = new_pdf()
        per_page = -(-len(lines) // pages)
        for start in range(0, len(lines), per_page):
            pdf.add_page()
            write_lines(pdf, lines[start : start + per_page])
        if password:
            pdf.set_encryption(owner_password="owner-" + password, user_password=password)
        path = self.folder / name
        pdf.output(str(path))
        return path

    def two_column_pdf(self, name: str = "two.pdf") -> Path:
        """A name across the page, then a sidebar (contact, skills) beside the main column."""
        lines = cv_lines()
        header, sidebar = lines[:2], [lines[2].split(" | ")[0], lines[2].split(" | ")[1],
                                      "London", "SKILLS", *lines[14].split(", ")]  # fmt: skip
        main = lines[3:13]
        path = self.folder / name
        two_column_page(header, sidebar, main, main_width=125).output(str(path))
        return path

    def docx(self, lines: list[str] | None = None, name: str = "cv.docx") -> Path:
        import docx

        document = docx.Document()
        for line in lines or cv_lines():
            if line.startswith("• "):
                document.add_paragraph(line[2:], style="List Bullet")
            else:
                document.add_paragraph(line)
        path = self.folder / name
        document.save(str(path))
        return path

    def scanned_pdf(self, name: str = "scan.pdf") -> Path:
        """A page that is only a picture of text: no text layer."""
        from PIL import Image, ImageDraw

        image = Image.new("RGB", (600, 800), "white")
        ImageDraw.Draw(image).text((40, 40), "JANE DOE  Registered Nurse", fill="black")
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        pdf = new_pdf()
        pdf.add_page()
        pdf.image(buffer, x=10, y=10, w=190)
        path = self.folder / name
        pdf.output(str(path))
        return path
