"""HTTP transport: parses Bot API requests (query, JSON, form, multipart) and writes answers."""

from __future__ import annotations

import contextlib
import json
import re
import select
import socket
import struct
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from email import policy
from email.message import Message
from email.parser import BytesHeaderParser
from email.utils import collapse_rfc2231_value
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Protocol
from urllib.parse import parse_qsl, unquote, urlsplit

from .limits import DroppedAnswer, LateAnswer
from .spec import ApiError, bad_request

Json = dict[str, Any]
NOT_FOUND = ApiError("Not Found", 404)
_API_PATH = re.compile(r"/bot([^/]+)/([^/]*)")
_FILE_PATH = re.compile(r"/file/bot([^/]+)/(.+)")


@dataclass(frozen=True)
class FilePart:
    """One uploaded file of a multipart request."""

    name: str
    filename: str
    content_type: str
    data: bytes


@dataclass(frozen=True)
class Answer:
    """An API answer, and how the transport delivers it: at once, late, or not at all."""

    status: int
    payload: Json
    transport: LateAnswer | DroppedAnswer | None = None


class App(Protocol):
    def handle_api(
        self,
        token: str,
        method: str,
        params: dict[str, Any],
        files: dict[str, FilePart],
        client_alive: Callable[[], bool],
    ) -> Answer: ...

    def handle_file(self, token: str, path: str) -> bytes | None: ...

    def reject(self, method: str, params: dict[str, Any], error: ApiError) -> None: ...


def _header_param(headers: Message, name: str, header: str) -> str | None:
    value = headers.get_param(name, header=header)
    if value is None:
        return None
    return collapse_rfc2231_value(value)


def parse_multipart(body: bytes, boundary: str) -> tuple[dict[str, Any], dict[str, FilePart]]:
    if not boundary:
        raise bad_request("multipart boundary is missing")
    params: dict[str, Any] = {}
    files: dict[str, FilePart] = {}
    for chunk in body.split(b"--" + boundary.encode("latin-1"))[1:]:
        if chunk.startswith(b"--"):
            break
        head, _, data = chunk.removeprefix(b"\r\n").partition(b"\r\n\r\n")
        data = data.removesuffix(b"\r\n")
        headers = BytesHeaderParser(policy=policy.HTTP).parsebytes(head + b"\r\n\r\n")
        name = _header_param(headers, "name", "content-disposition")
        if name is None:
            raise bad_request("multipart part without a name")
        filename = _header_param(headers, "filename", "content-disposition")
        if filename is None:
            params[name] = data.decode("utf-8")
        else:
            files[name] = FilePart(name, filename, headers.get_content_type(), data)
    return params, files


def parse_body(content_type: str, body: bytes) -> tuple[dict[str, Any], dict[str, FilePart]]:
    """Parameters and files of a request body, whatever encoding the client chose."""
    headers = Message()
    headers["Content-Type"] = content_type or "application/x-www-form-urlencoded"
    mime = headers.get_content_type()
    if not body.strip():
        return {}, {}
    if mime == "application/json":
        try:
            data = json.loads(body)
        except ValueError:
            raise bad_request("can't parse JSON request body") from None
        if not isinstance(data, dict):
            raise bad_request("JSON request body must be an object")
        return data, {}
    if mime == "multipart/form-data":
        return parse_multipart(body, _header_param(headers, "boundary", "content-type") or "")
    if mime in ("application/x-www-form-urlencoded", "text/plain"):
        return dict(parse_qsl(body.decode("utf-8"), keep_blank_values=True)), {}
    raise bad_request(f"unsupported Content-Type {mime}")


