"""Logging: a rotating file in the log folder, the run id on each line, secrets redacted."""

from __future__ import annotations

import contextvars
import logging
import logging.handlers
import re
from pathlib import Path

current_run_id: contextvars.ContextVar[int | None] = contextvars.ContextVar(
    "current_run_id", default=None
)

_known_secrets: set[str] = set()
REDACTED = "***"
# (pattern, replacement): keys by their well-known shapes, and credentials in headers and URLs.
_SECRET_PATTERNS = [
    (re.compile(r"\b(?:sk|pk|rk)-[A-Za-z0-9_\-]{12,}"), REDACTED),
    (re.compile(r"\bAIza[0-9A-Za-z_\-]{20,}"), REDACTED),
    (re.compile(r"(?i)(authorization:\s*bearer\s+)[^\s'\"]+"), r"\1" + REDACTED),
    (re.compile(r"(?i)(x-api-key[:=]\s*)[^\s'\"]+"), r"\1" + REDACTED),
    (re.compile(r"(://[^:/@\s]+:)[^@/\s]+(@)"), r"\1" + REDACTED + r"\2"),
]


def register_secret(value: str) -> None:
    """Make sure ``value`` never appears in a log line."""
    if value and len(value) >= 6:
        _known_secrets.add(value)


def redact(text: str) -> str:
    for secret in _known_secrets:
        if secret in text:
            text = text.replace(secret, REDACTED)
    for pattern, replacement in _SECRET_PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class _RunIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        run_id = current_run_id.get()
        record.run = f"run={run_id} " if run_id is not None else ""
        return True


class _RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(run)s%(message)s"


def setup_logging(log_file: Path, *, level: int = logging.INFO, console: bool = False) -> None:
    """Install the file handler (and optionally stderr) on the root logger, once."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_jobagent", False):
            root.removeHandler(handler)
            handler.close()
    log_file.parent.mkdir(parents=True, exist_ok=True)
    handlers: list[logging.Handler] = [
        logging.handlers.RotatingFileHandler(
            log_file, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
    ]
    if console:
        handlers.append(logging.StreamHandler())
    for handler in handlers:
        handler._jobagent = True  # type: ignore[attr-defined]
        handler.addFilter(_RunIdFilter())
        handler.setFormatter(_RedactingFormatter(LOG_FORMAT))
        root.addHandler(handler)
    root.setLevel(level)
    for noisy in ("httpx", "httpx2", "httpcore", "httpcore2", "aiosqlite", "asyncio"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
