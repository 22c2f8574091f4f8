"""Automatic tags for comments: pure keyword matching, no SQL and no Qt.

Text and keywords are compared after NFKC normalisation (full-width ``ＵＩ`` is
``UI``, half-width ``ｻﾎﾟｰﾄ`` is ``サポート``) and case folding, so a keyword list
written once matches however a respondent typed.

The built-in tags (seeded by migration 0009) are stored under English keys
("price", "support", ...) that never change, so a filter, an export or a
language switch finds the same tag; people see them through ``tag_label`` in
their language (価格, Price). A tag the user created is its own label.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping

from surveys.business import CAFE, ONLINE, SALON, SHOP


def normalise(text: str) -> str:
    """The form text and keywords are compared in."""
    return unicodedata.normalize("NFKC", text).casefold()


def tags_for(text: str, keywords: Mapping[str, Iterable[str]]) -> list[str]:
    """The tags whose keyword lists have a word that occurs in ``text``, in the lists' order."""
    body = normalise(text)
    found = []
    for tag, words in keywords.items():
        if any(w.strip() and normalise(w.strip()) in body for w in words):
            found.append(tag)
    return found


# The built-in tags' labels, by stored key: those of migration 0009, then those
# of the sets for a kind of business (TAG_SETS).
BUILT_IN_LABELS: dict[str, dict[str, str]] = {
    "price": {"en": "Price", "ja": "価格"},
    "support": {"en": "Support", "ja": "サポート"},
    "UI": {"en": "UI", "ja": "UI"},
    "onboarding": {"en": "Onboarding", "ja": "オンボーディング"},
    "speed": {"en": "Speed", "ja": "スピード"},
    "staff": {"en": "Staff", "ja": "スタッフ"},
    "food": {"en": "Food and taste", "ja": "味・料理"},
    "wait": {"en": "Wait time", "ja": "待ち時間"},
    "cleanliness": {"en": "Cleanliness", "ja": "清潔さ"},
    "atmosphere": {"en": "Atmosphere", "ja": "雰囲気"},
    "stock": {"en": "Range and stock", "ja": "品揃え"},
    "checkout": {"en": "Checkout", "ja": "レジ・会計"},
    "booking": {"en": "Booking", "ja": "予約"},
    "skill": {"en": "Staff skill", "ja": "技術"},
    "ease_of_use": {"en": "Ease of use", "ja": "使いやすさ"},
    "reliability": {"en": "Reliability", "ja": "安定性"},
    "features": {"en": "Features", "ja": "機能"},
}

# Keywords are matched as parts of the comment (``tags_for``), so each is chosen
# not to occur inside unrelated words: 待ち/待た/待っ but not 待 (期待, "expected"),
# 味が薄 but not 味 or 味が (意味が, "the meaning"), "haircut" but not "cut" (cute), "waited"
# but not "wait" (waiter), no "till" (still), "range" (strange) or "UI" (quite).
# fmt: off
_PRICE = (
    "price", "expensive", "cheap", "value for money", "overpriced", "pricey",
    "価格", "値段", "料金", "高すぎ", "割高", "安い", "お手頃", "コスパ",
)
_WAIT = (
    "waited", "waiting", "wait time", "long wait", "slow", "queue", "took ages",
    "待ち", "待た", "待っ", "遅い", "遅かった", "時間がかか", "行列", "並ん",
)
_STAFF = (
    "staff", "friendly", "rude", "polite", "helpful", "attitude",
    "接客", "店員", "スタッフ", "態度", "親切", "丁寧", "笑顔", "感じが良", "感じがよ",
)
_CLEAN = (
    "clean", "dirty", "hygiene", "tidy", "messy", "toilet", "restroom",
    "清潔", "汚い", "汚か", "汚れ", "不潔", "掃除", "衛生", "トイレ", "きれい", "綺麗",
)