class _Handler(BaseHTTPRequestHandler):
    server: FakeHTTPServer
    timeout = 120
    # Keep-alive, as Telegram's servers: a client reuses its connections. (The default,
    # HTTP/1.0, closed each after one answer, and every request paid for a new one.)
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body are two writes: no 40 ms stall between

    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output quiet."""

    def do_GET(self) -> None:
        self._serve(b"")

    def do_POST(self) -> None:
        body = self._read_body()
        if body is None:  # the client died mid-request (kill -9): Telegram never saw it
            self.close_connection = True
            return
        self._serve(body)

    def _read_body(self) -> bytes | None:
        if self.headers.get("Transfer-Encoding", "").lower() != "chunked":
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length)
            return body if len(body) == length else None
        chunks = []
        while size := int(self.rfile.readline().split(b";")[0].strip() or b"0", 16):
            chunks.append(self.rfile.read(size))
            self.rfile.readline()
        self.rfile.readline()
        return b"".join(chunks)

    def _serve(self, body: bytes) -> None:
        """Answer one request, counted as in flight until its answer is written (a stop
        lets the answers under way go out before it ends the connections)."""
        self.server.busy(+1)
        try:
            self._serve_counted(body)
        finally:
            self.server.busy(-1)

    def _serve_counted(self, body: bytes) -> None:
        url = urlsplit(self.path)
        path, app = unquote(url.path), self.server.app
        if match := _FILE_PATH.fullmatch(path):
            data = app.handle_file(match.group(1), match.group(2))
            if data is None:
                self._json(404, NOT_FOUND.body())
            else:
                self._send(200, data, "application/octet-stream")
            return
        match = _API_PATH.fullmatch(path)
        if match is None:
            self._json(404, NOT_FOUND.body())
            return
        token, method = match.groups()
        params: dict[str, Any] = dict(parse_qsl(url.query, keep_blank_values=True))
        try:
            body_params, files = parse_body(self.headers.get("Content-Type", ""), body)
        except ApiError as error:
            app.reject(method, params, error)
            self._json(error.error_code, error.body())
            return
        params.update(body_params)
        self._answer(app.handle_api(token, method, params, files, self._client_alive))

    def _answer(self, answer: Answer) -> None:
        """Write the answer, unless a fault says to hold it back or drop the connection (the
        request was performed either way)."""
        transport = answer.transport
        if isinstance(transport, DroppedAnswer):
            self.close_connection = True  # the server then closes the socket: EOF, no answer
            if transport.reset:  # linger 0: close() sends a TCP reset instead
                self.connection.setsockopt(
                    socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                )
                self.connection.close()
            return
        if isinstance(transport, LateAnswer):
            time.sleep(transport.seconds)
        self._json(answer.status, answer.payload)

    def _client_alive(self) -> bool:
        """False once the client closed the connection (e.g. it cancelled a long poll)."""
        try:
            readable, _, _ = select.select([self.connection], [], [], 0)
            return not readable or self.connection.recv(1, socket.MSG_PEEK) != b""
        except OSError:
            return False

    def _json(self, status: int, payload: Json) -> None:
        self._send(status, json.dumps(payload).encode("utf-8"), "application/json")

    def _send(self, status: int, data: bytes, content_type: str) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except ConnectionError:
            pass  # the client gave up (e.g. a cancelled long poll); nothing to answer


class FakeHTTPServer(ThreadingHTTPServer):
    """One thread per request; never waits for handler threads when closing."""

    daemon_threads = True
    block_on_close = False
    # socketserver's default backlog of 5 makes the kernel reset connections when a bot sends
    # dozens of requests at once; Telegram's servers accept far more.
    request_queue_size = 256

    def __init__(self, app: App, host: str = "127.0.0.1", port: int = 0) -> None:
        super().__init__((host, port), _Handler)
        self.app = app
        self._open: set[socket.socket] = set()  # kept-alive connections, closed with the server
        self._open_lock = threading.Lock()
        self._in_flight = 0  # requests being answered now
        self._idle = threading.Condition(self._open_lock)

    def busy(self, change: int) -> None:
        with self._open_lock:
            self._in_flight += change
            self._idle.notify_all()

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def server_close(self, answers_within: float = 1.0) -> None:
        """Stop listening and end every connection still open, as a stopped server does
        (a kept-alive connection would otherwise go on being answered); the answers being
        written go out first, for at most `answers_within` seconds (a long poll the stop
        woke gets its empty answer instead of a reset connection, as CI once saw)."""
        super().server_close()
        with self._open_lock:
            self._idle.wait_for(lambda: self._in_flight == 0, timeout=answers_within)
            open_now, self._open = list(self._open), set()
        for connection in open_now:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            return
        super().handle_error(request, client_address)
