"""Choosing a model, testing it, and keeping its key out of every file and other host."""

from __future__ import annotations

import asyncio
import socket

import pytest

from app.agents.modeltest import check_model
from app.agents.outbound import list_calls
from app.agents.providers import build_model, is_loopback, key_name, validate_choice
from app.core.errors import ConfigError
from app.core.logs import setup_logging
from app.runtime import Runtime
from app.workflows.enrichment import EnrichmentWorkflow
from app.workflows.review import ReviewWorkflow
from tests.agents.conftest import API_KEY, add_jobs, add_profile, review_answer, use_fake


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_choices_are_checked():
    assert validate_choice("none", None, None).provider == "none"
    assert validate_choice("openai", "gpt-4o-mini", None).model == "gpt-4o-mini"
    with pytest.raises(ConfigError, match="--model NAME"):
        validate_choice("anthropic", None, None)
    with pytest.raises(ConfigError, match="only for openai-compatible"):
        validate_choice("openai", "gpt-4o", "https://evil.example/v1")
    with pytest.raises(ConfigError, match="needs its address"):
        validate_choice("openai-compatible", "llama3", None)
    with pytest.raises(ConfigError, match="Unknown provider"):
        validate_choice("mistral", "x", None)


def test_loopback_addresses_count_as_local():
    assert is_loopback("http://127.0.0.1:11434/v1") and is_loopback("http://localhost:1234/v1")
    assert is_loopback("http://[::1]:8000/v1")
    assert not is_loopback("http://192.168.1.20:11434/v1")
    assert not is_loopback("https://api.openai.com/v1") and not is_loopback(None)


@pytest.mark.parametrize(
    ("provider", "module"),
    [
        ("openai", "pydantic_ai.models.openai"),
        ("anthropic", "pydantic_ai.models.anthropic"),
        ("google", "pydantic_ai.models.google"),
    ],
)
async def test_cloud_providers_use_the_one_client(runtime, provider, module):
    runtime.settings.model = validate_choice(provider, "some-model", None)
    runtime.secrets.set(key_name(provider), "k-123456")
    target, model = build_model(runtime)
    assert type(model).__module__.startswith(module)
    assert target.host and not target.local
    sdk = model._provider.client
    used = getattr(sdk, "_client", None) or sdk._api_client._async_httpx_client
    assert used is runtime.model_http()  # the runtime's one httpx2 client
    assert getattr(model._provider, "_own_http_client", None) is None  # none of its own
    assert build_model(runtime)[1] is model  # made once per choice and key


async def test_verdicts(runtime, fake):
    verdict = await check_model(runtime)
    assert not verdict.ok and verdict.code == "not_configured"
    runtime.settings.model = validate_choice("openai", "gpt-4o-mini", None)
    verdict = await check_model(runtime)
    assert verdict.code == "no_key" and "jobagent keys set openai" in verdict.message

    use_fake(runtime, fake)
    verdict = await check_model(runtime)
    assert verdict.ok and verdict.latency_s is not None and "answered in" in verdict.message

    runtime.secrets.set(key_name("openai-compatible"), "sk-wrong")
    verdict = await check_model(runtime)
    assert verdict.code == "wrong_key" and "401" in verdict.message

    use_fake(runtime, fake, model="no-such-model")
    fake.models = {"fake-model"}
    verdict = await check_model(runtime)
    assert verdict.code == "not_found" and "404" in verdict.message

    runtime.settings.model.base_url = f"http://127.0.0.1:{closed_port()}/v1"
    verdict = await check_model(runtime)
    assert verdict.code == "unreachable", verdict

    use_fake(runtime, fake)
    runtime.settings.agents.request_timeout_s = 0.3
    fake.add_fault("slow", delay=1.5)
    verdict = await check_model(runtime)
    assert verdict.code == "timeout", verdict


async def test_many_runs_share_one_client_without_event_loop_errors(runtime, fake, caplog):
    use_fake(runtime, fake)
    fake.structured = review_answer
    await add_profile(runtime)
    await add_jobs(runtime, 3)
    client = runtime.model_http()
    for _ in range(3):
        runtime.settings.agents.review_concurrency = 1
        assert (await check_model(runtime)).ok
        run = await runtime.runner.run(ReviewWorkflow(top_k=3), user_id=runtime.user_id)
        assert run.status == "succeeded"
        await asyncio.sleep(0)
    assert runtime.model_http() is client
    assert fake.connections < fake.chat_calls  # keep-alive: the connection is reused
    assert "Event loop is closed" not in caplog.text


async def test_the_key_stays_in_the_keyring(paths, fake, memory_keyring):
    setup_logging(paths.log_file, level=10)  # DEBUG: the most a log ever holds
    runtime = await Runtime.open(paths)
    try:
        use_fake(runtime, fake)
        runtime.save_settings()
        fake.structured = lambda body: {"profile_text": "Builds Python services at Acme GmbH."}
        await add_profile(runtime)
        assert (await runtime.runner.run(EnrichmentWorkflow())).status == "succeeded"
        assert (await check_model(runtime)).ok
        calls = await list_calls(runtime.db)
    finally:
        await runtime.close()
    assert ("jobagent-desktop", key_name("openai-compatible")) in memory_keyring.store
    assert API_KEY not in paths.settings_file.read_text()
    for log_file in paths.log_file.parent.glob("*"):
        assert API_KEY not in log_file.read_text(errors="replace")
    assert API_KEY not in str([c.__dict__ for c in calls])
    assert all(h["authorization"] == f"Bearer {API_KEY}" for h in fake.headers)
    assert API_KEY not in fake.all_text()  # only in the header, never in a body
