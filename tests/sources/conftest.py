"""Fixtures for the source tests: the fake job boards and one shared client."""

from __future__ import annotations

import httpx
import pytest

from app.sources import FetchPolicy
from tests.fakes.job_boards import job_boards  # noqa: F401 - a fixture

FAST = FetchPolicy(
    connect_timeout=2.0,
    read_timeout=2.0,
    max_attempts=3,
    backoff_base=0.01,
    backoff_max=0.05,
    retry_after_cap=3.0,
)


@pytest.fixture
async def client():
    """One client for the test, as the app has one for its lifetime."""
    async with httpx.AsyncClient() as c:
        yield c


@pytest.fixture
def fast_policy() -> FetchPolicy:
    return FAST
