"""``writing``: a transaction, and nested in one a savepoint that takes back only its own rows."""

import pytest

from storage.database import connect, writing


@pytest.fixture
def db(tmp_path):
    db = connect(tmp_path / "t.sqlite3")
    db.execute("CREATE TABLE notes (text TEXT)")
    yield db
    db.close()


def notes(db):
    return [row[0] for row in db.execute("SELECT text FROM notes ORDER BY rowid")]


def test_a_failing_inner_block_takes_back_only_its_own_rows(db):
    with writing(db):
        db.execute("INSERT INTO notes VALUES ('outer')")
        with writing(db):
            db.execute("INSERT INTO notes VALUES ('middle')")
            with pytest.raises(RuntimeError), writing(db):
                db.execute("INSERT INTO notes VALUES ('inner')")
                raise RuntimeError("inner fails")
            db.execute("INSERT INTO notes VALUES ('middle, after')")
        with pytest.raises(RuntimeError), writing(db):
            db.execute("INSERT INTO notes VALUES ('second middle')")
            with writing(db):
                db.execute("INSERT INTO notes VALUES ('its inner, kept by it')")
            raise RuntimeError("second middle fails")
        db.execute("INSERT INTO notes VALUES ('outer, after')")
    assert notes(db) == ["outer", "middle", "middle, after", "outer, after"]


def test_a_failing_outer_block_takes_back_everything(db):
    with pytest.raises(RuntimeError), writing(db):
        db.execute("INSERT INTO notes VALUES ('outer')")
        with writing(db):
            db.execute("INSERT INTO notes VALUES ('inner')")
        raise RuntimeError("outer fails")
    assert notes(db) == []
    assert not db.conn.in_transaction
