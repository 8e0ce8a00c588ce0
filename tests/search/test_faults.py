"""A failing source never fails the search: the run succeeds, a warning names the source
and says why, and that source's stored jobs are neither closed nor lost."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.core.settings import SourceEntry
from app.storage.models import Job
from tests.fakes.job_boards import Fault
from tests.search.conftest import add_source, search

GH = "/v1/boards/acme/jobs"


@pytest.fixture(autouse=True)
def _profile(profiled):
    """A profile, so the only warnings are about sources."""

FAILURES = [
    pytest.param(lambda s: s.add_fault(GH, Fault.error(500), times=5), "HTTP 500", id="500"),
    pytest.param(lambda s: s.add_fault(GH, Fault.slow(3.0), times=5), "timed out", id="timeout"),
    pytest.param(lambda s: s.add_fault(GH, Fault.malformed_json(), times=5), "malformed JSON",
                 id="malformed-json"),
    pytest.param(lambda s: s.add_fault(GH, Fault.html_page(), times=5), "HTML page", id="html"),
    pytest.param(lambda s: s.add_fault(GH, Fault.huge()), "over the 20 MB limit", id="50MB"),
    pytest.param(lambda s: s.add_fault(GH, Fault.huge(declare_length=False)),
                 "exceeded the 20 MB limit", id="50MB-undeclared"),
]  # fmt: skip


async def stored_acme(runtime) -> list[Job]:
    async with runtime.db.session() as session:
        query = select(Job).where(Job.source == "greenhouse:acme")
        return list((await session.scalars(query)).all())


@pytest.mark.parametrize(("fault", "reason"), FAILURES)
async def test_a_failing_source_warns_and_keeps_its_jobs_open(runtime, job_boards, fault, reason):
    job_boards.add_board("greenhouse", "acme", 4)
    job_boards.add_board("lever", "globex", 3)
    add_source(runtime, job_boards, "greenhouse", "acme", name="Acme")
    add_source(runtime, job_boards, "lever", "globex")
    await search(runtime)

    fault(job_boards)
    run, wf = await search(runtime)
    assert run.status == "succeeded", run.error_message
    [warning] = [w for w in run.warnings if "Acme (greenhouse:acme)" in w]
    assert reason in warning
    [failed] = wf.result.failed_sources
    assert failed.source == "greenhouse:acme" and reason in failed.reason
    assert wf.result.fetched == 3 and wf.result.closed == 0
    acme = await stored_acme(runtime)
    assert len(acme) == 4 and all(j.closed_at is None for j in acme)


async def test_429_with_retry_after_then_success_is_no_failure(runtime, job_boards):
    job_boards.add_board("greenhouse", "acme", 4)
    job_boards.add_fault(GH, Fault.rate_limited(retry_after="0.2"))
    add_source(runtime, job_boards, "greenhouse", "acme")
    run, wf = await search(runtime)
    assert run.status == "succeeded" and run.warnings == []
    assert wf.result.new == 4 and job_boards.count(GH) == 2


async def test_an_unknown_board_is_named_in_the_warning(runtime, job_boards):
    job_boards.add_board("lever", "globex", 2)
    add_source(runtime, job_boards, "greenhouse", "nosuchboard")
    add_source(runtime, job_boards, "lever", "globex")
    run, wf = await search(runtime)
    assert run.status == "succeeded"
    assert any("greenhouse:nosuchboard" in w and "board 'nosuchboard' not found on greenhouse" in w
               for w in run.warnings)  # fmt: skip
    assert wf.result.new == 2


async def test_every_source_failing_still_succeeds_with_warnings(runtime, job_boards):
    add_source(runtime, job_boards, "greenhouse", "gone")
    add_source(runtime, job_boards, "ashby", "gone")
    run, wf = await search(runtime)
    assert run.status == "succeeded"
    assert len(wf.result.failed_sources) == 2 and wf.result.fetched == 0
    assert {f.source for f in wf.result.failed_sources} == {"greenhouse:gone", "ashby:gone"}


async def test_an_emptied_board_closes_its_jobs(runtime, job_boards):
    job_boards.add_board("greenhouse", "acme", 3)
    add_source(runtime, job_boards, "greenhouse", "acme")
    await search(runtime)
    job_boards.add_board("greenhouse", "acme", 0)  # the board answers, with no jobs
    run, wf = await search(runtime)
    assert run.status == "succeeded" and run.warnings == []
    assert wf.result.fetched == 0 and wf.result.closed == 3
    assert all(j.closed_at is not None for j in await stored_acme(runtime))


async def test_a_feed_never_closes_what_it_no_longer_lists(runtime, job_boards):
    job_boards.add_board("rss", "news", 4)
    feed = f"{job_boards.base_url}/feeds/news.rss"
    runtime.settings.sources.append(SourceEntry(kind="rss", id=feed))
    await search(runtime)
    job_boards.add_board("rss", "news", 0)
    _run, wf = await search(runtime)
    assert wf.result.closed == 0
