"""Match review throughput against a loopback model, and the cache on a second run.

    .venv/bin/python bench/llm_review.py [--jobs 100] [--delay 0.2] [--concurrency 4]

A fake OpenAI-compatible server on 127.0.0.1 answers every chat request
after a fixed delay. It runs in a process of its own, as a real model server
would, so its threads do not compete with the app for the GIL. The real
ReviewWorkflow reviews ``--jobs`` jobs through the real provider classes on
the runtime's one httpx2 client. Printed: wall time beside the ideal
(jobs x delay / concurrency) and their ratio (goal at most 1.2); then a
second run with nothing changed and its number of model calls (goal 0).
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import multiprocessing
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.agents.providers import key_name, preload  # noqa: E402
from app.core.paths import app_paths  # noqa: E402
from app.runtime import Runtime  # noqa: E402
from app.storage.models import Job, Match  # noqa: E402
from app.storage.profiles import save_profile  # noqa: E402
from app.workflows.review import ReviewWorkflow  # noqa: E402
from tests.fakes.openai_server import FakeOpenAI  # noqa: E402

REVIEW = {
    "score": 72,
    "verdict": "good",
    "reasons": ["Python and PostgreSQL match the posting"],
    "missing_requirements": ["Kafka"],
    "red_flags": [],
}


async def seed(runtime: Runtime, jobs: int) -> None:
    await save_profile(
        runtime.db,
        runtime.user_id,
        {
            "profile_text": "Backend engineer, 8 years of Python and PostgreSQL.",
            "skills": [{"name": "Python"}, {"name": "PostgreSQL"}, {"name": "Docker"}],
            "experience": [{"title": "Backend Engineer", "company": "Acme", "start": "2017"}],
        },
    )
    async with runtime.db.session() as session:
        for i in range(jobs):
            text = f"Posting {i}: Python services, PostgreSQL, Docker, Kafka. " * 20
            job = Job(
                source="bench",
                external_id=str(i),
                title=f"Backend Engineer {i}",
                company=f"Company {i}",
                description=text,
                content_hash=hashlib.sha256(text.encode()).hexdigest(),
            )
            session.add(job)
            await session.flush()
            session.add(
                Match(
                    user_id=runtime.user_id,
                    job_id=job.id,
                    score=95.0 - i * 0.1,
                    scorer="offline",
                    scorer_version="bench",
                    reasons={},
                )
            )


def serve(delay: float, pipe) -> None:  # type: ignore[no-untyped-def]
    """The model server's process: answer until the parent says stop."""
    with FakeOpenAI(api_key="sk-bench", delay=delay, structured=lambda body: REVIEW) as server:
        pipe.send(server.base_url)
        pipe.recv()


def server_stats(base_url: str) -> dict[str, int]:
    root = base_url.rsplit("/v1", 1)[0]
    with urllib.request.urlopen(f"{root}/_stats", timeout=10) as response:
        return json.loads(response.read())


async def bench(jobs: int, delay: float, concurrency: int) -> int:
    import pydantic_ai.models

    pydantic_ai.models.ALLOW_MODEL_REQUESTS = True  # the only model is on 127.0.0.1
    parent, child = multiprocessing.Pipe()
    process = multiprocessing.get_context("spawn").Process(target=serve, args=(delay, child))
    process.start()
    try:
        base_url = parent.recv()
        with tempfile.TemporaryDirectory() as home:
            runtime = await Runtime.open(app_paths(home))
            try:
                settings = runtime.settings
                settings.model.provider = "openai-compatible"
                settings.model.model = "bench-model"
                settings.model.base_url = base_url
                settings.agents.review_concurrency = concurrency
                settings.agents.budget_requests = jobs * 3
                settings.agents.budget_tokens = 0  # no token budget for the bench
                runtime.secrets.set(key_name("openai-compatible"), "sk-bench")
                await seed(runtime, jobs)
                started = time.perf_counter()
                await preload("openai-compatible")  # one-time: the provider's modules
                imports = time.perf_counter() - started

                started = time.perf_counter()
                run = ReviewWorkflow(top_k=jobs)
                first = await runtime.runner.run(run, user_id=runtime.user_id)
                wall = time.perf_counter() - started
                ideal = jobs * delay / concurrency
                stats = server_stats(base_url)

                started = time.perf_counter()
                run = ReviewWorkflow(top_k=jobs)
                second = await runtime.runner.run(run, user_id=runtime.user_id)
                wall_second = time.perf_counter() - started
                calls_second = server_stats(base_url)["chat_calls"] - stats["chat_calls"]
            finally:
                await runtime.close()
    finally:
        parent.send("stop")
        process.join(10)

    print(f"jobs {jobs}, model delay {delay * 1000:.0f} ms, concurrency {concurrency}")
    print(f"one-time import of pydantic-ai and the provider (not timed below): {imports:.2f} s")
    print(
        f"first run:  {first.status}, {first.usage.get('reviewed')} reviewed, "
        f"{stats['chat_calls']} model calls, most in flight {stats['max_in_flight']}, "
        f"{stats['connections']} TCP connections"
    )
    ratio = f"{wall / ideal:.2f}" if ideal else "n/a"
    print(f"  wall time {wall:.2f} s, ideal {ideal:.2f} s, ratio {ratio} (goal <= 1.2)")
    print(f"  {1000 * max(wall - ideal, 0) * concurrency / jobs:.0f} ms overhead per review")
    print(
        f"second run: {second.status}, {second.usage.get('cache_hits')} from cache, "
        f"{calls_second} model calls (goal 0), wall time {wall_second:.2f} s"
    )
    return 0 if first.status == second.status == "succeeded" else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=100)
    parser.add_argument("--delay", type=float, default=0.2, help="seconds per model answer")
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()
    return asyncio.run(bench(args.jobs, args.delay, args.concurrency))


if __name__ == "__main__":
    raise SystemExit(main())
