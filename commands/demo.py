"""``demo``: a workspace full of realistic data to explore Koe with.

A café chain with three shops and an online store: an NPS and a CSAT survey
(both open), ~300 contacts with store and plan attributes, and ~2,000
responses over the last twelve weeks with comments in Japanese and English.
The data is made from a fixed seed, so two demos are alike.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from sqlite_utils import Database

from channels.links import new_slug, new_token
from commands.errors import CommandError
from storage import contacts, deliveries, responses
from storage import settings as settings_store
from storage import surveys as survey_store
from storage.database import utc_now, writing
from storage.workspace import Workspace
from surveys.model import Survey, SurveyStatus
from surveys.scoring import NpsCategory, nps_category
from surveys.templates import survey_from_template

BUSINESS = "Café Koe"
STORES = ["shibuya", "shinjuku", "yokohama", "online"]
PLANS = ["free", "standard", "premium"]
WEEKS = 12

FAMILY = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤"]
GIVEN = ["陽菜", "蓮", "結衣", "悠真", "葵", "湊", "さくら", "大翔", "美咲", "健太"]
ENGLISH = [
    "Emma Brown",
    "Liam Smith",
    "Olivia Jones",
    "Noah Wilson",
    "Ava Taylor",
    "Lucas Martin",
    "Mia Clark",
    "Ethan Lewis",
    "Sophie Walker",
    "James Hall",
]

COMMENTS = {
    ("ja", NpsCategory.PROMOTER): [
        "スタッフの対応がいつも丁寧で、居心地が良いです。",
        "コーヒーの香りが素晴らしい。毎朝の楽しみです。",
        "モバイル注文が便利で、待ち時間がほとんどありません。",
        "季節限定のケーキが美味しかったです。",
        "価格以上の満足感があります。友人にも勧めました。",
    ],
    ("ja", NpsCategory.PASSIVE): [
        "味は良いですが、週末は混みすぎています。",
        "価格がもう少し安ければ通う回数が増えると思います。",
        "席が少ないので、持ち帰りばかりになります。",
        "悪くはないですが、特に印象に残る点はありませんでした。",
    ],
    ("ja", NpsCategory.DETRACTOR): [
        "注文を間違えられ、対応も遅かったです。",
        "価格が高すぎると感じます。",
        "店内が騒がしくて落ち着けませんでした。",
        "アプリのポイントが反映されず、サポートの返事もありません。",
        "待ち時間が長すぎます。",
    ],
    ("en", NpsCategory.PROMOTER): [
        "Friendly baristas and the best flat white in town.",
        "Mobile ordering saves me ten minutes every morning.",
        "Great seasonal menu, I bring my colleagues here.",
        "Consistently good coffee and a calm place to work.",
    ],
    ("en", NpsCategory.PASSIVE): [
        "Good coffee, but it gets too crowded at lunch.",
        "Prices went up recently; still fine.",
        "Decent, though the Wi-Fi is slow.",
    ],
    ("en", NpsCategory.DETRACTOR): [
        "Waited 20 minutes for a latte.",
        "My order was wrong twice this month.",
        "Too expensive for what you get.",
        "The app keeps logging me out and support never replied.",
    ],
}


def _contacts(db: Database, rng: random.Random, count: int) -> list[tuple[int, str]]:
    made = []
    for i in range(count):
        if rng.random() < 0.75:
            name, language = rng.choice(FAMILY) + " " + rng.choice(GIVEN), "ja"
        else:
            name, language = rng.choice(ENGLISH), "en"
        # 090-1xxx-xxxx to 090-9xxx-xxxx: real Japanese mobile ranges, so SMS sends to them.
        phone = f"+8190{rng.randrange(10**7, 10**8)}" if rng.random() < 0.85 else None
        email = f"customer{i + 1}@example.com" if rng.random() < 0.8 or phone is None else None
        attributes = {"store": rng.choice(STORES), "plan": rng.choices(PLANS, [5, 3, 2])[0]}
        contact_id = contacts.add(
            db,
            name=name,
            phone=phone,
            email=email,
            language=language,
            attributes=attributes,
            phone_kind="mobile" if phone else None,
        )
        # The café collected consent at sign-up, as its customers' records say.
        for channel, address in (("sms", phone), ("email", email)):
            if address:
                contacts.give_consent(db, contact_id, channel, "imported")
        made.append((contact_id, language))
    return made


def _score(rng: random.Random, kind: str, progress: float) -> int:
    """A score that improves a little over the twelve weeks, as a shop that listens does."""
    if kind == "nps":
        weights = [3, 2, 2, 3, 3, 5, 7, 10, 15, 14 + 8 * progress, 11 + 10 * progress]
        return rng.choices(range(11), weights)[0]
    weights = [4, 6, 14, 38 + 6 * progress, 30 + 8 * progress]
    return rng.choices(range(1, 6), weights)[0]


def _comment(rng: random.Random, language: str, kind: str, score: int) -> str | None:
    if rng.random() > 0.45:
        return None
    return rng.choice(COMMENTS[(language, _mood(kind, score))])


def _mood(kind: str, score: int) -> NpsCategory:
    """Which pool of comments fits a score: NPS categories, or CSAT 5 / 4 / 1–3."""
    if kind == "nps":
        return nps_category(score)
    return {5: NpsCategory.PROMOTER, 4: NpsCategory.PASSIVE}.get(score, NpsCategory.DETRACTOR)


def _stored(db: Database, key: str, title_en: str, title_ja: str) -> Survey:
    survey = survey_from_template(key, languages=("ja", "en"), company=BUSINESS)
    survey.title["en"], survey.title["ja"] = title_en, title_ja
    survey.slug = new_slug()
    stored = survey_store.create(db, survey)
    assert stored.id is not None
    return survey_store.set_status(db, stored.id, SurveyStatus.OPEN)


def _fill(
    db: Database,
    survey: Survey,
    count: int,
    people: list[tuple[int, str]],
    rng: random.Random,
    now: datetime,
) -> None:
    kind = str(survey.kind)
    # Oldest first, so response numbers follow time as they would in real use.
    ages = sorted((rng.random() * WEEKS * 7 for _ in range(count)), reverse=True)
    for age in ages:
        moment = now - timedelta(days=age, minutes=rng.randrange(600))
        progress = 1 - age / (WEEKS * 7)
        delivery = None
        if rng.random() < 0.6:
            contact_id, language = rng.choice(people)
            channel = rng.choices(["sms", "email"], [3, 2])[0]
            assert survey.id is not None
            delivery = deliveries.create(
                db, survey_id=survey.id, token=new_token(), channel=channel, contact_id=contact_id
            )
            source = None
        else:
            language = rng.choices(["ja", "en"], [4, 1])[0]
            source = rng.choice(STORES[:3])
        score = _score(rng, kind, progress)
        form = {survey.questions[0].qid: str(score)}
        comment = _comment(rng, language, kind, score)
        if comment:
            form["reason"] = comment
        responses.record(
            db,
            survey,
            survey.parse_answers(form),
            language=language,
            delivery=delivery,
            source=source,
            now=moment,
        )


def run(workspace: Workspace, *, seed: int = 7) -> str:
    """Fill an empty workspace with demo data; returns a one-line summary."""
    db = workspace.db()
    if survey_store.list_all(db) or contacts.count(db):
        raise CommandError(
            f"{workspace.folder} already holds data; the demo needs an empty workspace folder"
        )
    rng = random.Random(seed)
    now = utc_now()
    with writing(db):
        settings_store.save(db, business_name=BUSINESS)
        people = _contacts(db, rng, 300)
        nps = _stored(db, "nps", "Café Koe — would you recommend it?", "Café Koe おすすめ度調査")
        csat = _stored(db, "csat", "Café Koe — visit satisfaction", "Café Koe ご来店満足度")
        _fill(db, nps, 1300, people, rng, now)
        _fill(db, csat, 700, people, rng, now)
    total = responses.count(db, nps.id or 0) + responses.count(db, csat.id or 0)
    return f"demo workspace ready in {workspace.folder}: 2 surveys, 300 contacts, {total} responses"
