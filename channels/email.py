"""Email over SMTP (smtplib): one connection reused for a batch of messages.

Each email is multipart: plain text and HTML with inline styles and no
external images. When the survey's headline is a scale, both parts ask its
question in the recipient's language, with the survey's own end labels and
one-tap score links (``/r/<token>?score=N``; 44-pixel buttons in HTML), where
the body holds the personal link (before the sign-off). The HTML has the
recipient's ``lang`` and reads in light and dark mail clients (light colours
inline, a ``prefers-color-scheme: dark`` scheme for clients that honour it).

Headers: Message-ID, Date, List-Unsubscribe (the ``/u/`` link and a mailto)
and List-Unsubscribe-Post (RFC 8058 one-click). The footer names the sender
(business name and address) and links the unsubscribe page, as Japan's law on
commercial email and the large mailbox providers require. An owner's
alert (purpose 'owner_alert') goes to the business's own people, not to a
customer: it carries no such footer (its text says why it came).

Errors: a 4xx reply is ``TransientError`` (retried), a 5xx for a recipient is
``PermanentError`` (shown per recipient); a server that cannot be reached or
refuses the login is ``ChannelDown``. A connection lost after the message was
handed over leaves its fate unknown (``OutcomeUnknown``): SMTP cannot be asked
afterwards, so the outbox shows it rather than sending it again.

Over 400 lines because building the message (both parts, headers, footer)
and the SMTP session's error mapping are one channel's contract.
"""

from __future__ import annotations

import html
import re
import smtplib
import socket
import ssl
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid

from channels.base import (
    ChannelDown,
    ChannelProblem,
    DeliveryReport,
    InboundMessage,
    OutcomeUnknown,
    OutgoingMessage,
    PermanentError,
    SendResult,
    TransientError,
)
from surveys.problems import QT_TRANSLATE_NOOP, Problem

SECURITY = ("starttls", "tls", "none")
OWNER_ALERT = "owner_alert"  # channels.owner_alerts.PURPOSE: to the business's owners
IDLE_CHECK_SECONDS = 5.0


@dataclass(frozen=True)
class SmtpSettings:
    """How to reach the mail server. ``password`` comes from the keyring and is never shown."""

    host: str
    port: int
    from_address: str
    security: str = "starttls"  # starttls | tls | none
    user: str = ""
    password: str = field(default="", repr=False)
    from_name: str = ""
    business_address: str = ""
    timeout: float = 30.0
    ssl_context: ssl.SSLContext | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.security not in SECURITY:
            raise ValueError(f"security must be one of {SECURITY}, not {self.security!r}")


_LABELS = {
    "en": {
        "answer": "Answer the survey",
        "open": "Or open the survey",
        "ends": "{low} = {low_label}, {high} = {high_label}",
        "why": "You receive this email because you are a customer of {name}.",
        "unsubscribe": "Unsubscribe",
    },
    "ja": {
        "answer": "アンケートに回答する",
        "open": "アンケートを開く",
        "ends": "{low}＝{low_label}、{high}＝{high_label}",
        "why": "{name}をご利用のお客様にお送りしています。",
        "unsubscribe": "配信停止",
    },
}


