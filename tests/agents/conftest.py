"""Fixtures for the agent tests: a runtime, the fake OpenAI-compatible server, a CV and jobs."""

from __future__ import annotations

import hashlib
import re
from typing import Any

import pytest

from app.agents.providers import key_name
from app.runtime import Runtime
from app.storage.models import Document, Job, Match
from app.storage.profiles import load_profile, save_profile
from tests.fakes.openai_server import FakeOpenAI

API_KEY = "sk-test-0123456789abcdef"
EMAIL = "jane.doe@example.com"
PHONE = "+49 151 2345 6789"

CV_TEXT = f"""Jane Doe
{EMAIL} | {PHONE} | linkedin.com/in/janedoe-42
Hauptstraße 12, 10115 Berlin

Summary
Backend engineer who builds reliable services.

Experience
Senior Backend Engineer, Acme GmbH, Berlin, 2019 - 2024
Built payment services in Python and PostgreSQL, deployed on Kubernetes.
Software Developer, Globex Corp, Hamburg, 2015 - 2019
Developed Django web applications and REST APIs with Docker.

Education
BSc Computer Science, TU Berlin, 2011 - 2015

Skills
Python, Django, PostgreSQL, Docker, Kubernetes, SQL, Git

References
Dr. Max Mustermann, CTO at Acme GmbH, max@acme.example, +49 30 9876 5432
"""

PROFILE: dict[str, Any] = {
    "name": "Jane Doe",
    "email": EMAIL,
    "phone": PHONE,
    "location": "Berlin, Germany",
    "links": [{"kind": "linkedin", "url": "linkedin.com/in/janedoe-42"}],
    "profile_text": "Backend engineer with 9 years of experience in Python.",
    "years_experience": 9,
    "skills": [
        {"name": n, "category": "Software", "evidence": "Skills: Python, Django", "id": None}
        for n in ("Python", "Django", "Docker", "SQL")
    ],
    "experience": [
        {"title": "Senior Backend Engineer", "company": "Acme GmbH", "start": "2019",
         "end": "2024", "bullets": []},
        {"title": "Software Developer", "company": "Globex Corp", "start": "2015",
         "end": "2019", "bullets": []},
    ],
    "education": [{"degree": "BSc Computer Science", "institution": "TU Berlin"}],
    "references": {"available_on_request": False,
                   "referees": [{"name": "Max Mustermann", "email": "max@acme.example"}]},
    "suggested_job_titles": [
        {"title": "Backend Engineer", "score": 0.8, "reason": "Python services",
         "occupation_code": "15-1252.00", "family": "Computer"},
    ],
}  # fmt: skip


@pytest.fixture
def fake(monkeypatch):
    """The loopback model server. Real requests are allowed, to 127.0.0.1 only, while it runs."""
    import pydantic_ai.models

    with FakeOpenAI(api_key=API_KEY) as server:
        assert server.base_url.startswith("http://127.0.0.1:")
        monkeypatch.setattr(pydantic_ai.models, "ALLOW_MODEL_REQUESTS", True)
        yield server


@pytest.fixture
async def runtime(paths):
    runtime = await Runtime.open(paths)
    yield runtime
    await runtime.close()


def use_fake(runtime: Runtime, server: FakeOpenAI, *, model: str = "fake-model") -> None:
    """Point the runtime at the fake server, as `jobagent model set` and `keys set` would."""
    runtime.settings.model.provider = "openai-compatible"
    runtime.settings.model.model = model
    runtime.settings.model.base_url = server.base_url
    runtime.secrets.set(key_name("openai-compatible"), API_KEY)


async def add_profile(runtime: Runtime, profile: dict[str, Any] | None = None) -> int:
    async with runtime.db.session() as session:
        session.add(
            Document(
                user_id=runtime.user_id, original_filename="cv.txt", stored_path="cv.txt",
                sha256="0" * 64, size_bytes=len(CV_TEXT), media_type="text/plain",
                extracted_text=CV_TEXT,
            )
        )  # fmt: skip
    return await save_profile(runtime.db, runtime.user_id, dict(profile or PROFILE))


async def add_jobs(runtime: Runtime, count: int, *, version: int = 1) -> list[int]:
    """`count` open jobs, each with an offline score (the best first)."""
    ids = []
    async with runtime.db.session() as session:
        for i in range(count):
            description = f"We need a Python engineer #{i} with PostgreSQL and Kubernetes."
            job = Job(
                source="test", external_id=str(i), title=f"Backend Engineer {i}",
                company=f"Company {i}", location="Berlin", remote="hybrid",
                description=description,
                content_hash=hashlib.sha256(description.encode()).hexdigest(),
            )  # fmt: skip
            session.add(job)
            await session.flush()
            session.add(
                Match(
                    user_id=runtime.user_id, job_id=job.id, score=90.0 - i, scorer="offline",
                    scorer_version="1", reasons={"offline": True}, profile_version=version,
                    job_content_hash=job.content_hash,
                )
            )  # fmt: skip
            ids.append(job.id)
    return ids


def review_answer(body: dict[str, Any]) -> dict[str, Any]:
    """The fake model's review: the score comes from the job number in the prompt."""
    number = int(re.search(r"Title: Backend Engineer (\d+)", prompt_text(body)).group(1))
    return {
        "score": max(0, 80 - number),
        "verdict": "good",
        "reasons": ["Python and PostgreSQL match"],
        "missing_requirements": [],
        "red_flags": [],
    }


def prompt_text(body: dict[str, Any]) -> str:
    """Every message's text in one request body."""
    parts = []
    for message in body.get("messages", []):
        content = message.get("content")
        if isinstance(content, list):
            content = " ".join(p.get("text", "") for p in content if isinstance(p, dict))
        parts.append(content or "")
    return "\n".join(parts)


async def profile_now(runtime: Runtime) -> dict[str, Any]:
    return await load_profile(runtime.db, runtime.user_id)
