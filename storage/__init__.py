"""Koe's storage: one SQLite file per workspace, reached through sqlite-utils.

All SQL in Koe lives in this package. Each module holds one aggregate
(surveys, deliveries, responses, settings, analytics); ``workspace`` opens the
folder, takes its lock and applies migrations; ``backups`` keeps copies.
"""
