"""The disk fills while respondents post at once: each is told the truth about their answer.

A real full disk (a tiny tmpfs, tests/small_disk.py) under the real server: answers
posted by several people at the same moment are committed together by the site's
one writer (storage.group_commit), so a full disk fails a whole group. Whoever saw
the thank-you redirect has their answer stored, whole; whoever saw the "could not
be saved" page has nothing stored (sending again makes no duplicate); and once
there is room again, the same page's post is kept.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.small_disk import python_on_small_disk

POSTS_WHILE_FULL = r"""
import json, os, sys, threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from storage import settings as settings_store
from storage import site_keys
from storage.workspace import Workspace
from tests.conftest import make_survey
from tests.helpers import free_port
from tests.web.conftest import form_action, form_token
from web.app import create_app
from web.server import EmbeddedServer

disk = Path(sys.argv[1])
workspace = Workspace.open(disk / "workspace")
survey = make_survey(workspace, "nps")
settings_store.save(workspace.db(), rate_limit_per_minute=100_000)
site_keys.form_key(workspace.db())  # made on the first page otherwise
server = EmbeddedServer(create_app(workspace), port=free_port())
server.start()
filler = disk / "filler"
out = os.open(filler, os.O_WRONLY | os.O_CREAT)  # every byte of the disk taken
try:
    while True:
        os.write(out, b"\0" * 4096)
except OSError:
    pass
os.close(out)
os.truncate(filler, max(0, filler.stat().st_size - 256 * 1024))  # room for a few answers

local = threading.local()

def post(number):
    client = getattr(local, "client", None)
    if client is None:
        client = local.client = httpx.Client(base_url=server.url, timeout=60)
    page = client.get(f"/s/{survey.slug}")
    assert page.status_code == 200, page.status_code
    comment = f"answer {number} " + "よかった" * 40
    fields = {"nps": "9", "reason": comment, "_all": "1", "_csrf": form_token(page.text)}
    answer = client.post(form_action(page.text), data=fields)
    return comment, answer.status_code, "could not be saved" in answer.text

with ThreadPoolExecutor(8) as pool:
    outcomes = list(pool.map(post, range(400)))
filler.unlink()
client = httpx.Client(base_url=server.url, timeout=60)
page = client.get(f"/s/{survey.slug}")
again = client.post(form_action(page.text), data={
    "nps": "7", "reason": "room again", "_all": "1", "_csrf": form_token(page.text)})
server.stop()
db = workspace.db()
stored = [row[0] for row in db.execute(
    "SELECT a.value_text FROM answers a JOIN questions q ON q.id = a.question_id"
    " WHERE q.qid = 'reason'")]
half = db.execute("SELECT count(*) FROM responses r WHERE (SELECT count(*) FROM answers a"
                  " WHERE a.response_id = r.id) <> 2").fetchone()[0]
check = db.execute("PRAGMA integrity_check").fetchone()[0]
workspace.close()
print(json.dumps({"outcomes": outcomes, "again": again.status_code, "stored": stored,
                  "half": half, "check": check}))
"""


def test_a_full_disk_under_load_tells_each_respondent_the_truth(tmp_path: Path):
    disk = tmp_path / "disk"
    disk.mkdir()
    result = python_on_small_disk(disk, 3072, POSTS_WHILE_FULL, str(disk))
    assert result.returncode == 0, result.stderr[-3000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    thanked = {comment for comment, status, _ in seen["outcomes"] if status == 303}
    refused = [(comment, said) for comment, status, said in seen["outcomes"] if status == 503]
    others = {status for _, status, _ in seen["outcomes"]} - {303, 503}
    assert others == set()
    assert refused and thanked, "the disk was never full, or full from the start"
    assert all(said for _, said in refused)  # the plain "could not be saved" page
    stored = set(seen["stored"])
    assert thanked <= stored  # an answer acknowledged is an answer kept
    assert not stored & {comment for comment, _ in refused}  # nothing kept of a refused one
    assert len(seen["stored"]) == len(stored)  # and nothing twice
    assert seen["half"] == 0 and seen["check"] == "ok"
    assert seen["again"] == 303 and "room again" in stored
