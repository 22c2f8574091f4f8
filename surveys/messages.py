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

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from surveys.business import unnamed
from surveys.campaigns import is_japanese_number
from surveys.sms import SmsCount, sms_segments
from surveys.text import LANGUAGES, LocalText, normalise_language

PLACEHOLDERS = ("{name}", "{company}", "{link}")

# What {name} becomes when a contact has no name: "Hi there," / "お客様".
NO_NAME = {"en": "there", "ja": "お客"}

# The default messages name the business by {company}; none says "us" in its
# place. Before the business name is set, each default is sent in its form
# without a name (WITHOUT_NAME), which reads naturally as it is.
DEFAULT_SMS = LocalText(
    en="Hi {name}, thank you for choosing {company}. Would you take a minute to say how it "
    "went? {link}",
    ja="【{company}】アンケートのお願い\n{link}",
)
DEFAULT_REMINDER_SMS = LocalText(
    en="Hi {name}, a gentle reminder from {company}: your answer really helps. {link}",
    ja="【{company}】アンケート（再送）\n{link}",
)
DEFAULT_SUBJECT = LocalText(
    en="A quick question from {company}",
    ja="{company}からのアンケートのお願い",
)
DEFAULT_EMAIL = LocalText(
    en="Hi {name},\n\nThank you for choosing {company}. Would you take a minute to say how "
    "it went?\n\n{link}\n\nThank you,\n{company}",
    ja="{name}様\n\n{company}をご利用いただきありがとうございます。"
    "より良いサービスのため、1分ほどのアンケートにご協力ください。\n\n{link}\n\n{company}",
)
DEFAULT_REMINDER_SUBJECT = LocalText(
    en="Reminder: a quick question from {company}",
    ja="【再送】{company}からのアンケートのお願い",
)

_UNNAMED_SMS = LocalText(
    en="Hi {name}, thank you for being a customer. Would you take a minute to say how it "
    "went? {link}",
    ja="アンケートのお願い\n{link}",
)
_UNNAMED_REMINDER_SMS = LocalText(
    en="Hi {name}, a gentle reminder: your answer to the survey really helps. {link}",
    ja="アンケート（再送）\n{link}",
)
_UNNAMED_SUBJECT = LocalText(
    en="A quick question about your experience",
    ja="アンケートのお願い",
)
_UNNAMED_EMAIL = LocalText(
    en="Hi {name},\n\nThank you for being a customer. Would you take a minute to say how "
    "it went?\n\n{link}\n\nThank you!",
    ja="{name}様\n\nご利用いただきありがとうございます。"
    "より良いサービスのため、1分ほどのアンケートにご協力ください。\n\n{link}",
)
_UNNAMED_REMINDER_SUBJECT = LocalText(
    en="Reminder: a quick question about your experience",
    ja="【再送】アンケートのお願い",
)

# Each default text → its form without the business name.
WITHOUT_NAME: dict[str, str] = {
    named[language]: unnamed[language]
    for named, unnamed in (
        (DEFAULT_SMS, _UNNAMED_SMS),
        (DEFAULT_REMINDER_SMS, _UNNAMED_REMINDER_SMS),
        (DEFAULT_SUBJECT, _UNNAMED_SUBJECT),
        (DEFAULT_EMAIL, _UNNAMED_EMAIL),
        (DEFAULT_REMINDER_SUBJECT, _UNNAMED_REMINDER_SUBJECT),
    )
    for language in LANGUAGES
}

_PLACEHOLDER = re.compile(r"\{(name|company|link)\}")

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
    """Fill the placeholders; any other braces are left as they are.

    Without a business name, a default text is sent in its form without one, and
    a ``{company}`` the user wrote becomes a plain noun phrase ("this business"),
    never "us". One pass, so a contact's name that looks like a placeholder stays
    as it was typed.
    """
    if not company.strip():
        template = WITHOUT_NAME.get(template, template)
    values = {
        "name": name.strip() or NO_NAME.get(language, NO_NAME["en"]),
        "company": company.strip() or unnamed("", language),
        "link": link,
    }
    filled = _PLACEHOLDER.sub(lambda match: values[match.group(1)], template)
    if not company.strip() and template.startswith("{company}"):
        filled = filled[:1].upper() + filled[1:]  # "This business thanks you…"
    return filled


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
