"""Memory of `veil review` serving audio, and its listen backlog (issue 10, items 17 and 18).

Three parallel requests for the whole of a 230 MB WAV (the adversarial pass measured 727 MB
when ranges were read whole) and 50 connections at once (a backlog of 5 reset 33 of them).
The server runs in its own process; its peak resident memory (VmHWM) is printed against the
baseline of reading each requested range whole (3 x 230 MB on top of the process).

    python bench/review_audio.py [--mb 230]
"""
from __future__ import annotations

import argparse
import http.client
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SERVER = """
import sys, threading
from deid.study import open_study
from review import audio, server as srv
folder, wav = sys.argv[1:3]
with open_study(folder, create=True, secret="bench") as study:
    study.put_transcript("long.json", "source", {"segments": []})
    audio.register(study, "long.json", wav)
    s = srv.start(study, "bench")
    print(s.server_address[1], s.review.token, flush=True)
    srv.serve(s, idle_timeout=20)
"""


def vm(pid: int, key: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) * 1024
    return 0


def fetch(port: int, token: str, out: list) -> None:
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    c.request("GET", "/api/audio?name=long.json", headers={"X-Veil-Token": token, "Range": "bytes=0-"})
    r = c.getresponse()
    n = 0
    while piece := r.read(1 << 20):
        n += len(piece)
    out.append((r.status, n))
    c.close()


def backlog(pid: int, port: int, token: str, n: int = 50) -> int:
    """How many of n connections made while the server is busy (stopped here) are answered
    once it goes on: the kernel's listen queue must hold them all."""
    os.kill(pid, signal.SIGSTOP)
    socks = []
    try:
        for _ in range(n):
            try:
                socks.append(socket.create_connection(("127.0.0.1", port), timeout=1))
            except OSError:
                pass
    finally:
        os.kill(pid, signal.SIGCONT)
    ok = 0
    for s in socks:
        try:
            s.settimeout(10)
            s.sendall(f"GET /api/transcripts HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Veil-Token: {token}\r\n"
                      f"Connection: close\r\n\r\n".encode())
            ok += s.recv(64).startswith(b"HTTP/1.1 200")
        except OSError:
            pass
        s.close()
    return ok


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=int, default=230)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        wav = Path(tmp) / "long.wav"
        with open(wav, "wb") as f:
            f.write(b"RIFF\xff\xff\xff\xffWAVEfmt ")
            f.truncate(args.mb * 1024 * 1024)
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        p = subprocess.Popen([sys.executable, "-c", SERVER, str(Path(tmp) / "study"), str(wav)],
                             stdout=subprocess.PIPE, text=True, env=env)
        port, token = p.stdout.readline().split()
        port = int(port)
        before = vm(p.pid, "VmRSS")
        results, t0 = [], time.monotonic()
        threads = [threading.Thread(target=fetch, args=(port, token, results)) for _ in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        took = time.monotonic() - t0
        peak = vm(p.pid, "VmHWM")
        answered = backlog(p.pid, port, token)
        p.terminate()
        p.wait(10)
    size = args.mb * 1024 * 1024
    assert all(r == (206, size) for r in results), results
    baseline = before + 3 * size
    print(f"audio: 3 parallel requests for a {args.mb} MB WAV in {took:.1f} s; server peak RSS "
          f"{peak / 2**20:.0f} MB (at start {before / 2**20:.0f} MB); reading ranges whole would need "
          f"at least {baseline / 2**20:.0f} MB: ratio {peak / baseline:.2f}")
    print(f"backlog: {answered} of 50 requests made at once while the server was busy answered "
          f"(target 50)")


if __name__ == "__main__":
    main()