# The default comment tags for each kind of business (surveys.business.KINDS),
# tag → keywords in English and Japanese; the set-up assistant puts in the set
# that fits (storage.first_run).
TAG_SETS: dict[str, dict[str, tuple[str, ...]]] = {
    CAFE: {
        "food": (
            "food", "taste", "tasty", "delicious", "flavour", "flavor", "dish", "menu",
            "coffee", "portion", "bland",
            "味付け", "薄味", "味が薄", "味が濃", "味がよ", "味が良", "味もよ", "味も良", "美味",
            "おいし", "まずい", "料理", "メニュー", "食事", "コーヒー", "ランチ", "量が", "冷めて",
        ),
        "wait": _WAIT,
        "staff": (*_STAFF, "waiter", "waitress", "service"),
        "price": _PRICE,
        "cleanliness": _CLEAN,
        "atmosphere": (
            "atmosphere", "ambience", "ambiance", "cosy", "cozy", "noisy", "music", "decor",
            "雰囲気", "居心地", "落ち着", "うるさ", "騒が", "音楽", "BGM", "内装", "店内",
        ),
    },
    SHOP: {
        "stock": (
            "stock", "selection", "sold out", "variety", "couldn't find",
            "品揃え", "品ぞろえ", "在庫", "品切れ", "売り切れ", "欠品", "種類",
        ),
        "price": _PRICE,
        "staff": _STAFF,
        "checkout": (
            "checkout", "cashier", "payment", "card", "receipt",
            "レジ", "会計", "支払", "決済", "キャッシュレス", "精算",
        ),
    },
    SALON: {
        "booking": (
            "booking", "booked", "appointment", "reservation", "reserve", "cancel",
            "予約", "キャンセル", "日時", "空き",
        ),
        "wait": _WAIT,
        "skill": (
            "skill", "haircut", "treatment", "result", "professional", "experienced",
            "技術", "仕上がり", "施術", "治療", "カット", "カラー", "上手", "説明",
        ),
        "price": _PRICE,
        "cleanliness": _CLEAN,
    },
    ONLINE: {
        "ease_of_use": (
            "easy", "intuitive", "confusing", "hard to use", "difficult", "user-friendly",
            "interface",
            "使いやすい", "使いやすさ", "使いにくい", "使いづらい", "分かりやす", "わかりやす",
            "分かりにく", "わかりにく", "操作", "画面", "直感",
        ),
        "support": (
            "support", "customer service", "help desk", "helpdesk", "replied", "reply",
            "サポート", "問い合わせ", "問合せ", "返信", "対応",
        ),
        "price": (*_PRICE, "subscription", "pricing", "fee", "月額", "プラン"),
        "reliability": (
            "crash", "bug", "error", "outage", "downtime", "unstable", "reliable", "broken",
            "不具合", "バグ", "エラー", "落ちる", "落ちた", "止まる", "止まった", "繋がらな",
            "つながらな", "重い", "安定",
        ),
        "features": (
            "feature", "function", "integration", "missing", "option",
            "機能", "連携", "オプション",
        ),
    },
}
# fmt: on

# Every label and key of a built-in tag, normalised, to the key: what the user
# types (価格, Price, ＰＲＩＣＥ) names the built-in tag rather than a new one.
_KEY_OF: dict[str, str] = {
    normalise(name): key
    for key, labels in BUILT_IN_LABELS.items()
    for name in (key, *labels.values())
}


def tag_label(tag: str, language: str) -> str:
    """How a stored tag reads to a person: a built-in tag in ``language`` ("ja" or
    "en"; English otherwise), any other tag as it was typed."""
    labels = BUILT_IN_LABELS.get(tag)
    if labels is None:
        return tag
    return labels.get(language, labels["en"])


def tag_key(text: str) -> str:
    """The tag to store for a name the user typed: a built-in tag's key when the
    name is one of its labels (in any language) or its key, else the name itself."""
    name = text.strip()
    return _KEY_OF.get(normalise(name), name)


def parse_keywords(line: str) -> list[str]:
    """Keywords typed on one line, separated by commas (ASCII or Japanese) or slashes."""
    for separator in ("、", "，", "/", "／"):
        line = line.replace(separator, ",")
    seen: list[str] = []
    for word in (w.strip() for w in line.split(",")):
        if word and word not in seen:
            seen.append(word)
    return seen
