"""Japanese wording patterns: what the wording rules look for in a Japanese question.

Same functions as ``lexicon_en``. Text is NFKC-normalised first, so full-width
"？" and "：" match as "?" and ":" and full-width digits as ASCII ones.

Japanese has no spaces, so the double-barrelled rule reads the particles:
「と」 and 「や」 join two nouns (「価格と品質」「スピードや丁寧さ」) but 「と」 is
also the quoting particle (「…と思いますか」「…とお考えですか」), the comitative
(「ご家族と一緒に」「スタッフと話しましたか」) and the comparative
(「前回と比べて」). A joining 「と」 follows a noun (kanji, katakana, or an
adjective made a noun with さ/み) and is followed by another noun and a case
particle; everything else is let through.
"""

from __future__ import annotations

import re
import unicodedata

from surveys.questions import QuestionType

# Characters; Japanese carries about twice the meaning per character of English,
# and a phone shows ~20 Japanese characters a line, so 70 is three and a half
# lines — the same reading time as ~140 English characters.
LONG_WORDING = 70

KANJI = "\u4e00-\u9fff\u3005"  # with 々
KATAKANA = "\u30a1-\u30fa\u30fc"  # with ー, without ・
HIRAGANA = "\u3041-\u3096"
_NOUN_CHAR = re.compile(f"[{KANJI}{KATAKANA}A-Za-z0-9]")


