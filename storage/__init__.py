"""Where Koe keeps things: one SQLite file per workspace through sqlite-utils, and
the secrets in the OS keyring (``secrets``).

All SQL in Koe lives in this package. Each module holds one aggregate (surveys,
contacts, campaigns, outbox, responses, comments, settings, analytics, sync
bookkeeping); ``workspace`` opens the folder, takes its lock and applies the
migrations of ``schema``; ``backups`` keeps copies. Imports only ``surveys``.
"""
