"""Match review against the fake OpenAI-compatible server, through the real provider classes."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select

from app.storage import runs as run_store
from app.storage.models import Match
from app.workflows.review import ReviewWorkflow
from tests.agents.conftest import add_jobs, add_profile, review_answer, use_fake


async def matches(runtime, scorer: str) -> dict[int, Match]:
    async with runtime.db.session() as session:
        rows = await session.scalars(select(Match).where(Match.scorer == scorer))
        return {m.job_id: m for m in rows}


async def test_top_k_reviewed_concurrently_and_stored_as_llm_matches(runtime, fake):
    use_fake(runtime, fake)
    fake.structured = review_answer
    fake.delay = 0.05
    await add_profile(runtime)
    ids = await add_jobs(runtime, 10)
    run = await runtime.runner.run(ReviewWorkflow(top_k=6), user_id=runtime.user_id)
    assert run.status == "succeeded", run.error_message
    llm = await matches(runtime, "llm")
    assert sorted(llm) == ids[:6]
    assert llm[ids[2]].score == 78
    assert llm[ids[2]].reasons["verdict"] == "good"
    assert fake.chat_calls == 6
    assert 2 <= fake.max_in_flight <= 4
    assert run.usage["requests"] == 6 and run.usage["total_tokens"] > 0
    offline = await matches(runtime, "offline")
    assert offline[ids[2]].score == 88  # untouched


async def test_second_run_with_nothing_changed_makes_no_call(runtime, fake):
    use_fake(runtime, fake)
    fake.structured = review_answer
    await add_profile(runtime)
    await add_jobs(runtime, 5)
    first = await runtime.runner.run(ReviewWorkflow(top_k=5), user_id=runtime.user_id)
    second = await runtime.runner.run(ReviewWorkflow(top_k=5), user_id=runtime.user_id)
    assert first.usage["model_calls"] == 5
    assert second.status == "succeeded"
    assert second.usage["model_calls"] == 0 and second.usage["cache_hits"] == 5
    assert fake.chat_calls == 5


async def test_the_request_budget_stops_the_run_and_says_so(runtime, fake):
    use_fake(runtime, fake)
    fake.structured = review_answer
    fake.delay = 0.05
    runtime.settings.agents.budget_requests = 3
    await add_profile(runtime)
    await add_jobs(runtime, 8)
    run = await runtime.runner.run(ReviewWorkflow(top_k=8), user_id=runtime.user_id)
    assert run.status == "succeeded"
    assert fake.chat_calls == 3  # concurrency 4 does not overshoot: calls in flight are reserved
    assert len(await matches(runtime, "llm")) == 3
    assert run.usage["requests"] == 3
    assert any("budget was reached; 5 job(s) were not reviewed" in w for w in run.warnings)


async def test_the_token_budget_stops_the_run(runtime, fake):
    use_fake(runtime, fake)
    fake.structured = review_answer
    runtime.settings.agents.review_concurrency = 1
    runtime.settings.agents.budget_tokens = 50  # one review costs more than this
    await add_profile(runtime)
    await add_jobs(runtime, 5)
    run = await runtime.runner.run(ReviewWorkflow(top_k=5), user_id=runtime.user_id)
    assert fake.chat_calls == 1
    assert run.usage["total_tokens"] > 50
    assert any("budget was reached" in w for w in run.warnings)
    assert await matches(runtime, "llm") == {}  # the answer over budget is not used


async def test_rate_limits_leave_offline_scores_and_say_why(runtime, fake):
    use_fake(runtime, fake)
    fake.structured = review_answer
    runtime.settings.agents.review_concurrency = 1
    await add_profile(runtime)
    ids = await add_jobs(runtime, 3)
    for _ in range(6):  # two jobs: each tried three times (two SDK retries)
        fake.add_fault("429", retry_after=0.05)
    before = {k: m.score for k, m in (await matches(runtime, "offline")).items()}
    run = await runtime.runner.run(ReviewWorkflow(top_k=3), user_id=runtime.user_id)
    assert run.status == "succeeded"
    assert "2 job(s) kept their offline score: the provider is rate limiting requests (429)." in (
        run.warnings
    )
    assert sorted(await matches(runtime, "llm")) == [ids[2]]
    assert {k: m.score for k, m in (await matches(runtime, "offline")).items()} == before


async def test_timeouts_and_invalid_output_are_reported(runtime, fake):
    use_fake(runtime, fake)
    runtime.settings.agents.review_concurrency = 1
    runtime.settings.agents.request_timeout_s = 0.5
    await add_profile(runtime)
    await add_jobs(runtime, 2)
    fake.add_fault("slow", delay=2.0)
    fake.structured = lambda body: '{"score": "very high"'  # never valid
    run = await runtime.runner.run(ReviewWorkflow(top_k=2), user_id=runtime.user_id)
    assert run.status == "succeeded"
    assert "1 job(s) kept their offline score: the model did not answer in time." in run.warnings
    assert (
        "1 job(s) kept their offline score: the model's answer was not valid, even after retries."
        in run.warnings
    )
    assert await matches(runtime, "llm") == {}


async def test_stop_cancels_cleanly_and_the_client_still_works(runtime, fake):
    use_fake(runtime, fake)
    fake.structured = review_answer
    fake.delay = 0.5
    runtime.settings.agents.review_concurrency = 2
    await add_profile(runtime)
    await add_jobs(runtime, 8)
    run_id = await runtime.runner.start(ReviewWorkflow(top_k=8), user_id=runtime.user_id)
    for _ in range(200):
        if fake.chat_calls >= 3:
            break
        await asyncio.sleep(0.02)
    assert runtime.runner.cancel(run_id)
    with pytest.raises(asyncio.CancelledError):
        await runtime.runner.wait(run_id)
    run = await run_store.get_run(runtime.db, run_id)
    assert run.status == "cancelled"
    assert fake.chat_calls < 8
    assert run.usage["model"] == "openai-compatible:fake-model"
    done = len(await matches(runtime, "llm"))
    fake.delay = 0
    again = await runtime.runner.run(ReviewWorkflow(top_k=8), user_id=runtime.user_id)
    assert again.status == "succeeded"
    assert again.usage["cache_hits"] == done and again.usage["model_calls"] == 8 - done


async def test_without_a_model_the_run_says_how_to_set_one(runtime):
    run = await runtime.runner.run(ReviewWorkflow(top_k=3), user_id=runtime.user_id)
    assert run.status == "failed"
    assert "No AI model is set" in run.error_message and "jobagent model set" in run.error_message


async def test_without_scored_jobs_the_run_says_to_search_first(runtime, fake):
    use_fake(runtime, fake)
    run = await runtime.runner.run(ReviewWorkflow(), user_id=runtime.user_id)
    assert run.status == "failed"
    assert run.error_message == "There are no scored open jobs to review: run a search first."
