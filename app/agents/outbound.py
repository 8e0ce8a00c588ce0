"""The outbound log: one row per call to a model, saying what left the machine."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from app.storage.database import Database
from app.storage.models import OutboundCall


@dataclass
class CallRecord:
    provider: str
    model: str
    host: str | None
    local: bool
    purpose: str
    requests: int
    input_tokens: int
    output_tokens: int
    sent: list[str]
    redacted: list[str]
    ok: bool = True
    error: str | None = None


async def record_call(
    db: Database, record: CallRecord, *, user_id: int | None, run_id: int | None
) -> None:
    async with db.session() as session:
        session.add(OutboundCall(user_id=user_id, run_id=run_id, **record.__dict__))


async def list_calls(db: Database, *, limit: int = 200) -> list[OutboundCall]:
    """Newest first."""
    async with db.session() as session:
        query = select(OutboundCall).order_by(OutboundCall.id.desc()).limit(limit)
        return list((await session.scalars(query)).all())


def call_to_dict(call: OutboundCall) -> dict[str, Any]:
    return {
        "id": call.id,
        "at": call.at.isoformat(),
        "run_id": call.run_id,
        "provider": call.provider,
        "model": call.model,
        "host": call.host,
        "local": call.local,
        "purpose": call.purpose,
        "requests": call.requests,
        "input_tokens": call.input_tokens,
        "output_tokens": call.output_tokens,
        "sent": list(call.sent or []),
        "redacted": list(call.redacted or []),
        "ok": call.ok,
        "error": call.error,
    }
