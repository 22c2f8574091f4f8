"""When the set-up assistant is due, and what finishing or skipping it stores."""

from __future__ import annotations

from commands import demo
from storage import comments, first_run
from storage import contacts as contact_store
from storage import settings as settings_store
from storage.workspace import Workspace
from surveys.model import SurveyStatus
from surveys.tags import TAG_SETS
from tests.conftest import make_survey


def test_a_new_workspace_is_due(workspace: Workspace):
    assert first_run.is_due(workspace.db())


def test_a_workspace_with_anything_of_its_own_is_not(workspace: Workspace, tmp_path):
    db = workspace.db()
    settings_store.save(db, business_name="Sakura Bakery")
    assert not first_run.is_due(db)
    with Workspace.open(tmp_path / "with-survey") as other:
        make_survey(other, status=SurveyStatus.DRAFT)  # even a draft is the owner's own
        assert not first_run.is_due(other.db())
    with Workspace.open(tmp_path / "with-contact") as other:
        contact_store.add(other.db(), name="Ann", email="ann@example.com")
        assert not first_run.is_due(other.db())


def test_the_demo_workspace_is_not_due(tmp_path):
    with Workspace.open(tmp_path / "demo") as ws:
        demo.run(ws)
        assert not first_run.is_due(ws.db())


def test_skipping_stores_only_that_it_was_seen(workspace: Workspace):
    db = workspace.db()
    before = settings_store.load(db)
    lists = comments.keywords(db)
    after = first_run.skip(db)
    assert after == settings_store.Settings(
        **{**settings_store.as_dict(before), "setup_done": True}
    )
    assert comments.keywords(db) == lists
    assert not first_run.is_due(db)


def test_finishing_stores_the_answers_and_the_tags_that_fit(workspace: Workspace):
    db = workspace.db()
    saved, replaced = first_run.finish(
        db,
        "salon",
        language="ja",
        business_name="美容室さくら",
        time_zone="Asia/Tokyo",
        reach_plan="lan",
        lan_enabled=True,
    )
    assert replaced
    assert (saved.language, saved.business_name, saved.time_zone) == (
        "ja",
        "美容室さくら",
        "Asia/Tokyo",
    )
    assert (saved.business_kind, saved.reach_plan, saved.lan_enabled) == ("salon", "lan", True)
    assert saved.setup_done and settings_store.load(db) == saved
    assert comments.keywords(db) == {tag: list(words) for tag, words in TAG_SETS["salon"].items()}
    # Asked again later with another kind: a built-in set gives way to the new one.
    _, replaced = first_run.finish(db, "cafe")
    assert replaced and list(comments.keywords(db)) == list(TAG_SETS["cafe"])


def test_lists_the_owner_edited_are_kept(workspace: Workspace):
    db = workspace.db()
    own = {"コーヒー": ["コーヒー", "珈琲"], "price": ["価格"]}
    comments.set_keywords(db, own)
    saved, replaced = first_run.finish(db, "cafe", business_name="Café Koe")
    assert not replaced and comments.keywords(db) == own
    assert saved.business_kind == "cafe"


def test_no_kind_keeps_the_general_tags(workspace: Workspace):
    db = workspace.db()
    lists = comments.keywords(db)
    saved, replaced = first_run.finish(db, "", business_name="Koe Shop", reach_plan="trial")
    assert not replaced and comments.keywords(db) == lists
    assert saved.business_kind == "" and saved.reach_plan == "trial"
