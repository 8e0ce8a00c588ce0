"""Profile enrichment: grounded in the CV, private, and harmless when the model fails."""

from __future__ import annotations

import json

from pydantic_ai.messages import ModelResponse, ToolCallPart
from pydantic_ai.models.function import AgentInfo, FunctionModel
from pydantic_ai.models.test import TestModel

from app.agents.enrichment import enrichment_agent
from app.agents.outbound import list_calls
from app.workflows.base import StepContext
from app.workflows.enrichment import EnrichmentWorkflow, enrich_after_profiling
from tests.agents.conftest import EMAIL, PHONE, add_profile, profile_now, use_fake

ANSWER = {
    "profile_text": (
        "Senior backend engineer with 9 years of experience building payment services in Python "
        "and PostgreSQL at Acme GmbH. Earlier built Django applications at Globex Corp. "
        "Led the Rust platform team at Google since 2012."
    ),
    "suggested_job_titles": [
        {"title": "Platform Engineer", "reason": "Kubernetes and Docker in production", "fit": 82},
        {"title": "Staff Rust Engineer", "reason": "Years of Rust at Google", "fit": 90},
    ],
    "added_skills": [
        {"name": "PostgreSQL", "evidence": "payment services in Python and PostgreSQL"},
        {"name": "Git", "evidence": "Git"},
        {"name": "Haskell", "evidence": "functional programming in Haskell"},
    ],
    "mentioned": {
        "skills": ["Python", "PostgreSQL", "Django", "Rust"],
        "employers": ["Acme GmbH", "Globex Corp", "Google"],
        "titles": ["Senior backend engineer"],
        "dates": ["9 years", "2012"],
    },
}


def run_enrichment(runtime):
    return runtime.runner.run(EnrichmentWorkflow(), user_id=runtime.user_id)


async def test_grounded_claims_are_kept_and_invented_ones_dropped(runtime, fake):
    use_fake(runtime, fake)
    fake.structured = lambda body: ANSWER
    await add_profile(runtime)
    run = await run_enrichment(runtime)
    assert run.status == "succeeded", run.error_message
    profile = await profile_now(runtime)
    assert profile["profile_text"].startswith("Senior backend engineer with 9 years")
    assert "Google" not in profile["profile_text"] and "Rust" not in profile["profile_text"]
    assert "Globex Corp" in profile["profile_text"]
    names = [s["name"] for s in profile["skills"]]
    assert "PostgreSQL" in names and "Git" in names and "Haskell" not in names
    git = next(s for s in profile["skills"] if s["name"] == "Git")
    assert "Git" in git["evidence"] and git["added_by"] == "ai"
    titles = [t["title"] for t in profile["suggested_job_titles"]]
    assert titles[0] == "Platform Engineer" and "Staff Rust Engineer" not in titles
    assert "Backend Engineer" in titles  # the offline suggestion stays, after the model's
    assert run.usage["ungrounded_dropped"] == len(profile["enrichment"]["dropped"]) >= 3
    assert "skill 'Haskell'" in profile["enrichment"]["dropped"]
    dropped = len(profile["enrichment"]["dropped"])
    assert any(w.startswith(f"Dropped {dropped} claim(s)") for w in run.warnings)
    assert run.usage["requests"] == 1 and run.usage["model"] == "openai-compatible:fake-model"


async def test_function_model_invention_is_dropped(runtime, fake):
    use_fake(runtime, fake)
    await add_profile(runtime)

    def invent(messages, info: AgentInfo) -> ModelResponse:
        args = {
            "profile_text": "Backend engineer fluent in COBOL since 1998. Builds Python services.",
            "added_skills": [{"name": "COBOL", "evidence": "COBOL"}],
        }
        return ModelResponse(parts=[ToolCallPart(info.output_tools[0].name, json.dumps(args))])

    with enrichment_agent().override(model=FunctionModel(invent)):
        run = await run_enrichment(runtime)
    assert run.status == "succeeded"
    profile = await profile_now(runtime)
    # What is left ("Builds Python services.") is too short to replace the offline summary.
    assert profile["profile_text"] == "Backend engineer with 9 years of experience in Python."
    assert "COBOL" not in [s["name"] for s in profile["skills"]]
    assert {"skill 'COBOL'", "date '1998'"} <= set(profile["enrichment"]["dropped"])
    assert fake.chat_calls == 0


