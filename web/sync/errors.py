"""How a sync fails, in words: ``SyncError``, and what a failed connection means.

Every failure of the desktop's side of the sync (web.sync.host, web.sync.client,
web.sync.check) is a SyncError whose ``kind`` and ``cause`` the desktop turns
into the user's language; its message is plain English for the command line.
``connect_error`` reads a refused connection or a refused certificate (httpx
wraps httpcore wraps ssl) and says which it was.
"""

from __future__ import annotations

import socket
import ssl

import httpx


class SyncError(Exception):
    """A sync that could not finish; ``kind`` says what went wrong, the message in words.

    Kinds: address, unreachable, tls, auth, version, no_sync, refused,
    bad_answer, host_changed, no_key, keyring. ``cause`` narrows some of them
    down, so that the desktop can say it in the user's language:

    - unreachable: no_such_host, refused, timeout, not_https (TLS spoken to
      something that does not speak it);
    - tls: self_signed, untrusted_issuer, expired, not_yet_valid, wrong_name;
    - address: not_url, not_https (plain http to another computer), extra (a ? or #);
    - bad_answer: redirect (``detail`` is where to).
    """

    def __init__(
        self,
        kind: str,
        message: str,
        *,
        host_protocol: str = "",
        cause: str = "",
        detail: str = "",
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.host_protocol = host_protocol  # for "version": what the host speaks
        self.cause = cause
        self.detail = detail


# OpenSSL's verification results (X509_V_ERR_*) and what they mean to a user.
_CERTIFICATE_PROBLEMS = {
    9: "not_yet_valid",
    10: "expired",
    18: "self_signed",  # the host's own certificate signs itself
    19: "self_signed",  # a self-made authority sent along with it
    2: "untrusted_issuer",
    20: "untrusted_issuer",  # signed by an authority this computer does not know
    21: "untrusted_issuer",
    62: "wrong_name",
    64: "wrong_name",  # made for another IP address
}
_CERTIFICATE_WORDS = {
    "self_signed": "is self-signed",
    "untrusted_issuer": "comes from a certificate authority this computer does not trust",
    "expired": "has expired",
    "not_yet_valid": "is not valid yet (check the clocks)",
    "wrong_name": "was made for another name",
}


def _causes(error: BaseException) -> list[BaseException]:
    """``error`` and every exception it was raised from (httpx wraps httpcore wraps ssl)."""
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


def connect_error(url: str, error: httpx.ConnectError) -> SyncError:
    """What a failed connection to the host at ``url`` means, as a SyncError."""
    reason = str(error) or type(error).__name__
    for cause in _causes(error):
        if isinstance(cause, ssl.SSLCertVerificationError):
            problem = _CERTIFICATE_PROBLEMS.get(cause.verify_code or 0, "")
            words = _CERTIFICATE_WORDS.get(problem, "is not valid")
            return SyncError(
                "tls",
                f"The certificate of {url} {words}, so it is not trusted "
                f"({cause.verify_message}). Check the address, and that the host has a valid "
                "HTTPS certificate.",
                cause=problem,
                detail=str(cause.verify_message or ""),
            )
        if isinstance(cause, ssl.SSLError):
            return SyncError(
                "unreachable",
                f"Could not reach the host at {url} over HTTPS ({cause.reason or cause}): "
                "it does not speak HTTPS there. Check the address and its port.",
                cause="not_https",
            )
        if isinstance(cause, socket.gaierror):
            return SyncError(
                "unreachable",
                f"Could not reach the host at {url}: no computer of that name was found.",
                cause="no_such_host",
            )
        if isinstance(cause, ConnectionRefusedError):
            return SyncError(
                "unreachable",
                f"Could not reach the host at {url}: nothing answers there (connection refused).",
                cause="refused",
            )
    if "CERTIFICATE_VERIFY_FAILED" in reason or "certificate" in reason.lower():
        return SyncError(
            "tls",
            f"The certificate of {url} is not trusted ({reason}). Check the address, "
            "and that the host has a valid HTTPS certificate.",
        )
    return SyncError("unreachable", f"Could not reach the host at {url} ({reason}).")
