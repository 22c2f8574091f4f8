"""Rules on wording: complete, concise, direct, one thing at a time, neutral, standard.

These review each wording in each of the survey's languages, so a survey in
Japanese and English gets a finding per language at fault.
"""

from __future__ import annotations

from collections.abc import Iterator

from surveys.business import fill_company
from surveys.checker.base import (
    LANGUAGE_NAMES,
    REGISTRY,
    Field,
    Finding,
    Place,
    Rule,
    Severity,
    T,
    wordings,
)
from surveys.checker.lexicons import LEXICONS
from surveys.model import Survey
from surveys.questions import STANDARD_TYPES, QuestionType
from surveys.templates import TEMPLATES
from surveys.text import LocalText

EMPTY_TEXT = Rule(
    "empty-text",
    Severity.ERROR,
    T("Missing wording", "文言の入力漏れ"),
    T("This {what} has no wording in {language}.", "{language}の{what}が入力されていません。"),
    T(
        "Write the {what} in {language}, or remove {language} from the survey's languages.",
        "{language}の{what}を入力するか、アンケートの言語から{language}を外してください。",
    ),
    T(
        "Respondents answer in their own language. A missing translation shows them the "
        "other language or an empty question, and answers in the two languages stop meaning "
        "the same thing.",
        "回答者は自分の言語で回答します。翻訳が抜けていると、別の言語や空の質問が表示され、"
        "言語によって回答の意味がそろわなくなります。",
    ),
)
_WHAT = {
    Field.TEXT: T("question", "質問文"),
    Field.OPTIONS: T("option", "選択肢"),
    Field.INVITATION: T("invitation message", "案内メッセージ"),
}
_VARIANT = T("follow-up wording for {band}", "{band}向けの質問文")
BAND_NAMES = {
    "promoter": T("promoters", "推奨者"),
    "passive": T("passives", "中立者"),
    "detractor": T("detractors", "批判者"),
}


@REGISTRY.add(EMPTY_TEXT)
def _empty_text(survey: Survey) -> Iterator[Finding]:
    # A language that has no text anywhere is reported by the question's text
    # only; the options, follow-up variants and invitation are reported when
    # another language has them and this one does not.
    for question in survey.questions:
        for language in survey.languages:
            where = LANGUAGE_NAMES[language]
            place = Place(question.qid, Field.TEXT, language=language)
            if not question.text.get(language, "").strip():
                yield EMPTY_TEXT.finding(place, what=_WHAT[Field.TEXT], language=where)
            for band, variant in question.variants.items():
                if any(variant.values()) and not variant.get(language, "").strip():
                    what = LocalText(
                        {
                            lang: text.format(band=BAND_NAMES[band][lang])
                            for lang, text in _VARIANT.items()
                        }
                    )
                    yield EMPTY_TEXT.finding(
                        Place(question.qid, Field.TEXT, language=language, band=band),
                        what=what,
                        language=where,
                    )
            for option in question.options:
                if not option.text.get(language, "").strip():
                    yield EMPTY_TEXT.finding(
                        Place(question.qid, Field.OPTIONS, option.code, language),
                        what=_WHAT[Field.OPTIONS],
                        language=where,
                    )
    if survey.channels and any(text.strip() for text in survey.invitation.values()):
        for language in survey.languages:
            if not survey.invitation.get(language, "").strip():
                yield EMPTY_TEXT.finding(
                    Place(field=Field.INVITATION, language=language),
                    severity=Severity.WARNING,
                    what=_WHAT[Field.INVITATION],
                    language=LANGUAGE_NAMES[language],
                )


