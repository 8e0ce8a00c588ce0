"""Polite, bounded HTTP fetching over the one shared ``httpx.AsyncClient``.

Every request from the sources goes through ``Fetcher``: at most ``per_host_limit``
requests in flight per host, explicit timeouts, retries with exponential backoff on 429,
5xx and connection errors (honouring ``Retry-After``), a descriptive User-Agent, and a
ceiling on the body size that is enforced while streaming (so a 50 MB reply is cut at the
limit, not read into memory). Failures surface as ``SourceFetchError`` with a reason a
person can read.

A timeout is not retried: every attempt would wait the whole timeout again, so a server
that hangs would take ``max_attempts`` times the timeout plus the backoff to fail (4 x 20 s
+ 7 s = 87 s by default) instead of the timeout the person set.
"""

from __future__ import annotations

import asyncio
import codecs
import json
import random
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

import httpx

from app import USER_AGENT


class SourceFetchError(Exception):
    """A source could not be fetched or understood.

    Attributes:
        source: the source's ``kind:id`` key (or a URL for one-off fetches).
        reason: what went wrong, in words a user can act on.
        status: the HTTP status when one was received.
    """

    def __init__(self, source: str, reason: str, *, status: int | None = None) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
        self.status = status


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """Knobs for ``Fetcher``; the defaults are for real use, tests shrink the waits.

    A search takes ``read_timeout`` from Settings (``search.timeout_s``, 20 s by default)
    and ``max_attempts`` from ``search.max_retries`` + 1; the defaults here are the same.
    """

    per_host_limit: int = 2
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    max_attempts: int = 4
    backoff_base: float = 1.0
    backoff_max: float = 30.0
    retry_after_cap: float = 60.0
    max_body_bytes: int = 20 * 1024 * 1024
    user_agent: str = USER_AGENT

    @property
    def timeout(self) -> httpx.Timeout:
        return httpx.Timeout(self.read_timeout, connect=self.connect_timeout)


@dataclass(frozen=True, slots=True)
class Body:
    """A fetched response body."""

    content: bytes
    content_type: str
    url: str

    def charset(self) -> str | None:
        """The Python codec the body declares: a byte-order mark, else the ``charset`` of
        the Content-Type header, else an HTML ``<meta charset>`` (or ``http-equiv``) near
        the top. None when nothing usable is declared."""
        for bom, codec in _BOMS:
            if self.content.startswith(bom):
                return codec
        header = _HEADER_CHARSET_RE.search(self.content_type)
        if header and (codec := _codec(header.group(1))):
            return codec
        meta = _META_CHARSET_RE.search(self.content[:_META_SCAN])
        return _codec(meta.group(1).decode("ascii", "replace")) if meta else None

    def text(self) -> str:
        """The body as text, decoded with its declared charset (see ``charset``).

        Undeclared text is UTF-8 when it decodes as such, else Windows-1252 (the usual
        legacy encoding of Western pages; Latin-1 labels mean it too, as browsers read
        them). Bytes that do not fit the encoding become U+FFFD rather than an error."""
        codec = self.charset()
        if codec is not None:
            return self.content.decode(codec, errors="replace")
        try:
            return self.content.decode("utf-8")
        except UnicodeDecodeError:
            return self.content.decode("cp1252", errors="replace")


_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504, 520, 521, 522, 523, 524})
_TITLE_RE = re.compile(rb"<title[^>]*>(.*?)</title>", re.I | re.S)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))  # fmt: skip
_HEADER_CHARSET_RE = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_META_CHARSET_RE = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
_UNICODE = frozenset({"utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32",
                      "utf-32-le", "utf-32-be"})  # fmt: skip
_META_SCAN = 8192  # a page's <meta charset> belongs in its first kilobyte; be lenient


def _codec(label: str) -> str | None:
    """The Python codec for a charset label, or None when Python does not know it."""
    try:
        name = codecs.lookup(label.strip()).name
    except LookupError:
        return None
    # As in browsers (WHATWG Encoding): pages labelled Latin-1 or ASCII are Windows-1252.
    return "cp1252" if name in ("iso8859-1", "latin-1", "ascii") else name


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header: delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n} bytes"


