"""What a link's reach means to the person about to give it out, in one set of words.

Every surface that gives customers a link (Copy link, Save QR code, Save poster,
the designer's preview QR, the Surveys pane, the Send wizard) says it with these
words and offers the same fix, "Set up a public host…", which shows Settings ▸
Public host. ``channels.reach`` decides how far an address reaches; this module
only says what that means and what to do about it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from channels.reach import Reach, classify
from ui.common.notice_bar import Fix, NoticeBar
from ui.context import PUBLIC_HOST, AppContext


def link_warning(reach: Reach) -> str:
    """Who cannot open a link that reaches ``reach``, and the fix; "" when anyone can."""
    if reach is Reach.INTERNET:
        return ""
    if reach is Reach.LOCAL_NETWORK:
        return QCoreApplication.translate(
            "ReachNotice",
            "This link only opens on phones connected to your shop's Wi-Fi, and only while "
            "Koe runs on this computer: fine for a QR code on the counter, not for SMS, email "
            "or printed codes that leave the shop. Set up a public host to reach customers "
            "anywhere.",
        )
    if reach is Reach.THIS_COMPUTER:
        return QCoreApplication.translate(
            "ReachNotice",
            "Only this computer can open this link: customers' phones cannot. Set up a "
            "public host so that customers can answer from anywhere, or turn on Settings ▸ "
            "On this network for phones on your shop's Wi-Fi.",
        )
    return QCoreApplication.translate(
        "ReachNotice",
        "The public address in Settings is not one that phones can open, so this link "
        "reaches no one. Set up a public host.",
    )


def campaign_refusal(address: str) -> str:
    """Why no SMS or email campaign may be queued with links built on ``address``;
    "" when they may (customers read their messages anywhere: only a public host will do)."""
    reach = classify(address)
    if reach is Reach.INTERNET:
        return ""
    if reach is Reach.LOCAL_NETWORK:
        text = QCoreApplication.translate(
            "ReachNotice",
            "SMS and email campaigns need a public host. Their survey links would only open "
            "on your shop's Wi-Fi ({address}), not where customers read their messages, so "
            "nothing can be queued yet.",
        )
    elif reach is Reach.THIS_COMPUTER:
        text = QCoreApplication.translate(
            "ReachNotice",
            "SMS and email campaigns need a public host. Their survey links would point to "
            "this computer ({address}), which customers' phones cannot open, so nothing can "
            "be queued yet.",
        )
    else:
        text = QCoreApplication.translate(
            "ReachNotice",
            "SMS and email campaigns need a public host. The public address in Settings "
            "({address}) is not one customers can open, so nothing can be queued yet.",
        )
    return text.format(address=address)


def qr_hint(reach: Reach) -> str:
    """What a QR code of a link that reaches ``reach`` is good for."""
    if reach is Reach.INTERNET:
        return QCoreApplication.translate(
            "ReachNotice", "Print it on receipts, menus or a card on the counter."
        )
    if reach is Reach.LOCAL_NETWORK:
        return QCoreApplication.translate(
            "ReachNotice",
            "For a card on the counter: phones on your shop's Wi-Fi can scan it while Koe runs.",
        )
    return QCoreApplication.translate(
        "ReachNotice", "Phones cannot open this code yet: print it once a public host is set up."
    )


def setup_fix(context: AppContext, before: Callable[[], None] | None = None) -> Fix:
    """The "Set up a public host…" button's text and action; ``before`` runs first
    (a modal dialog closes itself so that Settings can be used)."""

    def run() -> None:
        if before is not None:
            before()
        context.request_setup(PUBLIC_HOST)

    return QCoreApplication.translate("ReachNotice", "Set up a public host…"), run


def announce(notice: NoticeBar, context: AppContext, text: str, link: str) -> None:
    """``text`` (what was just done with ``link``) on ``notice``; when the link does not
    reach every customer, with its limits and the fix, and kept until dismissed."""
    warning = link_warning(classify(link))
    if warning:
        notice.show_warning(f"{text}\n{warning}", setup_fix(context))
    else:
        notice.show_info(text)


class ReachNotice(NoticeBar):
    """A notice that stays while its cause does: the limits of a link, or why a campaign
    cannot be queued, with the set-up button. Hidden when there is nothing to say.

    ``before_setup`` runs when the button is clicked, before Settings is shown.
    """

    def __init__(
        self,
        context: AppContext,
        before_setup: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, fix_below=True)  # it sits in narrow panes and dialogs
        self.context = context
        self._before_setup = before_setup
        self.set_dismissable(False)

    def show_link(self, link: str) -> None:
        """The limits of ``link`` (hidden when anyone can open it)."""
        self._say(link_warning(classify(link)), error=False)

    def show_campaign(self, address: str) -> None:
        """Why SMS and email cannot go with links on ``address`` (hidden when they can)."""
        self._say(campaign_refusal(address), error=True)

    def _say(self, text: str, *, error: bool) -> None:
        if not text:
            self.hide()
        elif error:
            self.show_error(text, setup_fix(self.context, self._before_setup))
        else:
            self.show_warning(text, setup_fix(self.context, self._before_setup))
