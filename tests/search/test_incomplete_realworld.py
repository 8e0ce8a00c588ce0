"""A SmartRecruiters posting whose detail request fails has no description and no pay: a
search must not store that over what it knew, and must say so."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import select

from app.storage.models import Job, Match
from tests.fakes.job_boards import Fault, make_jobs
from tests.search.conftest import FAST, add_source, search

SOURCE = "smartrecruiters:initech"
NIGHTS = "<p>Picking and packing on night shifts in Trafford Park. Pay: £13.20 per hour.</p>"


@pytest.fixture
def board(job_boards):
    jobs = make_jobs(3, company="Initech", seed=11)
    jobs[1] = dataclasses.replace(jobs[1], title="Warehouse Operative - Nights",
                                  description_html=NIGHTS)  # fmt: skip
    job_boards.add_board("smartrecruiters", "initech", jobs)
    return jobs


def detail_path(job) -> str:
    return f"/v1/companies/initech/postings/sr-{job.id}"


async def stored(runtime) -> dict[str, Job]:
    async with runtime.db.session() as session:
        rows = (await session.scalars(select(Job).where(Job.source == SOURCE))).all()
        return {j.external_id: j for j in rows}


async def matches(runtime) -> dict[int, str]:
    async with runtime.db.session() as session:
        return {m.job_id: m.job_content_hash for m in (await session.scalars(select(Match))).all()}


async def test_a_failed_detail_keeps_the_stored_description_and_pay(profiled, job_boards, board):
    runtime = profiled
    add_source(runtime, job_boards, "smartrecruiters", "initech")
    await search(runtime)
    before = (await stored(runtime))[f"sr-{board[1].id}"]
    assert before.salary_min == 13.2 and "night shifts" in before.description
    scored = await matches(runtime)

    job_boards.add_fault(detail_path(board[1]), Fault.error(429, b"{}"), times=10)
    run, wf = await search(runtime)

    assert run.status == "succeeded", run.error_message
    s = wf.result
    assert (s.new, s.updated, s.unchanged, s.reopened, s.closed) == (0, 0, 3, 0, 0)
    assert (s.scored, s.skipped_unchanged) == (0, 3)
    after = (await stored(runtime))[f"sr-{board[1].id}"]
    kept = ("description", "salary_min", "salary_max", "salary_currency", "salary_interval",
            "content_hash", "url", "title", "group_key")  # fmt: skip
    assert {k: getattr(after, k) for k in kept} == {k: getattr(before, k) for k in kept}
    assert after.last_seen_at > before.last_seen_at
    assert await matches(runtime) == scored


async def test_the_run_warns_which_source_lost_details(profiled, job_boards, board):
    runtime = profiled
    add_source(runtime, job_boards, "smartrecruiters", "initech")
    job_boards.add_fault(detail_path(board[1]), Fault.error(503), times=10)
    run, _wf = await search(runtime)
    [warning] = run.warnings
    assert SOURCE in warning and "1 of 3 posting details could not be fetched" in warning


async def test_a_reopened_posting_without_its_detail_keeps_its_content(profiled, job_boards, board):
    runtime = profiled
    add_source(runtime, job_boards, "smartrecruiters", "initech")
    await search(runtime)
    before = (await stored(runtime))[f"sr-{board[1].id}"]

    job_boards.add_board("smartrecruiters", "initech", [board[0], board[2]])
    _run, wf = await search(runtime)
    assert wf.result.closed == 1

    job_boards.add_board("smartrecruiters", "initech", board)
    job_boards.add_fault(detail_path(board[1]), Fault.error(503), times=10)
    _run, wf = await search(runtime)
    assert (wf.result.reopened, wf.result.updated, wf.result.new) == (1, 0, 0)
    after = (await stored(runtime))[f"sr-{board[1].id}"]
    assert after.closed_at is None
    assert (after.description, after.salary_min, after.url) == (
        before.description, before.salary_min, before.url)  # fmt: skip


async def test_a_new_posting_without_its_detail_is_stored_then_completed(
    profiled, job_boards, board
):
    runtime = profiled
    add_source(runtime, job_boards, "smartrecruiters", "initech")
    job_boards.add_fault(detail_path(board[1]), Fault.error(503), times=FAST.max_attempts)
    _run, wf = await search(runtime)
    assert wf.result.new == 3
    first = (await stored(runtime))[f"sr-{board[1].id}"]
    assert first.title == "Warehouse Operative - Nights" and first.description == ""

    _run, wf = await search(runtime)  # the detail answers now
    assert (wf.result.updated, wf.result.unchanged) == (1, 2)
    complete = (await stored(runtime))[f"sr-{board[1].id}"]
    assert "night shifts" in complete.description and complete.salary_min == 13.2
    assert complete.id == first.id