LONG_WORDING = Rule(
    "long-wording",
    Severity.WARNING,
    T("Long question", "長すぎる質問"),
    T(
        "This question is {length} characters long; keep it under {limit} characters.",
        "この質問は{length}文字あります。{limit}文字以内を目安にしてください。",
    ),
    T(
        "Keep only what the respondent needs to answer: move the background to the survey's "
        "introduction and ask one short question.",
        "回答に必要なことだけを残してください。前置きや説明は省き、短い一つの質問にしてください。",
    ),
    T(
        "Specific, concise wording is read in full. Long questions are skimmed, above all on "
        "a phone, and answered from their first few words. Koe warns above 140 characters in "
        "English and 70 in Japanese: about two lines on a phone, the same reading time in "
        "both languages.",
        "具体的で簡潔な質問は最後まで読まれます。長い質問は、特にスマートフォンでは読み飛ばされ、"
        "最初の数語だけで回答されがちです。Koeは英語で140文字、日本語で70文字を超えると警告します"
        "（スマートフォンで約2行、どちらの言語でも読むのにかかる時間はほぼ同じです）。",
    ),
)


@REGISTRY.add(LONG_WORDING)
def _long_wording(survey: Survey) -> Iterator[Finding]:
    for wording in wordings(survey):
        limit = LEXICONS[wording.language].LONG_WORDING
        length = len(wording.text.strip())
        if length > limit:
            yield LONG_WORDING.finding(wording.place, length=length, limit=limit)


INDIRECT = Rule(
    "indirect-question",
    Severity.WARNING,
    T("Not a direct question", "直接の質問になっていない"),
    T(
        "{q_words} is an instruction or a heading, not a question. Ask directly, with the "
        "scale in the question.",
        "{q_words}は指示や見出しで、質問になっていません。尺度を含めた直接の質問にしてください。",
    ),
    T(
        "Ask, for example, “How satisfied were you with …?” or “How likely are you to …?”.",
        "例：「〜にどの程度満足されましたか？」「〜する可能性はどのくらいありますか？」",
    ),
    T(
        "A direct question that names the scale (“How satisfied…”, “How likely…”) tells the "
        "respondent what the numbers measure. “Rate your satisfaction” or a bare heading "
        "leaves them to guess what is measured and which end is good. The standard CES "
        "statement (“… made it easy for me to …”) is answered by agreeing or disagreeing and is "
        "not reviewed by this rule.",
        "尺度を含めた直接の質問（「どの程度満足されましたか」「どのくらいありますか」）なら、"
        "回答者は数字が何を表すかがすぐに分かります。「満足度を評価してください」や見出しだけでは、"
        "何を測っているのか、どちらの端が良いのかを推測させることになります。"
        "CESの標準の文（「〜のおかげで、〜ことができた。」）は同意の度合いで答えるため、"
        "このルールの対象外です。",
    ),
)


@REGISTRY.add(INDIRECT)
def _indirect(survey: Survey) -> Iterator[Finding]:
    for wording in wordings(survey):
        question = wording.question
        # CES is a statement answered by agreeing: its form is the standard.
        if not question.is_scale or question.type is QuestionType.CES:
            continue
        words = LEXICONS[wording.language].indirect(wording.text)
        if words:
            yield INDIRECT.finding(wording.place, q_words=words)


GRID = Rule(
    "grid",
    Severity.WARNING,
    T("A grid in disguise", "グリッド形式の質問"),
    T(
        "This question asks for a rating of several items at once ({q_words}), as a grid "
        "would. Koe has no grids or matrices.",
        "この質問は複数の項目をまとめて評価させようとしています（{q_words}）。"
        "Koeにはグリッド（マトリクス）形式の質問はありません。",
    ),
    T(
        "Ask one short question for each item that matters, or a multiple-choice question "
        "such as “Which of these were you satisfied with?”.",
        "重要な項目ごとに短い質問を一つずつ作るか、「次のうち、満足されたものをすべてお選びください。」"
        "のような複数選択の質問にしてください。",
    ),
    T(
        "Koe offers no grids or matrices, on purpose. Faced with a grid, respondents "
        "straight-line: they tick the same column all the way down to get through it, so the "
        "answers measure fatigue, not opinion. Grids are also painful on phones, where most "
        "SMS and QR surveys are answered: the columns do not fit, the labels scroll out of "
        "view, and people give up. One short question per item that matters, or one “Which "
        "of these…” list, gets better data.",
        "Koeにはグリッド（マトリクス）形式の質問がありません。これは意図的です。"
        "グリッドでは回答者が同じ列を縦に選び続ける「ストレートライン回答」が起きやすく、"
        "回答が意見ではなく疲れを表すようになります。また、SMSやQRコードのアンケートの多くは"
        "スマートフォンで回答されますが、グリッドは列が画面に収まらず、ラベルが見えなくなり、"
        "途中でやめる人が増えます。重要な項目ごとの短い質問や、「次のうち〜はどれですか」という"
        "一つの選択式の質問の方が、良いデータが得られます。",
    ),
)


