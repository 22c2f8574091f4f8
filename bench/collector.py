"""How fast the respondent site takes answers, against a bare endpoint and a Flask peer.

Run: ``uv run python bench/collector.py [--clients C] [--seconds S] [--rounds R]``.

Three servers, each started by the bench in its own process, on 127.0.0.1 only:

- Koe: the real site (``web.app.create_app``, ``web.server.serve_forever``) over a
  fresh workspace with an open NPS survey and its follow-up. The bench opens the
  survey page once for its anti-forgery cookie and form token (web/csrf.py: the
  token is the HMAC of the cookie's nonce and the link, so the same pair is good
  for every post to that link), then every connection posts the answer as the
  page's script does: score, comment and ``_all`` (one post, one complete
  response). Everything a post goes through runs: body limit, rate limiter (its
  limit raised so that it counts but never refuses), token check, validation,
  the write handed to the workspace's one writer, which commits the answers
  waiting together (storage.group_commit) with the sync bookkeeping kept by its
  triggers, and the redirect once COMMIT returned. The comments are indexed for
  search by the same writer in batches (storage.comment_index): at once past a
  backlog of 5,000 answers, so that work is inside the measured run too.
- The ceiling, bare Starlette + SQLite: one endpoint, with the same uvicorn and
  garbage-collector settings (``serve_forever``), that reads the same form and
  stores the same rows (a response and its two answers) in one ``BEGIN IMMEDIATE``
  transaction on Starlette's own worker threads (``run_in_threadpool``), with
  the same pragmas (WAL, synchronous=NORMAL), into Koe's own tables and indexes
  (a workspace made by Koe's migrations) without Koe's triggers, and redirects
  like Koe. No token, no rate limit, no page flow: the shortest path to the same
  stored rows. (``--bare-triggers`` keeps the triggers: the sync bookkeeping then
  costs the ceiling what it costs Koe; the comments' batched indexing stays Koe's.)
- The same bare endpoint on Koe's pool of page threads (web.page_threads), which
  takes the next request without sleeping in between: it shows what Koe's own
  threading is worth to a bare endpoint, a stricter bound than issue 18's (printed,
  without a goal).
- The peer, Flask + waitress, as the Flask tutorial writes it: a connection per
  request in ``g``, the same insert into the same schema, waitress' defaults.

The load: ``wrk`` (Debian package; C, one thread per core given, so the client is
never the bottleneck as a Python client was) with ``C`` connections posting for
``S`` seconds after a warm-up, each server in turn, ``R`` rounds interleaved
(the median shown). With ``taskset`` present the server is pinned to CPU 0 and
wrk to CPU 1. Every post is checked as stored: after each run the rows are
counted and must be at least the posts wrk saw answered (a post in flight when
wrk stops may be stored without being counted). Printed: answers per second,
p50 and p99 latency, the ratios Koe/bare and Koe/Flask against issue 18's goals
(≥ 0.7× bare, ≥ 2× Flask, p99 ≤ 1.5× bare), and the NPS page's transfer size.

To measure what each of issue 18's ideas brings, run again with one taken out:
``--koe-without cache`` (settings and surveys read and rebuilt on every post),
``--koe-without writer`` (each worker thread writes on its own connection, one
transaction per answer, as before), ``--koe-without pool`` (the pages on AnyIO's
threads) and ``--plain-uvicorn`` (Koe and bare without
httptools; the site runs on asyncio's loop either way, see web/server.py).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

COMMENT = "スタッフの対応が丁寧で、コーヒーもおいしかったです。 Friendly staff."
WARM_UP_SECONDS = 2
KINDS = ("koe", "bare", "bare-pool", "flask")
NAMES = {
    "koe": "Koe (/s/<slug>)",
    "bare": "bare Starlette + SQLite",
    "bare-pool": "bare, on Koe's pool",
    "flask": "Flask + waitress",
}


# --- the servers (each runs in a child process) ---------------------------------------------------


def serve_koe(folder: Path, port: int, without: list[str]) -> None:
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
        _take_out(without)
        serve_forever(create_app(workspace), "127.0.0.1", port)


def _take_out(without: list[str]) -> None:
    """Koe without some of issue 18's ideas, to measure what each one brings."""
    from storage.database import writing
    from storage.site_cache import SiteCache
    from storage.workspace import Workspace

    if "pool" in without:  # the pages on AnyIO's threads, as Starlette runs a plain def
        import web.app

        def plain(cache: SiteCache, endpoint: Callable[[Any], Any]) -> Callable[[Any], Any]:
            def looked(request: Any) -> Any:
                with cache.one_look():
                    return endpoint(request)

            return looked

        web.app.on_page_threads = plain  # type: ignore[assignment]
    if "cache" in without:  # every request reads and rebuilds what it needs
        SiteCache.get = lambda self, db, key, make: make(db)  # type: ignore[method-assign]
    if "writer" in without:  # each worker thread writes on its own connection

        class OwnConnection:
            def __init__(self, workspace: Workspace) -> None:
                self.workspace = workspace

            def run(self, job):  # type: ignore[no-untyped-def]
                db = self.workspace.db()
                with writing(db):
                    return job(db)

            def submit(self, job):  # type: ignore[no-untyped-def]
                done: Future[Any] = Future()
                try:
                    done.set_result(self.run(job))
                except Exception as error:
                    done.set_exception(error)
                return done

        Workspace.writer = lambda self: OwnConnection(self)  # type: ignore[method-assign, assignment, return-value]


