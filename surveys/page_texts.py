"""What a survey says to its respondents around the questions: the shop's own heading
and intro at the top, its thank-you message, and the shop's page the thank-you page
goes on to (``redirect_url``).

The redirect is only ever the address the owner saved, checked here when it is
saved and again when a page is drawn (a synced host re-checks what it received):
https, a real host name, no user name or password in it.
"""

from __future__ import annotations

from urllib.parse import urlsplit

MAX_URL_LENGTH = 500


def redirect_address(text: str) -> str:
    """``text`` as a redirect address, "" for none; ValueError says what is wrong with it."""
    value = text.strip()
    if not value:
        return ""
    if len(value) > MAX_URL_LENGTH:
        raise ValueError(f"the address is longer than {MAX_URL_LENGTH} characters")
    if any(ch.isspace() or ord(ch) < 32 or ch in "\\<>\"'" for ch in value):
        raise ValueError("the address holds spaces or characters an address cannot have")
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError:
        raise ValueError("this is not a web address") from None
    if parts.scheme.lower() != "https":
        raise ValueError("the address must start with https://")
    host = parts.hostname or ""
    if not host or "." not in host.strip(".") or parts.username or parts.password:
        raise ValueError("the address needs a site name such as https://example.com")
    del port  # read only so that a malformed port is refused above
    return value


def safe_redirect(text: str) -> str:
    """``text`` when it is a valid redirect address, else "" (never raises)."""
    try:
        return redirect_address(text)
    except ValueError:
        return ""
