"""How fast the respondent site takes answers, against a bare endpoint doing the same insert.

Run: ``uv run python bench/collector.py [--posts N] [--clients C] [--seconds S]``.

Two servers, each in its own process, on 127.0.0.1 only, with the same uvicorn
settings (``web.server.serve_forever``):

- Koe: the real site over a fresh workspace with an open NPS survey and its
  follow-up. Each client opens the survey page once (for its anti-forgery
  cookie and token), then posts the answer as the page's script does (score,
  comment and ``_all``: one post, one complete response). Everything a post
  goes through runs: body limit, rate limiter (its limit raised so that it
  counts but never refuses), token check, validation, one transaction.
- Bare: a Starlette endpoint that reads the same form and inserts the same
  rows (a response and its two answers) into SQLite in one transaction, with
  the same pragmas (WAL, synchronous=NORMAL), and redirects like Koe.

64 concurrent clients (httpx, async) post a bounded number of answers, for at
most a bounded time, to each server in turn. Prints answers per second and
the p50/p99 latency of the post for both, their ratios, and the NPS page's
transfer size (HTML, CSS and JS, as the page loads them). The client runs in
this process and shares the machine with the server; the bare endpoint shows
the ceiling that leaves.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

COMMENT = "スタッフの対応が丁寧で、コーヒーもおいしかったです。 Friendly staff."
WARM_UP = 200


# --- the servers (each runs in a child process) ---------------------------------------------------


def serve_koe(folder: Path, port: int) -> None:
    from channels.links import new_slug
    from storage import settings as settings_store
    from storage import surveys as survey_store
    from storage.workspace import Workspace
    from surveys.model import SurveyStatus
    from surveys.templates import survey_from_template
    from web.app import create_app
    from web.server import serve_forever

    with Workspace.open(folder) as workspace:
        db = workspace.db()
        survey = survey_from_template("nps", languages=("ja", "en"), company="Hinata Coffee")
        survey.slug = new_slug()
        stored = survey_store.create(db, survey)
        survey_store.set_status(db, stored.id or 0, SurveyStatus.OPEN)
        # Counted, never refused: every post here comes from 127.0.0.1.
        settings_store.save(db, business_name="Hinata Coffee", rate_limit_per_minute=10**9)
        (folder / "slug").write_text(survey.slug)
        serve_forever(create_app(workspace), "127.0.0.1", port)


def serve_bare(folder: Path, port: int) -> None:
    from starlette.applications import Starlette
    from starlette.concurrency import run_in_threadpool
    from starlette.requests import Request
    from starlette.responses import RedirectResponse, Response
    from starlette.routing import Route

    from web.server import serve_forever

    path = folder / "bare.sqlite3"
    setup = sqlite3.connect(path)
    setup.execute("PRAGMA journal_mode = WAL")
    setup.executescript(
        "CREATE TABLE responses (id INTEGER PRIMARY KEY, survey_id INTEGER, channel TEXT,"
        " source TEXT, language TEXT, created_at TEXT, completed_at TEXT, updated_at TEXT);"
        "CREATE TABLE answers (id INTEGER PRIMARY KEY, response_id INTEGER, question_id INTEGER,"
        " value_num INTEGER, value_text TEXT, value_other TEXT);"
    )
    setup.close()
    local = threading.local()

    def connection() -> sqlite3.Connection:
        conn = getattr(local, "conn", None)
        if conn is None:
            conn = local.conn = sqlite3.connect(path, isolation_level=None)
            conn.execute("PRAGMA busy_timeout = 10000")
            conn.execute("PRAGMA synchronous = NORMAL")
        return conn

    def insert(body: bytes) -> None:
        form = dict(parse_qsl(body.decode()))
        now = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime())
        conn = connection()
        conn.execute("BEGIN IMMEDIATE")
        cursor = conn.execute(
            "INSERT INTO responses (survey_id, channel, language, created_at, completed_at,"
            " updated_at) VALUES (1, 'link', 'ja', ?, ?, ?)",
            [now, now, now],
        )
        conn.executemany(
            "INSERT INTO answers (response_id, question_id, value_num, value_text)"
            " VALUES (?, ?, ?, ?)",
            [
                (cursor.lastrowid, 1, int(form["nps"]), None),
                (cursor.lastrowid, 2, None, form["reason"]),
            ],
        )
        conn.execute("COMMIT")

    async def answer(request: Request) -> Response:
        await run_in_threadpool(insert, await request.body())
        return RedirectResponse("/thanks", status_code=303)

    serve_forever(Starlette(routes=[Route("/answer", answer, methods=["POST"])]), "127.0.0.1", port)


# --- the load -----------------------------------------------------------------------------------


@dataclass
class Result:
    name: str
    posts: int
    errors: int
    seconds: float
    latencies: list[float]
    client_cpu: float = 0.0  # seconds of CPU the clients (this process) used

    @property
    def rate(self) -> float:
        return self.posts / self.seconds

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))] * 1000


async def load(
    name: str,
    base: str,
    prepare: Callable[[httpx.AsyncClient], Awaitable[tuple[str, dict[str, str]]]],
    *,
    posts: int,
    clients: int,
    seconds: float,
) -> Result:
    """``clients`` clients, one connection each, post until ``posts`` are done or time is up."""
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    async with contextlib.AsyncExitStack() as stack:
        pool = [
            await stack.enter_async_context(httpx.AsyncClient(base_url=base, limits=limits))
            for _ in range(clients)
        ]
        prepared = [await prepare(client) for client in pool]

        async def phase(total: int, limit: float) -> Result:
            latencies: list[float] = []
            errors = 0
            left = total
            deadline = time.perf_counter() + limit

            async def one_client(client: httpx.AsyncClient, url: str, fields: dict) -> None:
                nonlocal errors, left
                while left > 0 and time.perf_counter() < deadline:
                    left -= 1
                    started = time.perf_counter()
                    response = await client.post(url, data=fields)
                    if response.status_code == 303:
                        latencies.append(time.perf_counter() - started)
                    else:
                        errors += 1

            started, cpu = time.perf_counter(), time.process_time()
            await asyncio.gather(
                *(one_client(client, *job) for client, job in zip(pool, prepared, strict=True))
            )
            elapsed = time.perf_counter() - started
            return Result(
                name, len(latencies), errors, elapsed, latencies, time.process_time() - cpu
            )

        await phase(WARM_UP, seconds)  # connections open, caches and threads warm
        return await phase(posts, seconds)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def server(kind: str, folder: Path):
    port = free_port()
    folder.mkdir(parents=True, exist_ok=True)
    process = subprocess.Popen(
        [sys.executable, __file__, "--serve", kind, "--dir", str(folder), "--port", str(port)],
        cwd=ROOT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(f"{base}/", timeout=1)
                break
            except httpx.TransportError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"the {kind} server did not start") from None
                time.sleep(0.05)
        yield base
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def page_weight(base: str, slug: str) -> tuple[int, dict[str, int]]:
    """Bytes of the NPS page and of the stylesheet and script it loads (bodies, uncompressed)."""
    with httpx.Client(base_url=base) as client:
        page = client.get(f"/s/{slug}")
        sizes = {f"/s/{slug}": len(page.content)}
        for path in re.findall(r'(?:href|src)="(/static/[^"]+)"', page.text):
            sizes[path] = len(client.get(path).content)
    return sum(sizes.values()), sizes


def koe_count(folder: Path) -> int:
    conn = sqlite3.connect(folder / "koe.sqlite3")
    try:
        return int(conn.execute("SELECT count(*) FROM responses").fetchone()[0])
    finally:
        conn.close()


async def run(args: argparse.Namespace, temp: Path) -> None:
    koe_dir, bare_dir = temp / "koe", temp / "bare"
    with server("koe", koe_dir) as base:
        slug = (koe_dir / "slug").read_text()
        weight, parts = page_weight(base, slug)

        async def prepare_koe(client: httpx.AsyncClient) -> tuple[str, dict]:
            page = await client.get(f"/s/{slug}")
            action = re.search(r'<form[^>]*action="([^"]+)"', page.text)
            token = re.search(r'name="_csrf" value="([^"]+)"', page.text)
            assert action and token, "the survey page has no form"
            fields = {"nps": "9", "reason": COMMENT, "_all": "1", "_csrf": token.group(1)}
            return action.group(1).replace("&amp;", "&"), fields

        koe = await load(
            "Koe (/s/<slug>)",
            base,
            prepare_koe,
            posts=args.posts,
            clients=args.clients,
            seconds=args.seconds,
        )
    stored = koe_count(koe_dir)
    with server("bare", bare_dir) as base:

        async def prepare_bare(client: httpx.AsyncClient) -> tuple[str, dict]:
            return "/answer", {"nps": "9", "reason": COMMENT, "_all": "1", "_csrf": "x" * 43}

        bare = await load(
            "bare Starlette + SQLite",
            base,
            prepare_bare,
            posts=args.posts,
            clients=args.clients,
            seconds=args.seconds,
        )

    print(f"answer posts, {args.clients} concurrent clients, 127.0.0.1, same uvicorn settings")
    print(
        f"{'':26}{'answers/s':>11}{'p50 ms':>9}{'p99 ms':>9}{'posts':>8}{'errors':>8}"
        f"{'client CPU':>12}"
    )
    for result in (koe, bare):
        print(
            f"{result.name:26}{result.rate:>11,.0f}{result.percentile(50):>9.1f}"
            f"{result.percentile(99):>9.1f}{result.posts:>8}{result.errors:>8}"
            f"{result.client_cpu / result.seconds:>12.0%}"
        )
    print(
        f"ratio Koe / bare:         {koe.rate / bare.rate:>11.2f}"
        f"{koe.percentile(50) / bare.percentile(50):>9.2f}"
        f"{koe.percentile(99) / bare.percentile(99):>9.2f}"
    )
    print(f"responses stored by Koe:  {stored} ({WARM_UP} warm-up posts included)")
    print(f"NPS page with its follow-up, first load: {weight:,} bytes")
    for path, size in parts.items():
        print(f"  {size:>7,}  {path.split('?')[0]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=3000, help="measured posts per server")
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=60, help="at most, per server")
    parser.add_argument("--serve", choices=["koe", "bare"], help=argparse.SUPPRESS)
    parser.add_argument("--dir", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve:
        (serve_koe if args.serve == "koe" else serve_bare)(Path(args.dir), args.port)
        return 0
    with tempfile.TemporaryDirectory(prefix="koe-collector-") as temp:
        asyncio.run(run(args, Path(temp)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
