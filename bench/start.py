"""How fast Koe's window is usable, against a bare PySide6 QMainWindow measured in the same run.

Run: ``uv run python bench/start.py [--runs N] [--importtime]``.

Each case starts a fresh Python process, offscreen (``QT_QPA_PLATFORM=offscreen``),
``--runs`` times after one warm-up run that is not counted (it also writes the
``.pyc`` files an installed app would have: ``PYTHONDONTWRITEBYTECODE`` is
unset for the children). The clock starts in this process just before the
child is spawned, so Python's own start is counted. The child reports, on the
system's monotonic clock:

- shown: the first paint of a window;
- usable: the event loop is idle after that paint (a zero-timer fires): the
  window answers clicks and keys. Koe's pages show a loading state until the
  workspace is open;
- ready: the workspace is open, the page on screen has its data (the database
  worker has nothing left to do) and the event loop is idle. On a first start
  the set-up assistant over the window, painted and idle, is what the owner
  uses first. For the bare window, ready is usable;
- stall: the longest the event loop did not answer (the largest gap between
  the ticks of a 5 ms timer) from the first paint until ready.

Cases:

- bare: ``QApplication``, ``QMainWindow()``, ``show()``: the ceiling;
- empty: ``main.py --data-dir DIR`` on a new folder for each run (the workspace
  is created, as at an owner's very first start);
- demo: ``main.py --data-dir DIR`` on the demo workspace (``main.py demo``:
  two surveys, 300 contacts, 2,000 responses), made once.

Prints the median and the spread of each case, and each Koe case's ratios to
the bare window's usable time (the goal for usable: at most 3).
``--importtime`` also runs the demo case under ``python -X importtime`` and
prints the 15 modules with the largest cumulative import time up to the
moment the demo window was first shown, then up to the moment it was ready.
"""

from __future__ import annotations

import argparse
import itertools
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLL_MS = 5
GIVE_UP_SECONDS = 120


@dataclass(frozen=True)
class Run:
    shown: float
    usable: float
    ready: float
    stall: float


# -- the child: one start, measured from inside ------------------------------------------


