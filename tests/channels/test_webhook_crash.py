"""A sender killed (SIGKILL) while a chat message is in flight never sends it twice."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap

import trustme

from channels.outbox import Dispatcher, Timing
from channels.webhooks.channel import WebhookChannel
from channels.webhooks.client import WebhookClient
from storage import outbox as outbox_store
from storage.secrets import KeyringSecrets
from tests.channels.test_webhooks import add, answer, queue
from tests.channels.webhook_servers import HttpsReceivers, Receivers

# The sending process: the real Dispatcher and channel; the test CA is the only one trusted.
SENDER = textwrap.dedent(
    """
    import json, ssl, sys, time
    from channels.outbox import Dispatcher, Timing
    from channels.webhooks.channel import WebhookChannel
    from channels.webhooks.client import WebhookClient
    from pathlib import Path

    db_path, ca_file, secrets_json = sys.argv[1], sys.argv[2], sys.argv[3]
    values = json.loads(secrets_json)  # the keyring's entries, passed by the test
    context = ssl.create_default_context(cafile=ca_file)
    channel = WebhookChannel(Path(db_path), values.get, WebhookClient(verify=context))
    Dispatcher(Path(db_path), {"webhook": channel}, timing=Timing(idle=0.02)).start()
    time.sleep(60)
    """
)


def test_a_kill_mid_send_leaves_it_unknown_never_sent_twice(workspace, nps_survey, tmp_path):
    secrets = KeyringSecrets(workspace.folder)
    receivers = HttpsReceivers(trustme.CA(), Receivers(hang=True)).start()
    try:
        slack = add(workspace, secrets, receivers, "slack")
        generic = add(workspace, secrets, receivers, "generic")
        answer(workspace, nps_survey, 1, "slow")
        assert len(queue(workspace)) == 2
        ca_file = tmp_path / "ca.pem"
        receivers.ca.cert_pem.write_to_path(str(ca_file))
        stored = {
            name: secrets.get(name) for name in (f"webhook:{slack.id}", f"webhook:{generic.id}")
        }
        process = subprocess.Popen(
            [sys.executable, "-c", SENDER, str(workspace.db_path), str(ca_file),
             json.dumps(stored)],
            cwd=os.getcwd(),
        )  # fmt: skip
        try:
            assert receivers.state.got_one.wait(20), "the sender sent nothing"
        finally:
            process.send_signal(signal.SIGKILL)
            process.wait(10)
        in_flight = len(receivers.state.received)
        assert in_flight == 1  # one lane, one message at a time: killed during the first
        receivers.state.hang = False
        receivers.state.release.set()

        # Koe starts again: the interrupted message is 'unknown', the other goes once.
        client = WebhookClient(verify=receivers.client_context())
        channel = WebhookChannel(workspace.db_path, secrets.get, client)
        for _ in range(2):
            Dispatcher(workspace.db_path, {"webhook": channel}, timing=Timing(idle=0.02)
                       ).run_until_idle(timeout=10)  # fmt: skip

        db = workspace.db()
        (unknown,) = outbox_store.in_status(db, "unknown", "webhook")
        assert "may or may not have arrived" in (unknown.error or "")
        assert len(outbox_store.in_status(db, "sent", "webhook")) == 1
        paths = [r.path for r in receivers.state.received]
        assert len(paths) == 2 and len(set(paths)) == 2  # each destination got one request
    finally:
        receivers.stop()
