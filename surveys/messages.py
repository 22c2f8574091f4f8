"""Campaign messages: templates with {name}, {company} and {link}, in Japanese and English.

A contact gets the message in their language when the survey speaks it, else
in the survey's first language. ``sms_text`` is the one function that makes
an SMS final: the Send wizard previews, counts and costs what it returns, the
campaign stores it and the outbox sends it as stored. It ends the body with
how to opt out: a reply keyword where two-way SMS works, an unsubscribe link
to Japanese numbers (Twilio has no two-way SMS in Japan). The segment count
and cost come from ``surveys.sms``.

The default Japanese SMS is short on purpose: with a 30-character public
address, its personal link and its opt-out link take 110 of the 134 UCS-2
units of two segments, and Japanese SMS style names the sender in 【】 first
(the law on commercial messages asks for the sender's name in the message).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from surveys.campaigns import is_japanese_number
from surveys.sms import SmsCount, sms_segments
from surveys.text import LANGUAGES, LocalText, normalise_language

PLACEHOLDERS = ("{name}", "{company}", "{link}")

# What {name} becomes when a contact has no name: "Hi there," / "お客様".
NO_NAME = {"en": "there", "ja": "お客"}
# What {company} becomes before the business name is set: "choosing us" / "当店をご利用".
NO_COMPANY = {"en": "us", "ja": "当店"}

DEFAULT_SMS = LocalText(
    en="Hi {name}, thank you for choosing {company}. Could you tell us how we did? "
    "It takes a minute: {link}",
    ja="【{company}】アンケートのお願い\n{link}",
)
DEFAULT_REMINDER_SMS = LocalText(
    en="Hi {name}, a gentle reminder from {company}: your answer helps us. {link}",
    ja="【{company}】アンケート（再送）\n{link}",
)
DEFAULT_SUBJECT = LocalText(
    en="How did we do, {name}?",
    ja="{company}からのアンケートのお願い",
)
DEFAULT_EMAIL = LocalText(
    en="Hi {name},\n\nThank you for choosing {company}. Could you tell us how we did? "
    "It takes a minute:\n\n{link}\n\nThank you,\n{company}",
    ja="{name}様\n\n{company}をご利用いただきありがとうございます。"
    "より良いサービスのため、1分ほどのアンケートにご協力ください。\n\n{link}\n\n{company}",
)
DEFAULT_REMINDER_SUBJECT = LocalText(
    en="A reminder: how did we do, {name}?",
    ja="【再送】{company}からのアンケートのお願い",
)

# The person an SMS is counted for before any contact is chosen (the designer, the
# checker, the wizard's preview when no included contact speaks the language): a
# typical name, a Japanese number for Japanese (its SMS carries the opt-out link), a
# US one for English, and links on a typical 30-character public address.
SAMPLE_NAMES = {"en": "Alexandra", "ja": "山田花子"}
SAMPLE_PHONES = {"en": "+14155550100", "ja": "+819000000000"}
SAMPLE_PUBLIC_URL = "https://survey.example-shop.jp"
SAMPLE_TOKEN = "x" * 22  # channels.links.new_token: 22 characters
SAMPLE_LINK = f"{SAMPLE_PUBLIC_URL}/r/{SAMPLE_TOKEN}"

SMS_STOP_LINE = {"en": "Reply STOP to opt out", "ja": "配信停止は「停止」と返信"}
SMS_LINK_LINE = {"en": "Opt out: {url}", "ja": "配信停止 {url}"}


@dataclass(frozen=True)
class Templates:
    """A campaign's message templates, by language."""

    sms: LocalText
    subject: LocalText
    email: LocalText
    reminder_sms: LocalText
    reminder_subject: LocalText

    @classmethod
    def defaults(cls) -> Templates:
        return cls(
            LocalText(DEFAULT_SMS),
            LocalText(DEFAULT_SUBJECT),
            LocalText(DEFAULT_EMAIL),
            LocalText(DEFAULT_REMINDER_SMS),
            LocalText(DEFAULT_REMINDER_SUBJECT),
        )

    def starting_from(self, invitation: LocalText) -> Templates:
        """These templates with the owner's own invitation (written in the designer, for
        SMS and email) in each language that has one."""
        own = {lang: text for lang, text in invitation.items() if text.strip()}
        return Templates(
            LocalText({**self.sms, **own}),
            LocalText(self.subject),
            LocalText({**self.email, **own}),
            LocalText(self.reminder_sms),
            LocalText(self.reminder_subject),
        )

    def to_json(self) -> dict[str, dict[str, str]]:
        return {
            "sms": dict(self.sms),
            "subject": dict(self.subject),
            "email": dict(self.email),
            "reminder_sms": dict(self.reminder_sms),
            "reminder_subject": dict(self.reminder_subject),
        }


def pick_language(contact_language: str | None, survey_languages: Sequence[str]) -> str:
    """The contact's language when the survey speaks it, else the survey's first."""
    wanted = normalise_language(contact_language, default="") if contact_language else ""
    if wanted and wanted in survey_languages:
        return wanted
    return survey_languages[0] if survey_languages else LANGUAGES[0]


def render(template: str, *, name: str, company: str, link: str, language: str) -> str:
    """Fill the placeholders; any other braces are left as they are."""
    return (
        template.replace("{name}", name.strip() or NO_NAME.get(language, NO_NAME["en"]))
        .replace("{company}", company.strip() or NO_COMPANY.get(language, NO_COMPANY["en"]))
        .replace("{link}", link)
    )


def sms_text(body: str, *, language: str, recipient: str, unsubscribe_url: str) -> str:
    """The SMS exactly as it is sent to ``recipient``: ``body`` and how to opt out.

    A link to Japanese numbers (no two-way SMS there), the STOP keyword
    elsewhere. A body that already holds its unsubscribe link is final as it is.
    """
    if unsubscribe_url and unsubscribe_url in body:
        return body
    lang = language if language in SMS_STOP_LINE else "en"
    if is_japanese_number(recipient):
        tail = SMS_LINK_LINE[lang].format(url=unsubscribe_url)
    else:
        tail = SMS_STOP_LINE[lang]
    return f"{body.rstrip()}\n{tail}"


def sample_sms(
    template: str, language: str, *, company: str = "", base_url: str = SAMPLE_PUBLIC_URL
) -> str:
    """``template`` as ``sms_text`` sends it to a typical person of ``language``."""
    lang = language if language in SAMPLE_NAMES else "en"
    base = base_url.rstrip("/")
    body = render(
        template,
        name=SAMPLE_NAMES[lang],
        company=company,
        link=f"{base}/r/{SAMPLE_TOKEN}",
        language=lang,
    )
    return sms_text(
        body,
        language=lang,
        recipient=SAMPLE_PHONES[lang],
        unsubscribe_url=f"{base}/u/{SAMPLE_TOKEN}",
    )


@dataclass(frozen=True)
class SmsEstimate:
    """An SMS's encoding, length, segments and cost at a price per segment."""

    count: SmsCount
    cost: Decimal

    @property
    def encoding(self) -> str:
        return self.count.encoding

    @property
    def segments(self) -> int:
        return self.count.segments


def sms_estimate(text: str, price_per_segment: Decimal | str | float) -> SmsEstimate:
    count = sms_segments(text)
    price = Decimal(str(price_per_segment))
    cost = (price * count.segments).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
    return SmsEstimate(count, cost)


def total_cost(estimates: Sequence[SmsEstimate]) -> Decimal:
    return sum((e.cost for e in estimates), Decimal(0))
