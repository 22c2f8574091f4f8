"""SMS through Twilio's Messages API with the real ``twilio`` client.

The sender is a From number, an alphanumeric sender ID, or a Messaging
Service SID. Every message carries a ValidityPeriod, so one stuck in Twilio's
queue expires instead of arriving hours late. 429s and 5xx are retried here
with backoff; after a 5xx or a timeout the message is first looked for at
Twilio (it may have been accepted) before it is sent again. Permanent errors
(invalid number, landline, unsubscribed, region) are raised as
``PermanentError`` with plain words, never retried. Credentials are passed in
and never logged: the client's request log is silenced (it would name phone
numbers) and errors carry Twilio's code and our own words only.

Twilio has no two-way SMS in Japan: ``replies_available`` tells the UI, and
``with_opt_out_link`` makes sure a message to a +81 number carries its
``/u/<token>`` link (its line built by ``surveys.messages.sms_text``, the one
function that makes an SMS final; a campaign's messages hold it already).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import requests
from twilio.base.exceptions import TwilioRestException
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client

from channels.base import (
    ChannelDown,
    DeliveryReport,
    InboundMessage,
    OutcomeUnknown,
    OutgoingMessage,
    PermanentError,
    SendResult,
    TransientError,
    is_this_message,
)
from surveys.messages import sms_text
from surveys.problems import QT_TRANSLATE_NOOP, Problem

DEFAULT_VALIDITY_SECONDS = 3600  # an hour: later than that, a survey invitation is noise
NO_TWO_WAY_PREFIXES = ("+81",)  # Twilio: no two-way SMS in Japan

# Twilio's codes, in our words (shown per recipient in the Send page, in the window's
# language: surveys.problems).
PERMANENT = {
    21211: QT_TRANSLATE_NOOP("Problems", "This is not a valid phone number."),
    21614: QT_TRANSLATE_NOOP(
        "Problems", "This number is a landline or otherwise cannot receive SMS."
    ),
    21610: QT_TRANSLATE_NOOP(
        "Problems", "This person replied STOP to your number: Twilio will not send to them."
    ),
    21408: QT_TRANSLATE_NOOP(
        "Problems", "Your Twilio account is not allowed to send SMS to this country."
    ),
    21612: QT_TRANSLATE_NOOP(
        "Problems", "Twilio cannot send from your sender to this number's country or carrier."
    ),
    21617: QT_TRANSLATE_NOOP("Problems", "The message is too long."),
    21602: QT_TRANSLATE_NOOP("Problems", "The message is empty."),
}
CHANNEL_DOWN = {
    20003: QT_TRANSLATE_NOOP(
        "Problems", "Twilio refused the account SID or auth token. Check them in Settings."
    ),
    20404: QT_TRANSLATE_NOOP(
        "Problems", "Twilio did not find this account. Check the account SID in Settings."
    ),
    21606: QT_TRANSLATE_NOOP(
        "Problems", "The From number is not an SMS-capable number of your Twilio account."
    ),
    21212: QT_TRANSLATE_NOOP("Problems", "The From number or sender ID is not valid."),
    21603: QT_TRANSLATE_NOOP(
        "Problems", "No sender is set: choose a From number, sender ID or Messaging Service."
    ),
    21604: QT_TRANSLATE_NOOP(
        "Problems", "No sender is set: choose a From number, sender ID or Messaging Service."
    ),
    20008: QT_TRANSLATE_NOOP("Problems", "Test credentials cannot send real messages."),
}
DELIVERY_ERRORS = {
    30003: QT_TRANSLATE_NOOP(
        "Problems", "The handset is unreachable (switched off or out of coverage)."
    ),
    30005: QT_TRANSLATE_NOOP("Problems", "The number is unknown or no longer in service."),
    30006: QT_TRANSLATE_NOOP("Problems", "A landline or an unreachable carrier."),
    30007: QT_TRANSLATE_NOOP("Problems", "The carrier filtered the message as spam."),
    30008: QT_TRANSLATE_NOOP("Problems", "Delivery failed for an unknown reason."),
    30001: QT_TRANSLATE_NOOP("Problems", "Twilio's queue overflowed."),
    30002: QT_TRANSLATE_NOOP("Problems", "The Twilio account was suspended."),
}
_IN_FLIGHT = {"accepted", "scheduled", "queued", "sending", "sent"}


def replies_available(phone: str) -> bool:
    """Whether SMS replies (STOP, a score) can come back from this number."""
    return not phone.startswith(NO_TWO_WAY_PREFIXES)


def with_opt_out_link(
    body: str, recipient: str, unsubscribe_url: str | None, token: str | None = None
) -> str:
    """``body``, ending with the opt-out link when the recipient cannot reply STOP.

    A body that already holds the delivery's ``/u/<token>`` link (on whatever
    public URL it was written with) is left as it is: never a second line.
    """
    if replies_available(recipient) or not unsubscribe_url:
        return body
    if token and f"/u/{token}" in body:
        return body
    language = "ja" if _is_japanese(body) else "en"
    return sms_text(body, language=language, recipient=recipient, unsubscribe_url=unsubscribe_url)


def _is_japanese(text: str) -> bool:
    return any("\u3040" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff" for c in text)


@dataclass(frozen=True)
class TwilioSettings:
    """How to reach Twilio. ``auth_token`` comes from the keyring and is never shown."""

    account_sid: str
    auth_token: str = field(repr=False)
    from_number: str = ""
    sender_id: str = ""
    messaging_service_sid: str = ""
    rate_per_second: float = 1.0
    validity_seconds: int = DEFAULT_VALIDITY_SECONDS
    base_url: str | None = None  # tests and benchmarks: the local Twilio-compatible server
    timeout: float = 30.0
    settle_margin: float = 10.0  # after a request's timeout, before Twilio is asked about it
    retries: int = 4
    backoff: float = 0.5

    @property
    def sender(self) -> str:
        return self.from_number or self.sender_id


_quiet = logging.getLogger("koe.twilio_http")
_quiet.setLevel(logging.WARNING)  # twilio logs URLs with phone numbers at INFO
_quiet.propagate = False


class TwilioSms:
    """The SMS channel. Safe to call from several threads (a client per thread)."""

    name = "sms"
    can_reconcile = True
    supports_status = True

    def __init__(
        self, settings: TwilioSettings, *, sleep: Callable[[float], None] = time.sleep
    ) -> None:
        if not (settings.from_number or settings.sender_id or settings.messaging_service_sid):
            raise ValueError("an SMS sender is needed: a From number, sender ID or service SID")
        self.settings = settings
        self.rate_per_second = settings.rate_per_second
        self._local = threading.local()
        self._sleep = sleep
        self._http: list[TwilioHttpClient] = []
        self._guard = threading.Lock()

    @property
    def settle_seconds(self) -> float:
        """How long after an attempt began a request may still reach Twilio."""
        return self.settings.timeout + self.settings.settle_margin

    @property
    def supports_replies(self) -> bool:
        """Replies are read from our own number; a sender ID cannot be replied to."""
        return bool(self.settings.from_number)

    def _client(self) -> Client:
        client = getattr(self._local, "client", None)
        if client is None:
            s = self.settings
            environment = {"TWILIO_EDGE": "", "TWILIO_REGION": ""} if s.base_url else None
            http = TwilioHttpClient(timeout=s.timeout, logger=_quiet)
            with self._guard:
                self._http.append(http)
            client = Client(s.account_sid, s.auth_token, http_client=http, environment=environment)
            if s.base_url:
                client.api.base_url = s.base_url
            self._local.client = client
        return client

    # Sending ------------------------------------------------------------------

    def send(self, message: OutgoingMessage) -> SendResult:
        s = self.settings
        params: dict[str, object] = {
            "to": message.recipient,
            "body": message.body,
            "validity_period": s.validity_seconds,
        }
        if s.messaging_service_sid:
            params["messaging_service_sid"] = s.messaging_service_sid
            if s.sender:
                params["from_"] = s.sender
        else:
            params["from_"] = s.sender
        started = datetime.now(UTC)
        maybe_sent = False
        last: TransientError | None = None
        for attempt in range(s.retries + 1):
            if attempt:
                self._sleep(min(s.backoff * 2 ** (attempt - 1), 30.0))
                if maybe_sent:
                    # The last try may have reached Twilio: look before sending again.
                    found = self._look(message, started)
                    if found:
                        return SendResult(found)
            try:
                created = self._client().messages.create(**params)  # type: ignore[arg-type]
            except TwilioRestException as error:
                last = _transient_or_raise(error)
                maybe_sent = error.status >= 500
            except requests.ConnectionError as error:
                if _never_connected(error):
                    raise ChannelDown(
                        Problem(
                            QT_TRANSLATE_NOOP("Problems", "Cannot reach Twilio (no connection).")
                        )
                    ) from None
                last = TransientError(
                    Problem(QT_TRANSLATE_NOOP("Problems", "The connection to Twilio broke."))
                )
                maybe_sent = True
            except requests.RequestException:
                last = TransientError(
                    Problem(QT_TRANSLATE_NOOP("Problems", "Twilio did not answer in time."))
                )
                maybe_sent = True
            else:
                return SendResult(str(created.sid))
        assert last is not None
        if maybe_sent:
            found = self._look(message, started)
            if found:
                return SendResult(found)
        raise last

    def _look(self, message: OutgoingMessage, since: datetime) -> str | None:
        try:
            return self.find_sent(message, since)
        except (TransientError, ChannelDown) as error:
            words = QT_TRANSLATE_NOOP(
                "Problems", "Twilio may have accepted it, and could not be asked ({cause})."
            )
            raise OutcomeUnknown(Problem(words, {"cause": error.problem})) from None

    def status(self, provider_id: str) -> DeliveryReport | None:
        try:
            fetched = self._client().messages(provider_id).fetch()
        except TwilioRestException as error:
            if error.code in CHANNEL_DOWN:
                raise _down(error.code) from None
            return None
        except requests.RequestException:
            raise TransientError(
                Problem(QT_TRANSLATE_NOOP("Problems", "Cannot reach Twilio."))
            ) from None
        return report(str(fetched.status), fetched.error_code)

    def find_sent(self, message: OutgoingMessage, since: datetime) -> str | None:
        """The SID of this message, if Twilio took it: sent to this recipient since
        ``since`` (ten minutes of clock skew allowed) with the stored body or the
        delivery's token (``channels.base.is_this_message``)."""
        horizon = since - timedelta(minutes=10)  # clock skew between us and Twilio
        try:
            for found in self._client().messages.stream(to=message.recipient, page_size=50):
                created = found.date_created
                if created is not None and created < horizon:
                    break
                if found.direction == "inbound":
                    continue
                if is_this_message(message, str(found.sid), found.body or ""):
                    return str(found.sid)
        except TwilioRestException as error:
            if error.code in CHANNEL_DOWN:
                raise _down(error.code) from None
            words = QT_TRANSLATE_NOOP("Problems", "Twilio could not list messages: {detail}")
            raise TransientError(Problem(words, {"detail": str(error.msg)})) from None
        except requests.RequestException:
            words = QT_TRANSLATE_NOOP("Problems", "Cannot reach Twilio to check what was sent.")
            raise TransientError(Problem(words)) from None
        return None

    def poll_replies(self, since: datetime | None) -> list[InboundMessage]:
        """Messages people sent to our number since ``since`` (a day earlier, to be safe)."""
        if not self.supports_replies:
            return []
        after = (since or datetime.now(UTC) - timedelta(days=7)) - timedelta(days=1)
        found = []
        try:
            for m in self._client().messages.stream(
                to=self.settings.from_number, date_sent_after=after, page_size=100
            ):
                if m.direction != "inbound":
                    continue
                when = m.date_sent or m.date_created or datetime.now(UTC)
                found.append(InboundMessage(str(m.sid), str(m.from_), m.body or "", when))
        except TwilioRestException as error:
            if error.code in CHANNEL_DOWN:
                raise _down(error.code) from None
            words = QT_TRANSLATE_NOOP("Problems", "Twilio could not list replies: {detail}")
            raise TransientError(Problem(words, {"detail": str(error.msg)})) from None
        except requests.RequestException:
            words = QT_TRANSLATE_NOOP("Problems", "Cannot reach Twilio to read replies.")
            raise TransientError(Problem(words)) from None
        return sorted(found, key=lambda m: m.received_at)

    def close(self) -> None:
        """Close the HTTP sessions of every thread's client."""
        with self._guard:
            sessions, self._http = self._http, []
        for http in sessions:
            if http.session is not None:
                http.session.close()
        self._local = threading.local()


