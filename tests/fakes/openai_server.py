"""A loopback server speaking OpenAI's Chat Completions API, with faults; it records every request.

Use it as a context manager anywhere (tests, benchmarks)::

    with FakeOpenAI(api_key="sk-test") as server:
        server.structured = lambda body: {"score": 80, ...}   # the final_result tool's arguments
        model = OpenAIChatModel("fake", provider=OpenAIProvider(base_url=server.base_url, ...))

Routes: ``POST /v1/chat/completions`` (JSON, or SSE when ``"stream": true``), ``GET /v1/models``,
``GET /_stats`` (the counters, for a server run in another process).

How it answers a chat request:
- a request offering a tool named ``final_result…`` gets a call to it whose arguments are
  ``structured(body)`` (a dict, or a string sent as it is, for malformed output);
- a request asking for JSON (``response_format``) or marked by ``wants_json(body)`` gets
  ``structured(body)`` as the message's JSON text (prompted and native output);
- anything else gets the text ``text(body)``, streamed word by word when asked.

Faults, queued with ``add_fault`` and consumed one per chat request: ``"429"`` (with
``Retry-After``), ``"status"`` (any code and body), ``"slow"`` (sleeps first), ``"malformed"``
(a body that is not JSON), ``"drop"`` (closes the connection). ``delay`` slows every reply;
``api_key`` makes other keys get 401; ``models`` makes other names get 404; ``tools=False``
makes any request with tools get the 400 Ollama sends for models without tool support.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Fault:
    kind: str
    status: int = 500
    body: str = ""
    retry_after: float = 0.0
    delay: float = 0.0


def _default_structured(body: dict[str, Any]) -> dict[str, Any]:
    return {}


def _default_text(body: dict[str, Any]) -> str:
    return "Hello! What kind of team do you enjoy working in?"


@dataclass
class FakeOpenAI:
    api_key: str | None = None
    models: set[str] | None = None
    tools: bool = True
    delay: float = 0.0
    structured: Callable[[dict[str, Any]], dict[str, Any] | str] = _default_structured
    text: Callable[[dict[str, Any]], str] = _default_text
    wants_json: Callable[[dict[str, Any]], bool] = lambda body: False
    bodies: list[bytes] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)
    connections: int = 0
    max_in_flight: int = 0
    _in_flight: int = 0
    _faults: deque[Fault] = field(default_factory=deque)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _server: ThreadingHTTPServer | None = None
    _thread: threading.Thread | None = None

    # ------------------------------------------------------------------ lifecycle

    def __enter__(self) -> FakeOpenAI:
        server = _Server(self)
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._server is not None
        self._server.shutdown()
        self._server.server_close()

    @property
    def base_url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    # ------------------------------------------------------------------ what tests use

    def add_fault(self, kind: str, **options: Any) -> None:
        self._faults.append(Fault(kind, **options))

    @property
    def requests(self) -> list[dict[str, Any]]:
        """Every chat request body received, parsed (faulted ones too)."""
        return [json.loads(raw) for raw in self.bodies]

    @property
    def chat_calls(self) -> int:
        return len(self.bodies)

    def all_text(self) -> str:
        """Every byte every request carried, decoded: for "this never left the machine" checks."""
        with self._lock:
            return "\n".join(raw.decode("utf-8", "replace") for raw in self.bodies)

    # ------------------------------------------------------------------ answers

    def reply(self, body: dict[str, Any]) -> tuple[str | None, list[dict[str, Any]]]:
        """The (content, tool calls) this request gets."""
        final = [
            tool["function"]["name"]
            for tool in body.get("tools") or []
            if tool.get("function", {}).get("name", "").startswith("final_result")
        ]
        if final:
            args = self.structured(body)
            arguments = args if isinstance(args, str) else json.dumps(args)
            call = {
                "id": f"call_{len(self.bodies)}",
                "type": "function",
                "function": {"name": final[0], "arguments": arguments},
            }
            return None, [call]
        if body.get("response_format") or self.wants_json(body):
            args = self.structured(body)
            return (args if isinstance(args, str) else json.dumps(args)), []
        return self.text(body), []


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, fake: FakeOpenAI) -> None:
        self.fake = fake
        super().__init__(("127.0.0.1", 0), _Handler)

    def process_request(self, request, client_address):  # type: ignore[no-untyped-def]
        with self.fake._lock:
            self.fake.connections += 1
        super().process_request(request, client_address)

    def handle_error(self, request, client_address):  # type: ignore[no-untyped-def]
        """A client that hung up (a cancelled run, a timeout) is expected here, not an error."""
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def _tokens(text: str) -> int:
    return max(1, len(text) // 4)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    @property
    def fake(self) -> FakeOpenAI:
        return self.server.fake  # type: ignore[attr-defined]

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in two writes; without this, Nagle's algorithm and the
        # client's delayed ACK add ~40 ms to every reply, which no real server does.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        if self.path.rstrip("/") == "/v1/models":
            if not self._authorised():
                return
            names = sorted(self.fake.models or {"fake-model"})
            data = [{"id": n, "object": "model", "owned_by": "fake"} for n in names]
            self._json(200, {"object": "list", "data": data})
        elif self.path == "/_stats":  # for a server in another process (bench/llm_review.py)
            fake = self.fake
            self._json(200, {"chat_calls": fake.chat_calls, "max_in_flight": fake.max_in_flight,
                             "connections": fake.connections})  # fmt: skip
        else:
            self._json(404, {"error": {"message": "not found"}})

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        fake = self.fake
        with fake._lock:
            fake.bodies.append(raw)
            fake.headers.append({k.lower(): v for k, v in self.headers.items()})
            fake._in_flight += 1
            fake.max_in_flight = max(fake.max_in_flight, fake._in_flight)
            fault = fake._faults.popleft() if fake._faults else None
        try:
            self._answer(raw, fault)
        finally:
            with fake._lock:
                fake._in_flight -= 1

    def _answer(self, raw: bytes, fault: Fault | None) -> None:
        fake = self.fake
        if self.path.rstrip("/") != "/v1/chat/completions":
            self._json(404, {"error": {"message": f"no route {self.path}"}})
            return
        if not self._authorised():
            return
        body = json.loads(raw)
        if fake.models is not None and body.get("model") not in fake.models:
            self._json(404, {"error": {
                "message": f"The model `{body.get('model')}` does not exist",
                "type": "invalid_request_error", "code": "model_not_found",
            }})  # fmt: skip
            return
        if fault is not None and fault.kind == "slow":
            time.sleep(fault.delay)
        elif fault is not None and fault.kind == "429":
            self._json(429, {"error": {"message": "Rate limit reached", "type": "rate_limit"}},
                       {"Retry-After": f"{fault.retry_after:g}"})  # fmt: skip
            return
        elif fault is not None and fault.kind == "status":
            self._json(fault.status, {"error": {"message": fault.body or "server error"}})
            return
        elif fault is not None and fault.kind == "malformed":
            self._send(200, b"{this is not json", "application/json")
            return
        elif fault is not None and fault.kind == "drop":
            self.close_connection = True
            self.connection.close()
            return
        if fake.delay:
            time.sleep(fake.delay)
        if body.get("tools") and not fake.tools:
            message = f"registry.ollama.ai/library/{body.get('model')} does not support tools"
            self._json(400, {"error": {"message": message, "type": "api_error"}})
            return
        content, calls = fake.reply(body)
        prompt_tokens = _tokens(raw.decode("utf-8", "replace"))
        completion_tokens = _tokens(content or json.dumps(calls))
        usage = {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        }
        if body.get("stream"):
            self._stream(body, content, calls, usage)
            return
        message: dict[str, Any] = {"role": "assistant", "content": content}
        if calls:
            message["tool_calls"] = calls
        self._json(200, {
            "id": "chatcmpl-fake", "object": "chat.completion", "created": int(time.time()),
            "model": body.get("model"),
            "choices": [{"index": 0, "message": message,
                         "finish_reason": "tool_calls" if calls else "stop"}],
            "usage": usage,
        })  # fmt: skip

    def _stream(self, body: dict[str, Any], content: str | None, calls: list[dict], usage: dict):
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        base = {"id": "chatcmpl-fake", "object": "chat.completion.chunk",
                "created": int(time.time()), "model": body.get("model")}  # fmt: skip

        def chunk(delta: dict[str, Any], finish: str | None = None, **extra: Any) -> None:
            data = {**base, "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
                    **extra}  # fmt: skip
            self.wfile.write(f"data: {json.dumps(data)}\n\n".encode())
            self.wfile.flush()

        chunk({"role": "assistant", "content": ""})
        if calls:
            for index, call in enumerate(calls):
                chunk({"tool_calls": [{"index": index, **call}]})
        else:
            words = (content or "").split(" ")
            for i, word in enumerate(words):
                chunk({"content": word if i == 0 else " " + word})
        chunk({}, "tool_calls" if calls else "stop")
        if (body.get("stream_options") or {}).get("include_usage"):
            data = {**base, "choices": [], "usage": usage}
            self.wfile.write(f"data: {json.dumps(data)}\n\n".encode())
        self.wfile.write(b"data: [DONE]\n\n")
        self.wfile.flush()

    def _authorised(self) -> bool:
        expected = self.fake.api_key
        if expected is None or self.headers.get("Authorization") == f"Bearer {expected}":
            return True
        self._json(
            401,
            {
                "error": {
                    "message": "Incorrect API key provided",
                    "type": "invalid_request_error",
                    "code": "invalid_api_key",
                }
            },
        )
        return False

    def _json(self, status: int, data: Any, headers: dict[str, str] | None = None) -> None:
        self._send(status, json.dumps(data).encode(), "application/json", headers)

    def _send(self, status: int, body: bytes, ctype: str, headers: dict[str, str] | None = None):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
