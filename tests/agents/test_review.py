"""Match review against the fake OpenAI-compatible server, through the real provider classes."""

from __future__ import annotations

import asyncio

from sqlalchemy import select

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
