"""Every call to a model goes through a ``ModelGateway``.

It holds the model built on the runtime's one httpx2 client, the privacy
guard for this model (cloud, or local and exempt), the output mode (tool
call, native, or a JSON prompt for models without tools), and writes one
outbound-log row per call, whether it worked or not.

    gateway = ModelGateway.open(runtime, purpose="review", user_id=1, profile=profile)
    text = gateway.clean(cv_text)            # the user's text, personal data removed
    result = await gateway.run(review_agent(), prompt, output=MatchReview, sent=["job posting"])
"""

from __future__ import annotations

import functools
import logging
from collections.abc import AsyncIterator, Sequence
from typing import TYPE_CHECKING, Any

from app.agents.failures import describe, lacks_tool_support
from app.agents.outbound import CallRecord, record_call
from app.agents.privacy import Redactor
from app.agents.providers import ModelTarget, build_model, current_target, preload

if TYPE_CHECKING:
    from app.runtime import Runtime

log = logging.getLogger(__name__)

_MODES_KEY = "agents.output_modes"


class ModelGateway:
    def __init__(
        self,
        runtime: Runtime,
        target: ModelTarget,
        model: Any,
        *,
        purpose: str,
        user_id: int | None,
        run_id: int | None = None,
        profile: dict[str, Any] | None = None,
    ) -> None:
        self.runtime = runtime
        self.target = target
        self.model = model
        self.purpose = purpose
        self.user_id = user_id
        self.run_id = run_id
        self.redactor = Redactor.for_call(
            runtime.settings.privacy, local=target.local, profile=profile
        )

    @classmethod
    def open(cls, runtime: Runtime, **kwargs: Any) -> ModelGateway:
        """Resolve the chosen model; ``ModelNotConfigured`` (a UserError) when there is none."""
        target, model = build_model(runtime)
        return cls(runtime, target, model, **kwargs)

    @classmethod
    async def create(cls, runtime: Runtime, **kwargs: Any) -> ModelGateway:
        """``open``, with the provider's slow imports done off the loop first."""
        await preload(current_target(runtime).provider)
        return cls.open(runtime, **kwargs)

    def clean(self, text: str | None) -> str:
        """The user's own text, with the personal data the settings say to remove taken out."""
        return self.redactor.clean(text)

    # ------------------------------------------------------------------ output mode

    def output_mode(self) -> str:
        chosen = self.runtime.settings.model.output_mode
        if chosen != "auto":
            return chosen
        return self.runtime.extras.get(_MODES_KEY, {}).get(self.target.label, "tool")

    def _remember_mode(self, mode: str) -> None:
        self.runtime.extras.setdefault(_MODES_KEY, {})[self.target.label] = mode
        log.info("%s: structured output falls back to %s mode", self.target.label, mode)

    @staticmethod
    def output_spec(output: Any, mode: str) -> Any:
        from pydantic_ai import NativeOutput, PromptedOutput, ToolOutput

        if mode == "prompted":
            return PromptedOutput(output)
        if mode == "native":
            return NativeOutput(output)
        return ToolOutput(output)

    def model_settings(self, **extra: Any) -> dict[str, Any]:
        agents = self.runtime.settings.agents
        return {"request_timeout": agents.request_timeout_s, "max_retries": 2, **extra}

    # ------------------------------------------------------------------ calls

    async def run(
        self,
        bot: Any,
        prompt: str,
        *,
        sent: Sequence[str],
        output: Any = None,
        usage: Any = None,
        usage_limits: Any = None,
        message_history: Sequence[Any] | None = None,
        model_settings: dict[str, Any] | None = None,
    ) -> Any:
        """One agent run, logged; falls back to prompted output once when tools are not supported.

        ``usage`` may be a ``RunUsage`` shared by a whole workflow run, so that
        ``usage_limits`` is a budget for all of its calls together.
        """
        mode = self.output_mode()
        call = functools.partial(
            self._run_logged, bot, prompt, sent, output,
            usage=usage, usage_limits=usage_limits, history=message_history,
            settings=model_settings,
        )  # fmt: skip
        try:
            return await call(mode)
        except Exception as exc:
            auto = self.runtime.settings.model.output_mode == "auto"
            if output is None or not auto or mode == "prompted" or not lacks_tool_support(exc):
                raise
            log.info("%s: no usable tool call (%r); asking for JSON", self.target.label, exc)
            result = await call("prompted")
            self._remember_mode("prompted")  # only once the fallback has worked
            return result

    async def _run_logged(  # type: ignore[no-untyped-def]
        self, bot, prompt, sent, output, mode, *, usage, usage_limits, history, settings
    ) -> Any:
        from pydantic_ai import capture_run_messages

        kwargs: dict[str, Any] = {
            "model": self.model,
            "usage": usage,
            "usage_limits": usage_limits,
            "message_history": list(history) if history else None,
            "model_settings": self.model_settings(**(settings or {})),
        }
        if output is not None:
            kwargs["output_type"] = self.output_spec(output, mode)
        known = len(history or ())
        with capture_run_messages() as messages:
            try:
                result = await bot.run(prompt, **kwargs)
            except BaseException as exc:
                await self._log(messages[known:], sent, error=exc)
                raise
        await self._log(messages[known:], sent)
        return result

    async def stream(
        self,
        bot: Any,
        prompt: str,
        *,
        sent: Sequence[str],
        message_history: Sequence[Any] | None = None,
    ) -> AsyncIterator[str]:
        """Stream a text answer piece by piece; the call is logged when the stream ends."""
        usage = None
        error: BaseException | None = None
        try:
            async with bot.run_stream(
                prompt,
                model=self.model,
                message_history=list(message_history) if message_history else None,
                model_settings=self.model_settings(),
            ) as streamed:
                async for delta in streamed.stream_text(delta=True, debounce_by=None):
                    yield delta
                usage = streamed.usage
        except BaseException as exc:
            error = exc
            raise
        finally:
            await self._write(
                requests=usage.requests if usage is not None else 1,
                input_tokens=getattr(usage, "input_tokens", 0),
                output_tokens=getattr(usage, "output_tokens", 0),
                sent=sent,
                error=error,
            )

    # ------------------------------------------------------------------ the log

    async def _log(self, messages: Sequence[Any], sent: Sequence[str], *, error=None) -> None:  # type: ignore[no-untyped-def]
        from pydantic_ai import UsageLimitExceeded
        from pydantic_ai.messages import ModelResponse

        responses = [m for m in messages if isinstance(m, ModelResponse)]
        if not responses and isinstance(error, UsageLimitExceeded):
            return  # stopped before anything was sent
        await self._write(
            requests=max(len(responses), 1),
            input_tokens=sum(r.usage.input_tokens for r in responses),
            output_tokens=sum(r.usage.output_tokens for r in responses),
            sent=sent,
            error=error,
        )

    async def _write(self, *, requests, input_tokens, output_tokens, sent, error) -> None:  # type: ignore[no-untyped-def]
        record = CallRecord(
            provider=self.target.provider,
            model=self.target.model,
            host=self.target.host,
            local=self.target.local,
            purpose=self.purpose,
            requests=requests,
            input_tokens=input_tokens,
            output_tokens=output_tokens,
            sent=sorted(set(sent) | self.redactor.sent),
            redacted=sorted(self.redactor.redacted),
            ok=error is None,
            error=describe(error, target_label=self.target.label).reason if error else None,
        )
        try:
            await record_call(self.runtime.db, record, user_id=self.user_id, run_id=self.run_id)
        except Exception:  # the log must never turn a good answer into a failure
            log.exception("could not write the outbound log")
