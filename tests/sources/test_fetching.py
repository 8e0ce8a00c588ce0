"""Polite, robust fetching: faults from the fake boards, limits, and per-source isolation."""

import asyncio
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest

from app import USER_AGENT
from app.sources import FetchPolicy, SourceSpec, fetch_all
from app.sources.http import Fetcher, SourceFetchError, parse_retry_after
from tests.fakes.job_boards import Fault

GH = "/v1/boards/acme/jobs"


def gh(server, token="acme"):
    return SourceSpec("greenhouse", token, base_url=server.base_url)


async def one(client, policy, spec):
    report = await fetch_all(client, [spec], policy=policy)
    [result] = report.results
    return result


@pytest.mark.asyncio
async def test_429_with_retry_after_seconds_is_honoured(job_boards, client, fast_policy):
    job_boards.add_board("greenhouse", "acme", 3)
    job_boards.add_fault(GH, Fault.rate_limited(retry_after="0.3"))
    started = time.perf_counter()
    result = await one(client, fast_policy, gh(job_boards))
    assert result.ok and len(result.postings) == 3
    assert job_boards.count(GH) == 2
    assert time.perf_counter() - started >= 0.3  # waited as asked, not the tiny backoff


@pytest.mark.asyncio
async def test_429_with_retry_after_http_date(job_boards, client, fast_policy):
    job_boards.add_board("greenhouse", "acme", 1)
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=1), usegmt=True)
    job_boards.add_fault(GH, Fault.rate_limited(retry_after=when))
    result = await one(client, fast_policy, gh(job_boards))
    assert result.ok
    assert job_boards.count(GH) == 2


@pytest.mark.asyncio
async def test_retry_after_beyond_the_cap_fails_at_once(job_boards, client, fast_policy):
    job_boards.add_board("greenhouse", "acme", 1)
    job_boards.add_fault(GH, Fault.rate_limited(retry_after="3600"))
    started = time.perf_counter()
    result = await one(client, fast_policy, gh(job_boards))
    assert time.perf_counter() - started < 1
    assert "HTTP 429 Too Many Requests" in result.error
    assert "asks to wait 3600 s, more than the 3 s limit" in result.error
    assert job_boards.count(GH) == 1


def test_parse_retry_after():
    now = datetime(2026, 1, 1, tzinfo=UTC)
    assert parse_retry_after("120") == 120
    assert parse_retry_after("Thu, 01 Jan 2026 00:00:30 GMT", now=now) == 30
    assert parse_retry_after("Wed, 31 Dec 2025 00:00:00 GMT", now=now) == 0
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None


@pytest.mark.asyncio
async def test_500_then_success(job_boards, client, fast_policy):
    job_boards.add_board("greenhouse", "acme", 2)
    job_boards.add_fault(GH, Fault.error(500))
    job_boards.add_fault(GH, Fault.error(502))
    result = await one(client, fast_policy, gh(job_boards))
    assert result.ok and len(result.postings) == 2
    assert job_boards.count(GH) == 3


@pytest.mark.asyncio
async def test_persistent_5xx_gives_up_with_a_reason(job_boards, client, fast_policy):
    job_boards.add_board("greenhouse", "acme", 2)
    job_boards.add_fault(GH, Fault.error(503), times=10)
    result = await one(client, fast_policy, gh(job_boards))
    assert result.error.startswith("HTTP 503 Service Unavailable from 127.0.0.1:")
    assert result.error.endswith("(gave up after 3 attempts)")
    assert job_boards.count(GH) == 3


@pytest.mark.asyncio
async def test_other_4xx_is_not_retried(job_boards, client, fast_policy):
    job_boards.add_board("greenhouse", "acme", 2)
    job_boards.add_fault(GH, Fault.error(403))
    result = await one(client, fast_policy, gh(job_boards))
    assert result.error.startswith("HTTP 403 Forbidden")
    assert job_boards.count(GH) == 1


@pytest.mark.asyncio
async def test_slow_reply_times_out(job_boards, client):
    job_boards.add_board("greenhouse", "acme", 1)
    job_boards.add_fault(GH, Fault.slow(1.5), times=2)
    policy = FetchPolicy(read_timeout=0.2, max_attempts=2, backoff_base=0.01)
    started = time.perf_counter()
    result = await one(client, policy, gh(job_boards))
    assert result.error is not None and result.error.startswith("timed out: no reply from ")
    assert "within 0.2 s (not retried" in result.error
    assert time.perf_counter() - started < 1.5
    assert job_boards.count(GH) == 1


@pytest.mark.asyncio
async def test_a_timeout_is_not_retried(job_boards, client):
    """A server that hangs would make each retry wait as long again: the source fails
    after one read timeout (the next search asks again), instead of after minutes."""
    job_boards.add_board("greenhouse", "acme", 1)
    job_boards.add_fault(GH, Fault.slow(1.0))
    policy = FetchPolicy(read_timeout=0.2, max_attempts=3, backoff_base=0.01)
    assert not (await one(client, policy, gh(job_boards))).ok
    assert job_boards.count(GH) == 1


