"""LongJob: work off the GUI thread that a dialog may ask about, cancel or drop at any time."""

from __future__ import annotations

import gc
import threading

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QWidget

from tests.ui.closing import Gate
from ui.common import long_job
from ui.common.long_job import JobCancelled, LongJob


class Stopped(Exception):
    """A storage layer's own cancellation (ExportCancelled, ImportCancelled)."""


def counting(gate: Gate):
    """Work that reports 1 of 3, waits at ``gate``, then stops if Cancel was asked."""

    def work(progress):
        progress(1, 3)
        gate.hold()
        if not progress(2, 3):
            raise Stopped
        return "done"

    return work


@pytest.fixture
def owner(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def outcomes(job: LongJob) -> list[tuple[str, object]]:
    seen: list[tuple[str, object]] = []
    job.progressed.connect(lambda done, total: seen.append(("progressed", (done, total))))
    job.succeeded.connect(lambda result: seen.append(("succeeded", result)))
    job.failed.connect(lambda error: seen.append(("failed", error)))
    job.cancelled.connect(lambda: seen.append(("cancelled", None)))
    return seen


def test_success_then_safe_to_ask_and_to_run_again(qtbot, owner):
    job = LongJob(owner)
    seen = outcomes(job)
    gate = Gate()
    gate.set()
    assert not job.running  # never started
    job.start(counting(gate))
    assert job.running
    with pytest.raises(RuntimeError):
        job.start(counting(gate))  # one at a time
    qtbot.waitUntil(lambda: not job.running)
    assert seen == [("progressed", (1, 3)), ("progressed", (2, 3)), ("succeeded", "done")]
    assert not job.running and not job.cancel_requested and job.wait(0)  # after the end
    job.start(counting(gate))
    qtbot.waitUntil(lambda: not job.running)
    assert seen[-1] == ("succeeded", "done")


def test_cancel_and_failure_are_told_apart(qtbot, owner):
    job = LongJob(owner, cancelled_by=(Stopped,))
    seen = outcomes(job)
    gate = Gate()
    job.start(counting(gate))
    qtbot.waitUntil(gate.reached.is_set)
    job.cancel()
    gate.set()
    qtbot.waitUntil(lambda: not job.running)
    assert seen[-1] == ("cancelled", None) and job.cancel_requested

    def broken(_progress):
        raise OSError(28, "No space left on device")

    job.start(broken)
    qtbot.waitUntil(lambda: not job.running)
    kind, error = seen[-1]
    assert kind == "failed" and isinstance(error, OSError) and error.errno == 28

    def gives_up(_progress):
        raise JobCancelled

    job.start(gives_up)
    qtbot.waitUntil(lambda: not job.running)
    assert seen[-1] == ("cancelled", None)


def test_cancel_then_waits_for_the_next_step_a_slot_started(qtbot, owner):
    """Like the PDF export: step two starts from step one's success."""
    job = LongJob(owner, cancelled_by=(Stopped,))
    gate = Gate()
    steps: list[str] = []

    def second_step(_result: object) -> None:
        if not job.cancel_requested and not steps:
            steps.append("second")
            job.start(counting(gate))

    job.succeeded.connect(second_step)
    closed: list[bool] = []
    job.start(lambda _progress: "first")
    qtbot.waitUntil(lambda: steps == ["second"])
    qtbot.waitUntil(gate.reached.is_set)
    job.cancel_then(lambda: closed.append(True))
    assert closed == []  # the second step is still running
    gate.set()
    qtbot.waitUntil(lambda: closed == [True])
    job.cancel_then(lambda: closed.append(True))  # idle: at once
    assert closed == [True, True]


@pytest.mark.qt_no_exception_capture
def test_the_owner_can_go_while_the_work_runs(qtbot, unexpected_errors):
    owner = QWidget()
    job = LongJob(owner)
    seen = outcomes(job)
    gate = Gate()
    job.start(counting(gate))
    qtbot.waitUntil(gate.reached.is_set)
    owner.deleteLater()  # the dialog was closed and deleted
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(owner)
    del job, owner
    gc.collect()
    assert len(long_job._ALIVE) == 1  # kept for its thread
    gate.set()
    qtbot.waitUntil(lambda: not long_job._ALIVE)  # let go once the thread ended
    assert [kind for kind, _ in seen] in (["progressed"], [])  # nothing after the owner went
    assert unexpected_errors == []
    assert not [t for t in threading.enumerate() if t.name == "koe-long-job"]
