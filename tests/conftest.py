"""Suite-wide fixtures: a temporary home, an in-memory keyring, offscreen Qt, no model calls."""

from __future__ import annotations

import asyncio
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
import pytest

from tests.support.memory_keyring import MemoryKeyring

try:
    import pydantic_ai.models

    pydantic_ai.models.ALLOW_MODEL_REQUESTS = False
except ImportError:  # pragma: no cover - pydantic-ai is a hard dependency
    pass


@pytest.fixture(autouse=True)
def app_home(tmp_path, monkeypatch):
    """Every test gets its own JOBAGENT_HOME; nothing touches the real user folders."""
    home = tmp_path / "home"
    monkeypatch.setenv("JOBAGENT_HOME", str(home))
    monkeypatch.delenv("JOBAGENT_DATABASE_URL", raising=False)
    return home


@pytest.fixture(autouse=True)
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def paths(app_home):
    from app.core.paths import app_paths

    return app_paths(app_home).ensure()


@pytest.fixture
def qloop(qapp):
    """A qasync loop on pytest-qt's QApplication, closed cleanly after the test."""
    import qasync

    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    yield loop
    pending = [task for task in asyncio.all_tasks(loop) if not task.done()]
    for task in pending:
        task.cancel()
    if pending:
        loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
    loop.close()
    asyncio.set_event_loop(None)


@pytest.fixture(scope="session")
def postgres_server():
    """A real PostgreSQL for the session; skipped (or failed, in CI) when it cannot start."""
    from tests.support.postgres import start_server

    server = start_server()
    if isinstance(server, str):
        if os.environ.get("JOBAGENT_REQUIRE_POSTGRES"):
            pytest.fail(server)
        pytest.skip(server)
    yield server
    server.stop()


@pytest.fixture
def postgres(postgres_server):
    """The session's server with a fresh, empty ``jobagent`` database."""
    postgres_server.reset_database()
    return postgres_server
