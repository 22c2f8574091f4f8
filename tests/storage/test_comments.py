"""Comments: search in Japanese and English (two-character words too), tags, NPS per tag."""

import pytest

from channels.links import new_token
from storage import comments, deliveries, responses
from storage import contacts as contact_store
from storage.comments import CommentFilter
from surveys.questions import Band

TEXTS = [
    (2, "価格が高すぎます", "ja"),
    (4, "サポートの対応が遅い", "ja"),
    (10, "スタッフがとても親切でした", "ja"),
    (8, "The price is fair and support answered fast", "en"),
    (9, "Great onboarding, thank you", "en"),
]


@pytest.fixture
def stored(workspace, nps_survey):
    db = workspace.db()
    for score, text, language in TEXTS:
        answers = nps_survey.parse_answers({"nps": str(score), "reason": text})
        responses.record(db, nps_survey, answers, language=language)
    responses.record(db, nps_survey, nps_survey.parse_answers({"nps": "5"}), language="en")
    return db


def texts(db, **kwargs):
    return {c.text for c in comments.fetch(db, CommentFilter(**kwargs))}


def test_every_comment_is_listed_newest_first_with_its_score_and_band(stored, nps_survey):
    listed = comments.fetch(stored, CommentFilter(survey_id=nps_survey.id))
    assert [c.text for c in listed] == [t for _, t, _ in reversed(TEXTS)]
    first = listed[-1]
    assert first.score == 2 and first.band is Band.DETRACTOR and first.language == "ja"
    assert first.scale_max == 10
    assert listed[0].band is Band.PROMOTER and listed[1].band is Band.PASSIVE
    assert comments.count(stored, CommentFilter(survey_id=nps_survey.id)) == 5


def test_two_character_japanese_words_are_found(stored):
    assert texts(stored, search="価格") == {"価格が高すぎます"}
    assert texts(stored, search="対応") == {"サポートの対応が遅い"}


def test_longer_japanese_and_english_words_are_found(stored):
    assert texts(stored, search="サポート") == {"サポートの対応が遅い"}
    assert texts(stored, search="PRICE") == {"The price is fair and support answered fast"}
    assert texts(stored, search="support fast") == {"The price is fair and support answered fast"}
    assert texts(stored, search="対応 遅い") == {"サポートの対応が遅い"}
    assert texts(stored, search="nothing like this") == set()


def test_search_special_characters_are_plain_text(stored):
    assert texts(stored, search='"') == set()
    assert texts(stored, search="%") == set()
    assert texts(stored, search="a_b OR") == set()


def test_an_edited_comment_is_searched_by_its_new_text(stored):
    answer_id = stored.execute(
        "SELECT id FROM answers WHERE value_text = '価格が高すぎます'"
    ).fetchone()[0]
    stored.execute("UPDATE answers SET value_text = '料金は妥当' WHERE id = ?", [answer_id])
    assert texts(stored, search="価格") == set()
    assert texts(stored, search="料金") == {"料金は妥当"}


def test_band_filter(stored):
    assert texts(stored, band=Band.DETRACTOR) == {"価格が高すぎます", "サポートの対応が遅い"}
    assert len(comments.fetch(stored, CommentFilter(band=Band.DETRACTOR), offset=1, limit=5)) == 1


def test_contact_attributes_come_with_the_comment(workspace, nps_survey):
    db = workspace.db()
    contact = contact_store.add(db, name="佐藤 花子", phone="+819012345678")
    db.execute('UPDATE contacts SET attributes = \'{"store": "渋谷"}\' WHERE id = ?', [contact])
    delivery = deliveries.create(
        db, survey_id=nps_survey.id, token=new_token(), channel="sms", contact_id=contact
    )
    answers = nps_survey.parse_answers({"nps": "3", "reason": "待ち時間が長い"})
    responses.record(db, nps_survey, answers, language="ja", delivery=delivery)
    (comment,) = comments.fetch(db)
    assert comment.contact_name == "佐藤 花子" and comment.attributes == {"store": "渋谷"}


def test_default_keywords_tag_new_and_existing_comments(stored):
    assert comments.apply_pending(stored) == 5
    by_text = {c.text: c.tags for c in comments.fetch(stored)}
    assert by_text["価格が高すぎます"] == ["price"]
    assert by_text["サポートの対応が遅い"] == ["speed", "support"]
    assert by_text["The price is fair and support answered fast"] == ["price", "support"]
    assert by_text["Great onboarding, thank you"] == ["onboarding"]
    assert comments.apply_pending(stored) == 0
    assert texts(stored, tag="price") == {
        "価格が高すぎます",
        "The price is fair and support answered fast",
    }


def test_changed_keyword_lists_retag_every_comment(stored):
    comments.apply_pending(stored)
    lists = comments.keywords(stored)
    lists["price"] = ["高すぎ"]
    lists["kindness"] = ["親切"]
    comments.set_keywords(stored, lists)
    assert comments.apply_pending(stored) == 5
    by_text = {c.text: c.tags for c in comments.fetch(stored)}
    assert by_text["The price is fair and support answered fast"] == ["support"]
    assert by_text["スタッフがとても親切でした"] == ["kindness", "staff"]


def test_manual_tags_survive_a_rerun_and_removed_ones_stay_off(stored):
    comments.apply_pending(stored)
    comment = next(c for c in comments.fetch(stored) if c.text == "価格が高すぎます")
    comments.add_tag(stored, comment.answer_id, "urgent")
    comments.remove_tag(stored, comment.answer_id, "price")
    comments.set_keywords(stored, comments.keywords(stored))
    comments.apply_pending(stored)
    again = next(c for c in comments.fetch(stored) if c.text == "価格が高すぎます")
    assert again.tags == ["urgent"]
    comments.add_tag(stored, comment.answer_id, "price")
    assert next(c for c in comments.fetch(stored) if c.answer_id == comment.answer_id).tags == [
        "price",
        "urgent",
    ]


def test_counts_and_nps_per_tag(stored):
    comments.apply_pending(stored)
    stats = {s.tag: s for s in comments.tag_stats(stored)}
    # price: scores 2 and 8 → one detractor of two → −50
    assert stats["price"].comments == 2 and stats["price"].nps == pytest.approx(-50.0)
    # support: 4 and 8 → −50; onboarding: 9 → +100
    assert stats["support"].nps == pytest.approx(-50.0)
    assert stats["onboarding"].nps == pytest.approx(100.0)
    assert "UI" not in stats
