"""Which model the user chose, and the pydantic-ai model object for it, on the one httpx2 client.

Keys come from the OS keyring (``runtime.secrets``) under ``model:<provider>``
and go only to that provider's own API: a base URL is accepted for the
OpenAI-compatible provider alone, and its key is stored apart from OpenAI's.
"""

from __future__ import annotations

import asyncio
import hashlib
import importlib
import ipaddress
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from app.core.errors import ConfigError, UserError
from app.core.settings import ModelSettings

if TYPE_CHECKING:
    from app.runtime import Runtime

#: Provider name -> what the user sees.
PROVIDERS: dict[str, str] = {
    "none": "No model (offline only)",
    "google": "Google Gemini",
    "openai": "OpenAI",
    "anthropic": "Anthropic",
    "openai-compatible": "OpenAI-compatible server (Ollama, LM Studio, llama.cpp, vLLM)",
}
CLOUD_PROVIDERS = ("google", "openai", "anthropic")
KEY_PROVIDERS = (*CLOUD_PROVIDERS, "openai-compatible")


class ModelNotConfigured(UserError):
    """No model is set, or its key is missing."""


def key_name(provider: str) -> str:
    """The keyring entry holding a provider's API key."""
    return f"model:{provider}"


def check_provider(provider: str, *, keys: bool = False) -> str:
    allowed = KEY_PROVIDERS if keys else tuple(PROVIDERS)
    if provider not in allowed:
        raise ConfigError(f"Unknown provider {provider!r}: use one of {', '.join(allowed)}.")
    return provider


def validate_choice(provider: str, model: str | None, base_url: str | None) -> ModelSettings:
    """The settings for a choice, or a ConfigError saying what is wrong with it."""
    check_provider(provider)
    if provider == "none":
        return ModelSettings(provider="none")
    if not model or not model.strip():
        raise ConfigError(f"Name the model to use with {provider}: --model NAME.")
    if provider == "openai-compatible":
        if not base_url:
            raise ConfigError(
                "An OpenAI-compatible server needs its address: --base-url URL "
                "(Ollama: http://127.0.0.1:11434/v1, LM Studio: http://127.0.0.1:1234/v1)."
            )
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ConfigError(f"{base_url!r} is not an http(s) URL.")
    elif base_url:
        raise ConfigError(
            f"--base-url is only for openai-compatible servers; {provider} uses its own API "
            "(so its key never goes to another host)."
        )
    return ModelSettings(provider=provider, model=model.strip(), base_url=base_url or None)  # type: ignore[arg-type]


def is_loopback(base_url: str | None) -> bool:
    """True for a server on this machine (127.0.0.0/8, ::1, localhost)."""
    host = urlsplit(base_url).hostname if base_url else None
    if not host:
        return False
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class ModelTarget:
    """The chosen model, resolved: what to call and where it runs."""

    provider: str
    model: str
    base_url: str | None

    @property
    def label(self) -> str:
        return f"{self.provider}:{self.model}"

    @property
    def local(self) -> bool:
        """A model on a loopback address: nothing leaves the machine."""
        return self.provider == "openai-compatible" and is_loopback(self.base_url)

    @property
    def host(self) -> str:
        if self.base_url:
            return urlsplit(self.base_url).netloc
        return {
            "google": "generativelanguage.googleapis.com",
            "openai": "api.openai.com",
            "anthropic": "api.anthropic.com",
        }.get(self.provider, "")


def model_configured(settings: Any) -> bool:
    """True when the user has chosen a model (the hooks in other workflows check this)."""
    return settings.model.provider != "none" and bool(settings.model.model)


def current_target(runtime: Runtime) -> ModelTarget:
    chosen = runtime.settings.model
    if not model_configured(runtime.settings):
        raise ModelNotConfigured(
            "No AI model is set; the app works offline. Choose one with "
            "'jobagent model set PROVIDER --model NAME' or in Settings."
        )
    return ModelTarget(chosen.provider, chosen.model or "", chosen.base_url)


def api_key(runtime: Runtime, target: ModelTarget) -> str | None:
    """The provider's key from the keyring; a clear error when a cloud provider has none."""
    key = runtime.secrets.get(key_name(target.provider))
    if not key and target.provider in CLOUD_PROVIDERS:
        raise ModelNotConfigured(
            f"No API key for {target.provider}: store one with "
            f"'jobagent keys set {target.provider}' or in Settings."
        )
    return key or None


def build_model(runtime: Runtime) -> tuple[ModelTarget, Any]:
    """The pydantic-ai model for the current choice, made once per choice and key.

    Every provider gets ``runtime.model_http()``, the process's one httpx2
    client, so runs share its connections and it closes with the runtime.
    """
    target = current_target(runtime)
    key = api_key(runtime, target)
    signature = (target, hashlib.sha256((key or "").encode()).hexdigest())
    cached = runtime.extras.get("agents.model")
    if cached is not None and cached[0] == signature:
        return target, cached[1]
    model = _make_model(target, key, runtime.model_http())
    runtime.extras["agents.model"] = (signature, model)
    return target, model


_PROVIDER_MODULES = {
    "google": ("pydantic_ai.models.google", "pydantic_ai.providers.google"),
    "anthropic": ("pydantic_ai.models.anthropic", "pydantic_ai.providers.anthropic"),
    "openai": ("pydantic_ai.models.openai", "pydantic_ai.providers.openai"),
    "openai-compatible": ("pydantic_ai.models.openai", "pydantic_ai.providers.openai_compatible"),
}


async def preload(provider: str) -> None:
    """Import pydantic-ai and the provider's modules in a worker thread.

    They take 1-3 s to import; done on the loop, the window would freeze
    that long the first time a model is used.
    """
    names = ("pydantic_ai", *_PROVIDER_MODULES.get(provider, ()))
    if all(name in sys.modules for name in names):
        return
    await asyncio.to_thread(lambda: [importlib.import_module(name) for name in names])


def _make_model(target: ModelTarget, key: str | None, http_client: Any) -> Any:
    # Imported here: each provider module costs 1-2.5 s to import.
    if target.provider == "google":
        from pydantic_ai.models.google import GoogleModel
        from pydantic_ai.providers.google import GoogleProvider

        provider = GoogleProvider(api_key=key, http_client=http_client)
        return GoogleModel(target.model, provider=provider)
    if target.provider == "anthropic":
        from pydantic_ai.models.anthropic import AnthropicModel
        from pydantic_ai.providers.anthropic import AnthropicProvider

        provider = AnthropicProvider(api_key=key, http_client=http_client)
        return AnthropicModel(target.model, provider=provider)
    from pydantic_ai.models.openai import OpenAIChatModel

    if target.provider == "openai":
        from pydantic_ai.providers.openai import OpenAIProvider

        return OpenAIChatModel(
            target.model, provider=OpenAIProvider(api_key=key, http_client=http_client)
        )
    from pydantic_ai.providers.openai_compatible import OpenAICompatibleProvider

    provider = OpenAICompatibleProvider(
        "openai-compatible", base_url=target.base_url or "", api_key=key, http_client=http_client
    )
    return OpenAIChatModel(target.model, provider=provider)
