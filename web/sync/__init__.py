"""The sync between the desktop and its public host, over HTTPS with a shared key.

- ``protocol``: the version both sides name, the headers and the endpoints' list;
- the host's side: ``api`` (the JSON endpoints under ``/api/sync/v1``, mounted by
  ``web.app.create_app`` when the host has a sync key);
- the desktop's side: ``client`` (one sync: publish, then pull; the key in the OS
  keyring), ``host`` (``HostClient``, the requests), ``errors`` (``SyncError``, and a
  failed connection or certificate in words), ``check`` (a host checked end to end
  before connecting to it).

It may import ``storage`` (the sync's state and changes: storage.sync,
storage.sync_host, storage.sync_desktop, storage.alert_claims), ``surveys``,
``channels.links`` and ``web.forms`` (the body the middleware read); the desktop's
side also httpx, certifi and keyring. Never a sender, never Qt.
"""
