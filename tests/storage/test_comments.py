"""Comments: search in Japanese and English (two-character words too), tags, NPS per tag."""

import pytest

from channels.links import new_token
from storage import comments, deliveries, responses
from storage import contacts as contact_store
from storage.comments import CommentFilter
from surveys.questions import Band
from tests.conftest import make_survey

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
    # The detractors are the closed loop's list: the 5 without a comment is on it too.
    assert texts(stored, band=Band.DETRACTOR) == {"価格が高すぎます", "サポートの対応が遅い", ""}
    assert len(comments.fetch(stored, CommentFilter(band=Band.DETRACTOR), offset=1, limit=5)) == 2
    assert texts(stored, band=Band.PASSIVE) == {"The price is fair and support answered fast"}


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


def scores_by_tag(db, survey):
    return {t.tag: (t.comments, t.score.value) for t in comments.tag_scores(db, survey)}


def test_a_reports_tag_scores_need_no_stored_tags(stored, nps_survey):
    """A report from a read-only workspace tags comments in memory, as storing would."""
    before = scores_by_tag(stored, nps_survey)
    assert stored.execute("SELECT count(*) FROM comment_tags").fetchone()[0] == 0
    comments.apply_pending(stored)
    assert scores_by_tag(stored, nps_survey) == before
    assert before["price"] == (2, pytest.approx(-50.0))
    assert before["onboarding"] == (1, pytest.approx(100.0))
    # Most frequent first; equal counts in the keys' order.
    assert [t.tag for t in comments.tag_scores(stored, nps_survey, limit=3)] == [
        "price",
        "support",
        "onboarding",
    ]


def test_a_reports_tag_scores_respect_manual_and_removed_tags(stored, nps_survey):
    comments.apply_pending(stored)
    price = next(c for c in comments.fetch(stored) if c.text == "価格が高すぎます")
    comments.remove_tag(stored, price.answer_id, "price")
    comments.add_tag(stored, price.answer_id, "urgent")
    # New lists: every comment is pending again; the manual and removed rows still hold.
    comments.set_keywords(stored, comments.keywords(stored))
    scores = scores_by_tag(stored, nps_survey)
    assert scores["price"] == (1, pytest.approx(0.0))  # only the 8 is left: a passive
    assert scores["urgent"] == (1, pytest.approx(-100.0))


def test_tag_scores_use_the_surveys_own_score(workspace):
    survey = make_survey(workspace, "csat", languages=("ja",))
    db = workspace.db()
    text_qid = next(q.qid for q in survey.questions if q.is_text)
    for score, text in [(5, "スタッフが親切"), (2, "スタッフが少ない"), (4, "価格が手頃")]:
        answers = survey.parse_answers({survey.headline_question.qid: str(score), text_qid: text})
        responses.record(db, survey, answers, language="ja")
    (staff,) = [t for t in comments.tag_scores(db, survey) if t.tag == "staff"]
    assert staff.comments == 2 and staff.score.value == pytest.approx(50.0)  # % satisfied
    assert staff.score.formatted() == "50%"
