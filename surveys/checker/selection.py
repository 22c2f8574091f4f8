"""Rules on question selection: ask only what is needed, open questions sparingly, short SMS.

A respondent does not meet every question: a follow-up may be asked only of
some bands (``show_for``). Counts and times here follow the longest path a
respondent can take, so three band-specific follow-ups count as one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from surveys.checker.base import LANGUAGE_NAMES, REGISTRY, Field, Finding, Place, Rule, Severity, T
from surveys.checker.wording import BAND_NAMES
from surveys.messages import SAMPLE_LINK, sample_sms
from surveys.model import Survey
from surveys.questions import Band, Question, QuestionType
from surveys.sms import non_gsm_characters, sms_segments
from surveys.text import LocalText

# Seconds to answer one question, by type: the basis of estimated_seconds.
# Rules of thumb for a phone: reading a one-line question and tapping a point
# on a scale takes ~5 s; a list adds reading each option (~1 s each) to a base
# of ~8 s; typing runs ~20–40 words a minute on a phone, so a one-line answer
# takes ~20 s and a few sentences ~40 s.
SECONDS_PER_SCALE = 5
SECONDS_PER_CHOICE = 8
SECONDS_PER_OPTION = 1
SECONDS_PER_SHORT_TEXT = 20
SECONDS_PER_OPEN_TEXT = 40

# SMS and QR surveys are answered on a phone, often standing: two minutes.
# Other channels (email, a link) reach people at a desk: five minutes.
MOBILE_CHANNELS = frozenset({"sms", "qr"})
MOBILE_SECONDS = 120
OTHER_SECONDS = 300
MAX_QUESTIONS = 10
MAX_OPEN_QUESTIONS = 2


def question_seconds(question: Question) -> int:
    """The time one question takes to read and answer, in seconds."""
    if question.is_scale:
        return SECONDS_PER_SCALE
    if question.is_choice:
        return SECONDS_PER_CHOICE + SECONDS_PER_OPTION * len(question.option_codes())
    if question.type is QuestionType.SHORT_TEXT:
        return SECONDS_PER_SHORT_TEXT
    return SECONDS_PER_OPEN_TEXT


def longest_path(questions: Sequence[Question], weight: Callable[[Question], int]) -> int:
    """The largest total ``weight`` of the questions one respondent can meet.

    Questions asked of everyone all count; the follow-ups of one score count
    for the band that sees the most of them.
    """
    total = 0
    follow_ups: dict[str, list[Question]] = {}
    for question in questions:
        if question.follow_up_of is None or not question.show_for:
            total += weight(question)
        else:
            follow_ups.setdefault(question.follow_up_of, []).append(question)
    for group in follow_ups.values():
        total += max(sum(weight(q) for q in group if band in q.show_for) for band in Band)
    return total


def estimated_seconds(survey: Survey) -> int:
    """How long the survey takes a respondent on the longest path, in seconds."""
    return longest_path(survey.questions, question_seconds)


def _duration(seconds: int) -> LocalText:
    if seconds < 60:
        return T(f"{seconds} seconds", f"{seconds}秒")
    minutes, rest = divmod(seconds, 60)
    if rest == 0:
        return T(f"{minutes} min", f"{minutes}分")
    return T(f"{minutes} min {rest} s", f"{minutes}分{rest}秒")


DURATION = Rule(
    "survey-duration",
    Severity.WARNING,
    T("Survey takes too long", "回答に時間がかかりすぎる"),
    T(
        "The survey takes about {duration} to answer; {limit}.",
        "回答に約{duration}かかります。{limit}",
    ),
    T(
        "Ask only what you will act on: remove questions, or merge those that ask the same thing.",
        "行動につながる質問だけに絞ってください。質問を減らすか、同じことを聞く質問をまとめてください。",
    ),
    T(
        "Every extra question costs answers: people stop part-way, and those who finish are "
        "not like those who do not. Koe estimates the time on the longest path a respondent "
        "can take (about 5 s a scale, 8 s plus 1 s an option for a list, 20 s a short text, "
        "40 s a long one) and warns above two minutes for SMS and QR surveys, answered on a "
        "phone, and above five minutes otherwise.",
        "質問が一つ増えるごとに回答は減ります。途中でやめる人が増え、最後まで答える人とそうでない人の"
        "違いが結果をゆがめます。Koeは回答者が通りうる最も長い経路で時間を見積もり（尺度は約5秒、"
        "選択式は8秒＋選択肢1つにつき1秒、短い自由回答は20秒、長い自由回答は40秒）、"
        "スマートフォンで回答されるSMS・QRコードのアンケートでは2分、それ以外では5分を超えると警告します。",
    ),
)
_MOBILE_LIMIT = T(
    "SMS and QR surveys, answered on a phone, should take under two minutes",
    "スマートフォンで回答されるSMS・QRコードのアンケートは2分以内を目安にしてください。",
)
_OTHER_LIMIT = T("keep surveys under five minutes", "5分以内を目安にしてください。")


@REGISTRY.add(DURATION)
def _survey_duration(survey: Survey) -> Iterator[Finding]:
    seconds = estimated_seconds(survey)
    mobile = bool(MOBILE_CHANNELS & set(survey.channels))
    if seconds > (MOBILE_SECONDS if mobile else OTHER_SECONDS):
        limit = _MOBILE_LIMIT if mobile else _OTHER_LIMIT
        yield DURATION.finding(Place(), duration=_duration(seconds), limit=limit)


NO_QUESTIONS = Rule(
    "no-questions",
    Severity.ERROR,
    T("No questions", "質問がない"),
    T("This survey has no questions yet.", "このアンケートにはまだ質問がありません。"),
    T(
        "Add a question: a survey cannot be opened without one.",
        "質問を追加してください。質問のないアンケートは公開できません。",
    ),
    T(
        "A link to a survey without questions would show respondents an empty page. Start "
        "with the one question you most need answered, usually the score.",
        "質問のないアンケートのリンクを開いた回答者には、空のページが表示されてしまいます。"
        "最も知りたいこと（たいていはスコア）を尋ねる質問から始めてください。",
    ),
)


@REGISTRY.add(NO_QUESTIONS)
def _no_questions(survey: Survey) -> Iterator[Finding]:
    if not survey.questions:
        yield NO_QUESTIONS.finding(Place())


TOO_MANY = Rule(
    "too-many-questions",
    Severity.WARNING,
    T("Too many questions", "質問が多すぎる"),
    T(
        "Respondents meet {count} questions; above {limit}, many stop before the end.",
        "回答者が答える質問は{count}問あります。{limit}問を超えると、最後まで答えない人が増えます。",
    ),
    T(
        "Keep the questions you will act on; drop the ones that are merely interesting.",
        "行動につながる質問だけを残し、「あれば知りたい」程度の質問は削ってください。",
    ),
    T(
        "Koe is for short feedback surveys. Past ten questions, completion falls and "
        "answers get careless. Follow-ups asked only of some scores count once.",
        "Koeは短いフィードバック用のアンケートのためのものです。10問を超えると回答完了率が下がり、"
        "回答も雑になります。スコアによって出し分けるフォローアップ質問は1問として数えます。",
    ),
)


@REGISTRY.add(TOO_MANY)
def _too_many(survey: Survey) -> Iterator[Finding]:
    count = longest_path(survey.questions, lambda q: 1)
    if count > MAX_QUESTIONS:
        yield TOO_MANY.finding(Place(), count=count, limit=MAX_QUESTIONS)


TOO_MANY_OPEN = Rule(
    "too-many-open-questions",
    Severity.WARNING,
    T("Too many open questions", "自由回答の質問が多すぎる"),
    T(
        "Respondents meet {count} open-ended questions; after two, answers get short and "
        "people leave.",
        "回答者が答える自由回答の質問が{count}問あります。2問を超えると、回答が短くなり、"
        "途中でやめる人が増えます。",
    ),
    T(
        "Keep the one or two that matter most, and turn the others into choice questions.",
        "最も重要な1〜2問を残し、ほかは選択式の質問にしてください。",
    ),
    T(
        "Open-ended questions give the richest answers but cost the most effort, above all "
        "typed on a phone. Use them sparingly: one “why” after the score is usually the best "
        "of them.",
        "自由回答の質問は最も豊かな答えが得られる一方、回答者の負担が最も大きく、"
        "スマートフォンでの入力では特にそうです。使うのは控えめに。スコアの後に「理由」を一つ聞くのが、"
        "たいてい最も効果的です。",
    ),
)


@REGISTRY.add(TOO_MANY_OPEN)
def _too_many_open(survey: Survey) -> Iterator[Finding]:
    def is_open(question: Question) -> int:
        return int(question.is_text)

    for end in range(1, len(survey.questions) + 1):
        question = survey.questions[end - 1]
        if not question.is_text:
            continue
        count = longest_path(survey.questions[:end], is_open)
        if count > MAX_OPEN_QUESTIONS:
            total = longest_path(survey.questions, is_open)
            yield TOO_MANY_OPEN.finding(Place(question.qid, Field.TEXT), count=total)
            return


OPENS_WITH_OPEN = Rule(
    "opens-with-open-question",
    Severity.WARNING,
    T("Opens with an open question", "最初の質問が自由回答"),
    T(
        "The survey opens with an open-ended question; many people leave at a text box "
        "before answering anything.",
        "最初の質問が自由回答です。何も答えないうちに入力欄を見て、回答をやめる人が多くなります。",
    ),
    T(
        "Start with a quick scale or choice question, and ask for comments after it.",
        "最初は簡単な尺度や選択式の質問にし、自由回答はその後に聞いてください。",
    ),
    T(
        "The first question decides whether people go on. One tap is an easy start; a text "
        "box asks for effort before any commitment. A comment after a score is also easier "
        "to write and to read.",
        "最初の質問で、回答を続けるかどうかが決まります。ワンタップで答えられる質問なら始めやすく、"
        "入力欄はいきなり負担を求めることになります。スコアの後のコメントの方が、書きやすく読みやすくも"
        "なります。",
    ),
)


@REGISTRY.add(OPENS_WITH_OPEN)
def _opens_with_open(survey: Survey) -> Iterator[Finding]:
    if survey.questions and survey.questions[0].is_text:
        yield OPENS_WITH_OPEN.finding(Place(survey.questions[0].qid, Field.TEXT))


REQUIRED_OPEN = Rule(
    "required-open-text",
    Severity.WARNING,
    T("Required open question", "自由回答が必須"),
    T(
        "This open-ended question is required. Forced answers are often meaningless (“.”, "
        "“n/a”), and people with nothing to say leave instead.",
        "この自由回答の質問は必須になっています。無理に書かせた答えは「.」「特になし」のように意味の"
        "ないものになりがちで、書くことのない人は回答をやめてしまいます。",
    ),
    T("Make it optional.", "任意回答にしてください。"),
    T(
        "An open question should be optional: those with something to say will say it. When "
        "a required follow-up is shown only to some scores (say, detractors), those people "
        "leave more often than the others, and you lose exactly the answers you need.",
        "自由回答の質問は任意にしてください。伝えたいことのある人は書いてくれます。"
        "必須のフォローアップ質問を一部のスコア（批判者など）にだけ表示すると、その人たちだけが"
        "途中でやめやすくなり、最も必要な回答が失われます。",
    ),
)
_REQUIRED_FOR_SOME = T(
    "This open-ended follow-up is required and shown only to {bands}: they will leave more "
    "often than others, and you lose exactly their answers.",
    "この自由回答のフォローアップ質問は必須で、{bands}にだけ表示されます。その人たちが途中で"
    "やめやすくなり、最も必要な回答が失われます。",
)


@REGISTRY.add(REQUIRED_OPEN)
def _required_open(survey: Survey) -> Iterator[Finding]:
    for question in survey.questions:
        if not question.required or not question.is_text:
            continue
        follow_up = question.follow_up_of is not None
        # A required short answer ("Which dish?") is cheap; a required essay is not.
        if question.type is not QuestionType.OPEN_TEXT and not follow_up:
            continue
        place = Place(question.qid, Field.TEXT)
        some = [band for band in Band if band in question.show_for]
        if follow_up and some and len(some) < len(Band):
            bands = LocalText(
                en=" and ".join(BAND_NAMES[b]["en"] for b in some),
                ja="・".join(BAND_NAMES[b]["ja"] for b in some),
            )
            yield REQUIRED_OPEN.finding(place, message=_REQUIRED_FOR_SOME, bands=bands)
        else:
            yield REQUIRED_OPEN.finding(place)


# What the placeholders of an invitation become when it is sent (surveys.messages).
LINK_LENGTH = len(SAMPLE_LINK)  # https://survey.example-shop.jp/r/<token>
MAX_SEGMENTS = 2

SMS_SEGMENTS = Rule(
    "sms-segments",
    Severity.WARNING,
    T("SMS invitation length", "SMS案内文の長さ"),
    T(
        "The {language} invitation is sent as {segments} ({characters} {encoding} "
        "characters, counting the link as {link}).{why}",
        "{language}の案内文は{segments}として送信されます（{encoding}で{characters}文字、"
        "リンクを{link}文字として計算）。{why}",
    ),
    T(
        "Keep it to a greeting, one sentence on why, and the link.",
        "あいさつ、目的を伝える一文、リンクだけにしてください。",
    ),
    T(
        "A long SMS is sent as several segments, each billed, and may arrive split or out "
        "of order on older phones. Plain English text fits 160 characters in one segment "
        "(153 per segment when split); Japanese, emoji or curly quotes make the message "
        "UCS-2, with only 70 characters (67 when split). The link counts as about 55 "
        "characters, a name as a typical one, and the opt-out line is counted as sent: "
        'a link of the same length to Japanese numbers, "Reply STOP to opt out" '
        "elsewhere. Koe warns above two segments.",
        "長いSMSは複数の通数に分けて送られ、通数ごとに料金がかかります。古い端末では分割されたり"
        "順番が入れ替わったりして届くこともあります。英数字だけの文は1通160文字（分割時は1通153文字）"
        "ですが、日本語・絵文字・全角記号を含むとUCS-2となり、1通70文字（分割時は67文字）になります。"
        "リンクは約55文字、お名前は一般的な長さとして計算し、配信停止の案内も送信どおりに"
        "数えます（日本の番号には同じ長さの配信停止リンク、海外の番号には返信で停止する案内）。"
        "Koeは2通を超えると警告します。",
    ),
)
_TOO_MANY_SEGMENTS = T(
    " Above two segments it costs more and may arrive split.",
    "2通を超えると料金が増え、分割されて届くことがあります。",
)
_UCS2_BECAUSE = T(
    " {chars} make it UCS-2, 70 characters a segment.",
    "{chars}が含まれるため、1通70文字のUCS-2になります。",
)


@REGISTRY.add(SMS_SEGMENTS)
def _sms(survey: Survey) -> Iterator[Finding]:
    if "sms" not in survey.channels:
        return
    for language in survey.languages:
        template = survey.invitation.get(language, "").strip()
        if not template:
            continue
        count = sms_segments(sample_sms(template, language))
        severity = Severity.WARNING if count.segments > MAX_SEGMENTS else Severity.INFO
        why = LocalText(en="", ja="")
        if severity is Severity.WARNING:
            why = _TOO_MANY_SEGMENTS
        stray = non_gsm_characters(template)
        if language != "ja" and stray:
            # An English text turned UCS-2 by a stray character is worth naming.
            chars = " ".join(stray[:5])
            why = LocalText(
                {lang: _UCS2_BECAUSE[lang].format(chars=chars) + why[lang] for lang in why}
            )
        segments = LocalText(
            en=f"{count.segments} SMS segment" + ("s" if count.segments != 1 else ""),
            ja=f"SMS {count.segments}通",
        )
        yield SMS_SEGMENTS.finding(
            Place(field=Field.INVITATION, language=language),
            severity=severity,
            language=LANGUAGE_NAMES[language],
            segments=segments,
            characters=count.characters,
            encoding=count.encoding,
            link=LINK_LENGTH,
            why=why,
        )
