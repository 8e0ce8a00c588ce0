"""Vibe Check: a short interview about how the user likes to work, then a "Cultural Persona".

Every turn is stored (``vibe_message``), so the conversation survives a
restart; the model is given the stored turns each time. The persona is
written onto the user (``user.persona``), which bumps the profile version:
match reviews made before it are then out of date, and the next review
weighs the persona.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel
from sqlalchemy import delete, select

from app.agents.failures import describe
from app.core.errors import UserError
from app.storage.models import VibeMessage
from app.storage.profiles import load_profile, update_user

if TYPE_CHECKING:
    from app.runtime import Runtime

log = logging.getLogger(__name__)

OPENER = "(I opened the Vibe Check. Greet me in one sentence and ask your first question.)"

INTERVIEW = """\
You run a friendly "Vibe Check": a short interview about how the user likes to work. Ask one
question at a time, in two or three sentences at most, and follow up on what they say. Cover:
team size and structure, pace, remote or office, how they like to be managed and give or get
feedback, what they value in a workplace, what drains them, and their deal-breakers. After six
to eight answers, tell them they can type /done (or press "Write my persona") to finish.
Never ask for contact details, and do not judge.
"""

PERSONA = """\
From the interview transcript, write the user's Cultural Persona: how they like to work, in
their own terms. Use only what they said; do not invent preferences.
"""


class CulturalPersona(BaseModel):
    """A short portrait of the workplace where this person does their best work."""

    summary: str
    """Three to five sentences, second person ("You do your best work…")."""
    thrives_in: list[str] = []
    """Settings where they thrive (team, pace, way of working)."""
    values: list[str] = []
    """What they value in a workplace."""
    avoid: list[str] = []
    """Deal-breakers and what drains them."""

    def as_text(self) -> str:
        lines = ["Cultural Persona", self.summary.strip()]
        for label, items in (
            ("Thrives in", self.thrives_in),
            ("Values", self.values),
            ("Avoids", self.avoid),
        ):
            if items:
                lines.append(f"{label}: {'; '.join(i.strip() for i in items)}")
        return "\n".join(lines)


@functools.cache
def interview_agent() -> Any:
    from pydantic_ai import Agent

    return Agent(instructions=INTERVIEW, name="vibe_check")


@functools.cache
def persona_agent() -> Any:
    from pydantic_ai import Agent

    return Agent(output_type=CulturalPersona, instructions=PERSONA, name="vibe_persona")


async def load_messages(runtime: Runtime, user_id: int) -> list[tuple[str, str]]:
    """The stored conversation as (role, text), oldest first."""
    async with runtime.db.session() as session:
        query = (
            select(VibeMessage.role, VibeMessage.content)
            .where(VibeMessage.user_id == user_id)
            .order_by(VibeMessage.id)
        )
        return [(role, content) for role, content in (await session.execute(query)).all()]


async def add_message(runtime: Runtime, user_id: int, role: str, content: str) -> None:
    async with runtime.db.session() as session:
        session.add(VibeMessage(user_id=user_id, role=role, content=content))


async def clear_messages(runtime: Runtime, user_id: int) -> None:
    async with runtime.db.session() as session:
        await session.execute(delete(VibeMessage).where(VibeMessage.user_id == user_id))


class VibeChat:
    """One user's interview: ``reply`` streams the next answer, ``write_persona`` ends it."""

    def __init__(self, runtime: Runtime, user_id: int | None = None) -> None:
        self.runtime = runtime
        self.user_id = user_id if user_id is not None else runtime.user_id

    async def messages(self) -> list[tuple[str, str]]:
        return await load_messages(self.runtime, self.user_id)

    async def reset(self) -> None:
        await clear_messages(self.runtime, self.user_id)

    async def _gateway(self) -> Any:
        from app.agents.gateway import ModelGateway

        profile = await load_profile(self.runtime.db, self.user_id)
        return await ModelGateway.create(
            self.runtime, purpose="vibe", user_id=self.user_id, profile=profile
        )

    async def reply(self, text: str | None = None) -> AsyncIterator[str]:
        """Store the user's text (if any), then stream the interviewer's answer and store it.

        With no text, the interviewer opens the conversation, or answers the last
        stored message if the previous answer failed.
        """
        if text is not None and text.strip():  # kept first: an answer is never lost
            await add_message(self.runtime, self.user_id, "user", text.strip())
        gateway = await self._gateway()
        stored = await self.messages()
        if stored and stored[-1][0] == "user":
            prompt, earlier = gateway.clean(stored[-1][1]), stored[:-1]
        elif not stored:
            prompt, earlier = OPENER, []
        else:
            return  # the interviewer already spoke last; wait for the user
        answer: list[str] = []
        try:
            async for delta in gateway.stream(
                interview_agent(),
                prompt,
                sent=["vibe chat"],
                message_history=to_history(earlier, gateway.clean),
            ):
                answer.append(delta)
                yield delta
        except Exception as exc:
            log.warning("vibe check reply failed: %r", exc)
            reason = describe(exc, target_label=gateway.target.label).reason
            raise UserError(f"The model could not answer: {reason}.") from exc
        if "".join(answer).strip():
            await add_message(self.runtime, self.user_id, "assistant", "".join(answer).strip())

    async def write_persona(self) -> str:
        """Summarise the interview into ``user.persona``; returns the persona text."""
        stored = await self.messages()
        if not any(role == "user" for role, _ in stored):
            raise UserError("Answer a few questions first; then the persona can be written.")
        gateway = await self._gateway()
        transcript = "\n".join(
            f"{'Interviewer' if role == 'assistant' else 'User'}: "
            f"{gateway.clean(content) if role == 'user' else content}"
            for role, content in stored
        )
        try:
            result = await gateway.run(
                persona_agent(), transcript, output=CulturalPersona, sent=["vibe chat"]
            )
        except Exception as exc:
            log.warning("persona failed: %r", exc)
            reason = describe(exc, target_label=gateway.target.label).reason
            raise UserError(f"The persona could not be written: {reason}.") from exc
        persona = result.output.as_text()
        await update_user(self.runtime.db, self.user_id, persona=persona)
        return persona


def to_history(stored: list[tuple[str, str]], clean: Any) -> list[Any]:
    """Stored turns as pydantic-ai messages; the user's turns pass the privacy guard again."""
    from pydantic_ai.messages import ModelRequest, ModelResponse, TextPart, UserPromptPart

    history: list[Any] = []
    if stored and stored[0][0] == "assistant":
        history.append(ModelRequest(parts=[UserPromptPart(OPENER)]))
    for role, content in stored:
        if role == "user":
            history.append(ModelRequest(parts=[UserPromptPart(clean(content))]))
        else:
            history.append(ModelResponse(parts=[TextPart(content)]))
    return history
