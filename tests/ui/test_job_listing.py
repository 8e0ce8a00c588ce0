"""The jobs read model: one row per group, scores and tracker status, closed and hidden left out."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from app.runtime import Runtime
from app.storage import tracker
from app.storage.job_listing import get_job_detail, list_job_rows
from app.storage.models import Job, Match

T0 = datetime(2026, 11, 1, tzinfo=UTC)


def job(source: str, ext: str, title: str, group: str | None, **extra) -> Job:
    return Job(
        source=source, external_id=ext, title=title, company="Acme", location="Leeds",
        remote="hybrid", content_hash=ext, group_key=group, description=f"About {title}.",
        posted_at=T0 - timedelta(days=int(ext[-1])), **extra,
    )  # fmt: skip


async def seed(runtime: Runtime) -> dict[str, int]:
    async with runtime.db.session() as session:
        jobs = {
            "a1": job("greenhouse:acme", "a1", "Accountant", "acct-acme"),
            "a2": job("lever:acme", "a2", "Accountant", "acct-acme"),
            "b3": job("greenhouse:acme", "b3", "Payroll Officer", None),
            "c4": job("greenhouse:acme", "c4", "Auditor", None, closed_at=T0),
            "d5": job("lever:acme", "d5", "Tax Adviser", "tax"),
        }
        session.add_all(jobs.values())
        await session.flush()
        ids = {key: j.id for key, j in jobs.items()}
        session.add_all([
            Match(user_id=runtime.user_id, job_id=ids["a1"], score=55, scorer="offline",
                  scorer_version="1", reasons={"matched_skills": ["Xero"]}),
            Match(user_id=runtime.user_id, job_id=ids["a2"], score=70, scorer="offline",
                  scorer_version="1", reasons={}),
            Match(user_id=runtime.user_id, job_id=ids["b3"], score=40, scorer="offline",
                  scorer_version="1", reasons={}),
            Match(user_id=runtime.user_id, job_id=ids["b3"], score=90, scorer="llm",
                  scorer_version="1", reasons={"review": "Strong fit."}),
        ])  # fmt: skip
    return ids


def test_rows_are_grouped_scored_and_tracked(qloop, paths):
    async def scenario():
        runtime = await Runtime.open(paths)
        try:
            ids = await seed(runtime)
            rows = await list_job_rows(runtime.db, runtime.user_id)
            by_title = {row.title: row for row in rows}
            assert set(by_title) == {"Accountant", "Payroll Officer", "Tax Adviser"}
            acct = by_title["Accountant"]
            assert acct.job_id == ids["a2"] and acct.duplicates == 1  # the better-scored posting
            assert acct.sources == ("lever:acme", "greenhouse:acme")
            assert [row.title for row in rows][:2] == ["Payroll Officer", "Accountant"]
            assert by_title["Payroll Officer"].best_score == 90

            # Tracking the other posting of the group makes it the row, with its status.
            await tracker.set_status(runtime.db, runtime.user_id, ids["a1"], "applied", "sent CV")
            acct = next(r for r in await list_job_rows(runtime.db, runtime.user_id)
                        if r.title == "Accountant")  # fmt: skip
            assert (acct.job_id, acct.status, acct.note) == (ids["a1"], "applied", "sent CV")

            await tracker.set_status(runtime.db, runtime.user_id, ids["d5"], "hidden")
            titles = {r.title for r in await list_job_rows(runtime.db, runtime.user_id)}
            assert titles == {"Accountant", "Payroll Officer"}
            everything = await list_job_rows(
                runtime.db, runtime.user_id, include_closed=True, include_hidden=True
            )
            assert {r.title for r in everything} == {
                "Accountant", "Payroll Officer", "Auditor", "Tax Adviser"
            }  # fmt: skip
            assert [r.title for r in await list_job_rows(
                runtime.db, runtime.user_id, statuses=["applied"])] == ["Accountant"]  # fmt: skip
            assert [r.title for r in await list_job_rows(
                runtime.db, runtime.user_id, search="payroll", min_score=80)] == [
                "Payroll Officer"]  # fmt: skip

            detail = await get_job_detail(runtime.db, runtime.user_id, ids["a2"])
            assert detail is not None and detail.row.job_id == ids["a1"]
            assert detail.description == "About Accountant."
            assert {p.source for p in detail.postings} == {"greenhouse:acme", "lever:acme"}
            assert [h["status"] for h in detail.history] == ["applied"]
            assert await get_job_detail(runtime.db, runtime.user_id, 9999) is None
        finally:
            await runtime.close()

    qloop.run_until_complete(asyncio.wait_for(scenario(), 30))
