"""``jobagent model test``: one tiny request, and a verdict a person can act on."""

from __future__ import annotations

import functools
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.agents.failures import describe
from app.agents.providers import ModelNotConfigured

if TYPE_CHECKING:
    from app.runtime import Runtime

PING = "Reply with the single word OK."


@dataclass(frozen=True)
class Verdict:
    ok: bool
    code: str  # ok, not_configured, no_key, wrong_key, unreachable, not_found, timeout, …
    message: str
    model: str | None = None
    latency_s: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@functools.cache
def ping_agent() -> Any:
    from pydantic_ai import Agent

    return Agent(instructions="You are a connectivity check.", name="model_test")


async def check_model(runtime: Runtime, *, timeout_s: float = 30.0) -> Verdict:
    """Send one tiny request (nothing personal in it) and time it."""
    from app.agents.gateway import ModelGateway

    try:
        gateway = await ModelGateway.create(runtime, purpose="test", user_id=runtime.user_id)
    except ModelNotConfigured as exc:
        code = "no_key" if "API key" in str(exc) else "not_configured"
        return Verdict(False, code, str(exc))
    label = gateway.target.label
    timeout = min(timeout_s, runtime.settings.agents.request_timeout_s)
    started = time.perf_counter()
    try:
        await gateway.run(
            ping_agent(),
            PING,
            sent=["test prompt"],
            model_settings={"max_tokens": 16, "max_retries": 0, "request_timeout": timeout},
        )
    except Exception as exc:
        failure = describe(exc, target_label=label)
        elapsed = time.perf_counter() - started
        return Verdict(False, failure.code, f"{label}: {failure.reason}", label, elapsed)
    latency = time.perf_counter() - started
    return Verdict(True, "ok", f"{label} answered in {latency:.2f} s", label, latency)
