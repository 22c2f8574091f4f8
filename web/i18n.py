"""The words of the respondent pages in Japanese and English, and language choice.

The survey's own wording (questions, labels) lives with the survey; this
catalogue holds only what the site itself says: buttons, errors, the
thank-you and "closed" pages. Every key exists in every language; a test
checks that, and that each translation keeps the English placeholders.
"""

from __future__ import annotations

from collections.abc import Sequence

from surveys.text import DEFAULT_LANGUAGE, LANGUAGES, normalise_language

CATALOGUE: dict[str, dict[str, str]] = {
    "en": {
        "language_name": "English",
        "switch_language": "Language",
        "survey_heading": "Customer survey",
        "intro": "It takes less than a minute. Thank you for your time.",
        "optional": "(optional)",
        "submit": "Send",
        "next": "Next",
        "back": "Back to the previous page",
        "choose_all": "Choose all that apply.",
        "other_option": "Other (please specify)",
        "none_option": "None of these",
        "star_one": "1 star",
        "star_many": "{n} stars",
        "thumbs_up": "Yes",
        "thumbs_down": "No",
        "face_very_unhappy": "Very unhappy",
        "face_unhappy": "Unhappy",
        "face_neutral": "Neutral",
        "face_happy": "Happy",
        "face_very_happy": "Very happy",
        "agree_1": "Strongly disagree",
        "agree_2": "Disagree",
        "agree_3": "Somewhat disagree",
        "agree_4": "Neither agree nor disagree",
        "agree_5": "Somewhat agree",
        "agree_6": "Agree",
        "agree_7": "Strongly agree",
        "error_required_choice": "Please choose an answer.",
        "error_choose_option": "Please choose one of the answers shown.",
        "error_none_alone": "Please untick the other answers to choose “None of these”.",
        "error_other_text": "Please say what “Other” is.",
        "error_summary": "Please check these answers:",
        "error_item": "{question} — {problem}",
        "error_required_scale": "Please choose a score.",
        "error_required_text": "Please write your answer.",
        "error_choose_listed": "Please choose one of the numbers shown.",
        "error_too_long": "Please shorten your answer to {max} characters or fewer.",
        "error_control_characters": (
            "Your answer had invisible characters that cannot be kept, and we have taken "
            "them out. Please check your answer and send it again."
        ),
        "error_unexpected_fields": (
            "The answer arrived with something we did not expect. "
            "Please check it and send it again."
        ),
        "error_unreadable": "We could not read your answer. Please answer again.",
        "error_not_saved": (
            "Sorry, your answer could not be saved just now. "
            "It is still here: please press “{submit}” again in a moment."
        ),
        "thanks_title": "Thank you!",
        "thanks_body": "Your answer has been received. It will help improve the service.",
        "redirect_link": "Continue to {site}",
        "redirect_soon": "Taking you there in {seconds} seconds.",
        "redirect_stay": "Stay on this page",
        "answered_title": "You have already answered",
        "answered_body": "We have your answer to this survey. Thank you!",
        "closed_title": "This survey has closed",
        "closed_body": "It no longer accepts answers. Thank you for your interest.",
        "not_found_title": "Survey not found",
        "not_found_body": (
            "We could not find this survey. Please check the link in the message you received."
        ),
        "too_large_title": "Your answer is too long",
        "too_large_body": "It could not be sent. Please go back and shorten it.",
        "server_error_title": "Something went wrong",
        "server_error_body": "Please try again in a moment.",
        "error_expired": (
            "For your security, your answer was not sent. "
            "It is still here: please press “{submit}” again."
        ),
        "rate_limited_title": "Please wait a moment",
        "rate_limited_body": (
            "Many answers have come from your network in the last minute. "
            "Please wait a minute, then go back to the survey and send your answer again."
        ),
        "back_to_survey": "Back to the survey",
        "thanks_follow_up": (
            "We are sorry we let you down. Someone from our team will be in touch "
            "to put things right."
        ),
        "referral_heading": "Know someone who would enjoy it too?",
        "referral_body": "Tell family and friends through the referral programme.",
        "referral_link": "Tell a friend",
        "review_heading": "Share your experience",
        "review_body": (
            "Would you like to write a public review? Every opinion, good or bad, "
            "helps others choose."
        ),
        "review_link": "Write a review",
        "channel_email": "email",
        "channel_sms": "text message",
        "channel_other": "message",
        "unsubscribe_title": "Unsubscribe",
        "unsubscribe_question": "Stop receiving surveys from {business} by {channel}?",
        "unsubscribe_question_plain": "Stop receiving our surveys by {channel}?",
        "unsubscribe_body": (
            "Press the button below and we will send you no more surveys by {channel}."
        ),
        "unsubscribe_button": "Unsubscribe",
        "unsubscribe_expired": "For your security, please press the button again.",
        "unsubscribed_title": "You are unsubscribed",
        "unsubscribed_body": "You will receive no more surveys from {business} by {channel}.",
        "unsubscribed_body_plain": "You will receive no more of our surveys by {channel}.",
        "link_not_found_title": "Link not found",
        "link_not_found_body": (
            "We could not find this link. Please check the link in the message you received."
        ),
        "privacy": "Privacy notice",
        "powered_by": "Powered by Koe",
        "preview_banner": "Preview — answers are not saved",
        "score_saved": "Thank you — your score is saved.",
        "score_saved_comment": "Thank you — your score is saved. Add a comment if you like.",
    },
    "ja": {
        "language_name": "日本語",
        "switch_language": "言語",
        "survey_heading": "お客様アンケート",
        "intro": "1分ほどで終わります。ご協力をお願いいたします。",
        "optional": "（任意）",
        "submit": "送信する",
        "next": "次へ",
        "back": "前のページに戻る",
        "choose_all": "当てはまるものをすべてお選びください。",
        "other_option": "その他（具体的に）",
        "none_option": "該当なし",
        "star_one": "星1つ",
        "star_many": "星{n}つ",
        "thumbs_up": "はい",
        "thumbs_down": "いいえ",
        "face_very_unhappy": "とても不満",
        "face_unhappy": "不満",
        "face_neutral": "ふつう",
        "face_happy": "満足",
        "face_very_happy": "とても満足",
        "agree_1": "まったくそう思わない",
        "agree_2": "そう思わない",
        "agree_3": "あまりそう思わない",
        "agree_4": "どちらともいえない",
        "agree_5": "ややそう思う",
        "agree_6": "そう思う",
        "agree_7": "とてもそう思う",
        "error_required_choice": "いずれかをお選びください。",
        "error_choose_option": "表示されている選択肢からお選びください。",
        "error_none_alone": "「該当なし」を選ぶ場合は、ほかの選択を外してください。",
        "error_other_text": "「その他」の内容をご記入ください。",
        "error_summary": "次の項目をご確認ください。",
        "error_item": "{question}：{problem}",
        "error_required_scale": "点数をお選びください。",
        "error_required_text": "ご回答をご入力ください。",
        "error_choose_listed": "表示されている数字からお選びください。",
        "error_too_long": "{max}文字以内でご入力ください。",
        "error_control_characters": (
            "ご回答に保存できない不可視の文字が含まれていたため、取り除きました。"
            "内容をご確認のうえ、もう一度送信してください。"
        ),
        "error_unexpected_fields": (
            "想定していない内容が含まれていました。内容をご確認のうえ、もう一度送信してください。"
        ),
        "error_unreadable": "ご回答を読み取れませんでした。お手数ですが、もう一度ご回答ください。",
        "error_not_saved": (
            "申し訳ありません。ただいまご回答を保存できませんでした。入力内容はそのまま残っていますので、"
            "少し時間をおいてから、もう一度「{submit}」を押してください。"
        ),
        "thanks_title": "ご回答ありがとうございました",
        "thanks_body": "いただいたご意見は、今後のサービス向上に役立てさせていただきます。",
        "redirect_link": "{site} へ進む",
        "redirect_soon": "{seconds}秒後に移動します。",
        "redirect_stay": "このページにとどまる",
        "answered_title": "すでにご回答いただいています",
        "answered_body": "このアンケートへのご回答は受付済みです。ありがとうございました。",
        "closed_title": "このアンケートは終了しました",
        "closed_body": "回答の受付は終了しています。ご関心をお寄せいただき、ありがとうございます。",
        "not_found_title": "アンケートが見つかりません",
        "not_found_body": (
            "お探しのアンケートが見つかりませんでした。"
            "お受け取りになったメッセージのリンクをご確認ください。"
        ),
        "too_large_title": "ご回答が長すぎます",
        "too_large_body": "送信できませんでした。前の画面に戻り、短くしてから送信してください。",
        "server_error_title": "問題が発生しました",
        "server_error_body": "しばらくしてから、もう一度お試しください。",
        "error_expired": (
            "セキュリティのため、ご回答を送信できませんでした。入力内容はそのまま残っていますので、"
            "もう一度「{submit}」を押してください。"
        ),
        "rate_limited_title": "少し時間をおいてお試しください",
        "rate_limited_body": (
            "お使いのネットワークから、短い時間に多くの回答が送信されました。"
            "1分ほどお待ちいただき、アンケートに戻ってもう一度送信してください。"
        ),
        "back_to_survey": "アンケートに戻る",
        "thanks_follow_up": (
            "ご期待に沿えず、申し訳ございません。担当者より改めてご連絡いたします。"
        ),
        "referral_heading": "お知り合いにもおすすめいただけませんか？",
        "referral_body": "紹介プログラムから、ご家族やご友人にご紹介いただけます。",
        "referral_link": "お知り合いに紹介する",
        "review_heading": "ご感想をお聞かせください",
        "review_body": (
            "よろしければ、口コミの投稿にご協力ください。"
            "良い点も悪い点も、ほかのお客様の参考になります。"
        ),
        "review_link": "口コミを書く",
        "channel_email": "メール",
        "channel_sms": "SMS",
        "channel_other": "メッセージ",
        "unsubscribe_title": "配信停止",
        "unsubscribe_question": "{business}からの{channel}によるアンケート配信を停止しますか？",
        "unsubscribe_question_plain": "{channel}によるアンケート配信を停止しますか？",
        "unsubscribe_body": "下のボタンを押すと、{channel}によるアンケートの配信を停止します。",
        "unsubscribe_button": "配信を停止する",
        "unsubscribe_expired": "セキュリティのため、もう一度ボタンを押してください。",
        "unsubscribed_title": "配信を停止しました",
        "unsubscribed_body": "{business}からの{channel}によるアンケート配信を停止しました。",
        "unsubscribed_body_plain": "{channel}によるアンケート配信を停止しました。",
        "link_not_found_title": "リンクが見つかりません",
        "link_not_found_body": (
            "お探しのページが見つかりませんでした。"
            "お受け取りになったメッセージのリンクをご確認ください。"
        ),
        "privacy": "プライバシーポリシー",
        "powered_by": "Powered by Koe",
        "preview_banner": "プレビュー：回答は保存されません",
        "score_saved": "ありがとうございます。点数を受け付けました。",
        "score_saved_comment": (
            "ありがとうございます。点数を受け付けました。よろしければ、ご意見もお聞かせください。"
        ),
    },
}