class Fetcher:
    """Bounded, retrying GETs for the sources, sharing one ``httpx.AsyncClient``.

    Create one per search run (or per app); it holds the per-host semaphores, which are
    created lazily so that they belong to the running loop.
    """

    def __init__(self, client: httpx.AsyncClient, policy: FetchPolicy | None = None) -> None:
        self.client = client
        self.policy = policy or FetchPolicy()
        self._host_limits: dict[str, asyncio.Semaphore] = {}
        self.requests_made = 0

    def _semaphore(self, url: str) -> asyncio.Semaphore:
        host = urlsplit(url).netloc.lower()
        sem = self._host_limits.get(host)
        if sem is None:
            sem = self._host_limits[host] = asyncio.Semaphore(self.policy.per_host_limit)
        return sem

    def _backoff(self, attempt: int) -> float:
        base = min(self.policy.backoff_max, self.policy.backoff_base * 2 ** (attempt - 1))
        return base + random.uniform(0, base * 0.25)

    async def get(
        self,
        url: str,
        *,
        source: str,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        not_found: str | None = None,
    ) -> Body:
        """GET ``url`` with retries; raise ``SourceFetchError`` when it cannot succeed.

        Args:
            source: names the source in errors.
            not_found: the reason to give for a 404 (e.g. "board 'x' not found on lever").
        """
        policy = self.policy
        last_reason = "no attempt made"
        for attempt in range(1, policy.max_attempts + 1):
            wait: float | None = None
            try:
                async with self._semaphore(url):
                    self.requests_made += 1
                    body, status, retry_after = await self._attempt(url, source, params, headers)
            except httpx.TimeoutException as exc:
                raise SourceFetchError(source, self._timeout_text(exc, url)) from None
            except httpx.ConnectError as exc:
                last_reason = f"could not connect to {urlsplit(url).netloc}: {exc or 'refused'}"
            except httpx.TransportError as exc:
                last_reason = f"connection failed: {type(exc).__name__}: {exc}"
            else:
                if body is not None:
                    return body
                if status == 404:
                    raise SourceFetchError(
                        source, not_found or f"not found (HTTP 404) at {url}", status=404
                    )
                if status not in _RETRY_STATUSES:
                    raise SourceFetchError(source, self._status_text(status, url), status=status)
                last_reason = self._status_text(status, url)
                if retry_after is not None:
                    if retry_after > policy.retry_after_cap:
                        raise SourceFetchError(
                            source,
                            f"{last_reason}; the server asks to wait {retry_after:.0f} s, "
                            f"more than the {policy.retry_after_cap:.0f} s limit; try later",
                            status=status,
                        )
                    wait = retry_after
            if attempt < policy.max_attempts:
                await asyncio.sleep(wait if wait is not None else self._backoff(attempt))
        raise SourceFetchError(
            source, f"{last_reason} (gave up after {policy.max_attempts} attempts)"
        )

    def _timeout_text(self, exc: Exception, url: str) -> str:
        """Why a timeout is final: retrying would multiply the wait (module docstring)."""
        host = urlsplit(url).netloc
        if isinstance(exc, httpx.ConnectTimeout):
            what = f"could not connect to {host} within {self.policy.connect_timeout:g} s"
        else:
            what = f"no reply from {host} within {self.policy.read_timeout:g} s"
        return f"timed out: {what} (not retried: each retry would wait as long again)"

    @staticmethod
    def _status_text(status: int | None, url: str) -> str:
        try:
            phrase = httpx.codes(status).phrase  # type: ignore[arg-type]
        except ValueError:
            phrase = ""
        return f"HTTP {status}{' ' + phrase if phrase else ''} from {urlsplit(url).netloc}"

    async def _attempt(
        self,
        url: str,
        source: str,
        params: Mapping[str, Any] | None,
        headers: Mapping[str, str] | None,
    ) -> tuple[Body | None, int, float | None]:
        limit = self.policy.max_body_bytes
        req_headers = {"User-Agent": self.policy.user_agent, "Accept": "application/json, */*"}
        if headers:
            req_headers.update(headers)
        async with self.client.stream(
            "GET",
            url,
            params=params,
            headers=req_headers,
            timeout=self.policy.timeout,
            follow_redirects=True,
        ) as resp:
            if resp.status_code >= 300:
                retry_after = parse_retry_after(resp.headers.get("Retry-After"))
                return None, resp.status_code, retry_after
            declared = resp.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > limit:
                raise SourceFetchError(
                    source,
                    f"response is {_mb(int(declared))}, over the {_mb(limit)} limit; not read",
                )
            chunks: list[bytes] = []
            total = 0
            async for chunk in resp.aiter_bytes():
                total += len(chunk)
                if total > limit:
                    raise SourceFetchError(
                        source, f"response exceeded the {_mb(limit)} limit; download aborted"
                    )
                chunks.append(chunk)
            ctype = resp.headers.get("Content-Type", "")
            return Body(b"".join(chunks), ctype, str(resp.url)), resp.status_code, None

    async def get_json(
        self,
        url: str,
        *,
        source: str,
        params: Mapping[str, Any] | None = None,
        not_found: str | None = None,
    ) -> Any:
        """GET and decode JSON, with clear errors for HTML pages and malformed JSON."""
        body = await self.get(url, source=source, params=params, not_found=not_found)
        return await decode_json(body, source)


async def decode_json(body: Body, source: str) -> Any:
    """Decode a JSON body; an HTML page or broken JSON becomes a ``SourceFetchError``."""
    head = body.content[:512].lstrip().lower()
    if "html" in body.content_type.lower() or head.startswith((b"<!doctype", b"<html", b"<")):
        match = _TITLE_RE.search(body.content[:20000])
        title = match.group(1).decode("utf-8", "replace").strip()[:80] if match else ""
        hint = f" titled {title!r}" if title else ""
        raise SourceFetchError(
            source,
            f"expected JSON but got an HTML page{hint} from {body.url} "
            "(wrong base URL, a login page or a block page?)",
        )
    try:
        # On the loop: one C call holds the GIL wherever it runs (about 5 ms per MB here).
        # JSON is UTF-8 (or UTF-16/32, detected); a declared legacy charset is honoured.
        declared = _HEADER_CHARSET_RE.search(body.content_type)
        codec = _codec(declared.group(1)) if declared else None
        if codec is not None and codec not in _UNICODE:
            return json.loads(body.content.decode(codec, errors="replace"))
        return json.loads(body.content)
    except json.JSONDecodeError as exc:
        raise SourceFetchError(
            source,
            f"malformed JSON from {body.url}: {exc.msg} at line {exc.lineno} column {exc.colno}",
        ) from None
    except UnicodeDecodeError as exc:
        raise SourceFetchError(source, f"response is not UTF-8 text: {exc.reason}") from None


async def in_thread(func: Any, *args: Any) -> Any:
    """Run a long pure-Python call (feedparser, file reading) in a worker thread.

    Not for per-posting normalisation: a CPU-bound thread beside the event loop makes
    every socket call of the loop wait up to a GIL switch interval (5 ms) to get the GIL
    back, and a loop iteration with many reads then stalls for 50-150 ms (measured).
    Use ``base.map_postings``, which works in small slices on the loop instead.
    """
    return await asyncio.to_thread(func, *args)
