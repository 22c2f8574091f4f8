"""People's names: the parts put together in the order their language writes them,
and the key a contact list sorts by.

Japanese (and Chinese, Korean) names are written family name first, with a space
between the parts as Japanese shops' systems do: 山田 太郎. Names in Latin
letters are written given name first: Taro Yamada. The furigana (the reading
of a Japanese name, katakana or hiragana) is kept beside the name; a Japanese
list sorts by it, as 五十音順 is by reading, not by the characters. A search
compares what is typed with the same key, folded the same way.
"""

from __future__ import annotations

import re
import unicodedata

# Kana, CJK ideographs, Hangul: a name in these is written family name first.
_EAST_ASIAN = re.compile(
    "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\uff66-\uff9f]"
)
_HIRAGANA_TO_KATAKANA = {code: code + 0x60 for code in range(0x3041, 0x3097)}
_HIRAGANA = re.compile("[\u3041-\u3096]")


def is_east_asian(text: str) -> bool:
    return _EAST_ASIAN.search(text) is not None


def full_name(family: str, given: str, middle: str = "") -> str:
    """The parts as one name, in their script's order, one space between them."""
    parts = [family, given, middle]
    if not any(is_east_asian(part) for part in parts):
        parts = [given, middle, family]
    return " ".join(" ".join(part.split()) for part in parts if part.strip())


def reading(text: str) -> str:
    """A furigana as stored: full-width katakana (half-width ｶﾀｶﾅ and hiragana too),
    one space between the parts."""
    text = unicodedata.normalize("NFKC", text).translate(_HIRAGANA_TO_KATAKANA)
    return " ".join(text.split())


def _folded(text: str) -> str:
    """``text`` as a list compares it: full-width letters and digits as half-width,
    half-width kana as full-width (NFKC), case folded, hiragana as katakana (五十音順
    and a search treat them alike)."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return text.translate(_HIRAGANA_TO_KATAKANA) if _HIRAGANA.search(text) else text


def sort_key(name: str, furigana: str = "") -> str:
    """What a list sorts a contact by: the reading when there is one, as katakana
    without spaces; else the name, folded (``_folded``), one space between words."""
    if furigana:
        return "".join(_folded(furigana).split())
    key = name.lower() if name.isascii() else _folded(name)
    if "  " in key or key[:1].isspace() or key[-1:].isspace():
        key = " ".join(key.split())  # one space between words (NFKC turns 　 into one)
    return key


def search_key(text: str) -> str:
    """A word typed in a search, folded as ``sort_key`` folds, without spaces: compared
    with a sort key without its spaces, やまだ finds ヤマダ (a reading, or a name in
    katakana), ＡＢＣ finds abc, １２ finds 12."""
    return "".join(_folded(text).split())