async def test_a_failing_model_leaves_the_profile_exactly_as_it_was(runtime, fake):
    use_fake(runtime, fake)
    await add_profile(runtime)
    before = await profile_now(runtime)
    for _ in range(3):
        fake.add_fault("status", status=500, body="upstream exploded")
    run = await run_enrichment(runtime)
    assert run.status == "failed"
    assert run.error_message.startswith("The model could not improve your profile:")
    assert run.error_message.endswith("Your profile is unchanged.")
    assert await profile_now(runtime) == before
    calls = await list_calls(runtime.db)
    assert len(calls) == 1 and not calls[0].ok and calls[0].purpose == "enrichment"


async def test_cv_email_and_phone_never_reach_the_server(runtime, fake):
    use_fake(runtime, fake)
    runtime.settings.privacy.redact_for_local_models = True
    fake.structured = lambda body: ANSWER
    await add_profile(runtime)
    assert (await run_enrichment(runtime)).status == "succeeded"
    sent = fake.all_text()
    for secret in (EMAIL, PHONE, "+49 151", "2345 6789", "linkedin.com/in/janedoe", "Mustermann",
                   "max@acme.example", "Hauptstraße 12"):  # fmt: skip
        assert secret not in sent, secret
    assert "[email removed]" in sent and "Kubernetes" in sent
    call = (await list_calls(runtime.db))[0]
    assert {"email", "phone", "links", "referees", "address"} <= set(call.redacted)
    assert "email" not in call.sent and "cv text" in call.sent


async def test_a_local_model_is_exempt_unless_asked(runtime, fake):
    use_fake(runtime, fake)
    fake.structured = lambda body: ANSWER
    await add_profile(runtime)
    assert (await run_enrichment(runtime)).status == "succeeded"
    assert EMAIL in fake.all_text()
    call = (await list_calls(runtime.db))[0]
    assert call.local and call.redacted == [] and "email" in call.sent


async def test_models_without_tool_calls_fall_back_to_a_json_prompt(runtime, fake):
    use_fake(runtime, fake)
    fake.tools = False
    fake.structured = lambda body: ANSWER
    await add_profile(runtime)
    run = await run_enrichment(runtime)
    assert run.status == "succeeded", run.error_message
    first, second = fake.requests
    assert "tools" in first and "tools" not in second
    assert (await profile_now(runtime))["profile_text"].startswith("Senior backend engineer")
    await run_enrichment(runtime)  # remembered: straight to the JSON prompt
    assert "tools" not in fake.requests[2] and fake.chat_calls == 3


async def test_after_profiling_hook_does_nothing_without_a_model(runtime):
    await add_profile(runtime)
    ctx = StepContext(runtime=runtime, run_id=0, user_id=runtime.user_id)
    assert await enrich_after_profiling(ctx) is False
    assert ctx.warnings == []


async def test_after_profiling_hook_warns_instead_of_failing(runtime, fake):
    use_fake(runtime, fake)
    await add_profile(runtime)
    before = await profile_now(runtime)
    fake.add_fault("status", status=500)
    fake.add_fault("status", status=500)
    fake.add_fault("status", status=500)
    ctx = StepContext(runtime=runtime, run_id=None, user_id=runtime.user_id)
    assert await enrich_after_profiling(ctx) is False
    assert ctx.warnings and "the offline profile is kept" in ctx.warnings[0]
    assert await profile_now(runtime) == before
    fake.structured = lambda body: ANSWER
    assert await enrich_after_profiling(ctx) is True


async def test_test_model_shape(runtime, fake):
    """TestModel fills every field: the output schema is valid for a real agent run."""
    use_fake(runtime, fake)
    await add_profile(runtime)
    with enrichment_agent().override(model=TestModel()):
        run = await run_enrichment(runtime)
    assert run.status == "succeeded"