def _normal(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


# --- a direct question with the scale in it -------------------------------------------

_IMPERATIVE = re.compile(
    r"(?:評価|採点|点数を(?:つけ|付け)|点を(?:つけ|付け)|お答え|回答|お選び|選択|ご記入|記入|教え"
    r"|お聞かせ|入力)(?:して)?(?:ください|下さい|願います)"
)
_ASKS = re.compile(r"\?|か[。.]?$")


def indirect(text: str) -> str | None:
    """An instruction (「評価してください」) or a bare phrase instead of a question."""
    normal = _normal(text)
    match = _IMPERATIVE.search(normal)
    if match:
        return match.group(0)
    if not _ASKS.search(normal):
        return normal
    return None


# --- double-barrelled -------------------------------------------------------------------

# Set phrases that ask one thing (the catch-all 「ご意見・ご感想」).
_FIXED = ("ご意見・ご感想", "ご意見やご感想", "ご意見・ご要望", "ご意見やご要望", "ご質問・ご要望")
# People the respondent knows: 「友人や同僚」 is one idea, "someone you know".
_PEOPLE = frozenset(
    {"友人", "友達", "友だち", "同僚", "家族", "知人", "知り合い", "仲間", "同僚の方", "ご友人"}
)
# What follows a comitative or comparative 「と」: 「と一緒に」「と比べて」「と同じ」「と話す」.
_NOT_JOINING = re.compile(r"(?:一緒|共|同|比|較|違|異|話|相談|連絡|協力|交換|会話|対話|契約|提携)")
# A choice between the two (「コーヒーと紅茶では、どちらを」) is one question.
_WHICH = re.compile(r"どちら|どれ|いずれ")
_SEGMENT = re.compile(r"[^をにはがでもへや、。?!・:]{1,20}")
_JOINING_WORD = re.compile(r"および|及び|並びに|ならびに")
# A list of three or more nouns before a particle: 「料理、サービス、雰囲気に」.
_LISTED_NOUNS = re.compile(
    f"(?:[{KANJI}{KATAKANA}A-Za-z0-9]+、){{2,}}[{KANJI}{KATAKANA}A-Za-z0-9]+(?:に|を|は|について|が)"
)
# Two adjectives joined by 「くて」: 「早くて簡単でしたか」「安くておいしかったですか」.
_TWO_ADJECTIVES = re.compile(
    r"[^\s、]{1,4}くて(?![はも])、?[^、]{1,8}?(?:でしたか|ですか|かったですか)"
)
# Two predicates: 「親切で、技術も確かでしたか」「始まり、医師の説明も分かりやすかったですか」.
_TWO_CLAUSES = re.compile(f"(?:で|くて|り|し)、[^、]*?[{KANJI}{KATAKANA}]も(?!っ)[^、]*か[?。]?$")


def _noun_before(text: str, end: int) -> str:
    """The noun that ends at ``end`` (kanji, katakana, latin, or an adjective + さ/み)."""
    start = end
    if start > 0 and text[start - 1] in "さみ":
        start -= 1
    while start > 0 and (_NOUN_CHAR.match(text[start - 1]) or text[start - 1] in "ご"):
        start -= 1
    noun = text[start:end]
    # さ/み make a noun only after a stem (「清潔さ」); alone they end a verb or a word.
    return "" if noun in ("", "さ", "み") else noun


def _noun_after(text: str, start: int) -> str:
    """The noun phrase after a joining particle, up to the next particle, or ""."""
    rest = text[start:].lstrip("、")
    match = _SEGMENT.match(rest)
    if not match:
        return ""
    segment = match.group(0)
    first = segment.lstrip("おご")[:1]
    last = segment[-1]
    if not first or not _NOUN_CHAR.match(first):
        return ""  # 「として」「とのこと」「とは」: not a noun after it
    if not (_NOUN_CHAR.match(last) or last in "さみ"):
        return ""  # 「スタッフと話しましたか」: a verb, not a second noun
    return segment


def double_barrelled(text: str) -> str | None:
    """Two subjects joined by 「と」「や」「・」「および」, or two predicates in one question."""
    normal = _normal(text)
    for phrase in _FIXED:
        normal = normal.replace(phrase, "〇" * len(phrase))
    if not _WHICH.search(normal):
        for match in re.finditer("[とや]", normal):
            left = _noun_before(normal, match.start())
            right = _noun_after(normal, match.end())
            if not left or not right:
                continue
            if match.group(0) == "と" and _NOT_JOINING.match(right.lstrip("おご")):
                continue
            if left.lstrip("ご") in _PEOPLE and right.lstrip("ご") in _PEOPLE:
                continue
            return f"{left}{match.group(0)}{right}"
        for match in re.finditer("・", normal):
            left = _noun_before(normal, match.start())
            right = _noun_after(normal, match.end())
            both_katakana = re.fullmatch(f"[{KATAKANA}]+", left or "-") and re.match(
                f"[{KATAKANA}]", right or "-"
            )
            # ネット・プロモーター: the dot inside a foreign name joins nothing.
            if left and right and not both_katakana:
                return f"{left}・{right}"
    for pattern in (_JOINING_WORD, _LISTED_NOUNS, _TWO_ADJECTIVES, _TWO_CLAUSES):
        found = pattern.search(normal)
        if found:
            return found.group(0).rstrip("?。")
    return None


# --- leading or loaded ------------------------------------------------------------------

# Questions that expect agreement: 「〜と思いませんか」「〜ですよね」「〜でしょう？」
# (but 「〜でしょうか」 is a neutral, polite question).
_TAG_QUESTION = re.compile(
    r"と思いませんか|と思われませんか|ではありませんか|じゃないですか|じゃありませんか"
    r"|ではないでしょうか|(?:です|ます|でした|ました)よね|よね\?|でしょう\?|だろう\?|でしょ\?"
    # A negative question about a quality presumes it: 「おいしくなかったですか」
    # 「快適ではなかったですか」. (「ご不便はありませんでしたか」 asks politely and passes.)
    r"|(?<!な)く(?:なかった|ない)ですか|(?:では|じゃ)なかったですか"
)
_PRAISE = re.compile(
    r"素晴らしい|すばらしい|素敵な|すてきな|最高の|絶品|自慢の|人気の|大人気|こだわりの|上質な|一流の|贅沢な"
    r"|極上の|感動|快適な|心地よい|自信の|話題の|おいし(?:い|かった)|美味し(?:い|かった)"
)
_PRESUMING = re.compile(
    r"(?:どのくらい|どれくらい|どの程度|どれほど|どんなに)(?:お?楽し|気に入|喜)"
)
_SOCIAL = re.compile(
    r"多くの(?:お客様|お客さま|方|皆様|利用者|患者)|(?:皆様|皆さま|みなさま)から|ご好評|大好評|評判"
    r"|誰もが|ご存[じ知]の(?:通り|とおり)|当然|もちろん"
)
# 「すべき」 in a closed question puts the business's idea forward; in an open
# question (「一番改善すべき点は何ですか？」) it asks for ideas and is fine.
_MODAL = re.compile(r"(?:す|する)べき")


def leading(text: str, kind: QuestionType) -> str | None:
    """Wording that suggests the answer, or a loaded word, in one question."""
    normal = _normal(text)
    patterns = [_TAG_QUESTION, _PRAISE, _PRESUMING, _SOCIAL]
    if kind not in (QuestionType.SHORT_TEXT, QuestionType.OPEN_TEXT):
        patterns.append(_MODAL)
    for pattern in patterns:
        match = pattern.search(normal)
        if match:
            return match.group(0).rstrip("?")
    return None


# --- double negatives -------------------------------------------------------------------

_DOUBLE_NEGATIVE = re.compile(
    f"なくはな|なくもな|ないわけでは|ないことはな|ないとは言え|不[{KANJI}]{{1,2}}(?:では|じゃ)な"
)


def double_negative(text: str) -> str | None:
    match = _DOUBLE_NEGATIVE.search(_normal(text))
    return match.group(0) if match else None


# --- grids ------------------------------------------------------------------------------

_GRID_ANY = re.compile(
    r"(?:評価|採点|点数).*(?:それぞれ|各項目|以下の|下記の|次の各?項目)"
    r"|(?:それぞれ|各項目|以下の|下記の|次の各?項目).*(?:評価|採点|満足|点数)"
)
_GRID_NO_OPTIONS = re.compile(r"以下の|下記の|次の各?(?:項目|点)|それぞれ|各項目")
_LISTED = re.compile(r"[:?]\s*([^、,]+(?:[、,][^、,]+){2,})$")


def grid(text: str, has_options: bool) -> str | None:
    """A question that lists several items to rate, as a grid would."""
    normal = _normal(text)
    match = _GRID_ANY.search(normal)
    if match:
        return match.group(0)
    if has_options:
        return None
    match = _GRID_NO_OPTIONS.search(normal) or _LISTED.search(normal.rstrip("。"))
    return match.group(0).strip(":? ") if match else None


# --- validated wording ------------------------------------------------------------------

_CONTEXT = r"(?:[^、]{1,40}(?:を踏まえて|について|を振り返って|を通じて)、)?"
STANDARD = {
    QuestionType.NPS: re.compile(
        _CONTEXT + r".{1,40}?を友人や同僚に(?:薦める|勧める|すすめる|推薦する)可能性は"
        r"(?:どのくらい|どの程度|どれくらい)ありますか\?$"
    ),
    QuestionType.CSAT: re.compile(
        r".{1,80}?(?:に|について|には)、?(?:どの程度|どのくらい|どれくらい)"
        r"(?:満足されましたか|満足していますか|満足されていますか|ご満足いただけましたか"
        r"|満足しましたか)\?$"
    ),
    QuestionType.CES: re.compile(r".{1,40}?のおかげで、?.{1,60}?ことができ(?:た|ました)[。.]?$"),
}


def is_standard(text: str, kind: QuestionType) -> bool:
    """Whether an NPS/CSAT/CES wording follows the instrument's standard form."""
    return bool(STANDARD[kind].match(_normal(text)))


# --- options ----------------------------------------------------------------------------

_NONE_LIKE = re.compile(
    r"その他|該当(?:なし|しない|するものはない)|(?:あてはまる|当てはまる)もの(?:は|が)ない"
    r"|特に(?:なし|ない)|どれも|どちらも|わからない|分からない|答えたくない|回答しない|^なし$"
)


def none_like(option: str) -> bool:
    """An option that catches everyone the others miss (「その他」「該当なし」)."""
    return bool(_NONE_LIKE.search(_normal(option)))


def yes_no(options: list[str]) -> bool:
    return sorted(_normal(o).rstrip("。") for o in options) == ["いいえ", "はい"]


_NEGATIVE_LABEL = re.compile(r"不満|ない|悪い|難しい|にくい|低い|嫌い|不要|なかった")
_POSITIVE_LABEL = re.compile(
    r"満足|良い|よい|薦めたい|そう思う|簡単|やすい|高い|好き|役に立つ|楽しめた"
)


def polarity(label: str) -> int:
    """+1 for a label at the good end of a scale, -1 at the bad end, 0 when unclear."""
    normal = _normal(label)
    if _NEGATIVE_LABEL.search(normal):
        return -1
    return 1 if _POSITIVE_LABEL.search(normal) else 0
