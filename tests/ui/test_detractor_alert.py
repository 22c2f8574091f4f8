"""A detractor answer posted to the running survey site raises the alert banner."""

from __future__ import annotations

import httpx

from storage import follow_up
from storage import responses as response_store
from tests.conftest import make_survey
from tests.web.conftest import answer


def test_a_detractor_answer_posted_to_the_site_raises_the_banner(
    qtbot, nps_survey, workspace, window
):
    alerts = window.alerts
    qtbot.waitUntil(lambda: alerts._after is not None)
    base = window.context.server_url
    assert base.startswith("http://127.0.0.1:")
    with httpx.Client(base_url=base, follow_redirects=True) as client:
        page = answer(client, f"/s/{nps_survey.slug}", {"nps": "2"})
    assert page.status_code == 200
    with qtbot.waitSignal(alerts.raised, timeout=60_000) as blocker:
        pass
    assert "2" in blocker.args[0]
    assert window.alert_bar.isVisible() and "detractor" in window.alert_bar.text()
    # Claimed once: another look does not alert again.
    assert follow_up.claim_new_detractors(workspace.db(), 0) == []


def test_a_promoter_raises_nothing_and_old_detractors_stay_quiet(
    qtbot, nps_survey, workspace, window
):
    response_store.record(workspace.db(), nps_survey, {"nps": 10}, language="en")
    alerts = window.alerts
    qtbot.waitUntil(lambda: alerts._after is not None)
    with qtbot.assertNotEmitted(alerts.raised, wait=300):
        alerts.check()
        qtbot.waitUntil(lambda: window.context.worker.pending == 0)
    assert not window.alert_bar.isVisible()


def test_a_low_csat_is_called_dissatisfied_and_two_are_counted(qtbot, workspace, window):
    """A CSAT answer of 1 is not a "detractor": the banner names its band as the
    dashboard does, with the scale; two low NPS answers are counted in words."""
    alerts = window.alerts
    qtbot.waitUntil(lambda: alerts._after is not None)
    csat = make_survey(workspace, "csat")
    response_store.record(workspace.db(), csat, {csat.headline_question.qid: 1}, language="en")
    with qtbot.waitSignal(alerts.raised, timeout=10_000) as one:
        window.context.responses_changed.emit(csat.id)
    assert one.args[0].startswith("A dissatisfied answer came in: 1 out of 5.")
    assert "detractor" not in one.args[0].lower()

    nps = make_survey(workspace, "nps")
    for score in (0, 4):
        response_store.record(
            workspace.db(), nps, {nps.headline_question.qid: score}, language="en"
        )
    with qtbot.waitSignal(alerts.raised, timeout=10_000) as two:
        window.context.responses_changed.emit(nps.id)
    assert two.args[0].startswith("2 detractors answered. See them on the Comments page.")
