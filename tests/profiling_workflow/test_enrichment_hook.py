"""With a model configured, profiling ends by asking it to improve the profile; a failure is a
warning and the offline profile stands."""

from __future__ import annotations

import pytest

from app.agents.providers import key_name
from tests.fakes.openai_server import FakeOpenAI

from .conftest import profile_files

API_KEY = "sk-test-profiling-0123456789"
ANSWER = {
    "profile_text": "Registered nurse with experience in wound care and IV therapy on acute "
    "wards, including patient assessment and care planning.",
    "suggested_job_titles": [],
    "added_skills": [],
    "mentioned": {"skills": ["Wound care", "IV therapy"], "employers": [], "titles": [],
                  "dates": []},
}  # fmt: skip


@pytest.fixture
def model(runtime, monkeypatch):
    """A loopback OpenAI-compatible model, set as the user's model."""
    import pydantic_ai.models

    with FakeOpenAI(api_key=API_KEY) as server:
        monkeypatch.setattr(pydantic_ai.models, "ALLOW_MODEL_REQUESTS", True)
        chosen = runtime.settings.model
        chosen.provider, chosen.model, chosen.base_url = ("openai-compatible", "fake-model",
                                                          server.base_url)  # fmt: skip
        runtime.secrets.set(key_name("openai-compatible"), API_KEY)
        yield server


async def test_model_failure_is_only_a_warning(runtime, files, model):
    for _ in range(4):
        model.add_fault("status", status=500)
    run, workflow = await profile_files(runtime, [files.text()])
    assert run.status == "succeeded", run.error_message
    assert any("offline profile is kept" in w for w in run.warnings)
    assert workflow.result.enriched is False
    profile = workflow.result.profile
    assert profile["profile_text"].startswith("Jane Doe is a Registered Nurse")
    assert "enrichment" not in profile


async def test_a_working_model_improves_the_saved_profile(runtime, files, model):
    model.structured = lambda body: ANSWER
    run, workflow = await profile_files(runtime, [files.text()])
    assert run.status == "succeeded", run.error_message
    assert workflow.result.enriched is True
    profile = workflow.result.profile
    assert profile["profile_text"] == ANSWER["profile_text"]
    assert profile["enrichment"]["model"] and profile["offline_values"]["name"] == "Jane Doe"
    assert run.usage.get("enrichment_requests") == 1
