"""Vibe Check: streamed replies, a conversation that survives a restart, a persona on the user."""

from __future__ import annotations

import pytest

from app.agents.vibe import CulturalPersona, VibeChat
from app.core.errors import UserError
from app.runtime import Runtime
from tests.agents.conftest import EMAIL, add_profile, profile_now, use_fake

PERSONA = CulturalPersona(
    summary="You do your best work in a small, calm team that writes things down.",
    thrives_in=["small teams", "written communication"],
    values=["autonomy"],
    avoid=["constant meetings"],
).model_dump()


async def collect(stream) -> str:
    return "".join([piece async for piece in stream])


async def test_streamed_interview_survives_a_restart_and_writes_the_persona(paths, fake):
    fake.text = lambda body: "Great to meet you! How big was the team you liked most?"
    runtime = await Runtime.open(paths)
    try:
        use_fake(runtime, fake)
        await add_profile(runtime)
        chat = VibeChat(runtime)
        pieces = [piece async for piece in chat.reply()]
        assert len(pieces) > 3  # streamed word by word
        assert "".join(pieces).startswith("Great to meet you!")
        await collect(chat.reply("About six people, mostly remote."))
        assert fake.requests[-1]["stream"] is True
    finally:
        await runtime.close()

    runtime = await Runtime.open(paths)  # a restart: a new runtime, a new client
    try:
        use_fake(runtime, fake)
        chat = VibeChat(runtime)
        stored = await chat.messages()
        assert [role for role, _ in stored] == ["assistant", "user", "assistant"]
        await collect(chat.reply("I like written feedback."))
        sent = [m.get("content") for m in fake.requests[-1]["messages"]]
        assert "About six people, mostly remote." in sent  # the history went with it
        fake.structured = lambda body: PERSONA
        persona = await chat.write_persona()
        assert persona.startswith("Cultural Persona\nYou do your best work")
        profile = await profile_now(runtime)
        assert profile["persona"] == persona
    finally:
        await runtime.close()


async def test_persona_needs_answers_first(runtime, fake):
    use_fake(runtime, fake)
    chat = VibeChat(runtime)
    with pytest.raises(UserError, match="Answer a few questions first"):
        await chat.write_persona()


async def test_user_messages_are_redacted_for_cloud_like_calls(runtime, fake):
    use_fake(runtime, fake)
    runtime.settings.privacy.redact_for_local_models = True
    await add_profile(runtime)
    chat = VibeChat(runtime)
    await collect(chat.reply(f"Mail me at {EMAIL} or call +44 20 7946 0958."))
    assert EMAIL not in fake.all_text() and "7946" not in fake.all_text()
    assert (await chat.messages())[0][1].startswith("Mail me at jane")  # kept as typed, locally


async def test_a_failed_reply_keeps_the_question_and_can_be_retried(runtime, fake):
    use_fake(runtime, fake)
    chat = VibeChat(runtime)
    for _ in range(3):
        fake.add_fault("status", status=503)
    with pytest.raises(UserError, match="The model could not answer"):
        await collect(chat.reply("I love pairing."))
    assert await chat.messages() == [("user", "I love pairing.")]
    answer = await collect(chat.reply())
    assert answer and [r for r, _ in await chat.messages()] == ["user", "assistant"]


async def test_the_persona_feeds_the_match_review(runtime, fake):
    from app.workflows.review import ReviewWorkflow
    from tests.agents.conftest import add_jobs, review_answer

    use_fake(runtime, fake)
    fake.structured = review_answer
    await add_profile(runtime)
    await add_jobs(runtime, 2)
    await runtime.runner.run(ReviewWorkflow(top_k=2), user_id=runtime.user_id)
    await collect(VibeChat(runtime).reply("Small teams please."))
    fake.structured = lambda body: PERSONA
    await VibeChat(runtime).write_persona()
    fake.structured = review_answer
    run = await runtime.runner.run(ReviewWorkflow(top_k=2), user_id=runtime.user_id)
    assert run.usage["model_calls"] == 2  # the persona changed: no stale cache hits
    assert "Cultural persona: Cultural Persona" in str(fake.requests[-1])
