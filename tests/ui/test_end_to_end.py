"""A person's first day with the app, end to end, through the window only.

First run: onboarding (answers, a PDF and a DOCX CV and a password-protected
PDF dropped on the window), profiling with the stepper showing it and the
password asked in a non-modal dialog; then a job source added in Settings, a
search against the loopback job boards, the jobs table filled, one job marked
applied. Then the app restarts on the same home and finds it all still there.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import docx
from fpdf import FPDF
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.ui.components.dialogs import PasswordDialog
from app.ui.widgets.progress_stepper import StepState
from tests.fakes.job_boards import JobBoardServer
from tests.ui.app_driver import running_app

CV_LINES = [
    "Alex Morgan",
    "Senior Python Engineer",
    "alex.morgan@example.org | +49 151 2345678 | Berlin",
    "PROFILE",
    "Backend engineer with 7 years of experience building web services in Python.",
    "EXPERIENCE",
    "Senior Python Engineer, Acme GmbH, Berlin    2020 - Present",
    "• Built REST APIs with FastAPI and PostgreSQL serving 2 million users",
    "• Ran services on Docker and Kubernetes in AWS",
    "Software Engineer, Globex AG, Hamburg    2017 - 2020",
    "• Wrote data pipelines in Python and SQL",
    "EDUCATION",
    "BSc Computer Science, TU Berlin 2013 - 2017",
    "SKILLS",
    "Python, PostgreSQL, Docker, Kubernetes, AWS, SQL, React",
]
OLD_CV_LINES = [*CV_LINES[:3], "SKILLS", "Terraform, Linux, Git, Scrum"]
PASSWORD = "s3cret-cv"


def write_pdf(path: Path, lines: list[str], password: str | None = None) -> Path:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in lines:
        pdf.cell(0, 7, line.replace("•", "-"), new_x="LMARGIN", new_y="NEXT")
    if password:
        pdf.set_encryption(owner_password="owner-" + password, user_password=password)
    pdf.output(str(path))
    return path


def write_docx(path: Path, lines: list[str]) -> Path:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def click(widget) -> None:  # type: ignore[no-untyped-def]
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_first_day_then_restart(qapp, qloop, app_home, tmp_path):
    cv_pdf = write_pdf(tmp_path / "alex-morgan-cv.pdf", CV_LINES)
    cv_docx = write_docx(tmp_path / "alex-morgan-2019.docx", OLD_CV_LINES)
    locked = write_pdf(
        tmp_path / "alex-references.pdf",
        [*CV_LINES[:3], "REFERENCES", "Dr Sam Lee, Acme GmbH, sam.lee@example.org"],
        password=PASSWORD,
    )
    server = JobBoardServer().start()
    server.add_board("greenhouse", "acme", 40)
    applied: dict[str, object] = {}

    async def first_day() -> None:
        async with running_app(qapp, app_home) as app:
            window = app.window
            onboarding = app.page("onboarding")
            await app.until(lambda: window.onboarding_active, what="onboarding")
            QTest.keyClicks(onboarding.name, "Alex Morgan")
            QTest.keyClicks(onboarding.email, "alex.morgan@example.org")
            QTest.keyClicks(onboarding.location, "Berlin")
            click(onboarding.next_button)
            prefs = onboarding.preferences
            click(prefs.modes["hybrid"])
            click(prefs.modes["remote"])
            QTest.keyClicks(prefs.locations, "Berlin, Remote - Europe")
            QTest.keyClicks(prefs.titles, "Senior Python Engineer")
            click(onboarding.next_button)
            app.drop_files([cv_pdf, cv_docx, locked], target=onboarding.drop_zone)
            assert onboarding.file_list.count() == 3
            assert onboarding.next_button.text() == "&Build my profile"
            click(onboarding.next_button)

            # Profiling runs; the stepper shows it; the locked PDF makes the window ask.
            await app.until(lambda: onboarding.steps.currentIndex() == 3)
            dialog = await app.until(
                lambda: window.findChild(PasswordDialog), timeout=60, what="the password dialog"
            )
            assert onboarding.stepper.states() == [StepState.DONE] * 5
            assert (
                dialog.windowModality() != Qt.WindowModality.ApplicationModal
            )  # open(), no exec()
            assert "alex-references.pdf" in dialog.filename
            QTest.keyClicks(dialog.password, PASSWORD)
            QTest.keyClick(dialog.password, Qt.Key.Key_Return)
            await app.until(lambda: "ready" in onboarding.build_note.text(), timeout=60)
            click(onboarding.next_button)  # Go to my profile
            await app.until(lambda: window.current_page_key() == "profile")
            profile = app.page("profile")
            await app.until(lambda: profile.form.contact["name"].text() == "Alex Morgan")
            skills = profile.form.skills.chips.texts()
            assert {"Python", "PostgreSQL", "Terraform"} <= set(skills)
            documents = profile.form.sources.documents

            def shown_documents() -> set[str]:
                return {
                    documents.topLevelItem(i).text(0) for i in range(documents.topLevelItemCount())
                }

            # The password's retry imports the locked PDF: the profile shows it when done.
            await app.until(lambda: "alex-references.pdf" in shown_documents(), timeout=60)
            assert {"alex-morgan-cv.pdf", "alex-morgan-2019.docx"} <= shown_documents()
            assert not window.controllers.profiling.busy

            # A source, added in Settings as a person would.
            QTest.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
            settings = app.page("settings")
            settings.tabs.setCurrentWidget(settings.sources)
            QTest.keyClicks(settings.sources.spec, "greenhouse:acme")
            QTest.keyClicks(settings.sources.base_url, server.base_url)
            click(settings.sources.add_button)
            click(settings.save_button)
            assert settings.status.text().startswith("✔")

            # Search now; the table fills.
            window.show_page("jobs")
            jobs = app.page("jobs")
            click(jobs.search_button)
            await app.until(lambda: jobs.model.total_count() > 0, timeout=120, what="jobs")
            assert jobs.stepper.states() == [StepState.DONE] * 5
            assert jobs.model.total_count() <= 40
            top = jobs.model.job_at(0)
            assert top.score is not None and top.reasons.get("summary")

            # Mark the best one applied, with a note.
            jobs.table.selectRow(0)
            await app.until(
                lambda: (
                    jobs.detail.detail is not None and jobs.detail.detail.row.job_id == top.job_id
                )
            )
            QTest.keyClicks(jobs.detail.note, "Applied through their site")
            jobs.detail.status.setCurrentIndex(jobs.detail.status.findText("Applied"))
            jobs.detail.status.activated.emit(jobs.detail.status.currentIndex())
            await app.until(lambda: jobs.current_job() and jobs.current_job().status == "applied")
            applied.update(job_id=top.job_id, title=top.title, total=jobs.model.total_count())

    async def next_morning() -> None:
        async with running_app(qapp, app_home) as app:
            window = app.window
            await app.settle(0.3)
            assert not window.onboarding_active
            profile = app.page("profile")
            await app.until(lambda: profile.form.contact["name"].text() == "Alex Morgan")
            assert "Python" in profile.form.skills.chips.texts()
            jobs = app.page("jobs")
            await app.until(lambda: jobs.model.total_count() == applied["total"])
            jobs.status.setCurrentIndex(jobs.status.findText("Applied"))
            assert jobs.model.rowCount() == 1
            row = jobs.model.job_at(0)
            assert (row.job_id, row.title, row.note) == (
                applied["job_id"],
                applied["title"],
                "Applied through their site",
            )
            runs = app.page("runs")
            await app.until(lambda: runs.model.rowCount() >= 3)
            kinds = [runs.model.entry(i).update for i in range(runs.model.rowCount())]
            assert [(u.kind, u.status) for u in kinds][:3] == [
                ("search", "succeeded"),
                ("profiling", "succeeded"),
                ("profiling", "succeeded"),
            ]
            settings = app.page("settings")
            assert [f"{e.kind}:{e.id}" for e in settings.sources.entries] == ["greenhouse:acme"]

    try:
        qloop.run_until_complete(asyncio.wait_for(first_day(), 240))
        qloop.run_until_complete(asyncio.wait_for(next_morning(), 120))
    finally:
        server.stop()
