"""Why a model call failed, in words a user can act on.

pydantic-ai sorts provider errors into categories (rate limit, authentication,
not found, connection, timeout, …); this maps each to a short reason and a
code that the CLI, the window and the run's warnings share.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from app.core.errors import UserError


@dataclass(frozen=True)
class Failure:
    code: str  # no_key, wrong_key, not_found, unreachable, timeout, rate_limited, …
    reason: str


def describe(exc: BaseException, *, target_label: str = "the model") -> Failure:
    """A code and a one-line reason for any exception a model call raised."""
    from pydantic_ai import exceptions as ex

    status = getattr(exc, "status_code", None)
    if isinstance(exc, asyncio.CancelledError):
        return Failure("cancelled", "cancelled")
    if isinstance(exc, UserError):
        return Failure("no_key" if "key" in str(exc).lower() else "not_configured", str(exc))
    if isinstance(exc, ex.UsageLimitExceeded):
        return Failure("budget", "the run's budget of requests or tokens was reached")
    if isinstance(exc, ex.ModelAuthenticationError) or status in (401, 403):
        return Failure("wrong_key", f"the provider refused the API key ({status or 401})")
    if isinstance(exc, ex.ModelNotFoundError) or status == 404:
        return Failure(
            "not_found", f"{target_label} was not found (404): check the model name and base URL"
        )
    if isinstance(exc, ex.ModelRateLimitError | ex.ModelQuotaExceededError) or status == 429:
        return Failure("rate_limited", "the provider is rate limiting requests (429)")
    if isinstance(exc, ex.ModelRequestTimeout | ex.ModelTimeoutError | TimeoutError):
        return Failure("timeout", "the model did not answer in time")
    if isinstance(exc, ex.ModelConnectionError):
        return Failure("unreachable", f"the model's server cannot be reached ({_first_line(exc)})")
    if isinstance(exc, ex.UnexpectedModelBehavior):
        return Failure("invalid_output", "the model's answer was not valid, even after retries")
    if isinstance(exc, ex.ModelHTTPError):
        return Failure("http_error", f"the provider answered with an error ({status})")
    if isinstance(exc, ex.ModelAPIError):
        return Failure("api_error", f"the provider's answer could not be used ({_first_line(exc)})")
    if isinstance(exc, OSError):
        return Failure("unreachable", f"the model's server cannot be reached ({_first_line(exc)})")
    return Failure("error", f"{type(exc).__name__}: {_first_line(exc)}")


def lacks_tool_support(exc: BaseException) -> bool:
    """A local server that cannot do tool calls says so with a 400 (Ollama) or garbles the call."""
    from pydantic_ai import exceptions as ex

    if isinstance(exc, ex.UnexpectedModelBehavior):
        return True
    if getattr(exc, "status_code", None) in (400, 422, 501):
        text = str(exc).lower()
        return any(word in text for word in ("tool", "function", "response_format", "schema"))
    return False


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:200] if text else type(exc).__name__
