"""Warming the respondent site up as it starts, so its first respondent waits no longer
than the next ones.

A fresh server pays once for what later requests find ready: the worker
threads and their SQLite connections, modules imported on first use, the
compression, the templates (web.pages.warm_templates compiles those in
``create_app``). One request of its own, sent as soon as it listens, pays that
instead of a person on a slow phone.
"""

from __future__ import annotations

import http.client
import logging
import ssl

log = logging.getLogger(__name__)

# A public-link page that cannot exist (not a token): the full page path, a 404 page drawn.
WARM_UP_PATH = "/s/warm-up"
WARM_UP_TIMEOUT = 5.0


def warm_up(host: str, port: int, *, tls: bool = False) -> None:
    """One GET to the site at ``host``:``port``, asking for gzip like a browser; never raises.

    Over ``tls`` the certificate is not checked: the request goes to this
    very server over loopback, and carries and learns nothing secret.
    """
    connection: http.client.HTTPConnection
    if tls:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        connection = http.client.HTTPSConnection(
            host, port, timeout=WARM_UP_TIMEOUT, context=context
        )
    else:
        connection = http.client.HTTPConnection(host, port, timeout=WARM_UP_TIMEOUT)
    try:
        connection.request("GET", WARM_UP_PATH, headers={"Accept-Encoding": "gzip"})
        connection.getresponse().read()
    except OSError as error:
        # Only a slower first answer is at stake: note it and go on.
        log.info("the respondent site's warm-up request failed: %s", error)
    finally:
        connection.close()
