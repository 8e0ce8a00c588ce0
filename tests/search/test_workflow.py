"""The search workflow end to end: fake boards on 127.0.0.1, a real SQLite file, the runner."""

from __future__ import annotations

import dataclasses

from sqlalchemy import func, select

from app.storage import tracker
from app.storage.job_listing import list_job_rows
from app.storage.models import Job, Match
from app.storage.profiles import save_profile, update_user
from tests.fakes.job_boards import _numeric_id, make_jobs
from tests.search.conftest import PROFILE, add_source, search


def gh_key(job) -> tuple[str, str]:
    return ("greenhouse:acme", str(_numeric_id(job.id)))


async def jobs_by_key(runtime) -> dict[tuple[str, str], Job]:
    async with runtime.db.session() as session:
        return {(j.source, j.external_id): j for j in (await session.scalars(select(Job))).all()}


async def count(runtime, model) -> int:
    async with runtime.db.session() as session:
        return await session.scalar(select(func.count()).select_from(model))


async def test_first_run_then_rerun_counts_and_skips_unchanged_scoring(runtime, job_boards):
    job_boards.add_board("greenhouse", "acme", 12)
    job_boards.add_board("lever", "globex", 8)
    add_source(runtime, job_boards, "greenhouse", "acme")
    add_source(runtime, job_boards, "lever", "globex")
    await save_profile(runtime.db, runtime.user_id, PROFILE)

    run, wf = await search(runtime)
    assert run.status == "succeeded", run.error_message
    assert run.kind == "search"
    assert run.step_names == ["plan", "fetch", "normalise", "score", "save"]
    first = wf.result
    assert (first.fetched, first.new, first.updated, first.unchanged) == (20, 20, 0, 0)
    assert first.closed == 0
    assert (first.scored, first.skipped_unchanged) == (20, 0)
    assert first.failed_sources == [] and run.warnings == []
    assert 0 < len(first.best) <= 10
    assert first.best == sorted(first.best, key=lambda m: -m.score)
    assert await count(runtime, Job) == 20 and await count(runtime, Match) == 20
    assert run.usage["new"] == 20 and run.usage["scored"] == 20

    run, wf = await search(runtime)
    again = wf.result
    assert (again.new, again.updated, again.unchanged) == (0, 0, 20)
    assert (again.reopened, again.closed) == (0, 0)
    assert (again.scored, again.skipped_unchanged) == (0, 20)
    assert await count(runtime, Job) == 20 and await count(runtime, Match) == 20


async def test_updated_closed_and_reopened_across_reruns(runtime, job_boards):
    jobs = make_jobs(5, company="Acme", seed=7)
    job_boards.add_board("greenhouse", "acme", jobs)
    add_source(runtime, job_boards, "greenhouse", "acme")
    await search(runtime)
    first_seen = {k: j.first_seen_at for k, j in (await jobs_by_key(runtime)).items()}

    changed = dataclasses.replace(jobs[0], title="Principal Python Engineer, Payments")
    job_boards.add_board("greenhouse", "acme", [changed, *jobs[1:4]])  # jobs[4] is gone
    _run, wf = await search(runtime)
    s = wf.result
    assert (s.new, s.updated, s.unchanged, s.closed, s.reopened) == (0, 1, 3, 1, 0)
    assert (s.scored, s.skipped_unchanged) == (1, 3)  # the closed one is not scored
    stored = await jobs_by_key(runtime)
    gone = stored[gh_key(jobs[4])]
    assert gone.closed_at is not None  # closed, never deleted
    assert stored[gh_key(jobs[0])].title.startswith("Principal")
    assert all(stored[k].first_seen_at == first_seen[k] for k in first_seen)

    rows = await list_job_rows(runtime.db, runtime.user_id)
    assert len(rows) == 4 and gone.id not in {r.job_id for r in rows}

    job_boards.add_board("greenhouse", "acme", [changed, *jobs[1:]])  # it is back
    _run, wf = await search(runtime)
    s = wf.result
    assert (s.new, s.updated, s.unchanged, s.closed, s.reopened) == (0, 0, 4, 0, 1)
    assert s.scored == 0  # content and profile unchanged: its stored score still holds
    assert (await jobs_by_key(runtime))[gh_key(jobs[4])].closed_at is None