class SmtpEmail:
    """The email channel. Use from one thread: it keeps one SMTP connection open."""

    name = "email"
    can_reconcile = False
    supports_status = False
    supports_replies = False
    rate_per_second: float | None = None  # as fast as one connection goes

    def __init__(self, settings: SmtpSettings) -> None:
        self.settings = settings
        self._smtp: smtplib.SMTP | None = None
        self._used = 0.0

    # Connection ---------------------------------------------------------------

    def _connect(self) -> smtplib.SMTP:
        s = self.settings
        where = f"{s.host}:{s.port}"
        context = s.ssl_context or ssl.create_default_context()
        smtp: smtplib.SMTP | None = None
        try:
            if s.security == "tls":
                smtp = smtplib.SMTP_SSL(s.host, s.port, timeout=s.timeout, context=context)
            else:
                smtp = smtplib.SMTP(s.host, s.port, timeout=s.timeout)
                if s.security == "starttls":
                    smtp.starttls(context=context)
            if s.user:
                smtp.login(s.user, s.password)
        except BaseException as error:
            if smtp is not None:
                smtp.close()
            raise _connect_problem(error, where) from None
        return smtp

    def _connection(self) -> smtplib.SMTP:
        if self._smtp is None:
            self._smtp = self._connect()
        return self._smtp

    def check(self) -> None:
        """Reach the server and log in, then hang up: ChannelDown says what failed."""
        smtp = self._connect()
        try:
            smtp.quit()
        except (OSError, smtplib.SMTPException):
            smtp.close()

    def close(self) -> None:
        smtp, self._smtp = self._smtp, None
        if smtp is not None:
            try:
                smtp.quit()
            except (OSError, smtplib.SMTPException):
                smtp.close()

    # Sending ------------------------------------------------------------------

    def send(self, message: OutgoingMessage) -> SendResult:
        email = self.build(message)
        smtp = self._connection()
        if time.monotonic() - self._used > IDLE_CHECK_SECONDS:
            try:
                smtp.noop()  # a connection idle for a while may have been dropped by the server
            except (OSError, smtplib.SMTPException):
                self.close()
                smtp = self._connection()
        try:
            smtp.send_message(email)
        except smtplib.SMTPRecipientsRefused as error:
            code, text = next(iter(error.recipients.values()))
            words = QT_TRANSLATE_NOOP("Problems", "The mail server refused the address: {detail}")
            raise _by_code(code, text, words) from None
        except smtplib.SMTPSenderRefused as error:
            detail = _server_words(error.smtp_error)
            if 400 <= error.smtp_code < 500:
                raise TransientError(
                    Problem(
                        QT_TRANSLATE_NOOP(
                            "Problems", "The mail server asked Koe to try later: {detail}"
                        ),
                        {"detail": detail},
                    ),
                    str(error.smtp_code),
                ) from None
            raise ChannelDown(
                Problem(
                    QT_TRANSLATE_NOOP(
                        "Problems", "The mail server refused the sender {address}: {detail}"
                    ),
                    {"address": self.settings.from_address, "detail": detail},
                ),
                str(error.smtp_code),
            ) from None
        except smtplib.SMTPDataError as error:
            words = QT_TRANSLATE_NOOP("Problems", "The mail server refused the message: {detail}")
            raise _by_code(error.smtp_code, error.smtp_error, words) from None
        except (smtplib.SMTPServerDisconnected, OSError) as error:
            self._smtp = None
            smtp.close()
            raise OutcomeUnknown(
                Problem(
                    QT_TRANSLATE_NOOP(
                        "Problems",
                        "The connection to the mail server broke while sending ({why}):"
                        " it may or may not have gone.",
                    ),
                    {"why": _why(error)},
                )
            ) from None
        self._used = time.monotonic()
        return SendResult(str(email["Message-ID"]))

    def status(self, provider_id: str) -> DeliveryReport | None:
        return None  # SMTP cannot be asked

    def find_sent(self, message: OutgoingMessage, since: datetime) -> str | None:
        raise NotImplementedError("SMTP cannot be asked what was sent")

    def poll_replies(self, since: datetime | None) -> list[InboundMessage]:
        return []

    # The message --------------------------------------------------------------

    def build(self, message: OutgoingMessage) -> EmailMessage:
        s = self.settings
        lang = message.language if message.language in _LABELS else "en"
        labels = _LABELS[lang]
        business = s.from_name or s.from_address
        email = EmailMessage()
        email["From"] = formataddr((s.from_name, s.from_address)) if s.from_name else s.from_address
        email["To"] = message.recipient
        email["Subject"] = message.subject or business
        email["Date"] = format_datetime(datetime.now(UTC))
        domain = s.from_address.rpartition("@")[2] or None
        email["Message-ID"] = make_msgid(domain=domain)
        if message.unsubscribe_url:
            mailto = f"mailto:{Address(addr_spec=s.from_address).addr_spec}?subject=unsubscribe"
            email["List-Unsubscribe"] = f"<{message.unsubscribe_url}>, <{mailto}>"
            email["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        if message.html:  # written whole with the text (a digest to the owners)
            email.set_content(message.body.rstrip() + "\n")
            email.add_alternative(message.html, subtype="html")
            return email
        if message.purpose == OWNER_ALERT:  # to the owners: no customer's footer
            email.set_content(message.body.rstrip() + "\n")
            email.add_alternative(_html(message, labels, None, ""), subtype="html")
            return email
        footer = [labels["why"].format(name=business), business]
        if s.business_address:
            footer.append(s.business_address)
        if message.unsubscribe_url:
            footer.append(f"{labels['unsubscribe']}: {message.unsubscribe_url}")
        blocks = _blocks(message)
        where = _ask_at(blocks, message)
        if where is not None:
            blocks.insert(where, _text_ask(message, labels))
        text = "\n\n".join(blocks)
        email.set_content(f"{text}\n\n--\n" + "\n".join(footer) + "\n")
        email.add_alternative(_html(message, labels, business, s.business_address), subtype="html")
        return email


# Light colours inline (every client reads them); a dark scheme for the clients that
# honour prefers-color-scheme. The button's white on blue reads on either background.
FONT = "font-family:-apple-system,'Segoe UI','Hiragino Sans','Meiryo',sans-serif"
TEXT, MUTED, LINK, BUTTON = "#1f2937", "#4b5563", "#1a56db", "#1a56db"
_DARK = (
    ":root{color-scheme:light dark;supported-color-schemes:light dark}"
    "@media (prefers-color-scheme: dark){"
    "body,.page{background:#121212 !important}"
    ".text{color:#e5e7eb !important}"
    ".muted{color:#a1a1aa !important}"
    ".link{color:#8ab4f8 !important}"
    "}"
)


def _blocks(message: OutgoingMessage) -> list[str]:
    """The body's paragraphs (split at blank lines), trimmed."""
    return [block.strip() for block in re.split(r"\n\s*\n", message.body.strip()) if block.strip()]


def _ask_at(blocks: list[str], message: OutgoingMessage) -> int | None:
    """Where the question and its buttons go: right after the paragraph with the
    personal link, else before the sign-off (the last paragraph); None without a scale."""
    if not (message.link and message.scores):
        return None
    for n, block in enumerate(blocks):
        if message.link in block:
            return n + 1
    return max(len(blocks) - 1, 0)


def _ends(message: OutgoingMessage, labels: dict[str, str]) -> str:
    """ "0 = Not at all likely, 10 = Extremely likely", from the survey's own labels."""
    assert message.scores is not None
    low, high = message.scores
    low_label, high_label = message.end_labels
    if not (low_label and high_label):
        return ""
    return labels["ends"].format(low=low, high=high, low_label=low_label, high_label=high_label)


def _text_ask(message: OutgoingMessage, labels: dict[str, str]) -> str:
    """The question and one link per score, for mail read as plain text."""
    assert message.scores is not None and message.link
    low, high = message.scores
    lines = [message.question] if message.question else []
    ends = _ends(message, labels)
    if ends:
        lines.append(f"({ends})")
    lines += [f"{n}: {message.link}?score={n}" for n in range(low, high + 1)]
    return "\n".join(lines)


def preview_html(message: OutgoingMessage, business: str, address: str = "") -> str:
    """The HTML part of ``message`` as ``SmtpEmail.build`` writes it (for previews)."""
    return _html(message, _LABELS.get(message.language, _LABELS["en"]), business, address)


def _html(
    message: OutgoingMessage, labels: dict[str, str], business: str | None, address: str
) -> str:
    """The HTML part; ``business`` None leaves out the customer's footer (an owner's alert)."""

    def paragraph(text: str, size: int = 16, css: str = "text", colour: str = TEXT) -> str:
        return (
            f'<p class="{css}" style="margin:0 0 16px;{FONT};font-size:{size}px;'
            f'line-height:1.6;color:{colour}">{text}</p>'
        )

    link = html.escape(message.link or "")
    anchor = f'<a class="link" href="{link}" style="color:{LINK}">{link}</a>'
    blocks = _blocks(message)
    parts = [
        paragraph(html.escape(block).replace(link, anchor).replace("\n", "<br>"))
        if link
        else paragraph(html.escape(block).replace("\n", "<br>"))
        for block in blocks
    ]
    where = _ask_at(blocks, message)
    if where is not None and 0 < where <= len(blocks) and blocks[where - 1] == message.link:
        parts[where - 1] = _html_ask(message, labels)  # the buttons stand for the bare link
    elif where is not None:
        parts.insert(where, _html_ask(message, labels))
    elif message.link:
        parts.append(
            f'<p style="margin:16px 0"><a href="{link}" style="display:inline-block;'
            f"min-height:44px;line-height:44px;padding:0 20px;{FONT};font-size:16px;"
            f'color:#ffffff;background:{BUTTON};border-radius:6px;text-decoration:none">'
            f"{html.escape(labels['answer'])}</a></p>"
        )
    if business is not None:
        parts.append(_html_footer(message, labels, business, address))
    lang = html.escape(message.language or "en")
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        '<meta name="color-scheme" content="light dark">'
        '<meta name="supported-color-schemes" content="light dark">'
        f"<style>{_DARK}</style></head>"
        '<body class="page" style="margin:0;padding:0;background:#ffffff">'
        '<div class="page" style="max-width:560px;margin:0 auto;padding:24px 16px;'
        'background:#ffffff">'
        f"{''.join(parts)}</div></body></html>"
    )


