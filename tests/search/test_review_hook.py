"""The AI match review at the end of a search: it runs when a model is set, and a model
that fails never fails the search."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.agents.providers import key_name
from app.storage.models import Match
from tests.fakes.openai_server import FakeOpenAI
from tests.search.conftest import add_source, search

API_KEY = "sk-test-0123456789abcdef"


@pytest.fixture
def fake_model(monkeypatch):
    import pydantic_ai.models

    review = {"score": 77, "verdict": "good", "reasons": ["Python fits"],
              "missing_requirements": [], "red_flags": []}  # fmt: skip
    with FakeOpenAI(api_key=API_KEY, structured=lambda body: review) as server:
        monkeypatch.setattr(pydantic_ai.models, "ALLOW_MODEL_REQUESTS", True)
        yield server


def use_model(runtime, base_url: str) -> None:
    runtime.settings.model.provider = "openai-compatible"
    runtime.settings.model.model = "fake-model"
    runtime.settings.model.base_url = base_url
    runtime.secrets.set(key_name("openai-compatible"), API_KEY)
    runtime.settings.agents.review_top_k = 3


async def llm_matches(runtime) -> list[Match]:
    async with runtime.db.session() as session:
        return list((await session.scalars(select(Match).where(Match.scorer == "llm"))).all())


async def test_the_review_runs_after_the_search_when_a_model_is_set(profiled, job_boards,
                                                                      fake_model):  # fmt: skip
    runtime = profiled
    job_boards.add_board("greenhouse", "acme", 6)
    add_source(runtime, job_boards, "greenhouse", "acme")
    use_model(runtime, fake_model.base_url)
    run, _ = await search(runtime)
    assert run.status == "succeeded", run.error_message
    assert fake_model.chat_calls == 3
    assert [m.score for m in await llm_matches(runtime)] == [77, 77, 77]


async def test_a_failing_model_never_fails_the_search(profiled, job_boards, monkeypatch):
    import pydantic_ai.models

    monkeypatch.setattr(pydantic_ai.models, "ALLOW_MODEL_REQUESTS", True)
    runtime = profiled
    job_boards.add_board("greenhouse", "acme", 4)
    add_source(runtime, job_boards, "greenhouse", "acme")
    use_model(runtime, "http://127.0.0.1:9/v1")  # nothing listens there
    run, wf = await search(runtime)
    assert run.status == "succeeded", run.error_message
    assert wf.result.new == 4
    assert any("kept their offline score" in w for w in run.warnings), run.warnings
    assert await llm_matches(runtime) == []


async def test_no_model_no_review(profiled, job_boards):
    job_boards.add_board("greenhouse", "acme", 2)
    add_source(profiled, job_boards, "greenhouse", "acme")
    run, _ = await search(profiled)
    assert run.status == "succeeded" and run.warnings == []
    assert await llm_matches(profiled) == []
