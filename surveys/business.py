"""The business a workspace belongs to: its kind, and how wording names it.

Every template and message names the business through ``{company}``. With a
name set, that is the name. Without one, the wording must still read naturally
to a customer: never "us" / 「当社」, which on a stranger's phone names no one,
and never an empty gap. ``fill_company`` puts in a plain noun phrase that fits
the kind of business instead ("this shop", 「このお店」), capitalised when it
starts an English sentence.
"""

from __future__ import annotations

from surveys.text import LocalText

PLACEHOLDER = "{company}"

# The kinds the set-up assistant offers; "" is "not said" (the assistant was skipped).
CAFE = "cafe"  # café or restaurant
SHOP = "shop"
SALON = "salon"  # salon or clinic
ONLINE = "online"  # online service
KINDS: tuple[str, ...] = (CAFE, SHOP, SALON, ONLINE)

_UNNAMED: dict[str, LocalText] = {
    "": LocalText(en="this business", ja="このお店"),
    CAFE: LocalText(en="this place", ja="このお店"),
    SHOP: LocalText(en="this shop", ja="このお店"),
    SALON: LocalText(en="this place", ja="こちら"),
    ONLINE: LocalText(en="this service", ja="このサービス"),
}


def unnamed(kind: str, language: str) -> str:
    """How wording refers to a business of ``kind`` that has no name yet."""
    return _UNNAMED.get(kind, _UNNAMED[""]).get_for(language)


def fill_company(text: str, name: str, kind: str, language: str) -> str:
    """``text`` with every ``{company}`` replaced by ``name``, or, without a name, by
    the plain noun phrase for ``kind`` (capitalised at the start of the text)."""
    if PLACEHOLDER not in text:
        return text
    name = name.strip()
    if name:
        return text.replace(PLACEHOLDER, name)
    noun = unnamed(kind, language)
    if text.startswith(PLACEHOLDER):
        text = noun[:1].upper() + noun[1:] + text[len(PLACEHOLDER) :]
    return text.replace(PLACEHOLDER, noun)
