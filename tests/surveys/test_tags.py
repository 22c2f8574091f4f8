import pytest

from surveys.tags import (
    BUILT_IN_LABELS,
    TAG_SETS,
    normalise,
    parse_keywords,
    tag_key,
    tag_label,
    tags_for,
)

KEYWORDS = {
    "price": ["price", "価格", "料金", "高い"],
    "support": ["support", "サポート", "対応"],
    "UI": ["UI", "画面", "使いにくい"],
}


def test_japanese_and_english_keywords_match():
    assert tags_for("価格が高いです", KEYWORDS) == ["price"]
    assert tags_for("The PRICE is fine but support was slow", KEYWORDS) == ["price", "support"]
    assert tags_for("ありがとう", KEYWORDS) == []


def test_full_width_and_half_width_forms_match():
    assert tags_for("ＵＩが分かりにくい", KEYWORDS) == ["UI"]
    assert tags_for("ｻﾎﾟｰﾄが親切", KEYWORDS) == ["support"]
    assert normalise("ＰＲＩＣＥ") == "price"


def test_blank_keywords_match_nothing():
    assert tags_for("anything", {"empty": ["", "  "]}) == []


def test_keywords_are_split_on_commas_and_slashes():
    assert parse_keywords("価格、料金, price / 高い,価格") == ["価格", "料金", "price", "高い"]


def test_built_in_tags_read_in_the_users_language():
    assert [tag_label(t, "ja") for t in ("price", "support", "staff")] == [
        "価格",
        "サポート",
        "スタッフ",
    ]
    assert [tag_label(t, "en") for t in ("price", "support", "UI")] == ["Price", "Support", "UI"]
    assert tag_label("price", "fr") == "Price"  # English when the language has no labels


def test_every_default_tag_has_both_labels():
    from storage.schema import _DEFAULT_TAGS

    every_set = [_DEFAULT_TAGS, *TAG_SETS.values()]
    assert set(BUILT_IN_LABELS) == {tag for lists in every_set for tag in lists}
    assert all(set(labels) == {"ja", "en"} for labels in BUILT_IN_LABELS.values())


def test_a_users_own_tag_reads_as_typed():
    assert tag_label("要対応", "en") == "要対応"
    assert tag_label("Price list", "ja") == "Price list"
    assert tag_label("Price", "ja") == "Price"  # only stored keys are built in


def test_a_typed_label_names_the_built_in_tag():
    assert tag_key("価格") == "price"
    assert tag_key(" Price ") == "price"
    assert tag_key("ＰＲＩＣＥ") == "price"
    assert tag_key("ｻﾎﾟｰﾄ") == "support"
    assert tag_key("ui") == "UI"
    assert tag_key("スピード") == "speed"
    assert tag_key("要対応 ") == "要対応"


@pytest.mark.parametrize(
    ("kind", "comment", "expected"),
    [
        ("cafe", "味が薄かった", ["food"]),
        ("cafe", "注文してから30分も待たされました", ["wait"]),
        ("cafe", "店員さんの笑顔が素敵で、落ち着いた雰囲気でした", ["staff", "atmosphere"]),
        ("cafe", "トイレが汚かった。コスパは良い", ["price", "cleanliness"]),
        ("cafe", "期待以上でした！意味が分からないほど通っています", []),  # 期待, 意味
        ("cafe", "The coffee was delicious but we waited 20 minutes", ["food", "wait"]),
        ("cafe", "The waiter was rude", ["staff"]),  # a waiter is not waiting
        ("shop", "欲しいサイズが品切れで、レジも混んでいた", ["stock", "checkout"]),
        ("shop", "It's still a bit pricey", ["price"]),  # "still" is not a till
        ("salon", "予約が取りやすく、カットの仕上がりも最高", ["booking", "skill"]),
        ("salon", "Such a cute haircut, and on time", ["skill"]),
        ("online", "画面が分かりにくく、問い合わせへの返信も遅い", ["ease_of_use", "support"]),
        ("online", "Quite reliable; it never crashed", ["reliability"]),  # no "ui" in quite
    ],
)
def test_each_kind_of_business_tags_real_comments(kind, comment, expected):
    assert tags_for(comment, TAG_SETS[kind]) == expected


def test_every_kind_of_business_has_its_set():
    from surveys.business import KINDS

    assert set(TAG_SETS) == set(KINDS)
