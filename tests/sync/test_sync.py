"""A desktop and its public host, two real processes over HTTPS on 127.0.0.1.

The desktop publishes surveys and delivery tokens (never contacts), people
answer on the host, and the desktop pulls every change exactly once: new
responses, responses completed after they were first pulled, and
unsubscribes, whatever happens to either process in between.
"""

from __future__ import annotations

from channels.links import new_token
from storage import contacts as contact_store
from storage import deliveries as delivery_store
from storage import settings as settings_store
from storage import surveys as survey_store
from storage import sync as sync_store
from surveys.model import Survey, SurveyStatus
from tests.conftest import make_survey
from tests.sync.conftest import KEY, NEXT_PAGE, Desktop, Host, post_page

PARKING = "Parking is hard"


def prepare(desktop: Desktop, people: int = 2) -> tuple[Survey, list[str]]:
    """An open NPS survey on the desktop, and a personal link (token) for each of ``people``."""
    with desktop.open() as workspace:
        survey = make_survey(workspace, "nps", languages=("en", "ja"))
        assert survey.id is not None
        tokens = []
        for n in range(people):
            contact = contact_store.add(
                workspace.db(), name=f"Customer {n}", email=f"customer{n}@example.com"
            )
            delivery = delivery_store.create(
                workspace.db(),
                survey_id=survey.id,
                token=new_token(),
                channel="email",
                contact_id=contact,
            )
            tokens.append(delivery.token)
    return survey, tokens


def responses_of(workspace_db) -> dict[str, dict]:
    """Every response by uid, with its answers by question id, as comparable plain data."""
    found: dict[str, dict] = {}
    for row in workspace_db.query(
        "SELECT r.id, r.uid, s.slug, r.source, r.language, r.channel, r.created_at,"
        " r.completed_at FROM responses r JOIN surveys s ON s.id = r.survey_id"
    ):
        answers = {
            a["qid"]: (a["value_num"], a["value_text"], a["value_other"])
            for a in workspace_db.query(
                "SELECT q.qid, a.value_num, a.value_text, a.value_other FROM answers a"
                " JOIN questions q ON q.id = a.question_id WHERE a.response_id = ?",
                [row["id"]],
            )
        }
        record = {k: row[k] for k in row if k not in ("id", "uid")}
        found[row["uid"]] = {**record, "answers": answers}
    return found


def host_responses(host: Host) -> dict[str, dict]:
    with host.read() as workspace:
        return responses_of(workspace.db())


def desktop_responses(desktop: Desktop) -> dict[str, dict]:
    with desktop.read() as workspace:
        return responses_of(workspace.db())


def test_publish_then_answer_on_the_host_then_pull(host: Host, desktop: Desktop):
    survey, tokens = prepare(desktop)

    first = desktop.sync()

    assert "published 1 survey(s) and 2 delivery token(s)" in first.stdout
    with host.read() as workspace:
        db = workspace.db()
        published = survey_store.find_by_slug(db, survey.slug)
        assert published is not None
        assert [q.qid for q in published.questions] == [q.qid for q in survey.questions]
        assert published.title == survey.title and published.status == survey.status
        assert sorted(r["token"] for r in db.query("SELECT token FROM deliveries")) == sorted(
            tokens
        )
        # The host holds tokens, never the people behind them.
        assert db.execute("SELECT count(*) FROM contacts").fetchone() == (0,)
        assert db.execute("SELECT count(*) FROM deliveries WHERE contact_id > 0").fetchone() == (0,)

    with host.client() as browser:
        personal = post_page(browser, f"/r/{tokens[0]}", {"nps": "9", "reason": "Quick and kind"})
        assert personal.status_code == 303, personal.text[:300]
        public = post_page(browser, f"/s/{survey.slug}?src=store-1", {"nps": "4"})
        assert public.status_code == 303
        assert NEXT_PAGE.search(public.headers["location"])  # the follow-up page comes next

    second = desktop.sync()

    assert "pulled 2 new response(s), 0 updated" in second.stdout
    pulled = desktop_responses(desktop)
    assert pulled == host_responses(host)
    by_source = {r["source"]: r for r in pulled.values()}
    assert by_source["store-1"]["answers"] == {"nps": (4, None, None)}
    assert by_source["store-1"]["completed_at"] is None  # partial: the score counts already
    assert by_source[None]["answers"]["reason"] == (None, "Quick and kind", None)
    with desktop.read() as workspace:
        db = workspace.db()
        linked = db.execute(
            "SELECT d.token, d.answered_at IS NOT NULL FROM responses r"
            " JOIN deliveries d ON d.id = r.delivery_id"
        ).fetchall()
        assert linked == [(tokens[0], 1)]


def test_a_response_completed_after_it_was_pulled_arrives_as_an_update(
    host: Host, desktop: Desktop
):
    _, tokens = prepare(desktop, people=1)
    desktop.sync()
    with host.client() as browser:
        scored = post_page(browser, f"/r/{tokens[0]}", {"nps": "6"})
        assert scored.status_code == 303
        next_page = scored.headers["location"]

        desktop.sync()
        (partial,) = desktop_responses(desktop).values()
        assert partial["completed_at"] is None
        assert partial["answers"] == {"nps": (6, None, None)}

        completed = post_page(browser, next_page, {"reason": PARKING})
        assert completed.status_code == 303

    later = desktop.sync()

    assert "pulled 0 new response(s), 1 updated" in later.stdout
    pulled = desktop_responses(desktop)
    assert len(pulled) == 1
    (response,) = pulled.values()
    assert response["completed_at"] is not None
    assert response["answers"] == {"nps": (6, None, None), "reason": (None, PARKING, None)}
    assert pulled == host_responses(host)