def report(status: str, error_code: int | str | None) -> DeliveryReport:
    """Twilio's status in outbox terms."""
    code = int(error_code) if error_code not in (None, "") else None
    words: Problem | None = None
    if code in DELIVERY_ERRORS:
        words = Problem(DELIVERY_ERRORS[code])
    elif code:
        words = Problem(QT_TRANSLATE_NOOP("Problems", "Twilio error {code}."), {"code": code})
    if status in _IN_FLIGHT:
        return DeliveryReport("sent")
    if status in ("delivered", "read"):
        return DeliveryReport("delivered")
    if status in ("undelivered", "partially_delivered"):
        return DeliveryReport("undelivered", str(code) if code else None, words)
    if status == "canceled":
        canceled = QT_TRANSLATE_NOOP(
            "Problems", "Canceled: it was not sent within its validity period."
        )
        return DeliveryReport("failed", None, Problem(canceled))
    could_not = QT_TRANSLATE_NOOP("Problems", "Twilio could not send it.")
    return DeliveryReport("failed", str(code) if code else None, words or Problem(could_not))


def _never_connected(error: requests.ConnectionError) -> bool:
    """A refused or unresolvable connection: the request never left."""
    text = repr(error)
    return "NewConnectionError" in text or "NameResolutionError" in text


def _down(code: int) -> ChannelDown:
    return ChannelDown(Problem(CHANNEL_DOWN[code]), str(code))


def _transient_or_raise(error: TwilioRestException) -> TransientError:
    code = int(error.code) if error.code else None
    if error.status == 429 or code == 20429:
        slow = QT_TRANSLATE_NOOP("Problems", "Twilio asked Koe to slow down.")
        return TransientError(Problem(slow), "20429")
    if error.status >= 500:
        words = QT_TRANSLATE_NOOP("Problems", "Twilio had a problem ({status}).")
        return TransientError(Problem(words, {"status": error.status}), str(code or error.status))
    if code in CHANNEL_DOWN:
        raise _down(code) from None
    if error.status == 401:
        raise _down(20003) from None
    if code in PERMANENT:
        problem = Problem(PERMANENT[code])
    else:
        words = QT_TRANSLATE_NOOP("Problems", "Twilio refused the message: {detail}")
        problem = Problem(words, {"detail": str(error.msg)})
    raise PermanentError(problem, str(code) if code else str(error.status)) from None