def _grid_words(language: str, text: str, has_options: bool) -> str | None:
    return LEXICONS[language].grid(text, has_options)


@REGISTRY.add(GRID)
def _grid(survey: Survey) -> Iterator[Finding]:
    for wording in wordings(survey):
        words = _grid_words(wording.language, wording.text, wording.question.is_choice)
        if words:
            yield GRID.finding(wording.place, q_words=words)


DOUBLE_BARRELLED = Rule(
    "double-barrelled",
    Severity.WARNING,
    T("Two questions in one", "一度に二つのことを聞いている"),
    T(
        "This question asks about two things at once ({q_words}). Someone who is happy with "
        "one and not the other cannot answer, and you cannot tell which one a score is about.",
        "この質問は一度に二つのことを聞いています（{q_words}）。片方にだけ満足している人は"
        "答えられず、スコアがどちらについてのものかも分かりません。",
    ),
    T(
        "Split it into two questions, or ask only about the one that matters more.",
        "二つの質問に分けるか、より重要な方だけを聞いてください。",
    ),
    T(
        "A double-barrelled question (“How satisfied were you with the price and the "
        "quality?”) joins two subjects that can be judged differently. The answer is a blend "
        "no one can act on. Phrases that name one thing (“a friend or colleague”, “terms and "
        "conditions”, 「友人や同僚」, 「ご意見・ご感想」) and the quoting 「と」 "
        "(「…と思いますか」) are not flagged.",
        "「価格と品質にどの程度満足されましたか？」のような質問は、別々に評価されうる二つの対象を"
        "一つにまとめています。回答は二つが混ざったものになり、改善に生かせません。"
        "一つのものを指す言い方（「友人や同僚」「ご意見・ご感想」など）や、"
        "引用の「と」（「…と思いますか」）は対象外です。",
    ),
)


@REGISTRY.add(DOUBLE_BARRELLED)
def _double_barrelled(survey: Survey) -> Iterator[Finding]:
    for wording in wordings(survey):
        # A grid is two questions in one too; the grid finding says it better.
        if _grid_words(wording.language, wording.text, wording.question.is_choice):
            continue
        words = LEXICONS[wording.language].double_barrelled(wording.text)
        if words:
            yield DOUBLE_BARRELLED.finding(wording.place, q_words=words)


LEADING = Rule(
    "leading",
    Severity.WARNING,
    T("Leading or loaded wording", "誘導的な表現"),
    T(
        "{q_words} suggests the answer you hope for, so answers will lean that way.",
        "{q_words}は期待する答えをほのめかしているため、回答がその方向に偏ります。",
    ),
    T(
        "Use neutral wording: leave out praise and opinions, and ask “How satisfied were you "
        "with …?” rather than “Don't you agree …?”.",
        "褒め言葉や意見を省き、中立的な言い方にしてください"
        "（例：「〜と思いませんか」ではなく「〜にどの程度満足されましたか？」）。",
    ),
    T(
        "A leading question tells the respondent which answer is expected: praise (“our "
        "amazing menu”, 「自慢の」), a tag asking for agreement (“don't you agree”, “isn't "
        "it?”, 「〜と思いませんか」, 「〜ですよね」), a presumption (“how much did you "
        "enjoy”), or what others think (“most customers love”). People are polite and go "
        "along, and the score flatters you. In a closed question, “should”/“could” "
        "(「すべき」) put your idea forward; in an open question such as “What could we do "
        "better?” they ask for ideas and are fine. “Feel” is flagged only on a scale, where it "
        "asks for an emotion the scale does not measure.",
        "誘導的な質問は、期待される答えを回答者に伝えてしまいます。褒め言葉（「自慢の」"
        "「素晴らしい」）、同意を求める言い方（「〜と思いませんか」「〜ですよね」「〜でしょう？」）、"
        "決めつけ（「どのくらい楽しめましたか」）、他の人の意見（「多くのお客様にご好評の」）などです。"
        "回答者は遠慮して話を合わせるため、スコアが実際より良く出ます。"
        "選択式や尺度の質問での「すべき」も同様ですが、自由回答の「改善すべき点は何ですか？」"
        "のようにアイデアを求める場合は問題ありません。",
    ),
)