@pytest.mark.asyncio
async def test_dropped_connection_is_retried(job_boards, client, fast_policy):
    job_boards.add_board("greenhouse", "acme", 1)
    job_boards.add_fault(GH, Fault.drop())
    assert (await one(client, fast_policy, gh(job_boards))).ok
    assert job_boards.count(GH) == 2


@pytest.mark.asyncio
async def test_connection_refused(client, fast_policy):
    spec = SourceSpec("greenhouse", "acme", base_url="http://127.0.0.1:9")
    result = await one(client, fast_policy, spec)
    assert result.error.startswith("could not connect to 127.0.0.1:9")


@pytest.mark.asyncio
async def test_malformed_json(job_boards, client, fast_policy):
    job_boards.add_board("greenhouse", "acme", 1)
    job_boards.add_fault(GH, Fault.malformed_json())
    result = await one(client, fast_policy, gh(job_boards))
    assert result.error.startswith(f"malformed JSON from {job_boards.base_url}{GH}?content=true:")
    assert "line 1 column" in result.error


@pytest.mark.asyncio
async def test_html_where_json_was_expected(job_boards, client, fast_policy):
    job_boards.add_board("greenhouse", "acme", 1)
    job_boards.add_fault(GH, Fault.html_page())
    result = await one(client, fast_policy, gh(job_boards))
    assert result.error.startswith("expected JSON but got an HTML page titled 'Just a moment...'")


@pytest.mark.asyncio
@pytest.mark.parametrize("declare_length", [True, False])
async def test_50_mb_body_is_cut_at_the_limit(job_boards, client, fast_policy, declare_length):
    job_boards.add_board("greenhouse", "acme", 1)
    job_boards.add_fault(GH, Fault.huge(50 * 1024 * 1024, declare_length=declare_length))
    started = time.perf_counter()
    result = await one(client, fast_policy, gh(job_boards))
    if declare_length:
        assert result.error == "response is 50 MB, over the 20 MB limit; not read"
    else:
        assert result.error == "response exceeded the 20 MB limit; download aborted"
    assert time.perf_counter() - started < 5
    # The client is still usable afterwards.
    assert (await one(client, fast_policy, gh(job_boards))).ok


@pytest.mark.asyncio
async def test_empty_board_is_a_success(job_boards, client, fast_policy):
    job_boards.add_board("greenhouse", "empty", 0)
    result = await one(client, fast_policy, gh(job_boards, "empty"))
    assert result.ok and result.postings == []


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("greenhouse", "board 'nope' not found on greenhouse"),
        ("lever", "board 'nope' not found on lever (EU sites need https://api.eu.lever.co)"),
        ("ashby", "board 'nope' not found on ashby"),
        ("smartrecruiters", "company 'nope' not found on smartrecruiters"),
    ],
)
async def test_unknown_board(job_boards, client, fast_policy, kind, message):
    result = await one(client, fast_policy, SourceSpec(kind, "nope", base_url=job_boards.base_url))
    assert result.error == message
    assert job_boards.request_count == 1  # a 404 is not retried


@pytest.mark.asyncio
async def test_user_agent_and_one_connection_reused(job_boards, client, fast_policy):
    job_boards.add_board("lever", "acme", 450)
    spec = SourceSpec("lever", "acme", base_url=job_boards.base_url)
    await one(client, fast_policy, spec)
    assert job_boards.request_count == 5
    assert job_boards.connection_count == 1
    assert {ua for _, ua in job_boards.requests} == {USER_AGENT}
    assert USER_AGENT.startswith("JobAgentDesktop/") and "(+local job-search app)" in USER_AGENT


@pytest.mark.asyncio
async def test_per_host_concurrency_limit(job_boards, client, fast_policy):
    for i in range(6):
        job_boards.add_board("greenhouse", f"b{i}", 1)
        job_boards.add_fault(f"/v1/boards/b{i}/", Fault.slow(0.1))
    specs = [gh(job_boards, f"b{i}") for i in range(6)]
    report = await fetch_all(client, specs, policy=fast_policy)
    assert not report.failures
    assert job_boards.max_in_flight == 2
    assert job_boards.connection_count <= 2

    job_boards.max_in_flight = 0
    for i in range(6):
        job_boards.add_fault(f"/v1/boards/b{i}/", Fault.slow(0.1))
    policy = FetchPolicy(per_host_limit=3)
    await fetch_all(client, specs, policy=policy)
    assert job_boards.max_in_flight == 3


