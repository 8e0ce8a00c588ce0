"""Render every page with realistic data into PNGs: ``python -m app.ui.screenshots [OUT_DIR]``.

The app runs as usual (``app.main``, one event loop), offscreen, on a
throw-away home. Once the window is attached, ``take_screenshots`` (started by
the lifecycle when ``JOBAGENT_SCREENSHOTS`` names a folder) captures the
first-run onboarding, writes the demo data of ``app.ui.demo_data`` (an
accountant's profile, scored jobs, tracker entries, runs), then grabs each
page at 1280x800 and closes the window.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

SCREENSHOTS_ENV = "JOBAGENT_SCREENSHOTS"
SIZE = (1280, 800)
DEFAULT_OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


async def _settle(seconds: float = 0.3) -> None:
    """Let pending tasks (page loads) finish and the widgets repaint: the loop is Qt's, so
    sleeping is enough (calling processEvents inside a task would re-enter other tasks)."""
    await asyncio.sleep(seconds)


def _grab(window: MainWindow, out: Path, name: str) -> None:
    window.grab().save(str(out / f"{name}.png"))
    print(f"wrote {out / name}.png")


async def take_screenshots(window: MainWindow, out: Path) -> None:
    from app.core.settings import SourceEntry
    from app.storage.models import Run
    from app.storage.runs import this_process
    from app.ui.demo_data import seed_demo

    try:
        out.mkdir(parents=True, exist_ok=True)
        window.resize(*SIZE)
        runtime = window.runtime
        assert runtime is not None
        pages = window.pages
        for _ in range(200):  # the first-run check reads the user row
            if window.onboarding_active:
                break
            await _settle(0.05)
        onboarding = pages["onboarding"]
        onboarding.name.setText("Priya Raman")  # type: ignore[attr-defined]
        onboarding.email.setText("priya.raman@example.org")  # type: ignore[attr-defined]
        onboarding.location.setText("Leeds, UK")  # type: ignore[attr-defined]
        onboarding.go_to(1)  # type: ignore[attr-defined]
        onboarding.preferences.set_preferences(
            {  # type: ignore[attr-defined]
                "remote_modes": ["hybrid", "remote"],
                "locations": ["Leeds", "York", "Remote UK"],
                "salary_floor": 45000,
                "salary_currency": "GBP",
                "wanted_titles": ["Senior Accountant", "Financial Controller"],
                "basic_info": "Looking for a senior finance role with room to grow.",
            }
        )
        await _settle()
        _grab(window, out, "onboarding")

        await seed_demo(runtime, jobs=1200)
        runtime.settings.sources = [
            SourceEntry(kind="greenhouse", id="pennine", name="Pennine Housing Trust"),
            SourceEntry(kind="lever", id="brightwater", name="Brightwater Energy"),
            SourceEntry(
                kind="rss", id="https://www.jobs.ac.uk/feeds/finance.rss", name="jobs.ac.uk"
            ),
            SourceEntry(kind="remotive", id="search=accountant", enabled=False),
        ]
        started = datetime.now(UTC) - timedelta(seconds=37)
        async with runtime.db.session() as session:
            session.add(
                Run(
                    kind="search",
                    status="running",
                    current_step="score",
                    step_names=["plan", "fetch", "normalise", "score", "save"],
                    created_at=started,
                    started_at=started,
                    owner=this_process(),
                    usage={"requests": 18},
                )
            )
        onboarding.active = False  # type: ignore[attr-defined]
        window.set_onboarding(False)
        for key in ("profile", "jobs", "runs"):
            await pages[key].reload()  # type: ignore[attr-defined]
        for key in ("profile", "jobs"):
            await pages[key].show_last_run()  # type: ignore[attr-defined]
        settings = pages["settings"]
        settings.sources.revert()  # type: ignore[attr-defined]

        window.show_page("profile")
        await _settle()
        _grab(window, out, "profile")
        pages["profile"].form.setCurrentIndex(1)  # type: ignore[attr-defined]
        await _settle()
        _grab(window, out, "profile-skills")
        pages["profile"].form.setCurrentIndex(4)  # type: ignore[attr-defined]
        await _settle()
        _grab(window, out, "profile-documents")
        pages["profile"].form.setCurrentIndex(0)  # type: ignore[attr-defined]

        jobs = pages["jobs"]
        window.show_page("jobs")
        reviewed = next(
            row
            for row in range(jobs.model.rowCount())  # type: ignore[attr-defined]
            if jobs.model.job_at(row).llm_score is not None  # type: ignore[attr-defined]
        )
        jobs.table.selectRow(reviewed)  # type: ignore[attr-defined]
        await _settle(0.6)
        _grab(window, out, "jobs")
        jobs.search.setText("senior")  # type: ignore[attr-defined]
        jobs.min_score.setValue(60)  # type: ignore[attr-defined]
        jobs.remote.setCurrentIndex(2)  # type: ignore[attr-defined]
        jobs.apply_filters()  # type: ignore[attr-defined]
        jobs.table.selectRow(1)  # type: ignore[attr-defined]
        await _settle(0.6)
        _grab(window, out, "jobs-filtered")

        if "vibe" in pages:
            await pages["vibe"].reload()  # type: ignore[attr-defined]
            window.show_page("vibe")
            await _settle()
            _grab(window, out, "vibe")

        runs = pages["runs"]
        window.show_page("runs")
        await _settle()
        _grab(window, out, "runs")
        failed = runs.model.row_of(2)  # type: ignore[attr-defined]
        if failed is not None:
            runs.table.selectRow(failed)  # type: ignore[attr-defined]
        await _settle()
        _grab(window, out, "runs-failed")

        window.show_page("settings")
        settings.tabs.setCurrentIndex(1)  # type: ignore[attr-defined]
        await _settle()
        _grab(window, out, "settings")
        settings.tabs.setCurrentIndex(0)  # type: ignore[attr-defined]
        await settings.database.test_connection()  # type: ignore[attr-defined]
        await _settle()
        _grab(window, out, "settings-database")
    finally:
        window.close()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out = Path(argv[0]).resolve() if argv else DEFAULT_OUT
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.pop("JOBAGENT_DATABASE_URL", None)
    with tempfile.TemporaryDirectory(prefix="jobagent-shots-") as home:
        os.environ[SCREENSHOTS_ENV] = str(out)
        from app.main import main as app_main

        return app_main(["--home", home])


if __name__ == "__main__":
    raise SystemExit(main())