@REGISTRY.add(LEADING)
def _leading(survey: Survey) -> Iterator[Finding]:
    for wording in wordings(survey):
        words = LEXICONS[wording.language].leading(wording.text, wording.question.type)
        if words:
            yield LEADING.finding(wording.place, q_words=words)


DOUBLE_NEGATIVE = Rule(
    "double-negative",
    Severity.WARNING,
    T("Double negative", "二重否定"),
    T(
        "{q_words} is a double negative; people misread it and answer the opposite.",
        "{q_words}は二重否定です。読み違えられ、逆の意味で答えられることがあります。",
    ),
    T(
        "Ask positively, e.g. “How comfortable was the waiting room?”.",
        "肯定形で聞いてください（例：「待合室はどのくらい快適でしたか？」）。",
    ),
    T(
        "Two negatives (“not uncomfortable”, 「快適でなくはない」) make the reader stop and "
        "work out the meaning; many get it wrong, and “yes” no longer says what you think.",
        "否定が二重になる（「快適でなくはない」など）と、意味を考え込ませてしまいます。"
        "読み違える人も多く、「はい」が何を意味するのかが曖昧になります。",
    ),
)


@REGISTRY.add(DOUBLE_NEGATIVE)
def _double_negative(survey: Survey) -> Iterator[Finding]:
    for wording in wordings(survey):
        words = LEXICONS[wording.language].double_negative(wording.text)
        if words:
            yield DOUBLE_NEGATIVE.finding(wording.place, q_words=words)


VALIDATED = Rule(
    "validated-wording",
    Severity.INFO,
    T("Not the standard wording", "標準の文言と異なる"),
    T(
        "This {instrument} question departs from the standard wording, so its score cannot "
        "be compared with benchmarks or with other {instrument} surveys.",
        "この{instrument}の質問は標準の文言と異なるため、スコアを業界の基準値や他の{instrument}"
        "調査と比較できません。",
    ),
    T("Use the standard wording: {q_standard}", "標準の文言をお使いください：{q_standard}"),
    T(
        "NPS, CSAT and CES are validated instruments: their wording was tested, and scores "
        "are compared across companies and over time only because everyone asks the same "
        "question. A transaction before it (“Based on your recent visit, …”, "
        "「今回のご来店を踏まえて、」) and the subject of a CSAT question may change; the rest "
        "should not.",
        "NPS・CSAT・CESは検証済みの指標です。文言は検証されており、全員が同じ質問をするからこそ、"
        "他社や過去のスコアと比較できます。前置きの取引（「今回のご来店を踏まえて、」など）や"
        "CSATの対象は変えてかまいませんが、それ以外は変えないでください。",
    ),
)
_INSTRUMENT_TEMPLATE = {QuestionType.NPS: "nps", QuestionType.CSAT: "csat", QuestionType.CES: "ces"}


def standard_wording(kind: QuestionType, language: str) -> str:
    """The template's wording of an NPS/CSAT/CES question, for a business without a name."""
    template = TEMPLATES[_INSTRUMENT_TEMPLATE[kind]]
    question = next(q for q in template.questions if q.type is kind)
    return fill_company(question.text[language], "", "", language)


@REGISTRY.add(VALIDATED)
def _validated(survey: Survey) -> Iterator[Finding]:
    for wording in wordings(survey):
        kind = wording.question.type
        if kind not in STANDARD_TYPES or wording.band is not None:
            continue
        if not LEXICONS[wording.language].is_standard(wording.text, kind):
            yield VALIDATED.finding(
                wording.place,
                instrument=kind.upper(),
                q_standard=standard_wording(kind, wording.language),
            )