@pytest.mark.asyncio
async def test_a_failing_source_never_fails_the_run(job_boards, client, fast_policy, tmp_path):
    job_boards.add_board("greenhouse", "acme", 3)
    job_boards.add_board("ashby", "acme", 2)
    job_boards.add_fault("/posting-api/", Fault.malformed_json())
    job_boards.add_board("remotive", "all", 4)
    base = job_boards.base_url
    specs = [
        gh(job_boards),
        SourceSpec("ashby", "acme", base_url=base),
        "greenhouse:acme",  # the same key again: fetched once
        SourceSpec("lever", "gone", base_url=base),
        SourceSpec("remotive", "all", base_url=base),
        SourceSpec("file", str(tmp_path / "missing.json")),
    ]
    events = []
    report = await fetch_all(client, specs, policy=fast_policy, cache_dir=tmp_path,
                             on_progress=events.append)  # fmt: skip
    assert len(report.results) == 5
    assert len(report.postings) == 7
    failed = {spec.key: reason for spec, reason in report.failures}
    assert set(failed) == {"ashby:acme", "lever:gone", f"file:{tmp_path / 'missing.json'}"}
    assert failed["lever:gone"].startswith("board 'gone' not found on lever")
    assert failed["ashby:acme"].startswith("malformed JSON")
    assert [e.state for e in events].count("started") == 5
    done = [e for e in events if e.state != "started"]
    assert [e.finished for e in done] == [1, 2, 3, 4, 5]
    assert {e.spec.key: e.postings for e in done if e.state == "done"} == {
        "greenhouse:acme": 3, "remotive:all": 4}  # fmt: skip
    assert all(e.error for e in done if e.state == "failed")
    assert report.requests == 4  # greenhouse, ashby, lever (404, not retried), remotive


@pytest.mark.asyncio
async def test_unexpected_shape_is_a_source_failure(job_boards, client, fast_policy):
    job_boards.set_raw("/v1/boards/weird/jobs", {"postings": []})
    result = await one(client, fast_policy, gh(job_boards, "weird"))
    assert result.error == "unexpected Greenhouse response: no 'jobs' list"


@pytest.mark.asyncio
async def test_async_progress_and_raising_progress_cancels(job_boards, client, fast_policy):
    job_boards.add_board("greenhouse", "acme", 1)
    seen = []

    async def record(event):
        seen.append(event.state)

    await fetch_all(client, [gh(job_boards)], on_progress=record, policy=fast_policy)
    assert seen == ["started", "done"]

    class Cancelled(Exception):
        pass

    def stop(event):
        raise Cancelled

    with pytest.raises(Cancelled):
        await fetch_all(client, [gh(job_boards)], on_progress=stop, policy=fast_policy)


@pytest.mark.asyncio
async def test_cancelling_the_task_cancels_every_fetch(job_boards, client, fast_policy):
    for i in range(3):
        job_boards.add_board("greenhouse", f"s{i}", 1)
        job_boards.add_fault(f"/v1/boards/s{i}/", Fault.slow(2))
    task = asyncio.create_task(
        fetch_all(client, [gh(job_boards, f"s{i}") for i in range(3)], policy=fast_policy)
    )
    await asyncio.sleep(0.2)
    task.cancel()
    started = time.perf_counter()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert time.perf_counter() - started < 0.5


@pytest.mark.asyncio
async def test_source_timeout(job_boards, client):
    job_boards.add_board("greenhouse", "acme", 1)
    job_boards.add_fault(GH, Fault.slow(1.0))
    report = await fetch_all(client, [gh(job_boards)], source_timeout=0.2)
    assert report.failures[0][1] == "took longer than 0.2 s; stopped"


@pytest.mark.asyncio
async def test_fetcher_get_raises_readable_error(job_boards, client, fast_policy):
    fetcher = Fetcher(client, fast_policy)
    with pytest.raises(SourceFetchError) as info:
        await fetcher.get(f"{job_boards.base_url}/nothing", source="test")
    assert info.value.status == 404
    assert str(info.value) == f"test: not found (HTTP 404) at {job_boards.base_url}/nothing"


def test_client_is_not_created_per_call():
    """The adapters only ever use the client they are given."""
    import pathlib

    root = pathlib.Path(__file__).resolve().parents[2] / "app" / "sources"
    offenders = [p.name for p in root.glob("*.py") if "AsyncClient(" in p.read_text()]
    assert offenders == []
    assert httpx.AsyncClient  # the type is used only in annotations


@pytest.mark.asyncio
async def test_complete_says_when_missing_postings_have_closed(
    job_boards, client, fast_policy, monkeypatch
):
    from app.sources import arbeitnow

    job_boards.add_board("greenhouse", "acme", 2)
    job_boards.add_board("rss", "feed", 2)
    job_boards.arbeitnow_page_size = 10
    job_boards.add_board("arbeitnow", "all", 25)
    monkeypatch.setattr(arbeitnow, "MAX_PAGES", 2)
    base = job_boards.base_url
    specs = [
        gh(job_boards),
        SourceSpec("rss", f"{base}/feeds/feed.rss"),
        SourceSpec("arbeitnow", "all", base_url=base),
        SourceSpec("ashby", "missing", base_url=base),
    ]
    report = await fetch_all(client, specs, policy=fast_policy)
    complete = {r.spec.kind: r.complete for r in report.results}
    assert complete == {"greenhouse": True, "rss": False, "arbeitnow": False, "ashby": False}
    assert len(report.results[2].postings) == 20
