"""The comment search index is written after the answer, and search stays exact."""

import time

from sqlite_utils import Database

from channels.links import new_slug
from storage import comment_index, comments, responses
from storage import surveys as survey_store
from storage.comments import CommentFilter
from storage.database import connect
from storage.group_commit import GroupCommit
from storage.schema import migrations
from storage.workspace import Workspace
from surveys.templates import survey_from_template


def record(db, survey, text, score=9):
    return responses.record(
        db, survey, survey.parse_answers({"nps": str(score), "reason": text}), language="ja"
    )


def found(db, search):
    return {c.text for c in comments.fetch(db, CommentFilter(search=search))}


def indexed(db: Database) -> set[str]:
    return {row[0] for row in db.execute("SELECT body FROM comments_fts")}


def test_a_comment_is_found_the_moment_it_is_stored(workspace, nps_survey):
    db = workspace.db()
    record(db, nps_survey, "スタッフがとても親切でした")
    assert indexed(db) == set()  # stored without touching the index...
    assert comment_index.behind(db) > 0
    assert found(db, "親切") == {"スタッフがとても親切でした"}  # ...and found at once
    assert found(db, "とても親切") == {"スタッフがとても親切でした"}
    assert comments.count(db, CommentFilter(search="スタッフ")) == 1
    assert comment_index.behind(db) == 0
    assert indexed(db) == {"スタッフがとても親切でした"}


def test_tags_reach_comments_not_indexed_yet(workspace, nps_survey):
    db = workspace.db()
    answer_text = "価格が高すぎます"
    record(db, nps_survey, answer_text, score=2)
    assert comments.apply_pending(db) == 1
    assert found(db, "価格") == {answer_text}
    assert {c.text for c in comments.fetch(db, CommentFilter(tag="price"))} == {answer_text}


def test_a_read_only_connection_finds_comments_the_index_has_not_got(workspace, nps_survey):
    db = workspace.db()
    record(db, nps_survey, "前からある Friendly staff コメント")
    comment_index.catch_up(db)
    record(db, nps_survey, "サポートの対応が遅い")
    record(db, nps_survey, "The coffee was FRIENDLY priced")
    reader = Workspace.open_read_only(workspace.folder)
    try:
        ro = reader.db()
        assert found(ro, "対応") == {"サポートの対応が遅い"}
        assert found(ro, "サポート") == {"サポートの対応が遅い"}
        assert found(ro, "friendly") == {
            "前からある Friendly staff コメント",
            "The coffee was FRIENDLY priced",
        }
        assert found(ro, "遅い 対応") == {"サポートの対応が遅い"}
        assert found(ro, "存在しない") == set()
    finally:
        reader.close()
    assert comment_index.behind(db) > 0  # the reader wrote nothing


def test_an_answer_given_a_deleted_newest_answers_id_is_indexed_at_once(workspace, nps_survey):
    db = workspace.db()
    record(db, nps_survey, "最初のコメント")
    doomed = record(db, nps_survey, "消される回答")
    comment_index.catch_up(db)
    mark = comment_index.mark(db)
    db.execute("DELETE FROM responses WHERE id = ?", [doomed])
    record(db, nps_survey, "あとから来た回答")
    reused = db.execute("SELECT id FROM answers WHERE value_text = 'あとから来た回答'").fetchone()[
        0
    ]
    assert reused <= mark  # SQLite gave the deleted answers' ids again
    assert "あとから来た回答" in indexed(db)  # below the mark: the trigger indexed it
    assert "消される回答" not in indexed(db)
    assert found(db, "回答") == {"あとから来た回答"}


def test_a_comment_changed_before_it_was_indexed_is_found_by_its_new_text(workspace, nps_survey):
    db = workspace.db()
    record(db, nps_survey, "価格が高すぎます")
    db.execute("UPDATE answers SET value_text = '料金は妥当' WHERE value_text = '価格が高すぎます'")
    assert found(db, "価格") == set()
    assert found(db, "料金") == {"料金は妥当"}
    db.execute("UPDATE answers SET value_text = '料金は安い' WHERE value_text = '料金は妥当'")
    assert found(db, "料金") == {"料金は安い"}  # indexed, the update trigger keeps it in step
    assert indexed(db) == {"料金は安い"}


def test_a_comment_blanked_before_it_was_indexed_never_reaches_the_index(workspace, nps_survey):
    # What deleting a contact does to their comment (storage.contact_deletion).
    db = workspace.db()
    record(db, nps_survey, "山田花子です。090-1234-5678 まで")
    db.execute("UPDATE answers SET value_text = '' WHERE value_text LIKE '山田%'")
    assert comment_index.catch_up(db)
    held = db.execute("SELECT count(*) FROM comments_fts_content WHERE c0 LIKE '%山田%'")
    assert held.fetchone()[0] == 0


def test_the_writer_indexes_once_quiet(workspace, nps_survey):
    writer = GroupCommit(workspace.db_path, idle=comment_index.keep_up, quiet=0.05)
    try:
        for n in range(3):
            writer.run(lambda db, n=n: record(db, nps_survey, f"書き手のコメント {n}"))
        db = workspace.db()
        deadline = time.monotonic() + 10
        while comment_index.behind(db) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert comment_index.behind(db) == 0
        assert indexed(db) == {f"書き手のコメント {n}" for n in range(3)}
    finally:
        writer.close()


def test_a_busy_writer_indexes_a_large_backlog_in_batches(workspace, nps_survey, monkeypatch):
    monkeypatch.setattr(comment_index, "BACKLOG", 6)
    monkeypatch.setattr(comment_index, "BATCH", 4)
    db = workspace.db()
    for n in range(2):
        record(db, nps_survey, f"コメント {n}")
    assert comment_index.keep_up(db, quiet=False)  # 4 answers waiting: not yet
    assert indexed(db) == set()
    record(db, nps_survey, "コメント 2")  # 6 waiting: a batch of 4 ids, 2 comments
    assert comment_index.keep_up(db, quiet=False)
    assert indexed(db) == {"コメント 0", "コメント 1"}
    assert not comment_index.keep_up(db, quiet=True)  # quiet: the rest
    assert indexed(db) == {"コメント 0", "コメント 1", "コメント 2"}


def test_comments_indexed_before_the_upgrade_stay_found(tmp_path):
    folder = tmp_path / "ws"
    folder.mkdir()
    # An older Koe's workspace: its comments were indexed as they were stored.
    db = connect(folder / "koe.sqlite3")
    migrations.apply(db, stop_before="0026_comment_index_later")
    draft = survey_from_template("nps", languages=("en", "ja"), company="Old Shop")
    draft.slug = new_slug()
    survey = survey_store.create(db, draft)
    record(db, survey, "old staff comment")
    db.close()
    with Workspace.open(folder) as workspace:
        db = workspace.db()
        assert comment_index.behind(db) == 0  # nothing to catch up: all was indexed
        assert indexed(db) == {"old staff comment"}
        record(db, survey, "new staff comment")
        assert indexed(db) == {"old staff comment"}
        assert found(db, "staff") == {"old staff comment", "new staff comment"}