def _html_footer(
    message: OutgoingMessage, labels: dict[str, str], business: str, address: str
) -> str:
    """Who sends it, why the customer gets it, and how to stop it."""
    footer = [html.escape(labels["why"].format(name=business)), html.escape(business)]
    if address:
        footer.append(html.escape(address).replace("\n", "<br>"))
    if message.unsubscribe_url:
        url = html.escape(message.unsubscribe_url)
        footer.append(
            f'<a class="muted" href="{url}" style="color:{MUTED}">'
            f"{html.escape(labels['unsubscribe'])}</a>"
        )
    return (
        f'<hr style="border:none;border-top:1px solid #9ca3af;margin:24px 0 12px">'
        f'<p class="muted" style="margin:0;{FONT};font-size:12px;line-height:1.5;color:{MUTED}">'
        f"{'<br>'.join(footer)}</p>"
    )


def _html_ask(message: OutgoingMessage, labels: dict[str, str]) -> str:
    """The survey's question, its end labels and one 44-pixel button per score.

    The buttons wrap on a narrow screen, so the ends are said in words above them
    ("0 = Not at all likely, 10 = Extremely likely") rather than placed under the
    first and last button.
    """
    assert message.scores is not None and message.link
    low, high = message.scores
    link = html.escape(message.link)
    low_label, high_label = message.end_labels
    names = {low: low_label, high: high_label}
    buttons = "".join(
        f'<a href="{link}?score={n}"'
        + (f' aria-label="{n} {html.escape(names[n])}"' if names.get(n) else "")
        + f' style="display:inline-block;box-sizing:border-box;min-width:44px;height:44px;'
        f"line-height:44px;margin:0 6px 8px 0;padding:0 6px;text-align:center;{FONT};"
        f"font-size:17px;font-weight:bold;color:#ffffff;background:{BUTTON};"
        f'border-radius:6px;text-decoration:none">{n}</a>'
        for n in range(low, high + 1)
    )
    question = (
        f'<p class="text" style="margin:8px 0 4px;{FONT};font-size:17px;font-weight:bold;'
        f'line-height:1.5;color:{TEXT}">{html.escape(message.question)}</p>'
        if message.question
        else ""
    )
    ends = _ends(message, labels)
    said = (
        f'<p class="muted" style="margin:0 0 10px;{FONT};font-size:14px;line-height:1.5;'
        f'color:{MUTED}">{html.escape(ends)}</p>'
        if ends
        else ""
    )
    return (
        f'<div style="margin:0 0 16px">{question}{said}'
        f'<div role="group" style="margin:0">{buttons}</div>'
        f'<p style="margin:4px 0 0;{FONT};font-size:14px">'
        f'<a class="link" href="{link}" style="color:{LINK}">{html.escape(labels["open"])}</a>'
        "</p></div>"
    )