async def test_the_same_job_on_two_boards_is_listed_once(runtime, job_boards):
    shared = make_jobs(3, company="Acme", seed=3)
    job_boards.add_board("greenhouse", "acme", shared)
    job_boards.add_board("lever", "acme", shared[:2])
    add_source(runtime, job_boards, "greenhouse", "acme")
    add_source(runtime, job_boards, "lever", "acme")
    _run, wf = await search(runtime)
    assert wf.result.fetched == 5 and wf.result.new == 5 and wf.result.duplicates == 2
    rows = await list_job_rows(runtime.db, runtime.user_id)
    assert len(rows) == 3
    both = [r for r in rows if r.duplicates == 1]
    assert len(both) == 2 and all(set(r.sources) == {"greenhouse:acme", "lever:acme"} for r in both)
    assert len({m.id for m in wf.result.best}) == 3  # best matches: once per job too


async def test_tracker_status_survives_reruns_and_changes(runtime, job_boards):
    jobs = make_jobs(3, company="Acme", seed=11)
    job_boards.add_board("greenhouse", "acme", jobs)
    add_source(runtime, job_boards, "greenhouse", "acme")
    await search(runtime)
    stored = await jobs_by_key(runtime)
    job_id = stored[gh_key(jobs[1])].id
    await tracker.set_status(runtime.db, runtime.user_id, job_id, "applied", note="sent CV")

    job_boards.add_board("greenhouse", "acme",
                         [jobs[0], dataclasses.replace(jobs[1], title="Lead Engineer"), jobs[2]])
    await search(runtime)
    await search(runtime)
    entry = await tracker.get_entry(runtime.db, runtime.user_id, job_id)
    assert entry.status == "applied" and entry.note == "sent CV"
    [row] = [r for r in await list_job_rows(runtime.db, runtime.user_id) if r.job_id == job_id]
    assert row.status == "applied" and row.title == "Lead Engineer"


async def test_a_profile_change_rescores_every_open_job(runtime, job_boards):
    job_boards.add_board("greenhouse", "acme", 6)
    add_source(runtime, job_boards, "greenhouse", "acme")
    await save_profile(runtime.db, runtime.user_id, PROFILE)
    await search(runtime)
    async with runtime.db.session() as session:
        before = {m.job_id: m.profile_fingerprint for m in await session.scalars(select(Match))}

    await update_user(runtime.db, runtime.user_id,
                      preferences={"remote_modes": ["remote"], "salary_floor": 90000})
    run, wf = await search(runtime)
    assert (wf.result.scored, wf.result.skipped_unchanged) == (6, 0)
    async with runtime.db.session() as session:
        after = {m.job_id: m for m in await session.scalars(select(Match))}
    assert set(after) == set(before)
    assert all(m.profile_fingerprint != before[j] for j, m in after.items())
    assert all(m.profile_version == 2 and m.run_id == run.id for m in after.values())

    await update_user(runtime.db, runtime.user_id, persona="calm")  # read by the AI only
    run, wf = await search(runtime)
    assert (wf.result.scored, wf.result.skipped_unchanged) == (0, 6)


async def test_open_jobs_not_fetched_are_kept_and_rescored(runtime, job_boards):
    job_boards.add_board("greenhouse", "acme", 4)
    job_boards.add_board("lever", "globex", 3)
    add_source(runtime, job_boards, "greenhouse", "acme")
    add_source(runtime, job_boards, "lever", "globex")
    await search(runtime)
    runtime.settings.sources[1].enabled = False  # lever: no longer searched
    await save_profile(runtime.db, runtime.user_id, PROFILE)
    _run, wf = await search(runtime)
    assert wf.result.sources == 1 and wf.result.closed == 0
    assert (wf.result.scored, wf.result.skipped_unchanged) == (7, 0)
    assert len(await list_job_rows(runtime.db, runtime.user_id)) == 7


async def test_an_empty_profile_still_scores_and_warns(runtime, job_boards):
    job_boards.add_board("greenhouse", "acme", 3)
    add_source(runtime, job_boards, "greenhouse", "acme")
    await update_user(runtime.db, runtime.user_id,
                      preferences={"remote_modes": ["remote"], "wanted_titles": ["Data Engineer"]})
    run, wf = await search(runtime)
    assert run.status == "succeeded"
    assert any("profile is empty" in w for w in run.warnings)
    assert wf.result.profile_empty and wf.result.scored == 3
    assert all(0 <= m.score <= 100 for m in wf.result.best)


async def test_no_enabled_source_fails_with_what_to_do(runtime):
    run, _ = await search(runtime)
    assert run.status == "failed"
    assert "jobagent sources add KIND:ID" in run.error_message and "Settings" in run.error_message
