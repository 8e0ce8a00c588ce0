"""A tracked job keeps its status when the employer reposts it under a new id, and the
search's best matches agree with the jobs list (same ids, rejected jobs left out)."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import select

from app.core.errors import UserError
from app.storage import tracker
from app.storage.job_listing import best_matches, get_job_detail, list_job_rows
from app.storage.models import Application, Job
from tests.fakes.job_boards import _numeric_id, make_jobs
from tests.search.conftest import add_source, search


async def stored_ids(runtime) -> dict[str, int]:
    async with runtime.db.session() as session:
        return {j.external_id: j.id for j in await session.scalars(select(Job))}


async def row_of(runtime, title: str, **filters):
    rows = await list_job_rows(runtime.db, runtime.user_id, **filters)
    return [r for r in rows if r.title == title]


async def test_a_reposted_job_keeps_its_tracker_entry(profiled, job_boards):
    runtime = profiled
    jobs = make_jobs(3, company="Brightwell Foods", seed=21)
    job_boards.add_board("greenhouse", "brightwell", jobs)
    add_source(runtime, job_boards, "greenhouse", "brightwell")
    await search(runtime)
    old_id = (await stored_ids(runtime))[str(_numeric_id(jobs[1].id))]
    await tracker.set_status(runtime.db, runtime.user_id, old_id, "Applied", "applied 3 Dec")

    # The employer closes the posting and posts the same job again under a new id.
    repost = dataclasses.replace(jobs[1], id="21-901")
    job_boards.add_board("greenhouse", "brightwell", [jobs[0], repost, jobs[2]])
    await search(runtime)
    new_id = (await stored_ids(runtime))[str(_numeric_id(repost.id))]
    assert new_id != old_id

    [row] = await row_of(runtime, jobs[1].title)
    assert (row.job_id, row.status, row.note, row.closed) == (new_id, "applied", "applied 3 Dec",
                                                              False)  # fmt: skip
    assert row.url and row.url.endswith(repost.id)  # the live posting's link
    assert row.duplicates == 1

    # Setting a status on the row (the repost's id) updates the same entry: one entry,
    # its history and note kept.
    await tracker.set_status(runtime.db, runtime.user_id, new_id, "interviewing")
    async with runtime.db.session() as session:
        entries = (await session.scalars(select(Application))).all()
    assert [(e.job_id, e.status, e.note) for e in entries] == [
        (old_id, "interviewing", "applied 3 Dec")
    ]
    assert [h["status"] for h in entries[0].history] == ["applied", "interviewing"]
    assert await row_of(runtime, jobs[1].title, statuses=["applied"]) == []
    [row] = await row_of(runtime, jobs[1].title, statuses=["interviewing"])
    assert row.job_id == new_id
    entry = await tracker.get_entry(runtime.db, runtime.user_id, new_id)
    assert entry is not None and entry.job_id == old_id

    detail = await get_job_detail(runtime.db, runtime.user_id, old_id)
    assert detail is not None and detail.row.job_id == new_id
    assert [p.closed for p in detail.postings] == [False, True]


async def test_entries_split_across_a_group_are_read_as_one(profiled, job_boards):
    """Older data may hold one entry per posting of a job: the last changed gives the
    status, the last written note stays visible, and a new status goes to that entry."""
    runtime = profiled
    jobs = make_jobs(2, company="Calder Mills", seed=22)
    twin = dataclasses.replace(jobs[0], id="22-500")  # the same job posted twice
    job_boards.add_board("greenhouse", "calder", [jobs[0], twin, jobs[1]])
    add_source(runtime, job_boards, "greenhouse", "calder")
    await search(runtime)
    ids = await stored_ids(runtime)
    first, second = ids[str(_numeric_id(jobs[0].id))], ids[str(_numeric_id(twin.id))]
    async with runtime.db.session() as session:  # as the tracker stored them before
        session.add(Application(user_id=runtime.user_id, job_id=first, status="applied",
                                note="phoned Priya", history=[{"status": "applied"}]))
    async with runtime.db.session() as session:
        session.add(Application(user_id=runtime.user_id, job_id=second, status="saved",
                                history=[{"status": "saved"}]))  # fmt: skip
    [row] = await row_of(runtime, jobs[0].title)
    assert (row.status, row.note) == ("saved", "phoned Priya")

    await tracker.set_status(runtime.db, runtime.user_id, first, "offer")
    async with runtime.db.session() as session:
        by_job = {e.job_id: e.status for e in await session.scalars(select(Application))}
    assert by_job == {first: "applied", second: "offer"}
    [row] = await row_of(runtime, jobs[0].title)
    assert (row.status, row.note) == ("offer", "phoned Priya")


async def test_best_matches_agree_with_the_list_and_leave_out_rejected_jobs(
    profiled, job_boards
):
    runtime = profiled
    jobs = make_jobs(6, company="Harrowgate Logistics", seed=23)
    job_boards.add_board("greenhouse", "harrowgate", jobs)
    add_source(runtime, job_boards, "greenhouse", "harrowgate")
    await search(runtime)
    best = await best_matches(runtime.db, runtime.user_id, limit=10)
    assert len(best) == len(await list_job_rows(runtime.db, runtime.user_id))
    assert [m.score for m in best] == sorted((m.score for m in best), reverse=True)

    top, runner_up = best[0], best[1]
    await tracker.set_status(runtime.db, runtime.user_id, top.id, "rejected")
    await tracker.set_status(runtime.db, runtime.user_id, runner_up.id, "hidden")
    ids = {m.id for m in await best_matches(runtime.db, runtime.user_id, limit=10)}
    assert top.id not in ids and runner_up.id not in ids

    # A repost of a tracked job is listed under the id the jobs list shows.
    tracked = best[2]
    await tracker.set_status(runtime.db, runtime.user_id, tracked.id, "saved")
    ext = next(e for e, i in (await stored_ids(runtime)).items() if i == tracked.id)
    original = next(j for j in jobs if str(_numeric_id(j.id)) == ext)
    repost = dataclasses.replace(original, id="23-777")
    job_boards.add_board("greenhouse", "harrowgate",
                         [j for j in jobs if j is not original] + [repost])  # fmt: skip
    await search(runtime)
    listed = {r.title: r.job_id for r in await list_job_rows(runtime.db, runtime.user_id)}
    best_ids = {m.title: m.id for m in await best_matches(runtime.db, runtime.user_id, limit=3)}
    assert best_ids[original.title] == listed[original.title]
    assert len(await best_matches(runtime.db, runtime.user_id, limit=3)) == 3


async def test_best_matches_read_past_a_page_of_rejected_jobs(profiled, job_boards):
    runtime = profiled
    job_boards.add_board("greenhouse", "tarn", make_jobs(40, company="Tarn Water", seed=24))
    add_source(runtime, job_boards, "greenhouse", "tarn")
    await search(runtime)
    everything = await best_matches(runtime.db, runtime.user_id, limit=100)
    for match in everything[:-2]:  # more than one page (limit * 5 + 20 = 25) rejected
        await tracker.set_status(runtime.db, runtime.user_id, match.id, "rejected")
    left = await best_matches(runtime.db, runtime.user_id, limit=1)
    assert [m.id for m in left] == [everything[-2].id]


async def test_statuses_are_read_in_any_case(profiled):
    runtime = profiled
    async with runtime.db.session() as session:
        job = Job(source="file:x", external_id="1", title="Stores Clerk", content_hash="h")
        session.add(job)
    entry = await tracker.set_status(runtime.db, runtime.user_id, job.id, " Interviewing ")
    assert entry.status == "interviewing"
    with pytest.raises(UserError, match="Unknown status 'applyed'"):
        await tracker.set_status(runtime.db, runtime.user_id, job.id, "applyed")
