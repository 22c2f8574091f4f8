"""Email over SMTP (smtplib): one connection reused for a batch of messages.

Each email is multipart: plain text and HTML with inline styles and no
external images, with one-tap score buttons (``/r/<token>?score=N``) when the
survey's headline is a scale. Headers: Message-ID, Date, List-Unsubscribe (the
``/u/`` link and a mailto) and List-Unsubscribe-Post (RFC 8058 one-click). The
footer names the sender (business name and address) and links the unsubscribe
page, as Japan's law on commercial email and the large mailbox providers
require. An owner's alert (purpose 'owner_alert') goes to the business's own
people, not to a customer: it carries no such footer (its text says why it came).

Errors: a 4xx reply is ``TransientError`` (retried), a 5xx for a recipient is
``PermanentError`` (shown per recipient); a server that cannot be reached or
refuses the login is ``ChannelDown``. A connection lost after the message was
handed over leaves its fate unknown (``OutcomeUnknown``): SMTP cannot be asked
afterwards, so the outbox shows it rather than sending it again.
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
        "unlikely": "Not at all likely",
        "likely": "Extremely likely",
        "why": "You receive this email because you are a customer of {name}.",
        "unsubscribe": "Unsubscribe",
    },
    "ja": {
        "answer": "アンケートに回答する",
        "unlikely": "まったくそう思わない",
        "likely": "非常にそう思う",
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
            raise _by_code(code, text, "refused the address") from None
        except smtplib.SMTPSenderRefused as error:
            if 400 <= error.smtp_code < 500:
                raise TransientError(
                    _server_words(error.smtp_error), str(error.smtp_code)
                ) from None
            raise ChannelDown(
                f"The mail server refused the sender {self.settings.from_address}: "
                f"{_server_words(error.smtp_error)}",
                str(error.smtp_code),
            ) from None
        except smtplib.SMTPDataError as error:
            raise _by_code(error.smtp_code, error.smtp_error, "refused the message") from None
        except (smtplib.SMTPServerDisconnected, OSError) as error:
            self._smtp = None
            smtp.close()
            raise OutcomeUnknown(
                f"The connection to the mail server broke while sending ({_why(error)}):"
                " it may or may not have gone."
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
        if message.purpose == OWNER_ALERT:  # to the owners: no customer's footer
            email.set_content(message.body.rstrip() + "\n")
            email.add_alternative(_html(message, labels, None, ""), subtype="html")
            return email
        footer = [labels["why"].format(name=business), business]
        if s.business_address:
            footer.append(s.business_address)
        if message.unsubscribe_url:
            footer.append(f"{labels['unsubscribe']}: {message.unsubscribe_url}")
        email.set_content(f"{message.body.rstrip()}\n\n--\n" + "\n".join(footer) + "\n")
        email.add_alternative(_html(message, labels, business, s.business_address), subtype="html")
        return email


def _html(
    message: OutgoingMessage, labels: dict[str, str], business: str | None, address: str
) -> str:
    """The HTML part; ``business`` None leaves out the customer's footer."""
    font = "font-family:-apple-system,'Segoe UI','Hiragino Sans','Meiryo',sans-serif"
    paragraphs = []
    for block in re.split(r"\n\s*\n", message.body.strip()):
        text = html.escape(block)
        if message.link:
            escaped = html.escape(message.link)
            text = text.replace(escaped, f'<a href="{escaped}" style="color:#1a56db">{escaped}</a>')
        paragraphs.append(
            f'<p style="margin:0 0 16px;{font};font-size:16px;line-height:1.6;color:#1f2937">'
            f"{text.replace(chr(10), '<br>')}</p>"
        )
    parts = ["".join(paragraphs)]
    if message.link and message.scores:
        low, high = message.scores
        cells = "".join(
            f'<td style="padding:2px"><a href="{html.escape(message.link)}?score={n}"'
            f' style="display:block;min-width:28px;padding:10px 0;text-align:center;{font};'
            f"font-size:16px;font-weight:bold;color:#ffffff;background:#1a56db;"
            f'border-radius:4px;text-decoration:none">{n}</a></td>'
            for n in range(low, high + 1)
        )
        parts.append(
            '<table role="presentation" cellspacing="0" cellpadding="0" border="0"'
            f' style="margin:8px 0"><tr>{cells}</tr></table>'
            f'<table role="presentation" width="100%" style="{font};font-size:12px;color:#6b7280">'
            f'<tr><td align="left">{html.escape(labels["unlikely"])}</td>'
            f'<td align="right">{html.escape(labels["likely"])}</td></tr></table>'
        )
    elif message.link:
        parts.append(
            f'<p style="margin:16px 0"><a href="{html.escape(message.link)}" style="display:'
            f"inline-block;padding:12px 20px;{font};font-size:16px;color:#ffffff;"
            f'background:#1a56db;border-radius:4px;text-decoration:none">'
            f"{html.escape(labels['answer'])}</a></p>"
        )
    if business is not None:
        parts.append(_html_footer(message, labels, business, address, font))
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1"></head>'
        '<body style="margin:0;padding:0;background:#ffffff">'
        '<div style="max-width:560px;margin:0 auto;padding:24px 16px">'
        f"{''.join(parts)}</div></body></html>"
    )


def _html_footer(
    message: OutgoingMessage, labels: dict[str, str], business: str, address: str, font: str
) -> str:
    footer = [html.escape(labels["why"].format(name=business)), html.escape(business)]
    if address:
        footer.append(html.escape(address).replace("\n", "<br>"))
    if message.unsubscribe_url:
        url = html.escape(message.unsubscribe_url)
        footer.append(
            f'<a href="{url}" style="color:#6b7280">{html.escape(labels["unsubscribe"])}</a>'
        )
    return (
        f'<hr style="border:none;border-top:1px solid #e5e7eb;margin:24px 0 12px">'
        f'<p style="margin:0;{font};font-size:12px;line-height:1.5;color:#6b7280">'
        f"{'<br>'.join(footer)}</p>"
    )


def _connect_problem(error: BaseException, where: str) -> BaseException:
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return ChannelDown(f"The mail server {where} refused the user name or password.", "535")
    if isinstance(error, smtplib.SMTPNotSupportedError):
        return ChannelDown(f"The mail server {where} does not offer STARTTLS or login.")
    if isinstance(error, ssl.SSLError):
        return ChannelDown(f"No secure connection to {where}: {error.reason}.")
    if isinstance(error, OSError | smtplib.SMTPException):
        return ChannelDown(f"Cannot reach the mail server {where}: {_why(error)}.")
    return error


def _server_words(raw: bytes | str) -> str:
    text = raw.decode(errors="replace") if isinstance(raw, bytes) else raw
    return " ".join(text.split())


def _by_code(code: int, raw: bytes | str, what: str) -> ChannelProblem:
    words = f"The mail server {what}: {_server_words(raw)}"
    if 400 <= code < 500:
        return TransientError(words, str(code))
    return PermanentError(words, str(code))


def _why(error: BaseException) -> str:
    if isinstance(error, socket.timeout | TimeoutError):
        return "no answer in time"
    if isinstance(error, ConnectionRefusedError):
        return "connection refused"
    return str(error) or type(error).__name__
