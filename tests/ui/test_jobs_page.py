"""The jobs table: filters and sorts right (and fast enough) at 20,000 rows, keeps the selection
on its job, and the page marks jobs, exports them and searches from the keyboard."""

from __future__ import annotations

import asyncio
import csv
import json
import time

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTableView

from app.ui.components.job_filter import COLUMN_KEYS, JobFilter
from app.ui.components.jobs_model import JobsTableModel
from app.ui.demo_data import demo_job_rows, seed_demo
from tests.ui.app_driver import running_app

ROWS = demo_job_rows(20_000)


def visible(model: JobsTableModel) -> list:
    return [model.job_at(i) for i in range(model.rowCount())]


def test_filters_and_sorts_match_a_plain_python_reference(qtbot):
    model = JobsTableModel()
    model.set_rows(ROWS)
    assert model.rowCount() == sum(1 for r in ROWS if r.status != "hidden")

    spec = JobFilter(text="senior leeds", min_score=60, remote="hybrid", posted_within_days=30)
    model.set_filter(spec)
    cutoff = time.time() - 30 * 86400
    expected = {
        r.job_id
        for r in ROWS
        if r.status != "hidden"
        and r.best_score >= 60
        and r.remote == "hybrid"
        and r.posted_at.timestamp() >= cutoff
        and "senior" in f"{r.title} {r.company} {r.location}".lower()
        and "leeds" in f"{r.title} {r.company} {r.location} {r.source}".lower()
    }
    assert {r.job_id for r in visible(model)} == expected and expected

    model.set_filter(JobFilter(statuses=frozenset({"hidden"})))
    assert {r.status for r in visible(model)} == {"hidden"}
    model.set_filter(JobFilter(source="lever:brightwater"))
    assert {r.source for r in visible(model)} == {"lever:brightwater"}

    model.set_filter(JobFilter())
    model.sort(COLUMN_KEYS.index("company"), Qt.SortOrder.AscendingOrder)
    companies = [r.company.casefold() for r in visible(model)]
    assert companies == sorted(companies)
    model.sort(COLUMN_KEYS.index("score"), Qt.SortOrder.DescendingOrder)
    scores = [r.best_score for r in visible(model)]
    assert scores == sorted(scores, reverse=True)
    salaries = COLUMN_KEYS.index("salary")
    model.sort(salaries, Qt.SortOrder.AscendingOrder)
    assert model.index(0, salaries).data()  # rows without a salary come last


def test_selection_follows_its_job_through_filters_and_sorts(qtbot):
    model = JobsTableModel()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    model.set_rows(ROWS)
    chosen = next(r for r in ROWS if r.status == "new" and r.remote == "remote")
    view.selectionModel().setCurrentIndex(
        model.index(model.row_of_job(chosen.job_id), 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    model.set_filter(JobFilter(remote="remote"))
    model.sort(COLUMN_KEYS.index("title"), Qt.SortOrder.AscendingOrder)
    assert model.job_at(view.currentIndex().row()).job_id == chosen.job_id
    model.set_filter(JobFilter(remote="onsite"))  # filtered out: no current row any more
    assert not view.currentIndex().isValid()


def test_filtering_20000_rows_is_quick(qtbot):
    """Not a benchmark (bench/ui_jobs.py prints figures): a guard against a 10x regression."""
    model = JobsTableModel()
    model.set_rows(ROWS)
    start = time.perf_counter()
    for text in ("a", "ac", "acc", "acco", "accou"):
        model.set_filter(JobFilter(text=text, min_score=40))
    assert (time.perf_counter() - start) / 5 < 0.5


def test_mark_applied_export_and_find(qapp, qloop, app_home, tmp_path, monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))

    async def scenario() -> None:
        async with running_app(qapp, app_home) as app:
            await seed_demo(app.runtime, jobs=300)
            await app.skip_onboarding()
            jobs = app.page("jobs")
            await jobs.reload()
            app.window.show_page("profile")
            QTest.keyClick(app.window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
            await app.until(lambda: app.window.current_page_key() == "jobs")
            assert jobs.search.hasFocus()
            QTest.keyClicks(jobs.search, "payroll manager")
            await app.until(lambda: jobs.model.job_filter.text == "payroll manager")
            shown = visible(jobs.model)
            assert shown and all("payroll manager" in r.title.lower() for r in shown)

            target = next(r for r in shown if r.status == "new")
            assert jobs.select_job(target.job_id)
            pane = jobs.detail
            await app.until(
                lambda: pane.detail is not None and pane.detail.row.job_id == target.job_id
            )
            assert target.title in pane.title.text()
            assert pane.matched.texts() == list(target.reasons["matched_skills"])
            assert "Manage" in pane.description.toPlainText()
            QTest.mouseClick(pane.open_button, Qt.MouseButton.LeftButton)
            assert opened == [target.url]
            QTest.keyClicks(pane.note, "Called Sam in HR")
            pane.status.setCurrentIndex(2)  # applied
            pane.status.activated.emit(2)
            await app.until(lambda: jobs.current_job().status == "applied", what="applied")
            assert jobs.current_job().note == "Called Sam in HR"
            assert "applied" in pane.history.text()

            jobs.status.setCurrentIndex(jobs.status.findText("Applied"))
            assert target.job_id in {r.job_id for r in visible(jobs.model)}
            assert {r.status for r in visible(jobs.model)} == {"applied"}
            count = await jobs.export_to(tmp_path / "applied.csv")
            await jobs.export_to(tmp_path / "applied.json")

            await jobs.reload()  # what is stored, read again
            assert jobs.current_job().job_id == target.job_id
            assert jobs.current_job().status == "applied"

        with (tmp_path / "applied.csv").open(encoding="utf-8-sig") as handle:
            rows = list(csv.DictReader(handle))
        assert len(rows) == count and {r["status"] for r in rows} == {"applied"}
        assert "Called Sam in HR" in {r["note"] for r in rows}
        data = json.loads((tmp_path / "applied.json").read_text(encoding="utf-8"))
        assert len(data) == count and data[0]["reasons"]["matched_skills"]

    qloop.run_until_complete(asyncio.wait_for(scenario(), 60))