def _connect_problem(error: BaseException, where: str) -> BaseException:
    if isinstance(error, smtplib.SMTPAuthenticationError):
        words = QT_TRANSLATE_NOOP(
            "Problems", "The mail server {where} refused the user name or password."
        )
        return ChannelDown(Problem(words, {"where": where}), "535")
    if isinstance(error, smtplib.SMTPNotSupportedError):
        words = QT_TRANSLATE_NOOP(
            "Problems", "The mail server {where} does not offer STARTTLS or login."
        )
        return ChannelDown(Problem(words, {"where": where}))
    if isinstance(error, ssl.SSLError):
        words = QT_TRANSLATE_NOOP("Problems", "No secure connection to {where}: {detail}.")
        return ChannelDown(Problem(words, {"where": where, "detail": str(error.reason)}))
    if isinstance(error, OSError | smtplib.SMTPException):
        words = QT_TRANSLATE_NOOP("Problems", "Cannot reach the mail server {where}: {why}.")
        return ChannelDown(Problem(words, {"where": where, "why": _why(error)}))
    return error


def _server_words(raw: bytes | str) -> str:
    text = raw.decode(errors="replace") if isinstance(raw, bytes) else raw
    return " ".join(text.split())


def _by_code(code: int, raw: bytes | str, words: str) -> ChannelProblem:
    """A refusal with the server's own reply as its detail: 4xx passes, 5xx stays."""
    problem = Problem(words, {"detail": _server_words(raw)})
    if 400 <= code < 500:
        return TransientError(problem, str(code))
    return PermanentError(problem, str(code))


def _why(error: BaseException) -> Problem:
    if isinstance(error, socket.timeout | TimeoutError):
        return Problem(QT_TRANSLATE_NOOP("Problems", "no answer in time"))
    if isinstance(error, ConnectionRefusedError):
        return Problem(QT_TRANSLATE_NOOP("Problems", "connection refused"))
    return Problem.plain(str(error) or type(error).__name__)
