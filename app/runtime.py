"""The process-wide resources, created once inside the running loop and closed in order.

One ``Runtime`` lives from start to quit (the window) or for one command
(the CLI). It owns the database engine, the one shared ``httpx.AsyncClient``
for job sources, the model providers' ``httpx2`` client (made on first use:
importing and building it costs time the window should not wait for) and
the workflow runner. Closing cancels this process's runs first, so each
writes its final state while the database is still open.
"""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING, Any

import httpx

from app import USER_AGENT
from app.core.events import EventBus
from app.core.paths import AppPaths
from app.core.secrets import SecretStore
from app.core.settings import Settings, load_settings, save_settings
from app.storage.credentials import move_password_to_keyring, with_stored_password
from app.storage.database import Database
from app.storage.runs import mark_interrupted
from app.storage.urls import sqlite_url
from app.storage.users import local_user_id
from app.workflows.runner import WorkflowRunner

if TYPE_CHECKING:
    import httpx2

log = logging.getLogger(__name__)

DATABASE_URL_ENV = "JOBAGENT_DATABASE_URL"


def resolve_database_url(
    paths: AppPaths,
    settings: Settings,
    override: str | None = None,
    secrets: SecretStore | None = None,
) -> str:
    """--db, then JOBAGENT_DATABASE_URL, then Settings (its password from the keyring),
    then the SQLite file."""
    explicit = override or os.environ.get(DATABASE_URL_ENV)
    if explicit:
        return explicit
    if settings.database.url:
        return with_stored_password(settings.database.url, secrets or SecretStore())
    return sqlite_url(paths.sqlite_file)


def make_http_client(settings: Settings) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        timeout=httpx.Timeout(settings.search.timeout_s, connect=10.0),
        headers={"User-Agent": USER_AGENT},
        follow_redirects=True,
        limits=httpx.Limits(max_connections=20, max_keepalive_connections=10),
    )


class Runtime:
    def __init__(
        self,
        paths: AppPaths,
        settings: Settings,
        db: Database,
        http: httpx.AsyncClient,
        user_id: int,
        secrets: SecretStore | None = None,
    ) -> None:
        self.paths = paths
        self.settings = settings
        self.db = db
        self.http = http
        self.user_id = user_id
        self.events = EventBus()
        self.secrets = secrets or SecretStore()
        self.runner = WorkflowRunner(self)
        self._model_http: httpx2.AsyncClient | None = None
        self._closed = False
        #: Per-feature objects that live as long as the runtime, keyed "feature.name"
        #: (the agents keep the model built for the current choice and key here).
        self.extras: dict[str, Any] = {}

    @classmethod
    async def open(
        cls, paths: AppPaths, settings: Settings | None = None, *, database_url: str | None = None
    ) -> Runtime:
        """Open everything; must be awaited inside the running loop."""
        paths.ensure()
        settings = settings or load_settings(paths.settings_file)
        secrets = SecretStore()
        move_password_to_keyring(settings, paths, secrets)
        db = await Database.open(resolve_database_url(paths, settings, database_url, secrets))
        try:
            interrupted = await mark_interrupted(db)
            if interrupted:
                log.info("marked %d run(s) left behind by a crash as interrupted", interrupted)
            user_id = await local_user_id(db)
        except BaseException:
            await db.close()
            raise
        return cls(paths, settings, db, make_http_client(settings), user_id, secrets)

    def model_http(self) -> httpx2.AsyncClient:
        """The one client every model provider uses, made on first use."""
        if self._closed:
            raise RuntimeError("the runtime is closed")
        if self._model_http is None:
            import httpx2

            self._model_http = httpx2.AsyncClient(
                timeout=httpx2.Timeout(self.settings.agents.request_timeout_s, connect=10.0),
                headers={"User-Agent": USER_AGENT},
            )
        return self._model_http

    def save_settings(self) -> None:
        save_settings(self.settings, self.paths.settings_file)

    async def close(self) -> None:
        """Runs first (they write their final state), then clients, then the database."""
        if self._closed:
            return
        self._closed = True
        try:
            await self.runner.shutdown()
        finally:
            await self.http.aclose()
            if self._model_http is not None:
                await self._model_http.aclose()
            await self.db.close()