def child(case: str, folder: str | None, until: str) -> int:
    """Start the bare window or Koe in this process and print when it was shown,
    usable and ready (monotonic clock), and its longest stall; ``until="shown"``
    ends the process at the first paint (for an import profile of that part)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget

    app = QApplication(["koe"])
    painted: set[int] = set()
    marks: dict[str, float] = {}
    ticks: list[float] = []

    def mark(name: str) -> None:
        marks.setdefault(name, time.monotonic())

    class PaintWatch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
                painted.add(id(watched.window()))
                if "shown" not in marks:
                    mark("shown")
                    if until == "shown":
                        print(f"shown {marks['shown']:.6f}", flush=True)
                        os._exit(0)
                    QTimer.singleShot(0, lambda: mark("usable"))
            return False

    def window_ready() -> bool:
        shown = [w for w in app.topLevelWidgets() if w.isVisible() and id(w) in painted]
        if any(isinstance(widget, QDialog) for widget in shown):
            return True  # the set-up assistant, over the window at a first start
        for widget in shown:
            if isinstance(widget, QMainWindow):
                # Koe's window says when its workspace is open; a window without
                # is_ready (the bare one, or a Koe built after opening) is ready when shown.
                is_ready = getattr(widget, "is_ready", None)
                if is_ready is not None and not is_ready():
                    return False
                context = getattr(widget, "context", None)
                worker = getattr(context, "worker", None)
                return worker is None or worker.pending == 0
        return False

    def ready() -> None:
        mark("ready")
        stall = max((b - a for a, b in itertools.pairwise(ticks)), default=0.0)
        for name in ("shown", "usable", "ready"):
            print(f"{name} {marks[name]:.6f}", flush=True)
        print(f"stall {stall:.6f}", flush=True)
        # Close as a person would (Esc, Ctrl+Q), whatever opens next, so that the
        # workspace is closed cleanly.
        closer.timeout.connect(close_all)
        closer.start(50)

    def close_all() -> None:
        for widget in app.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
            elif isinstance(widget, QMainWindow) and widget.isVisible():
                widget.close()

    def poll() -> None:
        if "usable" not in marks:
            return
        ticks.append(time.monotonic())
        if window_ready():
            timer.stop()
            QTimer.singleShot(0, ready)

    closer = QTimer()
    watch = PaintWatch()
    app.installEventFilter(watch)
    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(POLL_MS)

    if case == "bare":
        window = QMainWindow()
        window.show()
        return app.exec()
    sys.path.insert(0, str(ROOT))
    import main

    assert folder is not None
    return main.main(["main.py", "--data-dir", folder])


# -- the parent: spawn, time, summarise ---------------------------------------------------


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its .pyc
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def start_once(
    case: str, folder: Path | None, *, python_flags: tuple[str, ...] = (), until: str = "ready"
) -> tuple[Run, str]:
    """One start in a new process; its figures and what it wrote on stderr."""
    kind = "bare" if case == "bare" else "koe"
    script = str(Path(__file__).resolve())
    command = [sys.executable, *python_flags, script, "--child", kind, "--until", until]
    if folder is not None:
        command += ["--dir", str(folder)]
    began = time.monotonic()
    done = subprocess.run(
        command, env=child_env(), cwd=ROOT, capture_output=True, text=True, timeout=GIVE_UP_SECONDS
    )
    marks = dict(line.split() for line in done.stdout.splitlines() if line.count(" ") == 1)
    if until not in marks:
        raise SystemExit(f"the {case} start did not report (exit {done.returncode}): {done.stderr}")
    shown = float(marks["shown"]) - began
    run = Run(
        shown=shown,
        usable=float(marks.get("usable", marks["shown"])) - began,
        ready=float(marks.get("ready", marks["shown"])) - began,
        stall=float(marks.get("stall", 0)),
    )
    return run, done.stderr


def make_demo(folder: Path) -> None:
    subprocess.run(
        [sys.executable, "main.py", "demo", "--data-dir", str(folder)],
        cwd=ROOT,
        env=child_env(),
        check=True,
        capture_output=True,
    )


def measure(case: str, runs: int, temp: Path, demo: Path) -> list[Run]:
    def folder(number: int) -> Path | None:
        if case == "bare":
            return None
        return demo if case == "demo" else temp / f"empty-{number}"

    start_once(case, folder(-1))  # warm-up: .pyc files, the disk cache
    return [start_once(case, folder(number))[0] for number in range(runs)]


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):.3f} ({min(values):.3f}–{max(values):.3f})"


def import_profile(demo: Path, until: str, top: int = 15) -> list[tuple[float, float, str]]:
    """(cumulative s, self s, module) of the slowest imports until the demo window was
    shown or ready. After the first paint threads import side by side: their lines
    interleave, and a module's time includes waiting for the GIL."""
    _run, stderr = start_once("demo", demo, python_flags=("-X", "importtime"), until=until)
    rows = []
    pattern = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|\s*(\S+)")
    for line in stderr.splitlines():
        found = pattern.match(line)
        if found:
            rows.append((int(found[2]) / 1e6, int(found[1]) / 1e6, found[3]))
    rows.sort(reverse=True)
    return rows[:top]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="measured starts per case")
    parser.add_argument(
        "--importtime", action="store_true", help="also profile the demo start's imports"
    )
    parser.add_argument("--child", choices=["bare", "koe"], help=argparse.SUPPRESS)
    parser.add_argument("--dir", help=argparse.SUPPRESS)
    parser.add_argument("--until", choices=["shown", "ready"], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(args.child, args.dir, args.until)
    with tempfile.TemporaryDirectory(prefix="koe-start-") as name:
        temp = Path(name)
        demo = temp / "demo"
        make_demo(demo)
        results = {
            "bare": measure("bare", args.runs, temp, demo),
            "empty": measure("empty", args.runs, temp, demo),
            "demo": measure("demo", args.runs, temp, demo),
        }
        print(f"{args.runs} starts per case, offscreen; median (fastest–slowest), seconds")
        print(f"{'':7}{'shown':^22}{'usable':^22}{'ready':^22}{'longest stall':>14}")
        for name_, runs in results.items():
            figures = [spread([getattr(r, f) for r in runs]) for f in ("shown", "usable", "ready")]
            stall = statistics.median(r.stall for r in runs) * 1000
            print(f"{name_:7}{figures[0]:^22}{figures[1]:^22}{figures[2]:^22}{stall:11.0f} ms")
        bare = statistics.median(r.usable for r in results["bare"])
        for name_ in ("empty", "demo"):
            runs = results[name_]
            usable = statistics.median(r.usable for r in runs) / bare
            ready = statistics.median(r.ready for r in runs) / bare
            print(f"ratio to bare: {name_:5} usable {usable:5.2f} (goal ≤ 3), ready {ready:5.2f}")
        if args.importtime:
            for until in ("shown", "ready"):
                print(f"\nimports until the demo window was {until} (python -X importtime):")
                print(f"{'cumulative':>10} {'self':>8}  module")
                for cumulative, own, module in import_profile(demo, until):
                    print(f"{cumulative:9.3f}s {own:7.3f}s  {module}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
