"""Storage for the respondent site: opt-outs, "opened", the new settings and the form key."""

from __future__ import annotations

from datetime import UTC, datetime

from channels.links import new_token
from storage import contacts as contact_store
from storage import deliveries as delivery_store
from storage import opt_outs, site_keys
from storage import settings as settings_store
from storage.workspace import Workspace
from surveys.model import Survey


def test_opt_out_is_per_contact_and_channel_and_kept_once(workspace: Workspace):
    db = workspace.db()
    aoi = contact_store.add(db, name="Aoi", email="aoi@example.com")
    ren = contact_store.add(db, name="Ren", phone="+819012345678")
    first = datetime(2026, 5, 1, 9, 30, tzinfo=UTC)

    assert opt_outs.opt_out(db, aoi, "email", now=first) is True
    assert opt_outs.opt_out(db, aoi, "email", source="reply") is False  # the first is kept
    assert opt_outs.opt_out(db, aoi, "sms") is True

    assert opt_outs.is_opted_out(db, aoi, "email") and opt_outs.is_opted_out(db, aoi, "sms")
    assert not opt_outs.is_opted_out(db, ren, "email")
    listed = opt_outs.list_for_contact(db, aoi)
    assert [(o.channel, o.source) for o in listed] == [("email", "link"), ("sms", "link")]
    assert listed[0].created_at == first
    assert opt_outs.list_for_contact(db, ren) == []


def test_mark_opened_keeps_the_first_time(workspace: Workspace, nps_survey: Survey):
    db = workspace.db()
    assert nps_survey.id is not None
    delivery = delivery_store.create(db, survey_id=nps_survey.id, token=new_token(), channel="sms")
    assert not delivery.opened

    assert delivery_store.mark_opened(db, delivery.id, now=datetime(2026, 5, 1, tzinfo=UTC))
    assert not delivery_store.mark_opened(db, delivery.id)

    after = delivery_store.get(db, delivery.id)
    assert after is not None and after.opened and after.status == "created"
    opened_at = db.execute("SELECT opened_at FROM deliveries WHERE id = ?", [delivery.id])
    assert opened_at.fetchone() == ("2026-05-01T00:00:00+00:00",)


def test_respondent_site_settings_have_safe_defaults_and_round_trip(workspace: Workspace):
    db = workspace.db()
    defaults = settings_store.load(db)
    assert (defaults.follow_up_detractors, defaults.referral_url, defaults.review_url) == (
        False,
        "",
        "",
    )
    assert (defaults.rate_limit_per_minute, defaults.trusted_proxies) == (20, ())

    saved = settings_store.save(
        db,
        follow_up_detractors=True,
        referral_url="https://example.com/refer",
        review_url="https://g.page/r/x/review",
        rate_limit_per_minute=60,
        trusted_proxies=["127.0.0.1", "10.0.0.0/8"],
    )

    assert saved == settings_store.load(db)
    assert saved.trusted_proxies == ("127.0.0.1", "10.0.0.0/8")
    assert saved.follow_up_detractors and saved.rate_limit_per_minute == 60


def test_form_key_is_made_once_per_workspace(workspace: Workspace, tmp_path):
    key = site_keys.form_key(workspace.db())

    assert len(key) == 32
    assert site_keys.form_key(workspace.db()) == key
    with Workspace.open(tmp_path / "other") as other:
        assert site_keys.form_key(other.db()) != key
    assert settings_store.load(workspace.db()) == settings_store.Settings()  # not a setting
