"""Running an installed Koe (the PyInstaller bundle, or the `koe` command of
`uv tool install`) as its user would: from a folder of their own, with nothing of the
source tree or of the test session's Python in its environment."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

START_TIMEOUT = 120.0  # seconds: a first start compiles nothing, but CI machines are slow


@dataclass(frozen=True)
class InstalledKoe:
    """``app``: the command that opens the desktop app; ``cli``: the one for sub-commands."""

    app: list[str]
    cli: list[str]
    home: Path  # the user's home folder (and the working folder) of every run

    def env(self) -> dict[str, str]:
        """A user's environment: their own home, no display (offscreen Qt), no Python
        settings of the test session (PYTHONPATH, a virtual environment)."""
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("PYTHON", "VIRTUAL_ENV", "UV", "KOE_", "XDG_", "PYTEST"))
        }
        env.update(
            HOME=str(self.home),
            XDG_CONFIG_HOME=str(self.home / ".config"),
            XDG_DATA_HOME=str(self.home / ".local" / "share"),
            XDG_CACHE_HOME=str(self.home / ".cache"),
            QT_QPA_PLATFORM="offscreen",
        )
        env.pop("DISPLAY", None)
        env.pop("WAYLAND_DISPLAY", None)
        return env

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        """A sub-command, as typed in a terminal."""
        self.home.mkdir(parents=True, exist_ok=True)
        result = subprocess.run(
            [*self.cli, *args],
            cwd=self.home,
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=300,
        )
        if check:
            assert result.returncode == 0, result.stderr
        return result

    def start(self, *args: str, log: Path, app: bool = False) -> subprocess.Popen[str]:
        """A long-running process (``serve``, or the app itself with ``app=True``);
        its stdout and stderr go to ``log``."""
        self.home.mkdir(parents=True, exist_ok=True)
        with log.open("w", encoding="utf-8") as out:
            return subprocess.Popen(
                [*(self.app if app else self.cli), *args],
                cwd=self.home,
                env=self.env(),
                stdout=out,
                stderr=subprocess.STDOUT,
                text=True,
            )


def wait_for_line(path: Path, text: str, process: subprocess.Popen[str], output: Path) -> None:
    """Wait until a line of the file at ``path`` (a log the process writes) holds ``text``,
    failing with the process's output if it ends first or takes too long."""
    deadline = time.monotonic() + START_TIMEOUT
    while not (path.is_file() and any(text in line for line in read_lines(path))):
        assert process.poll() is None, f"it stopped ({process.returncode}): {read(output)}"
        assert time.monotonic() < deadline, f"no {text!r} in {START_TIMEOUT} s: {read(output)}"
        time.sleep(0.1)  # another process writes the file: nothing to wait on but the file


def folder_size(folder: Path) -> int:
    """Bytes on disk (a symbolic link inside the bundle counts once, as in its archive)."""
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""


def read_lines(path: Path) -> list[str]:
    return read(path).splitlines()


def stop(process: subprocess.Popen[str], sig: signal.Signals = signal.SIGTERM) -> int:
    """Ask the process to stop as the desktop does at logout; return its exit code."""
    if process.poll() is None:
        process.send_signal(sig)
    try:
        return process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        raise


def open_and_close_the_app(koe: InstalledKoe, folder: Path, log: Path) -> list[str]:
    """Start the desktop app on the workspace ``folder``, wait until its window is shown
    and its survey site (started after the window, off the GUI thread) is running, close
    it as the desktop does at logout; return the workspace log's lines."""
    workspace_log = folder / "logs" / "koe.log"
    process = koe.start("--data-dir", str(folder), log=log, app=True)
    try:
        wait_for_line(workspace_log, "window shown", process, log)
        wait_for_line(workspace_log, "survey site running at http://127.0.0.1:", process, log)
    finally:
        code = stop(process)
    assert code == 0, read(log)
    lines = read_lines(workspace_log)
    assert lines[-1].endswith("Koe stopped"), lines[-5:]
    return lines
