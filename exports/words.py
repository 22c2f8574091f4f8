"""The words of the Excel workbook and the codebook, in English and Japanese.

A workbook is read by people: its sheet names, headings and summary labels
follow the export's language (the Export dialog's choice, ``export --language``;
the survey's language by default). The CSV is read by programs too: its header
is the stable column names whatever the language, and its codebook is English.

What does not change with the language: question ids (the headings of the
question columns, the names of the question sheets) and stored codes (tag keys,
option codes, channel and language codes), so a formula or a script finds them
in every export.

The English labels are the ones the workbook always had, so a formula that
looks up "responses" on the Summary sheet keeps working.
"""

from __future__ import annotations

from datetime import tzinfo

from surveys.times import offset_text, zone_name, zone_offsets
from surveys.untrusted_text import REPLACEMENT

LANGUAGES = ("en", "ja")

WORDS: dict[str, dict[str, str]] = {
    "en": {
        # sheets
        "Responses": "Responses",
        "Summary": "Summary",
        "Tags": "Tags",
        "Codebook": "Codebook",
        # the Responses sheet's headings of the metadata columns
        "response_id": "response no.",
        "created_at": "received ({zone})",
        "completed_at": "completed ({zone})",
        "language": "language",
        "channel": "channel",
        "source": "source tag",
        # Summary
        "survey": "survey",
        "responses": "responses",
        "first response": "first response",
        "last response": "last response",
        "time zone": "time zone",
        "headline question": "headline question",
        "answers to the headline question": "answers to the headline question",
        "mean score": "mean score",
        "band": "band",
        "count": "count",
        "share %": "share %",
        "score": "score",
        # Tags
        "tag": "tag",
        "label (en)": "label (en)",
        "label (ja)": "label (ja)",
        "comments": "comments",
        # a question's sheet
        "question": "question",
        "type": "type",
        "wording (en)": "wording (en)",
        "wording (ja)": "wording (ja)",
        "answered": "answered",
        "code": "code",
        "option": "option",
    },
    "ja": {
        "Responses": "回答",
        "Summary": "集計",
        "Tags": "タグ",
        "Codebook": "コードブック",
        "response_id": "回答番号",
        "created_at": "受信日時（{zone}）",
        "completed_at": "完了日時（{zone}）",
        "language": "言語",
        "channel": "経路",
        "source": "ソースタグ",
        "survey": "アンケート",
        "responses": "回答数",
        "first response": "最初の回答",
        "last response": "最新の回答",
        "time zone": "タイムゾーン",
        "headline question": "主要な設問",
        "answers to the headline question": "主要な設問への回答数",
        "mean score": "平均スコア",
        "band": "区分",
        "count": "件数",
        "share %": "割合 (%)",
        "score": "スコア",
        "tag": "タグ",
        "label (en)": "表示名（英語）",
        "label (ja)": "表示名（日本語）",
        "comments": "コメント数",
        "question": "設問",
        "type": "種類",
        "wording (en)": "設問文（英語）",
        "wording (ja)": "設問文（日本語）",
        "answered": "回答数",
        "code": "コード",
        "option": "選択肢",
    },
}

