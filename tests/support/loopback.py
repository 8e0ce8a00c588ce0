"""A real HTTP/1.1 server on 127.0.0.1 that counts requests and TCP connections."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Route = Callable[[BaseHTTPRequestHandler], tuple[int, dict[str, str], bytes]]


class CountingServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, routes: dict[str, Route]) -> None:
        self.routes = routes
        self.connections = 0
        self.requests = 0
        self._lock = threading.Lock()
        super().__init__(("127.0.0.1", 0), _Handler)

    def process_request(self, request, client_address):  # type: ignore[no-untyped-def]
        with self._lock:
            self.connections += 1
        super().process_request(request, client_address)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, so a reused client shows as one connection

    def do_GET(self) -> None:
        server: CountingServer = self.server  # type: ignore[assignment]
        with server._lock:
            server.requests += 1
        route = server.routes.get(self.path.split("?")[0])
        status, headers, body = route(self) if route else (404, {}, b"not found")
        self.send_response(status)
        for name, value in {"Content-Type": "application/json", **headers}.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # type: ignore[no-untyped-def]
        pass


def json_route(body: bytes = b'{"ok": true}', delay: float = 0.0) -> Route:
    def route(_handler: BaseHTTPRequestHandler) -> tuple[int, dict[str, str], bytes]:
        if delay:
            time.sleep(delay)
        return 200, {}, body

    return route


class running_server:
    def __init__(self, routes: dict[str, Route]) -> None:
        self.server = CountingServer(routes)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> CountingServer:
        self.thread.start()
        return self.server

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
