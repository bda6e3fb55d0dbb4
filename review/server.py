"""The local review server: loopback only, every request carries the access token, one
study held open by this process (decisions serialised with the study's lock)."""
from __future__ import annotations

import http.cookies
import json
import mimetypes
import secrets
import signal
import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from deid.study import StudyError
from review import actions, audio, queue

STATIC = Path(__file__).parent / "static"
ONCE_SECONDS = 120      # life of the one-time address the browser is opened with
CHUNK = 64 * 1024       # audio is streamed in pieces this big, never read whole
MAX_BODY = 1_000_000    # bytes of a POST body


class BadRequest(Exception):
    def __init__(self, code: int, message: str):
        super().__init__(message)
        self.code, self.message = code, message
# the page loads nothing from anywhere but this server
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "media-src 'self'; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'")


@dataclass
class Review:
    """The review session. `token` goes in the X-Veil-Token header of every API call; the
    page address carries it (never the browser's command line: that gets a one-time code).
    The cookie only lets the page load its static files, so a cookie sent to another port
    of 127.0.0.1 (cookies ignore ports) unlocks nothing; audio plays with a ticket per
    transcript, got with the header."""
    study: object
    reviewer: str
    token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    page_secret: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    last_request: float = field(default_factory=time.monotonic)
    once: dict = field(default_factory=dict)        # one-time code -> expiry (monotonic)
    used: set = field(default_factory=set)
    tickets: dict = field(default_factory=dict)     # audio ticket -> transcript name
    lock: threading.Lock = field(default_factory=threading.Lock)

    def new_once(self) -> str:
        code = secrets.token_urlsafe(24)
        with self.lock:
            self.once[code] = time.monotonic() + ONCE_SECONDS
        return code

    def use_once(self, code: str) -> bool:
        """True once for a fresh code; the code is dead afterwards."""
        with self.lock:
            expiry = self.once.pop(code, None)
            if expiry is None and code in self.used:
                print("veil review: the one-time address was opened twice; if you did not, stop "
                      "veil review (Ctrl-C) and start it again", file=sys.stderr)
            self.used.add(code)
        return expiry is not None and time.monotonic() < expiry

    def ticket(self, name: str) -> str:
        with self.lock:
            for t, n in self.tickets.items():
                if n == name:
                    return t
            t = secrets.token_urlsafe(18)
            self.tickets[t] = name
            return t


def _same(given: str, want: str) -> bool:
    """Constant-time comparison of a secret."""
    return bool(given) and secrets.compare_digest(given.encode(), want.encode())