def _plain_uvicorn() -> None:
    """uvicorn without uvloop and httptools (asyncio and h11), as with plain ``uvicorn``."""
    sys.modules["uvloop"] = None  # type: ignore[assignment]
    sys.modules["httptools"] = None  # type: ignore[assignment]


def _bare_schema(folder: Path, keep_triggers: bool) -> tuple[Path, int, int, int, dict]:
    """A workspace made by Koe's migrations with one open survey (its triggers dropped
    unless kept); returns (database, survey id, score id, comment id, their wordings)."""
    from channels.links import new_slug
    from storage import surveys as survey_store
    from storage.workspace import Workspace
    from surveys.model import SurveyStatus
    from surveys.templates import survey_from_template

    with Workspace.open(folder) as workspace:
        db = workspace.db()
        survey = survey_from_template("nps", languages=("ja", "en"))
        survey.slug = new_slug()
        stored = survey_store.create(db, survey)
        survey_store.set_status(db, stored.id or 0, SurveyStatus.OPEN)
        ids = survey_store.question_ids(db, stored.id or 0)
        path = workspace.db_path
    conn = sqlite3.connect(path, isolation_level=None)
    if not keep_triggers:
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'"):
            conn.execute(f'DROP TRIGGER "{name}"')
    wording = dict(conn.execute("SELECT id, wording FROM questions"))
    conn.close()
    return path, stored.id or 0, ids["nps"], ids["reason"], wording


