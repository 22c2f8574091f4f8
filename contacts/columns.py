"""What each column of a contact list holds: the fields, and the header words of
the tools shops export from (Google Contacts, Outlook, Shopify, Square, Japanese
POS and reservation systems, Koe itself; see tests/contacts/README.md).

A mapping is a list of fields, one per column of the header. Several columns may
share a field: parts of a name are combined, every phone and email is kept, tags
are merged.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Sequence

from surveys.problems import QT_TRANSLATE_NOOP, Problem

NAME = "name"
FAMILY_NAME = "family_name"
GIVEN_NAME = "given_name"
MIDDLE_NAME = "middle_name"
FURIGANA = "furigana"
FAMILY_FURIGANA = "family_furigana"
GIVEN_FURIGANA = "given_furigana"
MOBILE = "mobile"
PHONE = "phone"
EMAIL = "email"
LABEL = "label"
LANGUAGE = "language"
CONSENT_SMS = "consent_sms"
CONSENT_EMAIL = "consent_email"
CONSENT_ALL = "consent"
OPT_OUT_SMS = "opt_out_sms"
OPT_OUT_EMAIL = "opt_out_email"
BIRTHDAY = "birthday"
LAST_VISIT = "last_visit"
TAGS = "tags"
ATTRIBUTES_JSON = "attributes_json"  # Koe's own export: every attribute as JSON
ATTRIBUTE = "attribute"
IGNORE = "ignore"

FIELDS = (
    NAME, FAMILY_NAME, GIVEN_NAME, MIDDLE_NAME, FURIGANA, FAMILY_FURIGANA, GIVEN_FURIGANA,
    MOBILE, PHONE, EMAIL, LABEL, LANGUAGE, CONSENT_SMS, CONSENT_EMAIL, CONSENT_ALL,
    OPT_OUT_SMS, OPT_OUT_EMAIL, BIRTHDAY, LAST_VISIT, TAGS, ATTRIBUTES_JSON, ATTRIBUTE, IGNORE,
)  # fmt: skip
NAME_FIELDS = (NAME, FAMILY_NAME, GIVEN_NAME, MIDDLE_NAME)
PHONE_FIELDS = (MOBILE, PHONE)
CONSENT_FIELDS = (CONSENT_SMS, CONSENT_EMAIL, CONSENT_ALL)


def fold(text: str) -> str:
    """A header as compared: NFKC, lower case, without spaces and punctuation."""
    text = unicodedata.normalize("NFKC", text).lower()
    return re.sub(r"[\s_\-・.:：()（）\[\]【】「」'’/]", "", text)


# Exact header words, after ``fold``. Checked before the patterns below.
_WORDS: dict[str, tuple[str, ...]] = {
    NAME: (
        "name",
        "fullname",
        "customer",
        "customername",
        "contactname",
        "displayname",
        "氏名",
        "名前",
        "お名前",
        "顧客名",
        "会員名",
        "お客様名",
        "予約者名",
        "予約者氏名",
    ),
    FAMILY_NAME: (
        "lastname",
        "surname",
        "familyname",
        "姓",
        "氏",
        "氏名姓",
        "名前姓",
        "お名前姓",
        "会員名姓",
        "顧客名姓",
        "姓漢字",
    ),
    GIVEN_NAME: (
        "firstname",
        "givenname",
        "名",
        "氏名名",
        "名前名",
        "お名前名",
        "会員名名",
        "顧客名名",
        "名漢字",
    ),
    MIDDLE_NAME: ("middlename", "additionalname"),
    FURIGANA: (
        "furigana",
        "kana",
        "yomi",
        "yominame",
        "phoneticname",
        "フリガナ",
        "ふりがな",
        "カナ",
        "かな",
        "よみがな",
        "読み",
        "氏名フリガナ",
        "氏名カナ",
        "名前カナ",
        "名前フリガナ",
        "お名前フリガナ",
        "お名前カナ",
        "顧客名カナ",
        "会員名カナ",
        "お客様名カナ",
        "お客様名フリガナ",
    ),
    FAMILY_FURIGANA: (
        "phoneticlastname",
        "familynameyomi",
        "セイ",
        "せい",
        "姓カナ",
        "姓フリガナ",
        "フリガナセイ",
        "氏名フリガナセイ",
        "カナ姓",
        "フリガナ姓",
        "会員カナ姓",
        "お名前フリガナセイ",
    ),
    GIVEN_FURIGANA: (
        "phoneticfirstname",
        "givennameyomi",
        "メイ",
        "めい",
        "名カナ",
        "名フリガナ",
        "フリガナメイ",
        "氏名フリガナメイ",
        "カナ名",
        "フリガナ名",
        "会員カナ名",
        "お名前フリガナメイ",
    ),
    MOBILE: (
        "mobile",
        "mobilephone",
        "mobilenumber",
        "mobilephonenumber",
        "cell",
        "cellphone",
        "carphone",
        "sms",
        "携帯",
        "携帯電話",
        "携帯番号",
        "携帯電話番号",
        "携帯tel",
    ),
    PHONE: (
        "phone",
        "phonenumber",
        "tel",
        "telephone",
        "homephone",
        "homephone2",
        "businessphone",
        "businessphone2",
        "primaryphone",
        "otherphone",
        "companymainphone",
        "defaultaddressphone",
        "電話",
        "電話番号",
        "tel番号",
        "自宅電話",
        "自宅電話番号",
        "固定電話",
        "固定電話番号",
        "連絡先",
        "連絡先電話番号",
        "会社電話番号",
        "勤務先電話番号",
        "otherphones",
    ),
    EMAIL: (
        "email",
        "mail",
        "emailaddress",
        "mailaddress",
        "メール",
        "メールアドレス",
        "eメール",
        "eメールアドレス",
        "メアド",
        "pcメールアドレス",
        "携帯メールアドレス",
        "otheremails",
    ),
    LABEL: (),
    LANGUAGE: ("language", "lang", "locale", "preferredlanguage", "言語", "使用言語"),
    CONSENT_SMS: (
        "smsconsent",
        "consentsms",
        "smsoptin",
        "acceptssmsmarketing",
        "smssubscriptionstatus",
        "smsmarketing",
        "sms同意",
        "sms配信",
        "sms配信同意",
        "sms配信可",
        "sms受信",
        "sms配信希望",
        "ショートメール配信",
    ),
    CONSENT_EMAIL: (
        "emailconsent",
        "consentemail",
        "emailoptin",
        "mailconsent",
        "acceptsemailmarketing",
        "acceptsmarketing",
        "emailsubscriptionstatus",
        "emailmarketing",
        "newsletter",
        "メール同意",
        "メール配信",
        "メール配信同意",
        "メール配信可",
        "メール配信希望",
        "メール受信",
        "メール受信フラグ",
        "メール受信設定",
        "メルマガ",
        "メルマガ同意",
        "メルマガ配信",
        "メルマガ購読",
        "メールマガジン",
        "メールマガジン配信",
        "dm配信",
        "dm配信許可",
        "dm配信許可フラグ",
        "dm送付",
    ),
    CONSENT_ALL: (
        "consent",
        "optin",
        "marketingconsent",
        "同意",
        "配信同意",
        "配信可",
        "連絡可",
        "配信希望",
    ),
    OPT_OUT_SMS: ("smsoptout",),
    OPT_OUT_EMAIL: ("emailoptout",),
    BIRTHDAY: ("birthday", "birthdate", "dateofbirth", "dob", "生年月日", "誕生日", "お誕生日"),
    LAST_VISIT: (
        "lastvisit",
        "lastvisitdate",
        "lastvisited",
        "最終来店日",
        "最終来店日時",
        "前回来店日",
        "前回会計日",
        "最終会計日",
        "最終利用日",
        "最終予約日",
        "最終来店",
    ),
    TAGS: (
        "tags",
        "tag",
        "labels",
        "groupmembership",
        "categories",
        "タグ",
        "顧客タグ",
        "グループ",
        "顧客グループ",
    ),
    ATTRIBUTES_JSON: ("attributes",),
    IGNORE: ("phonekind", "emaildisplayname", "email2displayname", "email3displayname", "photo"),
}
_EXACT = {word: target for target, words in _WORDS.items() for word in words}

# Numbered columns: Google's "Phone 1 - Value", "E-mail 2 - Label" (older exports:
# "Phone 1 - Type"), Outlook's "E-mail 2 Address".
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^phone\d+value$"), PHONE),
    (re.compile(r"^e?mail\d+(value|address)$"), EMAIL),
    # An address, whatever it is for: 携帯メール, メールアドレス（PC）, メールアドレス2
    # (携帯 names the phone only when no メール follows).
    (
        re.compile(
            r"^(携帯|pc|パソコン|mobile|cell)?(email|メール)(アドレス|address)?"
            r"(携帯|pc|パソコン|mobile|cell)?\d*$"
        ),
        EMAIL,
    ),
    (re.compile(r"(携帯|mobile|cell).*(電話|番号|phone|number)?$"), MOBILE),
    (re.compile(r"(電話番号|phone|tel)$"), PHONE),
    (re.compile(r"(メールアドレス|emailaddress|email)$"), EMAIL),
)
# Numbers that are not the person's own, or cannot take a message (Outlook's).
_NOT_THEIRS = {
    "assistantsphone", "pager", "radiophone", "ttytddphone", "telex", "isdn", "callback",
    "ポケベル",
}  # fmt: skip
# Outlook's "E-mail 2 Type" says SMTP: not a label.
_OUTLOOK_TYPES = re.compile(r"^email\d?type$")

# The sms_consent / email_opt_out columns of Koe's own export.
_KOE_COLUMNS = {
    "smsconsent": CONSENT_SMS, "emailconsent": CONSENT_EMAIL,
    "smsoptout": OPT_OUT_SMS, "emailoptout": OPT_OUT_EMAIL,
}  # fmt: skip


def propose_field(header: str) -> str:
    """What a column named ``header`` most likely holds (ATTRIBUTE when unknown)."""
    folded = fold(header)
    if not folded:
        return IGNORE
    if folded in _KOE_COLUMNS:
        return _KOE_COLUMNS[folded]
    if folded in _EXACT:
        return _EXACT[folded]
    if _OUTLOOK_TYPES.match(folded):
        return IGNORE
    if re.search(r"\d+\s*-\s*(label|type)\s*$", header, re.IGNORECASE):
        return LABEL  # Google's "Phone 1 - Label" (older exports: "Phone 1 - Type")
    if folded in _NOT_THEIRS or "fax" in folded or "ファックス" in folded:
        return ATTRIBUTE  # kept, never texted: a fax, a pager, an assistant's number
    for pattern, target in _PATTERNS:
        if pattern.search(folded):
            return target
    return ATTRIBUTE


def propose_mapping(header: Sequence[str]) -> list[str]:
    """A field for each column of ``header``."""
    return [propose_field(name) for name in header]


def label_columns(header: Sequence[str], mapping: Sequence[str]) -> dict[int, int]:
    """For each phone or email column, the column holding its per-row label
    ("Phone 1 - Label" for "Phone 1 - Value"), when the mapping has one."""
    labels = {
        re.sub(r"(label|type)$", "", fold(name)): index
        for index, name in enumerate(header)
        if index < len(mapping) and mapping[index] == LABEL
    }
    paired: dict[int, int] = {}
    for index, name in enumerate(header):
        if index < len(mapping) and mapping[index] in (*PHONE_FIELDS, EMAIL):
            stem = re.sub(r"(value|address)$", "", fold(name))
            if stem in labels:
                paired[index] = labels[stem]
    return paired


def header_key(header: Sequence[str]) -> str:
    """The same header gives the same key (the remembered mapping's), whatever its
    spaces, width or case."""
    folded = json.dumps([fold(name) for name in header], ensure_ascii=False)
    return hashlib.sha256(folded.encode()).hexdigest()


def mapping_problems(mapping: Sequence[str]) -> list[Problem]:
    """Why ``mapping`` cannot be imported; empty when it can."""
    if not set(mapping) & {MOBILE, PHONE, EMAIL}:
        words = QT_TRANSLATE_NOOP(
            "Problems", "Choose the column with phone numbers or the one with email addresses."
        )
        return [Problem(words)]
    return []