# The codebook: what each column holds, so a file can be read without Koe.
CODEBOOK: dict[str, dict[str, str]] = {
    "en": {
        "response_id": "Response number, unique in this workspace",
        "created_at": "When the answer was first received: {when}",
        "completed_at": "When the response was completed (empty while it is partial): {when}",
        "language": "Language the respondent answered in (ja, en)",
        "channel": "How the respondent came: link (public link or QR), sms, email",
        "source": "Source tag of the public link (?src=), if any",
        "metadata": "metadata",
        "text": "text",
        "yes": "yes",
        "no": "no",
        "other text": '"Other" text of {qid}',
        "other code": "Other (text in {column})",
        "none code": "None of these",
        "codes": "codes separated by ';': {codes}",
        "free text": "free text, up to {n} characters. {note}",
        "other free text": "free text. {note}",
        "whole number": "whole number {low}–{high}{ends}",
        "ends": " ({low} = {low_label}; {high} = {high_label})",
        "iso time": "ISO 8601 with the UTC offset, in the workspace's time zone {zone}",
        "local time": "local time in {zone}",
        "two offsets": "{standard}, or {summer} in summer time",
        # a reworded question: each wording it had, and the column naming the one answered
        "wording n": "wording {n}",
        "wording in force": (
            "in force from {when}{current}: the answers whose {column} is {n} were given to"
            " this wording"
        ),
        "current wording": " (the current wording)",
        "wording version": "wording version",
        "wording of": "Which wording of {qid} the answer was given to",
        "wording values": 'whole number {low}–{high}: the rows "wording N" of {qid} above',
        "outside text": (
            "A ' was put before a text that began with = + - @ ＝ ＋ － ＠, tab or CR (or with '"
            " then one of them), so that a spreadsheet shows it as text and never runs it as a"
            " formula; remove that first ' to get the text as typed. A control character"
            f" (NUL, ESC…) reads as {REPLACEMENT}."
        ),
    },
    "ja": {
        "response_id": "回答の番号（このワークスペース内で重複しません）",
        "created_at": "回答を最初に受け付けた日時。{when}",
        "completed_at": "回答が完了した日時（途中までの回答では空欄）。{when}",
        "language": "回答者が回答に使った言語（ja, en）",
        "channel": "回答の経路: link（公開リンクまたは QR コード）、sms、email",
        "source": "公開リンクのソースタグ（?src=）。ない場合は空欄です",
        "metadata": "回答の情報",
        "text": "テキスト",
        "yes": "はい",
        "no": "いいえ",
        "other text": "{qid} の「その他」の記入内容",
        "other code": "その他（記入内容は {column} 列）",
        "none code": "該当なし",
        "codes": "「;」区切りのコード: {codes}",
        "free text": "自由記述（{n}文字まで）。{note}",
        "other free text": "自由記述。{note}",
        "whole number": "{low}〜{high} の整数{ends}",
        "ends": "（{low} = {low_label}、{high} = {high_label}）",
        "iso time": "ISO 8601 形式（UTC との時差付き）、ワークスペースのタイムゾーン {zone} の時刻",
        "local time": "{zone} の現地時刻",
        "two offsets": "{standard}、夏時間は {summer}",
        "wording n": "設問文 第{n}版",
        "wording in force": (
            "{when} から使用{current}。{column} が {n} の回答は、この設問文への回答です"
        ),
        "current wording": "（現在の設問文）",
        "wording version": "設問文の版",
        "wording of": "回答が {qid} のどの版の設問文への回答か",
        "wording values": "{low}〜{high} の整数: 上の {qid} の「設問文 第N版」の行を参照",
        "outside text": (
            "文字列が = + - @ ＝ ＋ － ＠、タブ、CR で始まる場合（' に続けてそれらで始まる場合も）"
            "は、先頭に ' を付けてあります。表計算ソフトが数式として実行せず、文字列として表示"
            "するためです。入力されたとおりの文字列にするには、先頭の ' を取り除いてください。"
            f"制御文字（NUL、ESC など）は {REPLACEMENT} と表示されます。"
        ),
    },
}

CODEBOOK_HEADINGS: dict[str, list[str]] = {
    "en": ["heading", "column", "type", "wording (en)", "wording (ja)", "required", "values"],
    "ja": ["見出し", "列名", "種類", "設問文（英語）", "設問文（日本語）", "必須", "値"],
}


def language_of(language: str) -> str:
    """``language`` when the exports speak it, else English."""
    return language if language in LANGUAGES else "en"


def word(key: str, language: str) -> str:
    """The workbook's word for ``key`` in ``language``; a key it does not know reads as
    itself (a band name added elsewhere still shows, in English)."""
    return WORDS[language_of(language)].get(key, key)


def zone_text(zone: tzinfo, language: str, year: int) -> str:
    """A zone and its offsets: "Asia/Tokyo (UTC+09:00)", "America/New_York (UTC-05:00,
    or UTC-04:00 in summer time)"; ``year`` picks the offsets (they change in history)."""
    standard, summer = zone_offsets(zone, year)
    words = CODEBOOK[language_of(language)]
    offsets = offset_text(standard)
    if standard != summer:
        offsets = words["two offsets"].format(standard=offsets, summer=offset_text(summer))
    if language == "ja":
        return f"{zone_name(zone)}（{offsets}）"
    return f"{zone_name(zone)} ({offsets})"


def iso_time_note(zone: tzinfo, language: str, year: int) -> str:
    """How the CSV writes a time: "ISO 8601 with the UTC offset, … Asia/Tokyo (UTC+09:00)"."""
    return CODEBOOK[language_of(language)]["iso time"].format(zone=zone_text(zone, language, year))


def local_time_note(zone: tzinfo, language: str, year: int) -> str:
    """How the workbook shows a time: "local time in Asia/Tokyo (UTC+09:00)"."""
    return CODEBOOK[language_of(language)]["local time"].format(
        zone=zone_text(zone, language, year)
    )