def _store(conn: sqlite3.Connection, body: bytes, schema: tuple) -> None:
    """The same rows Koe stores for the post, in one transaction."""
    _path, survey_id, score_id, reason_id, wording = schema
    form = dict(parse_qsl(body.decode()))
    now = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime())
    conn.execute("BEGIN IMMEDIATE")
    try:
        response_id = conn.execute(
            "INSERT INTO responses (survey_id, channel, language, created_at, completed_at,"
            " updated_at) VALUES (?, 'link', 'ja', ?, ?, ?)",
            [survey_id, now, now, now],
        ).lastrowid
        conn.executemany(
            "INSERT INTO answers (response_id, question_id, value_num, value_text, wording)"
            " VALUES (?, ?, ?, ?, ?)",
            [
                (response_id, score_id, int(form["nps"]), None, wording[score_id]),
                (response_id, reason_id, None, form["reason"], wording[reason_id]),
            ],
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 10000")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


def serve_bare(folder: Path, port: int, keep_triggers: bool, pool: bool = False) -> None:
    from starlette.applications import Starlette
    from starlette.concurrency import run_in_threadpool
    from starlette.requests import Request
    from starlette.responses import RedirectResponse, Response
    from starlette.routing import Route

    from web import page_threads
    from web.server import serve_forever

    schema = _bare_schema(folder, keep_triggers)
    local = threading.local()

    def insert(body: bytes) -> None:
        conn = getattr(local, "conn", None)
        if conn is None:
            conn = local.conn = _connect(schema[0])
        _store(conn, body, schema)

    async def answer(request: Request) -> Response:
        if pool:
            await page_threads.run(insert, await request.body())
        else:
            await run_in_threadpool(insert, await request.body())
        return RedirectResponse("/thanks", status_code=303)

    (folder / "ready").write_text("/answer")
    serve_forever(Starlette(routes=[Route("/answer", answer, methods=["POST"])]), "127.0.0.1", port)


def serve_flask(folder: Path, port: int, keep_triggers: bool) -> None:
    import logging

    import waitress
    from flask import Flask, g, redirect, request

    # Its warnings under load (queue depth; its default cap of 100 connections touched
    # while one run's connections close and the next one's open) say what wrk shows.
    logging.getLogger("waitress").setLevel(logging.ERROR)

    schema = _bare_schema(folder, keep_triggers)
    app = Flask("peer")

    def db() -> sqlite3.Connection:
        if "db" not in g:
            g.db = _connect(schema[0])
        return g.db

    @app.teardown_appcontext
    def close_db(_error: BaseException | None) -> None:
        conn = g.pop("db", None)
        if conn is not None:
            conn.close()

    @app.post("/answer")
    def answer():  # type: ignore[no-untyped-def]
        _store(db(), request.get_data(), schema)
        return redirect("/thanks", code=303)

    (folder / "ready").write_text("/answer")
    with contextlib.suppress(KeyboardInterrupt):
        waitress.serve(app, host="127.0.0.1", port=port, _quiet=True)


# --- the load -----------------------------------------------------------------------------------


@dataclass
class Result:
    kind: str
    rate: float  # answered posts per second
    p50: float  # ms
    p99: float  # ms
    answered: int  # posts wrk saw answered (2xx/3xx), measured run and warm-up
    refused: int  # other answers and socket errors
    stored: int  # responses in the database afterwards


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _pinned(cpu: int) -> list[str]:
    return ["taskset", "-c", str(cpu)] if shutil.which("taskset") and os.cpu_count() else []


@contextlib.contextmanager
def server(kind: str, folder: Path, args: argparse.Namespace):  # type: ignore[no-untyped-def]
    port = free_port()
    folder.mkdir(parents=True, exist_ok=True)
    command = [*_pinned(0), sys.executable, __file__, "--serve", kind, "--dir", str(folder),
               "--port", str(port)]  # fmt: skip
    command += ["--bare-triggers"] if args.bare_triggers else []
    command += ["--plain-uvicorn"] if args.plain_uvicorn else []
    command += ["--koe-without", *args.koe_without] if args.koe_without else []
    process = subprocess.Popen(command, cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if (folder / "ready").exists() or (folder / "slug").exists():
                    httpx.get(f"{base}/", timeout=1)
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"the {kind} server did not start")
            time.sleep(0.05)
        yield base
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


LUA = """wrk.method = "POST"
wrk.path = {path}
wrk.body = {body}
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
{cookie}
"""


def _lua_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def koe_post(base: str, slug: str) -> tuple[str, str, str]:
    """(path, body, cookie) of a valid answer to the survey, as its page makes it."""
    with httpx.Client(base_url=base) as client:
        page = client.get(f"/s/{slug}")
        action = re.search(r'<form[^>]*action="([^"]+)"', page.text)
        token = re.search(r'name="_csrf" value="([^"]+)"', page.text)
        assert action and token, "the survey page has no form"
        cookie = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
    fields = {"nps": "9", "reason": COMMENT, "_all": "1", "_csrf": token.group(1)}
    return action.group(1).replace("&amp;", "&"), urlencode(fields), cookie


def wrk(base: str, post: tuple[str, str, str], args: argparse.Namespace, seconds: float,
        script: Path) -> tuple[float, float, float, int, int]:  # fmt: skip
    """(req/s, p50 ms, p99 ms, answered, refused) of one wrk run."""
    path, body, cookie = post
    cookie_line = f'wrk.headers["Cookie"] = {_lua_string(cookie)}' if cookie else ""
    script.write_text(
        LUA.format(path=_lua_string(path), body=_lua_string(body), cookie=cookie_line)
    )
    command = [*_pinned(1), "wrk", "--latency", "-t", str(args.threads), "-c", str(args.clients),
               "-d", f"{max(1, round(seconds))}s", "--timeout", "30s", "-s", str(script),
               base]  # fmt: skip
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout

    def ms(label: str) -> float:
        found = re.search(rf"^\s*{label}\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        assert found, out
        value, unit = float(found.group(1)), found.group(2)
        return value * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    total = re.search(r"(\d+) requests in", out)
    rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
    assert total and rate, out
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    refused = (int(bad.group(1)) if bad else 0) + (
        sum(int(n) for n in errors.groups()) if errors else 0
    )
    return float(rate.group(1)), ms("50%"), ms("99%"), int(total.group(1)), refused


def stored_responses(folder: Path) -> int:
    conn = sqlite3.connect(folder / "koe.sqlite3")
    try:
        return int(conn.execute("SELECT count(*) FROM responses").fetchone()[0])
    finally:
        conn.close()


def run_one(kind: str, folder: Path, args: argparse.Namespace) -> Result:
    with server(kind, folder, args) as base:
        if kind == "koe":
            post = koe_post(base, (folder / "slug").read_text())
        else:
            fields = {"nps": "9", "reason": COMMENT, "_all": "1", "_csrf": "x" * 43}
            post = ("/answer", urlencode(fields), "")
        script = folder / "post.lua"
        _r, _p50, _p99, warm, warm_refused = wrk(base, post, args, WARM_UP_SECONDS, script)
        rate, p50, p99, answered, refused = wrk(base, post, args, args.seconds, script)
    stored = stored_responses(folder)
    answered_all = warm + answered - warm_refused - refused
    return Result(kind, rate, p50, p99, answered_all, warm_refused + refused, stored)


def _goal(value: float, goal: float, at_least: bool) -> str:
    met = value >= goal if at_least else value <= goal
    return f"{value:.2f} (goal {'≥' if at_least else '≤'} {goal}: {'met' if met else 'NOT met'})"


def report(results: dict[str, list[Result]], args: argparse.Namespace) -> bool:
    median = {k: {f: statistics.median(getattr(r, f) for r in rs) for f in ("rate", "p50", "p99")}
              for k, rs in results.items()}  # fmt: skip
    kept = "; bare and Flask keep Koe's triggers" if args.bare_triggers else ""
    kept += f"; Koe without its {' and '.join(args.koe_without)}" if args.koe_without else ""
    kept += "; uvicorn without uvloop and httptools" if args.plain_uvicorn else ""
    print(f"answer posts, {args.clients} connections, wrk -t{args.threads}, {args.seconds:.0f} s"
          f" a run, median of {args.rounds} round(s); 127.0.0.1, same uvicorn settings for"
          f" Koe and bare{kept}")  # fmt: skip
    print(f"{'':26}{'answers/s':>11}{'p50 ms':>9}{'p99 ms':>9}{'answered':>10}{'stored':>8}"
          f"{'refused':>9}")  # fmt: skip
    every_stored = True
    for kind, rs in results.items():
        answered = sum(r.answered for r in rs)
        stored = sum(r.stored for r in rs)
        refused = sum(r.refused for r in rs)
        every_stored &= stored >= answered and refused == 0
        m = median[kind]
        print(f"{NAMES[kind]:26}{m['rate']:>11,.0f}{m['p50']:>9.1f}{m['p99']:>9.1f}"
              f"{answered:>10}{stored:>8}{refused:>9}")  # fmt: skip
    koe, bare, flask = median["koe"], median["bare"], median["flask"]
    print(f"Koe / bare answers/s:     {_goal(koe['rate'] / bare['rate'], 0.7, True)}")
    print(f"Koe / Flask answers/s:    {_goal(koe['rate'] / flask['rate'], 2.0, True)}")
    print(f"Koe p99 / bare p99:       {_goal(koe['p99'] / bare['p99'], 1.5, False)}")
    pooled = median["bare-pool"]["rate"]
    print(
        f"Koe / bare on Koe's pool: {koe['rate'] / pooled:.2f} (no goal: the bare endpoint"
        " given Koe's pool of threads too, a stricter bound)"
    )
    print(f"every answered post stored: {every_stored}; load average {os.getloadavg()[0]:.2f}")
    return every_stored


def run(args: argparse.Namespace, temp: Path) -> bool:
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: apt-get install wrk")
    results: dict[str, list[Result]] = {kind: [] for kind in KINDS}
    weight: tuple[int, dict[str, int]] | None = None
    for round_number in range(args.rounds):
        for kind in KINDS:
            results[kind].append(run_one(kind, temp / f"{kind}{round_number}", args))
    # The page's weight, from a fresh Koe server (nothing of the load in the way).
    with server("koe", temp / "weight", args) as base:
        weight = page_weight(base, (temp / "weight" / "slug").read_text())
    ok = report(results, args)
    total, parts = weight
    print(f"NPS page with its follow-up, first load: {total:,} bytes")
    for path, size in parts.items():
        print(f"  {size:>7,}  {path.split('?')[0]}")
    return ok


def page_weight(base: str, slug: str) -> tuple[int, dict[str, int]]:
    """Bytes of the NPS page and of the stylesheet and script it loads (bodies, uncompressed)."""
    with httpx.Client(base_url=base) as client:
        page = client.get(f"/s/{slug}")
        sizes = {f"/s/{slug}": len(page.content)}
        for path in re.findall(r'(?:href|src)="(/static/[^"]+)"', page.text):
            sizes[path] = len(client.get(path).content)
    return sum(sizes.values()), sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Answer posts per second: Koe against a bare Starlette + SQLite endpoint"
        " (the ceiling) and Flask + waitress (the peer), loaded by wrk."
    )
    parser.add_argument("--clients", type=int, default=64, help="open connections (default 64)")
    parser.add_argument("--threads", type=int, default=1, help="wrk threads (default 1)")
    parser.add_argument("--seconds", type=int, default=15, help="a measured run (default 15)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds, interleaved (default 3)")
    parser.add_argument(
        "--bare-triggers",
        action="store_true",
        help="keep Koe's triggers in the bare and Flask servers' schema",
    )
    parser.add_argument(
        "--koe-without",
        nargs="+",
        choices=("cache", "writer", "pool"),
        default=[],
        help="Koe without the settings and survey cache (storage.site_cache), the one"
        " writer with group commit (storage.group_commit) or its pages' pool of threads"
        " (web.page_threads: AnyIO's instead), to measure what each brings",
    )
    parser.add_argument(
        "--plain-uvicorn",
        action="store_true",
        help="Koe and bare on uvicorn without uvloop and httptools (asyncio and h11)",
    )
    parser.add_argument("--serve", choices=KINDS, help=argparse.SUPPRESS)
    parser.add_argument("--dir", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve and args.plain_uvicorn:
        _plain_uvicorn()
    if args.serve == "koe":
        serve_koe(Path(args.dir), args.port, args.koe_without)
        return 0
    if args.serve in ("bare", "bare-pool"):
        serve_bare(Path(args.dir), args.port, args.bare_triggers, pool=args.serve == "bare-pool")
        return 0
    if args.serve:
        serve_flask(Path(args.dir), args.port, args.bare_triggers)
        return 0
    with tempfile.TemporaryDirectory(prefix="koe-collector-") as temp:
        return 0 if run(args, Path(temp)) else 1


if __name__ == "__main__":
    raise SystemExit(main())