class Handler(BaseHTTPRequestHandler):
    server_version = "veil-review"
    sys_version = ""
    protocol_version = "HTTP/1.1"

    @property
    def review(self) -> Review:
        return self.server.review

    def log_message(self, format, *args):  # request lines name transcripts: keep them out of logs
        pass

    # ------------------------------------------------------------ plumbing
    def _send(self, code: int, body: bytes, ctype: str, headers: dict | None = None) -> None:
        self._head(code, ctype, len(body), headers)
        if self.command != "HEAD":
            self.wfile.write(body)

    def _head(self, code: int, ctype: str, length: int, headers: dict | None = None) -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(length))
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()

    def _json(self, code: int, data) -> None:
        self._send(code, json.dumps(data, ensure_ascii=False).encode(), "application/json; charset=utf-8")

    def _error(self, code: int, message: str) -> None:
        if self.path.startswith("/api/"):
            self._json(code, {"error": message})
        else:
            self._send(code, f"{code}: {message}\n".encode(), "text/plain; charset=utf-8")

    @property
    def cookie_name(self) -> str:
        """One name per port, so two review servers never overwrite each other's cookie."""
        return f"veil_page_{self.server.server_address[1]}"

    def _token_ok(self, path: str, query: dict, header_only: bool = False) -> bool:
        """The header token opens every route; without it, the page needs the token in its
        address, its static files the page cookie, the audio a ticket for that transcript."""
        r = self.review
        if _same(self.headers.get("X-Veil-Token", ""), r.token):
            return True
        if header_only:
            return False
        if path in ("/", "/index.html"):
            return _same(query.get("token", [""])[0], r.token)
        if path.startswith("/static/"):
            try:
                jar = http.cookies.SimpleCookie(self.headers.get("Cookie", ""))
            except http.cookies.CookieError:
                return False
            return self.cookie_name in jar and _same(jar[self.cookie_name].value, r.page_secret)
        if path == "/api/audio":
            ticket = query.get("ticket", [""])[0]
            with r.lock:
                names = [n for t, n in r.tickets.items() if _same(ticket, t)]
            return names == query.get("name", [""])[:1]
        return False

    def _host_ok(self) -> bool:
        """Refuse other host names (DNS rebinding): only the loopback address we serve on."""
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0]
        return host in ("127.0.0.1", "localhost", "[::1]")

    def _guard(self, post: bool = False):
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        if not post and self._host_ok() and url.path == "/" and "once" in query:
            # the one-time address the browser was opened with: exchanged for the page's own
            # address, then dead
            if self.review.use_once(query["once"][0]):
                self._send(303, b"", "text/plain", {"Location": f"/?token={self.review.token}"})
                return None
        if not self._host_ok() or not self._token_ok(url.path, query, header_only=post):
            self._error(403, "forbidden: open the address veil review printed (it carries the access token)")
            return None
        self.review.last_request = time.monotonic()
        return url, query

    # ------------------------------------------------------------ routes
    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        g = self._guard()
        if g is None:
            return
        url, query = g
        try:
            self._get(url.path, query)
        except StudyError as e:
            self._error(400, str(e))
        except (BrokenPipeError, ConnectionResetError):
            pass
        except Exception as e:  # noqa: BLE001 - never a traceback with identifiers in it
            print(f"veil review: internal error ({type(e).__name__})", file=sys.stderr)
            self._error(500, "internal error")

    def _get(self, path: str, query: dict) -> None:
        study = self.review.study
        if path in ("/", "/index.html"):
            body = (STATIC / "index.html").read_bytes()
            cookie = f"{self.cookie_name}={self.review.page_secret}; Path=/static/; HttpOnly; SameSite=Strict"
            self._send(200, body, "text/html; charset=utf-8", {"Set-Cookie": cookie})
        elif path.startswith("/static/"):
            f = (STATIC / path[len("/static/"):]).resolve()
            if STATIC.resolve() not in f.parents or not f.is_file():
                return self._error(404, "not found")
            ctype = mimetypes.guess_type(f.name)[0] or "application/octet-stream"
            if ctype.startswith("text/") or ctype.endswith("javascript"):
                ctype += "; charset=utf-8"
            self._send(200, f.read_bytes(), ctype)
        elif path == "/api/transcripts":
            with study.lock:
                data = {"reviewer": self.review.reviewer, "transcripts": queue.transcripts(study)}
            self._json(200, data)
        elif path == "/api/transcript":
            name = query.get("name", [""])[0]
            with study.lock:
                data = queue.transcript_view(study, name)
            self._json(200, data)
        elif path == "/api/clip":
            with study.lock:
                span = audio.item_seconds(study, query.get("item", ["0"])[0])
            self._json(200, {"start": span[0], "end": span[1]} if span else {"error": "no timing for this item"})
        elif path == "/api/audio-ticket":
            name = query.get("name", [""])[0]
            with study.lock:
                ok = audio.media_path(study, name) is not None
            if not ok:
                return self._error(404, "this transcript has no audio")
            self._json(200, {"ticket": self.review.ticket(name)})
        elif path == "/api/audio":
            with study.lock:
                media = audio.media_path(study, query.get("name", [""])[0])
            if media is None:
                return self._error(404, "this transcript has no audio")
            self._file_range(media)
        else:
            self._error(404, "not found")

    def _file_range(self, path: Path) -> None:
        """Serve a media file with byte ranges, so the audio element can seek."""
        size = path.stat().st_size
        ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        rng = self.headers.get("Range", "")
        start, end = 0, size - 1
        code, extra = 200, {"Accept-Ranges": "bytes"}
        if rng.startswith("bytes="):
            a, _, b = rng[6:].split(",")[0].partition("-")
            try:
                if a:
                    start, end = int(a), int(b) if b else size - 1
                else:
                    start, end = size - int(b), size - 1
            except ValueError:
                start, end = 0, size - 1
            end = min(end, size - 1)
            if start > end or start < 0:
                return self._send(416, b"", ctype, {"Content-Range": f"bytes */{size}"})
            code = 206
            extra["Content-Range"] = f"bytes {start}-{end}/{size}"
        self._stream(path, start, end - start + 1, code, ctype, extra)

    def _stream(self, path: Path, start: int, length: int, code: int, ctype: str, extra: dict) -> None:
        """Send `length` bytes of a file from `start`, a piece at a time."""
        self._head(code, ctype, length, extra)
        if self.command == "HEAD":
            return
        with open(path, "rb") as f:
            f.seek(start)
            while length > 0:
                piece = f.read(min(CHUNK, length))
                if not piece:  # the file shrank: the reply is short, so end the connection
                    self.close_connection = True
                    break
                self.wfile.write(piece)
                length -= len(piece)

    def _body(self) -> dict:
        """The JSON object a POST carries; BadRequest with a true one-line message otherwise."""
        try:
            n = int(self.headers.get("Content-Length", ""))
        except ValueError:
            raise BadRequest(411, "a POST needs a Content-Length")
        if not 0 <= n <= MAX_BODY:
            raise BadRequest(413, f"the request body must be at most {MAX_BODY} bytes")
        raw = self.rfile.read(n)
        if len(raw) < n:
            raise BadRequest(400, "the request body was cut short")
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            raise BadRequest(400, "the request body is not valid JSON")
        if not isinstance(data, dict):
            raise BadRequest(400, "the request body must be a JSON object")
        return data

    def _view(self, name) -> dict | None:
        """The transcript as the page shows it, after a decision (None when it cannot be made)."""
        if not name:
            return None
        try:
            with self.review.study.lock:
                return queue.transcript_view(self.review.study, name)
        except Exception as e:  # noqa: BLE001 - the decision stands; the page reloads
            print(f"veil review: internal error ({type(e).__name__})", file=sys.stderr)
            return None

    def do_POST(self):
        g = self._guard(post=True)
        if g is None:
            self.close_connection = True  # the body was not read
            return
        url, _ = g
        try:
            data = self._body()
        except BadRequest as e:
            self.close_connection = True
            return self._error(e.code, e.message)
        if url.path != "/api/action":
            return self._error(404, "not found")
        problem = actions.check_body(data)
        if problem:
            return self._error(400, problem)
        study = self.review.study
        with study.lock:
            known = not data.get("name") or data["name"] in study.transcript_names()
        if not known:
            return self._error(400, "no such transcript in the study (reload the page)")
        try:
            msg = actions.apply(study, data["op"], data, self.review.reviewer)
        except actions.Conflict as e:
            return self._json(409, {"error": str(e), "transcript": self._view(data.get("name"))})
        except StudyError as e:
            return self._error(400, str(e))
        except Exception as e:  # noqa: BLE001 - apply rolled the study back: nothing was saved
            print(f"veil review: internal error ({type(e).__name__})", file=sys.stderr)
            return self._error(500, "internal error: the decision was not saved")
        out = {"message": msg}
        view = self._view(data.get("name"))
        if view is not None:
            out["transcript"] = view
        elif data.get("name"):
            out["message"] += " (saved; reload the page to see it)"
        self._json(200, out)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128   # a page and a few tabs open many connections at once

    def __init__(self, review: Review, port: int = 0):
        self.review = review
        super().__init__(("127.0.0.1", port), Handler)

    @property
    def url(self) -> str:
        """The page's address with its token: printed, never put on a command line."""
        return f"http://127.0.0.1:{self.server_address[1]}/?token={self.review.token}"

    def once_url(self) -> str:
        """A one-time address for the browser's command line (readable by any local user
        in `ps`): the first request exchanges it for the page's address; then it is dead."""
        return f"http://127.0.0.1:{self.server_address[1]}/?once={self.review.new_once()}"


def start(study, reviewer: str, port: int = 0) -> Server:
    """A server for the study (not yet serving: call serve_forever)."""
    try:
        return Server(Review(study, reviewer), port)
    except OSError:
        raise StudyError(f"cannot listen on 127.0.0.1 port {port}: is it in use?")


def serve(server: Server, idle_timeout: float | None = None) -> str:
    """Serve until Ctrl-C or until no request came for idle_timeout seconds; returns why."""
    why = ["stopped"]
    if threading.current_thread() is threading.main_thread():
        def terminate(signum, frame):
            raise KeyboardInterrupt
        signal.signal(signal.SIGTERM, terminate)
        if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
            signal.signal(signal.SIGINT, terminate)
    if idle_timeout:
        def watch():
            while True:
                time.sleep(min(1.0, idle_timeout / 4))
                if time.monotonic() - server.review.last_request > idle_timeout:
                    why[0] = f"stopped after {idle_timeout:g} s without a request"
                    server.shutdown()
                    return
        threading.Thread(target=watch, daemon=True).start()
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        why[0] = "stopped"
    finally:
        server.server_close()
    return why[0]