def test_syncing_again_changes_nothing(host: Host, desktop: Desktop):
    survey, _ = prepare(desktop, people=1)
    desktop.sync()
    with host.client() as browser:
        answered = post_page(browser, f"/s/{survey.slug}", {"nps": "10", "reason": "Great"})
        assert answered.status_code == 303
    desktop.sync()
    before = desktop_responses(desktop)
    cursor = desktop.cursor()

    again = desktop.sync()
    once_more = desktop.sync()

    for result in (again, once_more):
        assert "published 0 survey(s) and 0 delivery token(s)" in result.stdout
        assert "pulled 0 new response(s), 0 updated" in result.stdout
    assert desktop_responses(desktop) == before
    assert desktop.cursor() == cursor


def test_a_changed_survey_is_published_again(host: Host, desktop: Desktop):
    survey, _ = prepare(desktop, people=0)
    desktop.sync()
    with desktop.open() as workspace:
        assert survey.id is not None
        survey_store.set_status(workspace.db(), survey.id, SurveyStatus.CLOSED)

    result = desktop.sync()

    assert "published 1 survey(s)" in result.stdout
    with host.read() as workspace:
        assert str(survey_store.find_by_slug(workspace.db(), survey.slug).status) == "closed"
    with host.client() as browser:
        assert browser.get(f"/s/{survey.slug}").status_code == 410


def test_a_wrong_key_is_refused_with_a_clear_message(host: Host, desktop: Desktop, tmp_path):
    prepare(desktop, people=0)
    wrong = tmp_path / "wrong.key"
    wrong.write_text("not-the-key-" + "z" * 20, encoding="utf-8")

    refused = desktop.try_sync(key_file=wrong)

    assert refused.returncode == 1
    assert "refused the sync key" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert KEY not in refused.stderr and "not-the-key" not in refused.stderr
    with host.client() as client:
        bare = client.get("/api/sync/v1/status")
        wrong_key = client.get("/api/sync/v1/changes", headers=host.headers(key="x" * 32))
    for answer in (bare, wrong_key):
        assert answer.status_code == 401
        assert answer.json()["error"] == "unauthorized"
        assert answer.headers["www-authenticate"].startswith("Bearer")
    with desktop.read() as workspace:
        state = sync_store.load_state(workspace.db())
    assert state.last_error_kind == "auth" and "refused the sync key" in state.last_error


def test_an_unsubscribe_on_the_host_reaches_the_contact_on_the_desktop(
    host: Host, desktop: Desktop
):
    _, tokens = prepare(desktop, people=3)
    desktop.sync()
    with host.client() as browser:
        # A mail provider's one-click post (RFC 8058), and a person pressing the button.
        one_click = browser.post(
            f"/u/{tokens[0]}",
            content=b"List-Unsubscribe=One-Click",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        assert one_click.status_code == 200
        pressed = post_page(browser, f"/u/{tokens[1]}", {})
        assert pressed.status_code in (200, 303)

    result = desktop.sync()

    assert "2 unsubscribe(s)" in result.stdout
    with desktop.read() as workspace:
        db = workspace.db()
        left = db.execute(
            "SELECT c.name, o.channel FROM opt_outs o JOIN contacts c ON c.id = o.contact_id"
            " ORDER BY c.name"
        ).fetchall()
    assert left == [("Customer 0", "email"), ("Customer 1", "email")]
    assert "0 unsubscribe(s)" in desktop.sync().stdout


def test_the_host_names_the_business_as_the_desktop_does(host: Host, desktop: Desktop):
    survey, _ = prepare(desktop, people=0)
    with desktop.open() as workspace:
        settings_store.save(
            workspace.db(),
            business_name="さくらベーカリー",
            privacy_url="https://sakura.example.com/privacy",
        )
    desktop.sync()

    with host.client() as browser:
        page = browser.get(f"/s/{survey.slug}", headers={"Accept-Language": "ja"})
    assert "さくらベーカリー" in page.text
    assert "https://sakura.example.com/privacy" in page.text
    with host.read() as workspace:
        # Only what the pages show: the host's own address and port stay its own.
        stored = settings_store.load(workspace.db())
    assert stored.business_name == "さくらベーカリー" and stored.public_url == ""


def test_a_personal_link_on_the_host_opens_in_the_contacts_language(host: Host, desktop: Desktop):
    with desktop.open() as workspace:
        survey = make_survey(workspace, "nps", languages=("en", "ja"))
        assert survey.id is not None
        contact = contact_store.add(
            workspace.db(), name="さくら", email="sakura@example.com", language="ja"
        )
        token = new_token()
        delivery_store.create(
            workspace.db(), survey_id=survey.id, token=token, channel="email", contact_id=contact
        )
    desktop.sync()

    with host.client() as browser:
        english_phone = {"Accept-Language": "en-US,en;q=0.9"}
        page = browser.get(f"/r/{token}", headers=english_phone)
        chosen = browser.get(f"/r/{token}?lang=en", headers={"Accept-Language": "ja"})
    assert '<html lang="ja">' in page.text
    assert '<html lang="en">' in chosen.text
