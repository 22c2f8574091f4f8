from surveys.tags import normalise, parse_keywords, tags_for

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