def text(language: str, key: str, **values: object) -> str:
    """The catalogue's words for ``key`` in ``language`` (English if it has none)."""
    words = CATALOGUE.get(language, CATALOGUE[DEFAULT_LANGUAGE])[key]
    return words.format(**values) if values else words


def choose_language(
    offered: Sequence[str],
    requested: str | None = None,
    accept_language: str | None = None,
) -> str:
    """Pick the page language from ``offered`` (the first is the default).

    An explicit choice (``?lang=``) wins, then the browser's Accept-Language
    preferences in order of their q-values, then the first offered language.
    """
    if requested in offered:
        return requested  # type: ignore[return-value]
    for tag in _preferred_tags(accept_language or ""):
        code = normalise_language(tag, default="")
        if code in offered:
            return code
    return offered[0] if offered else DEFAULT_LANGUAGE


def personal_language(
    offered: Sequence[str], requested: str | None = None, reads: str | None = None
) -> str:
    """The page language of a personal link: the person's own choice on the page
    (``?lang=``) wins, then the language their contact reads (``reads``), then the
    survey's first. Never the browser's: the phone may be set to another language
    than the one the business knows its customer reads."""
    if requested in offered:
        return requested  # type: ignore[return-value]
    if reads in offered:
        return reads  # type: ignore[return-value]
    return offered[0] if offered else DEFAULT_LANGUAGE


def site_language(requested: str | None, accept_language: str | None) -> str:
    """The language of a page that belongs to no survey (an unknown link, a 413)."""
    return choose_language((DEFAULT_LANGUAGE, *LANGUAGES), requested, accept_language)


def _preferred_tags(header: str) -> list[str]:
    """Accept-Language tags, most wanted first; q=0 (\"not this\") dropped."""
    weighted: list[tuple[float, int, str]] = []
    for position, item in enumerate(header.split(",")[:20]):
        tag, _, params = item.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if tag and tag != "*" and quality > 0:
            weighted.append((-quality, position, tag.strip()))
    return [tag for _, _, tag in sorted(weighted)]
