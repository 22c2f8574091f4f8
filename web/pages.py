"""Rendering the respondent pages: the template environment, the headers every page
carries, what the pages show of the business (``Site``), and the one-message,
thank-you and unsubscribe pages. The survey's form is web.survey_page's.

Templates are read from beside this module (never the current directory),
with autoescaping on: answers and names typed by people are shown as text,
never as markup.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.responses import HTMLResponse

from storage.settings import Settings
from storage.site_logo import Logo
from surveys.colours import BrandShades, ColourError, brand_shades
from surveys.model import Survey
from surveys.page_texts import safe_redirect
from surveys.questions import Band
from web.i18n import text
from web.static import JS_URL, STYLE, STYLE_HASH, csp_hash

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"


def content_security_policy(
    extra_styles: Sequence[str] = (), frame_ancestors: str = "'none'"
) -> str:
    """The pages' policy: nothing from elsewhere, no inline script; inline styles only
    by their hash — koe.css as every page inlines it, and ``extra_styles`` (the shop's
    colours, web.pages.brand_style). ``frame_ancestors``: who may show the page in a
    frame: nobody, except the embed route's allow-list (web.embed).
    """
    hashes = "".join(f" {csp_hash(css)}" for css in extra_styles if css)
    return (
        f"default-src 'none'; script-src 'self'; style-src 'self' {STYLE_HASH}{hashes}; "
        "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; "
        f"frame-ancestors {frame_ancestors}"
    )


SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": content_security_policy(),
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}
# A personal link's page must not linger in a shared phone's or a proxy's cache.
PAGE_HEADERS: dict[str, str] = {**SECURITY_HEADERS, "Cache-Control": "no-store"}

_env = Environment(
    loader=FileSystemLoader(TEMPLATE_DIR),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


@dataclass(frozen=True)
class Site:
    """What the pages show about the business: its name, privacy notice and thank-you offers."""

    business_name: str = ""
    privacy_url: str = ""
    review_url: str = ""
    referral_url: str = ""
    follow_up_detractors: bool = False
    logo: Logo | None = None
    brand: BrandShades | None = None  # None: Koe's own blue

    @classmethod
    def from_settings(cls, settings: Settings, logo: Logo | None = None) -> Site:
        return cls(
            business_name=settings.business_name.strip(),
            privacy_url=web_address(settings.privacy_url),
            review_url=web_address(settings.review_url),
            referral_url=web_address(settings.referral_url),
            follow_up_detractors=settings.follow_up_detractors,
            logo=logo,
            brand=_shades(settings.brand_colour),
        )


def _shades(colour: str) -> BrandShades | None:
    try:
        return brand_shades(colour) if colour.strip() else None
    except ColourError:  # a synced or hand-edited value that is no colour: Koe's own
        return None


def brand_style(site: Site) -> str:
    """The page's ``<style>``: the shop's colour as the accent, light and dark ("" for none).

    The one place a workspace's own CSS is made; its hash goes into the page's
    Content-Security-Policy (render_page), so no ``style=`` attribute is ever needed.
    """
    shades = site.brand
    if shades is None:
        return ""
    return (
        f":root{{--accent:{shades.light};--on-accent:#fff;--chosen:{shades.light_chosen}}}"
        "@media (prefers-color-scheme:dark){:root{"
        f"--accent:{shades.dark};--on-accent:#121316;--chosen:{shades.dark_chosen}}}}}"
        # The heading in the shop's colour, and a band of it along the top.
        "h1{color:var(--accent)}body{border-top:.3125rem solid var(--accent)}"
    )


def web_address(value: str) -> str:
    """``value`` if it is an http(s) address, else "": never a javascript: or data: link."""
    value = value.strip()
    return value if value.lower().startswith(("https://", "http://")) else ""


def warm_templates() -> None:
    """Compile every template now, so the first respondent after start-up waits no longer
    than the next ones (Jinja compiles a template on its first use, then keeps it)."""
    for name in _env.list_templates(extensions=["html"]):
        _env.get_template(name)


def render_page(
    template: str, status: int, language: str, site: Site, banner: str = "", **context: object
) -> HTMLResponse:
    """``template`` in ``language``, with the business's details and the page headers."""
    style = brand_style(site)
    page = _env.get_template(template).render(
        lang=language,
        _=partial(text, language),
        site=site,
        style=STYLE,
        js_url=JS_URL,
        brand_style=style,
        banner=banner,  # a line above the page, e.g. the designer's preview notice
        **context,
    )
    headers = {**PAGE_HEADERS, "Content-Security-Policy": content_security_policy([style])}
    return HTMLResponse(page, status_code=status, headers=headers)


def message_page(
    language: str,
    site: Site,
    topic: str,
    status: int,
    *,
    link: tuple[str, str] | None = None,
    headers: Mapping[str, str] | None = None,
) -> HTMLResponse:
    """A page that says one thing: ``topic`` names ``<topic>_title``/``<topic>_body``.

    ``link`` is (address, catalogue key of its words), e.g. back to the survey.
    """
    response = render_page("message.html", status, language, site, topic=topic, link=link)
    response.headers.update(headers or {})
    return response


def thanks_page(
    language: str,
    site: Site,
    band: Band | None,
    *,
    can_follow_up: bool,
    banner: str = "",
    survey: Survey | None = None,
) -> HTMLResponse:
    """The thank-you page, by the band of the headline score.

    A detractor is told the team will follow up when the business switched
    that on and can reach them (``can_follow_up``: a personal link of a survey
    that is not anonymous); a promoter is offered the referral programme; the
    public review link goes to everyone alike, whatever their score, because
    offering it only to happy customers ("review gating") breaks Google's
    review policy.

    The ``survey``'s own thank-you message replaces Koe's words; its redirect
    (only the address the owner saved, checked again here) is a visible link,
    which the script follows after a few seconds unless the person stays, and
    only when the page offers nothing else to read (a referral or review offer).
    """
    referral = site.referral_url if band is Band.PROMOTER else ""
    redirect = safe_redirect(survey.redirect_url) if survey is not None else ""
    return render_page(
        "thanks.html",
        200,
        language,
        site,
        banner,
        follow_up=band is Band.DETRACTOR and site.follow_up_detractors and can_follow_up,
        referral=referral,
        review=site.review_url,
        message=survey.thanks.get(language, "").strip() if survey is not None else "",
        redirect=redirect,
        redirect_host=urlsplit(redirect).hostname if redirect else "",
        auto_redirect=bool(redirect) and not (referral or site.review_url),
    )


def unsubscribe_page(
    language: str,
    site: Site,
    *,
    channel: str,
    done: bool,
    action: str = "",
    token: str = "",
    page_error: str = "",
    status: int = 200,
) -> HTMLResponse:
    """The unsubscribe question with its one button, or (``done``) the confirmation."""
    channel_key = f"channel_{channel}" if channel in ("email", "sms") else "channel_other"
    return render_page(
        "unsubscribe.html",
        status,
        language,
        site,
        channel=text(language, channel_key),
        done=done,
        action=action,
        token=token,
        page_error=page_error,
    )
