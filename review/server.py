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
COOKIE = "veil_token"
# the page loads nothing from anywhere but this server
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "media-src 'self'; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'")


@dataclass
class Review:
    study: object
    reviewer: str
    token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    last_request: float = field(default_factory=time.monotonic)


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
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, code: int, data) -> None:
        self._send(code, json.dumps(data, ensure_ascii=False).encode(), "application/json; charset=utf-8")

    def _error(self, code: int, message: str) -> None:
        if self.path.startswith("/api/"):
            self._json(code, {"error": message})
        else:
            self._send(code, f"{code}: {message}\n".encode(), "text/plain; charset=utf-8")

    def _token_ok(self, query: dict, header_only: bool = False) -> bool:
        want = self.review.token
        given = [self.headers.get("X-Veil-Token", "")]
        if not header_only:
            given.append(query.get("token", [""])[0])
            jar = http.cookies.SimpleCookie(self.headers.get("Cookie", ""))
            if COOKIE in jar:
                given.append(jar[COOKIE].value)
        return any(g and secrets.compare_digest(g.encode(), want.encode()) for g in given)

    def _host_ok(self) -> bool:
        """Refuse other host names (DNS rebinding): only the loopback address we serve on."""
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0]
        return host in ("127.0.0.1", "localhost", "[::1]")

    def _guard(self, post: bool = False):
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        if not self._host_ok() or not self._token_ok(query, header_only=post):
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
            cookie = f"{COOKIE}={self.review.token}; Path=/; HttpOnly; SameSite=Strict"
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
        with open(path, "rb") as f:
            f.seek(start)
            body = f.read(end - start + 1)
        self._send(code, body, ctype, extra)

    def do_POST(self):
        g = self._guard(post=True)
        if g is None:
            return
        url, _ = g
        if url.path != "/api/action":
            return self._error(404, "not found")
        try:
            n = int(self.headers.get("Content-Length") or 0)
            data = json.loads(self.rfile.read(min(n, 1_000_000)) or b"{}")
            if not isinstance(data, dict):
                raise ValueError
        except ValueError:
            return self._error(400, "bad request")
        study = self.review.study
        try:
            with study.lock:
                msg = actions.apply(study, str(data.get("op")), data, self.review.reviewer)
                out = {"message": msg}
                if data.get("name"):
                    out["transcript"] = queue.transcript_view(study, data["name"])
            self._json(200, out)
        except actions.Conflict as e:
            with study.lock:
                view = queue.transcript_view(study, data["name"]) if data.get("name") else None
            self._json(409, {"error": str(e), "transcript": view})
        except StudyError as e:
            self._error(400, str(e))
        except Exception as e:  # noqa: BLE001
            print(f"veil review: internal error ({type(e).__name__})", file=sys.stderr)
            self._error(500, "internal error: the decision was not saved")


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, review: Review, port: int = 0):
        self.review = review
        super().__init__(("127.0.0.1", port), Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/?token={self.review.token}"


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
