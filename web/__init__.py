"""The respondent site: a small Starlette app on uvicorn that shows surveys and takes answers.

What it holds, by concern:

- wiring: ``app`` (``create_app``: routes, middleware, error handlers) and ``server``
  (running it in the desktop on a thread, or headless; ``client_limits`` bounds slow
  clients; ``lan`` finds this computer's address for a counter's QR code);
- the links: ``public_links`` (``/s/<slug>``), ``personal_links`` (``/r/<token>``),
  ``unsubscribe`` (``/u/<token>``), ``preview`` (the designer's ``/preview/<token>``);
- the page flow both survey links share: ``answering`` (show a page, take and store
  its post), ``flow`` (which page comes next), ``forms`` (reading a post, and what was
  wrong with it in words);
- rendering: ``pages`` (templates, headers, the one-message pages), ``survey_page``
  (the survey's form), ``static`` (stylesheet and script), ``i18n`` (the site's own
  words in both languages);
- guards: ``csrf``, ``ratelimit``, ``protection`` (both per app), ``middleware``
  (body size cap, headers), ``trailing_slash``; ``errors`` (the 404/500 pages);
- ``sync``: the sync between the desktop and its public host, both sides.

It may import ``storage`` (all SQL: every read and write goes through it), ``surveys``
(the domain) and, of ``channels``, only ``channels.links`` (tokens and link addresses;
``channels.qr`` would be allowed too): never a sender, the outbox or replies. Nothing
here imports Qt, ``ui``, ``commands``, ``contacts`` or ``exports``
(tests/test_architecture.py checks the direction).
"""
