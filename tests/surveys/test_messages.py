"""Campaign messages: placeholders in ja/en, opt-out lines, SMS encoding, segments and cost."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from surveys import campaigns as c
from surveys import messages as m
from surveys.campaign_plan import Links, plan
from surveys.campaigns import Contact, Rules
from surveys.sms import sms_segments
from surveys.text import LocalText


def test_placeholders_in_english_and_japanese():
    fill = {"company": "Sakura Bakery", "link": "https://k.example/r/abc"}
    assert m.render("Hi {name}, from {company}: {link}", name="Ann", language="en", **fill) == (
        "Hi Ann, from Sakura Bakery: https://k.example/r/abc"
    )
    assert m.render("{name}様、{company}です。{link}", name="山田", language="ja", **fill) == (
        "山田様、Sakura Bakeryです。https://k.example/r/abc"
    )


def test_a_missing_name_reads_naturally():
    assert m.render("Hi {name},", name="", company="", link="", language="en") == "Hi there,"
    assert m.render("{name}様", name=" ", company="", link="", language="ja") == "お客様"


def test_a_missing_business_name_reads_naturally():
    # A text of the user's own: a plain noun phrase stands in, never "us".
    assert m.render("choosing {company}", name="", company="", link="", language="en") == (
        "choosing this business"
    )
    assert m.render("{company} thanks you", name="", company="", link="", language="en") == (
        "This business thanks you"
    )
    # The defaults are sent in their form without a name, which reads whole.
    sms = m.DEFAULT_SMS
    assert m.render(sms["en"], name="Ann", company=" ", link="L", language="en") == (
        "Hi Ann, thank you for being a customer. Would you take a minute to say how it went? L"
    )
    # Japanese SMS stays short enough for two segments with both links.
    assert m.render(sms["ja"], name="山田", company="", link="L", language="ja") == (
        "アンケートのお願い\nL"
    )


def test_a_contact_name_that_looks_like_a_placeholder_stays_as_typed():
    assert m.render("Hi {name}: {link}", name="{link}", company="", link="L", language="en") == (
        "Hi {link}: L"
    )


def test_other_braces_are_left_alone():
    assert m.render("{x} {link}", name="", company="", link="L", language="en") == "{x} L"


def test_language_follows_the_contact_when_the_survey_speaks_it():
    assert m.pick_language("ja_JP", ("en", "ja")) == "ja"
    assert m.pick_language("en", ("ja",)) == "ja"
    assert m.pick_language(None, ("en", "ja")) == "en"
    assert m.pick_language("fr", ("ja", "en")) == "ja"


def test_opt_out_lines():
    assert m.sms_text("Hi", language="en", recipient="+14155550100", unsubscribe_url="U") == (
        "Hi\nReply STOP to opt out"
    )
    assert m.sms_text(
        "こんにちは", language="ja", recipient="+819012345678", unsubscribe_url="U"
    ) == ("こんにちは\n配信停止 U")
    # A body that holds its opt-out link already is final: never a second line.
    once = m.sms_text("Hi", language="en", recipient="+819012345678", unsubscribe_url="U")
    assert m.sms_text(once, language="en", recipient="+819012345678", unsubscribe_url="U") == once


# A realistic public address (30 characters) and the 22-character tokens of channels.links.
PUBLIC = "https://survey.example-shop.jp"
TOKEN = "Zk3v9QmT1xYb8LcN2pRw7A"


@pytest.mark.parametrize("company", ["", "珈琲こえ", "さくら歯科"])
def test_the_default_japanese_invitation_fits_two_segments_with_its_opt_out_link(company):
    body = m.render(
        m.DEFAULT_SMS["ja"],
        name="山田花子",
        company=company,
        link=f"{PUBLIC}/r/{TOKEN}",
        language="ja",
    )
    text = m.sms_text(
        body, language="ja", recipient="+819012345678", unsubscribe_url=f"{PUBLIC}/u/{TOKEN}"
    )
    assert text.endswith(f"\n配信停止 {PUBLIC}/u/{TOKEN}") and f"{PUBLIC}/r/{TOKEN}" in text
    count = sms_segments(text)
    assert (count.encoding, count.segments) == ("UCS-2", 2)
    assert count.characters <= 134  # 2 x 67 UCS-2 units
    reminder = body.replace("アンケートのお願い", "アンケート（再送）")
    assert (
        m.render(
            m.DEFAULT_REMINDER_SMS["ja"],
            name="",
            company=company,
            link=f"{PUBLIC}/r/{TOKEN}",
            language="ja",
        )
        == reminder
    )


def test_sms_encoding_segments_and_cost():
    gsm = m.sms_estimate("a" * 160, "0.0079")
    assert (gsm.encoding, gsm.segments, gsm.cost) == ("GSM-7", 1, Decimal("0.0079"))
    split = m.sms_estimate("a" * 161, "0.0079")
    assert (split.segments, split.cost) == (2, Decimal("0.0158"))
    ja = m.sms_estimate("あ" * 71, Decimal("8.5"))
    assert (ja.encoding, ja.segments, ja.cost) == ("UCS-2", 2, Decimal("17.0000"))


def test_plan_renders_each_contact_in_their_language_with_reminders():
    now = datetime(2026, 6, 1, 3, 0, tzinfo=UTC)  # 12:00 in Tokyo
    people = [
        Contact(1, "山田", phone="+819012345678", language="ja"),
        Contact(
            2,
            "Ann",
            email="ann@example.com",
            language="en",
            attributes={"timezone": "America/New_York"},
        ),
    ]
    decisions = c.decide_all(people, c.SMS_ELSE_EMAIL, Rules(), now)
    tokens = iter(["tok1", "tok2"])
    planned = plan(
        decisions,
        templates=m.Templates.defaults(),
        survey_languages=("en", "ja"),
        company="Sakura",
        rules=Rules(),
        start=now,
        new_token=lambda: next(tokens),
        links=Links(lambda t: f"https://k.example/r/{t}", lambda t: f"https://k.example/u/{t}"),
    )
    yamada, ann = planned
    assert (yamada.channel, yamada.token, yamada.language) == ("sms", "tok1", "ja")
    invitation, reminder = yamada.messages
    assert invitation.body.startswith("【Sakura】アンケートのお願い")
    assert "https://k.example/r/tok1" in invitation.body
    assert invitation.body.endswith("配信停止 https://k.example/u/tok1")
    assert invitation.not_before == now
    assert reminder.purpose == "reminder" and "https://k.example/r/tok1" in reminder.body
    # 23:00 in New York: held to 09:00 EDT = 13:00 UTC.
    assert ann.channel == "email"
    assert ann.messages[0].not_before == datetime(2026, 6, 1, 13, 0, tzinfo=UTC)
    assert ann.messages[0].subject == "A quick question from Sakura"
    assert ann.messages[1].subject == "Reminder: a quick question from Sakura"


def test_templates_fall_back_to_a_language_that_has_text():
    templates = m.Templates.defaults()
    templates = m.Templates(LocalText(en="Only {link}"), *list(templates.__dict__.values())[1:])
    assert templates.sms.get_for("ja") == "Only {link}"
